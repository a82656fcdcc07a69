import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Sets the browser tab's title to "<page> · <app>", so tabs, history and bookmarks say which page is which.
 * Pass null while the page's subject is loading: the title then stays the app's own.
 */
export function usePageTitle(page: string | null): void {
  const { t } = useTranslation();
  const app = t('app.brand');
  useEffect(() => {
    document.title = page ? `${page} · ${app}` : app;
  }, [page, app]);
}
