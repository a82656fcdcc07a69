import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  agencyPage,
  demoMeta,
  evaluatorUser,
  interiorMinistry,
  openRound,
  unauthenticated,
} from '../../../test/fixtures';
import { bodiesSentTo, jsonBodyOf, mockFetch, type FakeReply } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';

/** A fake server with a session: `/auth/me` answers 401 until a sign-in succeeds. */
function serveAuth(loginReply: (body: { username: string; password: string }) => FakeReply) {
  let signedIn = false;
  const fetchMock = mockFetch({
    '/api/v1/meta': { body: demoMeta },
    '/api/v1/agencies': { body: agencyPage([interiorMinistry]) },
    '/api/v1/rounds': { body: { items: [openRound] } },
    '/api/v1/auth/me': () => (signedIn ? { body: evaluatorUser } : unauthenticated),
    '/api/v1/auth/login': (_url, init) => {
      const reply = loginReply(jsonBodyOf<{ username: string; password: string }>(init));
      if ((reply.status ?? 200) === 200) signedIn = true;
      return reply;
    },
    '/api/v1/auth/logout': () => {
      signedIn = false;
      return { status: 204, body: null };
    },
  });
  return fetchMock;
}

const badCredentials: FakeReply = {
  status: 401,
  body: {
    statusCode: 401,
    error: 'BAD_CREDENTIALS',
    message: { fa: 'نام کاربری یا گذرواژه نادرست است.', en: 'Wrong username or password.' },
  },
};

function fillAndSubmit(username: string, password: string, language: 'fa' | 'en' = 'fa') {
  const labels = language === 'fa' ? ['نام کاربری', 'گذرواژه', 'ورود'] : ['Username', 'Password', 'Sign in'];
  fireEvent.change(screen.getByLabelText(labels[0]!), { target: { value: username } });
  fireEvent.change(screen.getByLabelText(labels[1]!), { target: { value: password } });
  fireEvent.click(within(screen.getByRole('main')).getByRole('button', { name: labels[2]! }));
}

describe('SignInPage', () => {
  beforeEach(() => localStorage.clear());

  it('shows the server’s refusal in Persian and keeps the person on the page', async () => {
    serveAuth(() => badCredentials);
    const { router } = renderApp('/signin');
    await screen.findByRole('heading', { level: 1, name: 'ورود به سامانه' });

    fillAndSubmit('evaluator', 'wrong');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('نام کاربری یا گذرواژه نادرست است.');
    expect(alert).toHaveFocus();
    expect(screen.getByLabelText('گذرواژه')).toHaveAccessibleDescription('نام کاربری یا گذرواژه نادرست است.');
    expect(router.state.location.pathname).toBe('/signin');
  });

  it('shows the refusal in English in the English view', async () => {
    serveAuth(() => badCredentials);
    renderApp('/signin', { language: 'en' });
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    fillAndSubmit('evaluator', 'wrong', 'en');
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');
  });

  it('says when there were too many attempts, in the server’s words or its own', async () => {
    serveAuth(() => ({
      status: 429,
      body: {
        statusCode: 429,
        error: 'TOO_MANY_REQUESTS',
        message: {
          fa: 'تلاش‌ها بیش از حد است؛ ۴۲ ثانیه دیگر دوباره تلاش کنید.',
          en: 'Too many attempts; try again in 42 seconds.',
        },
      },
    }));
    renderApp('/signin');
    await screen.findByRole('heading', { level: 1 });
    fillAndSubmit('evaluator', 'x');
    expect(await screen.findByRole('alert')).toHaveTextContent('۴۲ ثانیه دیگر دوباره تلاش کنید');
  });

  it('falls back to its own rate-limit message when the reply carries none', async () => {
    serveAuth(() => ({ status: 429, body: 'Too Many Requests' }));
    renderApp('/signin', { language: 'en' });
    await screen.findByRole('heading', { level: 1 });
    fillAndSubmit('evaluator', 'x', 'en');
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts; try again shortly.');
  });

  it('sends a signed-out visitor from a staff page to sign in, then back to that page', async () => {
    const fetchMock = serveAuth(() => ({ body: { user: evaluatorUser, expiresAt: '2030-01-01T00:00:00Z' } }));
    const { router } = renderApp('/evaluations/new');

    await screen.findByRole('heading', { level: 1, name: 'ورود به سامانه' });
    expect(router.state.location.pathname).toBe('/signin');
    expect(router.state.location.search).toBe('?returnTo=%2Fevaluations%2Fnew');

    fillAndSubmit('  evaluator ', 'secret');

    expect(await screen.findByRole('heading', { level: 1, name: 'ثبت جلسه ارزیابی' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/evaluations/new');
    expect(bodiesSentTo(fetchMock, '/api/v1/auth/login')).toEqual([{ username: 'evaluator', password: 'secret' }]);

    const header = screen.getByRole('banner');
    expect(within(header).getByText('ارزیاب نمایشی ۱')).toBeInTheDocument();
    expect(within(header).getByText('(ارزیاب)')).toBeInTheDocument();
    const nav = within(header).getByRole('navigation', { name: 'پیوندهای اصلی' });
    expect(within(nav).getByRole('link', { name: 'ثبت جلسه ارزیابی' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).queryByRole('link', { name: 'گزارش رویدادها' })).not.toBeInTheDocument(); // admin, cabinet
  });

  it('signs out from the header and goes to the home page', async () => {
    serveAuth(() => ({ body: { user: evaluatorUser, expiresAt: '2030-01-01T00:00:00Z' } }));
    const { router } = renderApp('/signin?returnTo=%2Fimports');
    await screen.findByRole('heading', { level: 1 });
    fillAndSubmit('evaluator', 'secret');
    await screen.findByRole('heading', { level: 1, name: 'ورود داده از صفحه‌گسترده' });

    fireEvent.click(within(screen.getByRole('banner')).getByRole('button', { name: 'خروج' }));

    expect(await within(screen.getByRole('banner')).findByRole('link', { name: 'ورود' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(screen.queryByText('ارزیاب نمایشی ۱')).not.toBeInTheDocument();
  });

  it('never sends the person off the site after signing in', async () => {
    serveAuth(() => ({ body: { user: evaluatorUser, expiresAt: '2030-01-01T00:00:00Z' } }));
    const { router } = renderApp('/signin?returnTo=%2F%2Fevil.example');
    await screen.findByRole('heading', { level: 1 });
    fillAndSubmit('evaluator', 'secret');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('tells a signed-in user without the role that the page is not for them', async () => {
    mockFetch({
      '/api/v1/meta': { body: demoMeta },
      '/api/v1/auth/me': { body: { ...evaluatorUser, role: 'cabinet' } },
    });
    renderApp('/imports');
    expect(await screen.findByRole('heading', { level: 1, name: 'دسترسی ندارید' })).toBeInTheDocument();
  });
});
