import { lazy } from 'react';

/** Loaded on demand (route-level code splitting). */
export const ReviewQueuePage = lazy(async () => ({
  default: (await import('./components/ReviewQueuePage')).ReviewQueuePage,
}));
/** Loaded on demand (route-level code splitting). */
export const RoundsPage = lazy(async () => ({
  default: (await import('./components/RoundsPage')).RoundsPage,
}));
