/** The review feature's strings: Persian (the shape) and English. Wired into the app's resources under `review`. */
export const fa = {
  reviewQueuePageTitle: 'امتیازهای منتظر بررسی',
  roundsPageTitle: 'دوره‌های ارزیابی',
};

export const en: typeof fa = {
  reviewQueuePageTitle: 'Scores to review',
  roundsPageTitle: 'Evaluation rounds',
};
