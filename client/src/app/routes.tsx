import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { AgencyListPage } from '../features/agencies';
import { AuditLogPage } from '../features/audit';
import { ADMIN_ROLES, AUDIT_ROLES, EDITOR_ROLES, RequireRole, SignInPage } from '../features/auth';
import { ServiceInventoryPage } from '../features/catalogue';
import { SessionFormPage } from '../features/evaluations';
import { ImportWizardPage } from '../features/imports';
import { CyclesPage } from '../features/milestones';
import { OverviewPage } from '../features/overview';
import { AgencyProgressPage } from '../features/progress';
import { RankingsPage } from '../features/rankings';
import { ResponsesAdminPage } from '../features/responses';
import { ReviewQueuePage, RoundsPage } from '../features/review';
import { WeeklyBriefPage, WeeklyReportsPage } from '../features/weekly';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorPage } from './RouteErrorPage';

/** The agency page as the app composes it (it draws charts: loaded on demand). */
const AgencyPage = lazy(async () => ({ default: (await import('./AgencyPage')).AgencyPage }));

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <OverviewPage /> },
          { path: 'rankings', element: <RankingsPage /> },
          { path: 'weekly', element: <WeeklyReportsPage /> },
          // `latest` or a week (`1401-06-26`); the page resolves `latest` to the week's permalink.
          { path: 'weekly/:week', element: <WeeklyBriefPage /> },
          { path: 'agencies', element: <AgencyListPage /> },
          { path: 'signin', element: <SignInPage /> },
          { path: 'agencies/:id', element: <AgencyPage /> },
          {
            path: 'agencies/:id/progress',
            element: (
              <RequireRole roles={EDITOR_ROLES}>
                <AgencyProgressPage />
              </RequireRole>
            ),
          },
          {
            path: 'agencies/:id/inventory',
            element: (
              <RequireRole roles={ADMIN_ROLES}>
                <ServiceInventoryPage />
              </RequireRole>
            ),
          },
          {
            path: 'evaluations/new',
            element: (
              <RequireRole roles={EDITOR_ROLES}>
                <SessionFormPage />
              </RequireRole>
            ),
          },
          {
            path: 'review',
            element: (
              <RequireRole roles={EDITOR_ROLES}>
                <ReviewQueuePage />
              </RequireRole>
            ),
          },
          {
            path: 'rounds',
            element: (
              <RequireRole roles={EDITOR_ROLES}>
                <RoundsPage />
              </RequireRole>
            ),
          },
          {
            path: 'cycles',
            element: (
              <RequireRole roles={ADMIN_ROLES}>
                <CyclesPage />
              </RequireRole>
            ),
          },
          {
            path: 'responses',
            element: (
              <RequireRole roles={ADMIN_ROLES}>
                <ResponsesAdminPage />
              </RequireRole>
            ),
          },
          {
            path: 'imports',
            element: (
              <RequireRole roles={EDITOR_ROLES}>
                <ImportWizardPage />
              </RequireRole>
            ),
          },
          {
            path: 'audit',
            element: (
              <RequireRole roles={AUDIT_ROLES}>
                <AuditLogPage />
              </RequireRole>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
