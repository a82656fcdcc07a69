import type { RouteObject } from 'react-router-dom';
import { AgencyDetailPage } from '../features/agencies/components/AgencyDetailPage';
import { AgencyListPage } from '../features/agencies/components/AgencyListPage';
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
          { path: 'agencies/:id', element: <AgencyDetailPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
