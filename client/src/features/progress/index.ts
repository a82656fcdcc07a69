import { lazy } from 'react';

/** What other parts of the app may use from the progress feature: a staff-only page, loaded on demand. */
export const AgencyProgressPage = lazy(async () => ({
  default: (await import('./components/AgencyProgressPage')).AgencyProgressPage,
}));
