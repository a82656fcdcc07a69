import type { RouteObject } from 'react-router-dom';
import { AgencyListPage } from '../features/agencies';
import { AuditLogPage } from '../features/audit';
import { AUDIT_ROLES, EDITOR_ROLES, RequireRole, SignInPage } from '../features/auth';
import { SessionFormPage } from '../features/evaluations';
import { ImportWizardPage } from '../features/imports';
import { AgencyProgressPage } from '../features/progress';
import { AgencyPage } from './AgencyPage';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorPage } from './RouteErrorPage';

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <AgencyListPage /> },
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
            path: 'evaluations/new',
            element: (
              <RequireRole roles={EDITOR_ROLES}>
                <SessionFormPage />
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
