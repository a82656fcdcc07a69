import { lazy } from 'react';

/** What other parts of the app may use from the agencies feature. */
export { useAgencies, type Agency, type AgencyListParams } from './api/getAgencies';
export { useAgency, type AgencyDetail, type ServiceStage } from './api/getAgency';
export { AgencyDetailPage } from './components/AgencyDetailPage';

/** The agency list, loaded on demand (route-level code splitting). */
export const AgencyListPage = lazy(async () => ({
  default: (await import('./components/AgencyListPage')).AgencyListPage,
}));
