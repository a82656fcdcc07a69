import { lazy } from 'react';

/** What other parts of the app may use from the audit feature: a staff-only page, loaded on demand. */
export const AuditLogPage = lazy(async () => ({
  default: (await import('./components/AuditLogPage')).AuditLogPage,
}));
