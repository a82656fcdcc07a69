import { lazy } from 'react';

/** Loaded on demand (route-level code splitting). */
export const ServiceInventoryPage = lazy(async () => ({
  default: (await import('./components/ServiceInventoryPage')).ServiceInventoryPage,
}));
