/** The overview feature's strings: Persian (the shape) and English. Wired into the app's resources under `overview`. */
export const fa = {
  overviewPageTitle: 'نمای کلی کشور',
};

export const en: typeof fa = {
  overviewPageTitle: 'National overview',
};
