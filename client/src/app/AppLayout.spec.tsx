import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { demoMeta, evaluatorUser, unauthenticated } from '../test/fixtures';
import { mockFetch } from '../test/mockFetch';
import { renderApp } from '../test/renderApp';

function serve({ signedIn = true }: { signedIn?: boolean } = {}) {
  return mockFetch({
    '/api/v1/meta': { body: demoMeta },
    '/api/v1/auth/me': signedIn ? { body: evaluatorUser } : unauthenticated,
  });
}

describe('AppLayout', () => {
  beforeEach(() => localStorage.clear());

  it('opens and closes the main links from the menu button (the narrow-screen header)', async () => {
    serve();
    renderApp('/no-such-page');
    await screen.findByRole('heading', { level: 1, name: 'صفحه پیدا نشد' });

    const header = screen.getByRole('banner');
    const menuButton = within(header).getByRole('button', { name: 'منو' });
    const nav = within(header).getByRole('navigation', { name: 'پیوندهای اصلی' });
    expect(menuButton).toHaveAttribute('aria-controls', nav.id);
    expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    expect(nav).not.toHaveClass('app-nav--open');

    fireEvent.click(menuButton);
    expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    expect(nav).toHaveClass('app-nav--open');

    // Escape closes it and gives the focus back to the button.
    const link = await within(nav).findByRole('link', { name: 'ثبت جلسه ارزیابی' });
    link.focus();
    fireEvent.keyDown(link, { key: 'Escape' });
    expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    expect(menuButton).toHaveFocus();

    // Following a link closes it too (once the next page, loaded on demand, is there).
    fireEvent.click(menuButton);
    fireEvent.click(within(nav).getByRole('link', { name: 'رتبه‌بندی' }));
    await waitFor(() => expect(menuButton).toHaveAttribute('aria-expanded', 'false'), { timeout: 10_000 });
    expect(nav).not.toHaveClass('app-nav--open');
  });

  it('keeps the demonstration-data notice to one line, with the full notice a click away', async () => {
    serve();
    renderApp('/no-such-page');
    const banner = await screen.findByRole('complementary', { name: 'داده‌های نمایشی' });
    const details = banner.querySelector('details');
    expect(details).not.toBeNull();
    expect(details).not.toHaveAttribute('open');
    expect(banner.querySelector('summary')).toHaveTextContent('داده‌های نمایشی بیشتر ارقام ساختگی است.');
    expect(banner).toHaveTextContent(demoMeta.notice.fa);
  });

  it('names the tab after the page, not after the app, and follows a language switch', async () => {
    serve({ signedIn: false });
    const { i18n } = renderApp('/signin');
    await screen.findByRole('heading', { level: 1, name: 'ورود به سامانه' });
    await waitFor(() => expect(document.title).toBe('ورود به سامانه · پایش پنجره ملی خدمات'));

    await i18n.changeLanguage('en');
    await waitFor(() => expect(document.title).toBe('Sign in · E-services connection monitor'));
  });

  it('names the tab of a page that does not exist', async () => {
    serve();
    renderApp('/no-such-page');
    await screen.findByRole('heading', { level: 1, name: 'صفحه پیدا نشد' });
    await waitFor(() => expect(document.title).toBe('صفحه پیدا نشد · پایش پنجره ملی خدمات'));
  });

  it('names the tab of a page not meant for the person’s role', async () => {
    serve();
    renderApp('/audit');
    await screen.findByRole('heading', { level: 1, name: 'دسترسی ندارید' });
    await waitFor(() => expect(document.title).toBe('دسترسی ندارید · پایش پنجره ملی خدمات'));
  });
});
