import { screen, within } from '@testing-library/react';
import { demoMeta } from '../../../test/fixtures';
import { mockFetch, requestsTo } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';
import { weeklyListPage } from '../test/weeklyFixtures';

const base = '/api/v1/weekly-reports';

function serveList(weeks?: Parameters<typeof weeklyListPage>[2]) {
  return mockFetch({
    '/api/v1/meta': { body: demoMeta },
    [base]: (url) => ({
      body: weeklyListPage(
        Number(url.searchParams.get('page') ?? 1),
        Number(url.searchParams.get('pageSize') ?? 50),
        weeks,
      ),
    }),
  });
}

async function weeksTable(name = 'گزارش‌های هفتگی منتشرشده، تازه‌ترین در بالا') {
  return screen.findByRole('table', { name }, { timeout: 10_000 });
}

describe('WeeklyReportsPage', () => {
  beforeEach(() => localStorage.clear());

  it('lists the published weeks newest first, each linking to its brief, 20 to a page', async () => {
    const fetchMock = serveList();
    renderApp('/weekly');

    const table = await weeksTable();
    expect(screen.getByRole('heading', { level: 1, name: 'گزارش‌های هفتگی' })).toBeInTheDocument();
    expect(document.title).toBe('گزارش‌های هفتگی · پایش پنجره ملی خدمات');
    expect(screen.getByText('۳۵ هفته منتشر شده است.')).toBeInTheDocument();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(20);
    expect(within(rows[0]!).getByRole('link', { name: 'گزارش هفته ۱۴۰۱/۱۲/۲۷' })).toHaveAttribute(
      'href',
      '/weekly/1401-12-27',
    );
    expect(
      within(rows[0]!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['۱۴۰۱/۱۲/۲۷ – ۱۴۰۲/۰۱/۰۴', '۱۴۰۲/۰۱/۰۵ ساعت ۰۸:۰۰', '۱ ویرایش']);
    const request = requestsTo(fetchMock, base)[0]!;
    expect(request.searchParams.get('page')).toBe('1');
    expect(request.searchParams.get('pageSize')).toBe('20');

    const pagination = screen.getByRole('navigation', { name: 'صفحه‌بندی' });
    expect(pagination).toHaveTextContent('صفحه ۱ از ۲');
    expect(within(pagination).getByRole('link', { name: 'صفحه بعد' })).toHaveAttribute('href', '/weekly?page=2');
    expect(screen.getByRole('link', { name: 'تازه‌ترین گزارش هفتگی' })).toHaveAttribute('href', '/weekly/latest');
  });

  it('reads the page from the address, and shows how many revisions a corrected week has', async () => {
    const fetchMock = serveList();
    renderApp('/weekly?page=2', { language: 'en' });

    const table = await weeksTable('Published weekly briefs, newest first');
    expect(requestsTo(fetchMock, base)[0]!.searchParams.get('page')).toBe('2');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(15);
    const corrected = within(table).getByRole('row', { name: /^Brief of the week of 1401\/05\/08 / });
    expect(within(corrected).getByRole('link', { name: 'Brief of the week of 1401/05/08' })).toHaveAttribute(
      'href',
      '/weekly/1401-05-08',
    );
    expect(corrected).toHaveTextContent('2 revisions (corrected)');
    expect(corrected).toHaveTextContent('1401/05/08 (July 30, 2022) – 1401/05/14 (August 5, 2022)');
    expect(within(rows.at(-1)!).getByRole('link')).toHaveAttribute('href', '/weekly/1401-05-01');

    const pagination = screen.getByRole('navigation', { name: 'Pagination' });
    expect(pagination).toHaveTextContent('Page 2 of 2');
    expect(within(pagination).getByRole('link', { name: 'Previous page' })).toHaveAttribute('href', '/weekly');
  });

  it('says so when no brief has been published yet', async () => {
    serveList([]);
    renderApp('/weekly');
    expect(await screen.findByText('هنوز هیچ گزارش هفتگی منتشر نشده است.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the server’s error in the active language', async () => {
    mockFetch({
      '/api/v1/meta': { body: demoMeta },
      [base]: {
        status: 400,
        body: {
          statusCode: 400,
          error: 'VALIDATION_FAILED',
          message: { fa: 'درخواست نامعتبر است.', en: 'The request is not valid.' },
        },
      },
    });
    renderApp('/weekly', { language: 'en' });
    expect(await screen.findByRole('alert')).toHaveTextContent('The request is not valid.');
  });
});
