import { render } from '@testing-library/react';
import { createMemoryRouter } from 'react-router-dom';
import { App } from '../app/App';
import { createI18n } from '../app/i18n/createI18n';
import { createQueryClient } from '../app/createQueryClient';
import { routes } from '../app/routes';
import type { Language } from '../lib/language';

/** Renders the whole app (real routes, providers and i18n) at `path`, as a user would open it. */
export function renderApp(path: string, { language }: { language?: Language } = {}) {
  const i18n = createI18n(language);
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(<App i18n={i18n} queryClient={queryClient} router={router} />);
  return { ...view, router, i18n, queryClient };
}
