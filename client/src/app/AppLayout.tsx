import { Suspense, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { LoadingMessage } from '../components/LoadingMessage';
import { UserMenu } from '../features/auth';
import { DemoDataBanner } from '../features/meta/components/DemoDataBanner';
import { AppNav } from './AppNav';

const NAV_ID = 'app-nav';

/**
 * The frame of every page: the header (brand, account, language and the main links, which on a narrow screen open
 * from a menu button), the demonstration-data notice, and the page itself.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const appTitle = t('app.title');
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  // The menu is open for the location it was opened at: following a link (a new location) closes it.
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const menuOpen = menuOpenAt === location.key;

  // The bare app title until the page names itself: a layout effect runs before the pages' effects
  // (`usePageTitle`), so it never overwrites their titles, on the first render or after a language switch.
  useLayoutEffect(() => {
    document.title = appTitle;
  }, [appTitle]);

  const handleHeaderKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && menuOpen) {
      event.preventDefault();
      setMenuOpenAt(null);
      menuButtonRef.current?.focus();
    }
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {/* Escape closes the menu from anywhere in the header (the keys bubble up from its links and buttons). */}
      <header className="app-header" onKeyDown={handleHeaderKeyDown}>
        <div className="app-header__bar">
          <Link className="app-header__brand" to="/">
            {t('app.brand')}
          </Link>
          <UserMenu />
          <LanguageSwitch />
          <button
            ref={menuButtonRef}
            type="button"
            className="button app-header__menu-button"
            aria-expanded={menuOpen}
            aria-controls={NAV_ID}
            onClick={() => setMenuOpenAt(menuOpen ? null : location.key)}
          >
            <MenuIcon open={menuOpen} />
            {t('app.menu')}
          </button>
        </div>
        <AppNav id={NAV_ID} open={menuOpen} />
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

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24">
      <path
        fill="currentColor"
        d={
          open
            ? 'M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6 6.4 5Z'
            : 'M3 6h18v2H3V6Zm0 5h18v2H3v-2Zm0 5h18v2H3v-2Z'
        }
      />
    </svg>
  );
}
