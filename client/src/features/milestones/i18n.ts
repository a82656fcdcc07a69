/** The milestones feature's strings: Persian (the shape) and English. Wired into the app's resources under `milestones`. */
export const fa = {
  cyclesPageTitle: 'دوره‌های برنامه و مهلت‌ها',
};

export const en: typeof fa = {
  cyclesPageTitle: 'Cycles and milestones',
};
