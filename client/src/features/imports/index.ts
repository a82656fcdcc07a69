import { lazy } from 'react';

/** What other parts of the app may use from the imports feature: a staff-only page, loaded on demand. */
export const ImportWizardPage = lazy(async () => ({
  default: (await import('./components/ImportWizardPage')).ImportWizardPage,
}));
