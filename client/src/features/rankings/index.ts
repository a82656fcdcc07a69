import { lazy } from 'react';

/** Loaded on demand (route-level code splitting). */
export const RankingsPage = lazy(async () => ({
  default: (await import('./components/RankingsPage')).RankingsPage,
}));
