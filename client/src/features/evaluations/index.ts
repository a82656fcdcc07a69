import { lazy } from 'react';

/** What other parts of the app may use from the evaluations feature. */
export { roundsQueryOptions, useRounds } from './api/getRounds';
export { AgencyScoresSection } from './components/AgencyScoresSection';

/** Staff-only page, loaded on demand so the public pages stay light. */
export const SessionFormPage = lazy(async () => ({
  default: (await import('./components/SessionFormPage')).SessionFormPage,
}));
