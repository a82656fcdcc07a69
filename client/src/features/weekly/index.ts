import { lazy } from 'react';

/** Loaded on demand (route-level code splitting). */
export const WeeklyBriefPage = lazy(async () => ({
  default: (await import('./components/WeeklyBriefPage')).WeeklyBriefPage,
}));
/** Loaded on demand (route-level code splitting). */
export const WeeklyReportsPage = lazy(async () => ({
  default: (await import('./components/WeeklyReportsPage')).WeeklyReportsPage,
}));
