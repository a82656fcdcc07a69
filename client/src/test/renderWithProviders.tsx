import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AppProviders } from '../app/AppProviders';
import { createI18n } from '../app/i18n/createI18n';
import { createQueryClient } from '../app/createQueryClient';
import type { Language } from '../lib/language';

/** Renders one component with the app's providers (i18n, TanStack Query) but no router. */
export function renderWithProviders(ui: ReactElement, { language = 'fa' }: { language?: Language } = {}) {
  const i18n = createI18n(language);
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const view = render(
    <AppProviders i18n={i18n} queryClient={queryClient}>
      {ui}
    </AppProviders>,
  );
  return { ...view, i18n, queryClient };
}
