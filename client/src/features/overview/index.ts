import { lazy } from 'react';

/** Loaded on demand (route-level code splitting). */
export const OverviewPage = lazy(async () => ({
  default: (await import('./components/OverviewPage')).OverviewPage,
}));
