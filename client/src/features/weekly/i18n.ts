/** The weekly feature's strings: Persian (the shape) and English. Wired into the app's resources under `weekly`. */
export const fa = {
  weeklyBriefPageTitle: 'گزارش هفتگی',
  weeklyReportsPageTitle: 'گزارش‌های هفتگی',
};

export const en: typeof fa = {
  weeklyBriefPageTitle: 'Weekly brief',
  weeklyReportsPageTitle: 'Weekly reports',
};
