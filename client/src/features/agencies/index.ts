import { lazy } from 'react';

/** What other parts of the app may use from the agencies feature. */
export { useAgencies, type Agency, type AgencyListParams } from './api/getAgencies';
export { useAgency, type AgencyDetail, type ServiceStage } from './api/getAgency';
export { useAgencySessions, type AgencySession } from './api/getAgencySessions';
export type { AgencyDetailPageProps } from './components/AgencyDetailPage';
export { SectionBoundary } from './components/SectionBoundary';

/**
 * The agency page's body (the app adds its actions and other features' sections), loaded on demand: it brings
 * its sections and styles, and its chart brings chart.js later still.
 */
export const AgencyDetailPage = lazy(async () => ({
  default: (await import('./components/AgencyDetailPage')).AgencyDetailPage,
}));

/** The agency list, loaded on demand (route-level code splitting). */
export const AgencyListPage = lazy(async () => ({
  default: (await import('./components/AgencyListPage')).AgencyListPage,
}));
