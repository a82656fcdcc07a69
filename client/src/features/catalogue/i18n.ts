/** The catalogue feature's strings: Persian (the shape) and English. Wired into the app's resources under `catalogue`. */
export const fa = {
  serviceInventoryPageTitle: 'فهرست خدمات دستگاه',
};

export const en: typeof fa = {
  serviceInventoryPageTitle: 'Service inventory',
};
