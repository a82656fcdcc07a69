/** The rankings feature's strings: Persian (the shape) and English. Wired into the app's resources under `rankings`. */
export const fa = {
  rankingsPageTitle: 'رتبه‌بندی دستگاه‌ها',
};

export const en: typeof fa = {
  rankingsPageTitle: 'Rankings',
};
