import type { QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { RouterProvider, type DataRouter } from 'react-router-dom';
import { AppProviders } from './AppProviders';

interface AppProps {
  i18n: I18n;
  queryClient: QueryClient;
  /** A browser router in the app, a memory router in tests; both built from `routes`. */
  router: DataRouter;
}

export function App({ i18n, queryClient, router }: AppProps) {
  return (
    <AppProviders i18n={i18n} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
