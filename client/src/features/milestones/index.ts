import { lazy } from 'react';

/** Loaded on demand (route-level code splitting). */
export const CyclesPage = lazy(async () => ({
  default: (await import('./components/CyclesPage')).CyclesPage,
}));
