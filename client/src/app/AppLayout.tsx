import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { LoadingMessage } from '../components/LoadingMessage';
import { UserMenu } from '../features/auth';
import { DemoDataBanner } from '../features/meta/components/DemoDataBanner';
import { AppNav } from './AppNav';

export function AppLayout() {
  const { t } = useTranslation();

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link className="app-header__brand" to="/">
          {t('app.brand')}
        </Link>
        <AppNav />
        <div className="app-header__end">
          <UserMenu />
          <LanguageSwitch />
        </div>
      </header>
      <DemoDataBanner />
      <main id="main" className="app-main" tabIndex={-1}>
        {/* Staff pages are loaded on demand. */}
        <Suspense fallback={<LoadingMessage />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
