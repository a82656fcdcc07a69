import { lazy } from 'react';

/** What other parts of the app may use from the milestones feature. */
export { useCycles, type Cycle, type Milestone } from './api/getCycles';
export { FormPanel } from './components/FormPanel';
export { TextField } from './components/TextField';
export { useFormProblems, type Problems } from './hooks/useFormProblems';

/** Loaded on demand (route-level code splitting). */
export const CyclesPage = lazy(async () => ({
  default: (await import('./components/CyclesPage')).CyclesPage,
}));
