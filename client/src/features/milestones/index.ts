import { lazy } from 'react';

/** What other parts of the app may use from the milestones feature. */
export { useCycles, type Cycle, type Milestone } from './api/getCycles';

/** Loaded on demand (route-level code splitting). */
export const CyclesPage = lazy(async () => ({
  default: (await import('./components/CyclesPage')).CyclesPage,
}));
