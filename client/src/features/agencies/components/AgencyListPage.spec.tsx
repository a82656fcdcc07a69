import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { agencyPage, centralBank, demoMeta, interiorMinistry } from '../../../test/fixtures';
import { mockFetch, requestsTo } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';

function serveAgencies(overrides: Parameters<typeof agencyPage>[1] = {}) {
  return mockFetch({
    '/api/v1/meta': { body: demoMeta },
    '/api/v1/agencies': { body: agencyPage([interiorMinistry, centralBank], overrides) },
  });
}

describe('AgencyListPage', () => {
  beforeEach(() => localStorage.clear());

  it('lists agencies in Persian with Jalali dates, Persian digits and the exact score', async () => {
    serveAgencies();
    renderApp('/agencies');

    expect(await screen.findByRole('heading', { level: 1, name: 'دستگاه‌های اجرایی' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('دستگاه‌های اجرایی · پایش پنجره ملی خدمات'));
    const table = await screen.findByRole('table', { name: 'دستگاه‌های اجرایی' });
    const row = within(table).getByRole('row', { name: /وزارت کشور/ });
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual(['وزارتخانه', '۲۴۹', '۱۲', '۱۴۰۱/۰۶/۳۱', 'هنوز نه', '۲۶٫۰۷']);
    expect(within(row).getByRole('link', { name: 'وزارت کشور' })).toHaveAttribute(
      'href',
      `/agencies/${interiorMinistry.id}`,
    );

    const bankRow = within(table).getByRole('row', { name: /بانک مرکزی/ });
    expect(within(bankRow).getByText('۱٬۲۳۴')).toBeInTheDocument();
    expect(within(bankRow).getByText('۱۴۰۱/۱۰/۳۰')).toHaveAttribute('title', '۲۰ ژانویهٔ ۲۰۲۳');
    expect(within(bankRow).getByText('بدون امتیاز')).toBeInTheDocument();
  });

  it('says that the wide table scrolls sideways, in its own focusable box', async () => {
    serveAgencies();
    renderApp('/agencies');
    const region = await screen.findByRole('region', { name: 'جدول: دستگاه‌های اجرایی' });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(within(region).getByRole('table')).toBeInTheDocument();
    expect(screen.getByText('این جدول پهن است؛ برای دیدن همه ستون‌ها آن را به پهلو بکشید.')).toBeInTheDocument();
  });

  it('shows the demonstration-data notice from the server', async () => {
    serveAgencies();
    renderApp('/agencies');
    const banner = await screen.findByRole('complementary', { name: 'داده‌های نمایشی' });
    expect(banner).toHaveTextContent(demoMeta.notice.fa);
  });

  it('shows no notice when the data is real', async () => {
    mockFetch({
      '/api/v1/meta': { body: { ...demoMeta, demoData: false } },
      '/api/v1/agencies': { body: agencyPage([interiorMinistry]) },
    });
    renderApp('/agencies');
    await screen.findByRole('table');
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
  });

  it('writes the search into the URL after a pause and asks the server for it', async () => {
    const fetchMock = serveAgencies();
    const { router } = renderApp('/agencies?page=3');
    await screen.findByRole('table');

    fireEvent.change(screen.getByRole('searchbox', { name: 'جستجوی دستگاه' }), { target: { value: 'کشور' } });
    expect(router.state.location.search).toBe('?page=3'); // not on every keystroke

    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('search')).toBe('کشور'));
    expect(new URLSearchParams(router.state.location.search).has('page')).toBe(false); // a new search starts at page 1
    await waitFor(() =>
      expect(requestsTo(fetchMock, '/api/v1/agencies').at(-1)?.searchParams.get('search')).toBe('کشور'),
    );
  });

  it('reads the page from the URL and links to the neighbouring pages', async () => {
    const fetchMock = serveAgencies({ total: 120, page: 2 });
    renderApp('/agencies?search=%D8%A8%D8%A7%D9%86%DA%A9&page=2');

    await screen.findByRole('table');
    const request = requestsTo(fetchMock, '/api/v1/agencies')[0]!;
    expect(request.searchParams.get('page')).toBe('2');
    expect(request.searchParams.get('pageSize')).toBe('50');
    expect(request.searchParams.get('search')).toBe('بانک');
    expect(screen.getByRole('searchbox')).toHaveValue('بانک');

    const pagination = screen.getByRole('navigation', { name: 'صفحه‌بندی' });
    expect(pagination).toHaveTextContent('صفحه ۲ از ۳');
    expect(screen.getByText('۱۲۰ دستگاه')).toBeInTheDocument();
    expect(within(pagination).getByRole('link', { name: 'صفحه بعد' })).toHaveAttribute(
      'href',
      '/agencies?search=%D8%A8%D8%A7%D9%86%DA%A9&page=3',
    );
    expect(within(pagination).getByRole('link', { name: 'صفحه قبل' })).toHaveAttribute(
      'href',
      '/agencies?search=%D8%A8%D8%A7%D9%86%DA%A9',
    );
  });

  it('says so when nothing matches the search', async () => {
    mockFetch({
      '/api/v1/meta': { body: demoMeta },
      '/api/v1/agencies': { body: agencyPage([]) },
    });
    renderApp('/agencies?search=xyz');
    expect(await screen.findByText('دستگاهی با «xyz» یافت نشد.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the server’s error message in the active language', async () => {
    mockFetch({
      '/api/v1/meta': { body: demoMeta },
      '/api/v1/agencies': {
        status: 400,
        body: {
          statusCode: 400,
          error: 'VALIDATION_FAILED',
          message: { fa: 'اندازه صفحه نامعتبر است.', en: 'Invalid page size.' },
        },
      },
    });
    renderApp('/agencies', { language: 'en' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid page size.');
  });

  it('switches to English: left to right, English names and notice, remembered', async () => {
    serveAgencies();
    renderApp('/agencies');
    await screen.findByRole('link', { name: 'وزارت کشور' });
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');

    fireEvent.click(screen.getByRole('button', { name: 'English' }));

    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
    expect(document.documentElement).toHaveAttribute('lang', 'en');
    expect(localStorage.getItem('monitor.language')).toBe('en');
    expect(screen.getByRole('heading', { level: 1, name: 'Executive agencies' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Executive agencies · E-services connection monitor'));
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    const row = screen.getByRole('row', { name: /Ministry of Interior/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Ministry', '249', '12', '1401/06/31', 'Not yet', '26.07']);
    expect(screen.getByRole('complementary', { name: 'Demonstration data' })).toHaveTextContent(demoMeta.notice.en);
  });
});
