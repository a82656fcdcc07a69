import { lazy } from 'react';

/** What other parts of the app may use from the right-of-reply feature. */
export { AgencyResponsesSection } from './components/AgencyResponsesSection';
export { AgencyResponseMark, WeekResponsesProvider, WeekResponsesSection } from './components/WeekResponses';

/** Admin-only page, loaded on demand so the public pages stay light. */
export const ResponsesAdminPage = lazy(async () => ({
  default: (await import('./components/ResponsesAdminPage')).ResponsesAdminPage,
}));
