import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { demoMeta } from '../../../test/fixtures';
import { mockFetch, requestsTo, type FakeReply } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';
import type { Overview } from '../api/getOverview';
import {
  historyTo14010531,
  overviewOn14010531,
  reportOfWeek14010529,
  reportOfWeek14011101,
} from '../test/overviewFixtures';
// Loaded up front, so the lazy route finds the page compiled and the first test's waits measure the page, not swc.
import './OverviewPage';

// jsdom has no canvas: the charts stand in as their accessible names; the tables beside them carry the figures.
jest.mock('./OverviewCharts', () => {
  const chart = ({ label }: { label: string }) => <div role="img" aria-label={label} />;
  return { AgencyTrendChart: chart, ServiceStageChart: chart, ScoreHistogramChart: chart };
});

const OVERVIEW = '/api/v1/overview';
const HISTORY = '/api/v1/overview/history';
const REPORT_OF_14010531 = '/api/v1/weekly-reports/1401-05-31';
const LATEST_REPORT = '/api/v1/weekly-reports/latest';

const serverError: FakeReply = {
  status: 500,
  body: { statusCode: 500, error: 'INTERNAL', message: { fa: 'خطای سرور.', en: 'Server error.' } },
};

function serveTheArticlesDay(overrides: Record<string, FakeReply> = {}) {
  return mockFetch({
    '/api/v1/meta': { body: demoMeta },
    [OVERVIEW]: { body: overviewOn14010531 },
    [HISTORY]: { body: historyTo14010531 },
    [REPORT_OF_14010531]: { body: reportOfWeek14010529 },
    ...overrides,
  });
}

/** The first wait of a test covers the lazy route's first render, slow on a busy machine. */
const FIRST_PAINT = { timeout: 5000 };

function section(name: string | RegExp): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('OverviewPage', () => {
  beforeEach(() => localStorage.clear());

  it('shows the country on the article’s day in Persian: 10 of 170 connected, with each milestone’s counts', async () => {
    serveTheArticlesDay();
    renderApp('/?asOf=1401-05-31');

    expect(await screen.findByText('۱۰ از ۱۷۰', {}, FIRST_PAINT)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'نمای کلی کشور' })).toBeInTheDocument();
    const hero = section('اتصال به پنجره ملی خدمات');
    expect(within(hero).getByText('۱۰ از ۱۷۰')).toBeInTheDocument();
    expect(hero).toHaveTextContent('تا پایان روز ۱۴۰۱/۰۵/۳۱ به پنجره ملی');
    const bar = within(hero).getByRole('progressbar', { name: 'دستگاه‌های متصل به پنجره ملی' });
    expect(bar).toHaveAttribute('aria-valuenow', '10');
    expect(bar).toHaveAttribute('aria-valuemax', '170');
    expect(bar).toHaveAttribute('aria-valuetext', '۱۰ از ۱۷۰ دستگاه (۵٫۸۸٪)');
    expect(hero).toHaveTextContent('۵٫۸۸٪ دستگاه‌ها');
    expect(within(hero).getByRole('link', { name: 'فهرست ۱۶۰ دستگاه متصل‌نشده' })).toHaveAttribute(
      'href',
      '/rankings?status=not_connected&asOf=1401-05-31',
    );
    expect(screen.getByText(/وضعیت در پایان روز/)).toHaveTextContent('وضعیت در پایان روز ۱۴۰۱/۰۵/۳۱');
    expect(screen.getByText(/وضعیت در پایان روز/)).toHaveAttribute('role', 'status');

    const milestones = section('مهلت‌های قانون');
    expect(milestones).toHaveTextContent('دوره: قانون بودجه ۱۴۰۱');
    const cards = within(milestones)
      .getAllByRole('listitem')
      .filter((item) => item.classList.contains('card'));
    expect(cards).toHaveLength(3);
    const [singleWindow, , nationalWindow] = cards as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(singleWindow).getByRole('heading', { level: 3 })).toHaveTextContent(
      'راه‌اندازی پنجره واحد خدمات دستگاه',
    );
    expect(singleWindow).toHaveTextContent('موعد: ۱۴۰۱/۰۶/۳۱');
    const counts = within(singleWindow).getByRole('list', { name: /وضعیت دستگاه‌ها در/ });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['✓ انجام‌شده: ۵۴', '⚠ در معرض خطر: ۰', '✕ معوق: ۰', '… در جریان: ۱۱۶']);
    expect(nationalWindow).toHaveTextContent('موعد: ۱۴۰۱/۱۰/۳۰');
    expect(nationalWindow).toHaveTextContent('۱۰ از ۱۷۰ دستگاه انجام داده‌اند');

    const services = section('خدمات دستگاه‌ها');
    expect(within(services).getByText('خدمات شناسایی‌شده').nextSibling).toHaveTextContent('۱۵٬۱۲۴');
    expect(within(services).getByText('خدمات در پنجره واحد دستگاه‌ها').nextSibling).toHaveTextContent('۱٬۶۴۱');
    expect(within(services).getByText('خدمات متصل به پنجره ملی').nextSibling).toHaveTextContent('۸۶');
  });

  it('puts each chart’s figures in a table beside it: the weeks since Mordad 1401 and the ten score bands', async () => {
    serveTheArticlesDay();
    renderApp('/?asOf=1401-05-31');

    const weekly = await screen.findByRole(
      'table',
      { name: 'دستگاه‌ها در هر هفته (تازه‌ترین هفته بالا)' },
      FIRST_PAINT,
    );
    const weekRows = within(weekly).getAllByRole('row').slice(1);
    expect(weekRows.map((row) => row.textContent)).toEqual([
      '۱۴۰۱/۰۵/۲۹۱۰۵۴',
      '۱۴۰۱/۰۵/۲۲۱۰۵۱',
      '۱۴۰۱/۰۵/۱۵۹۴۹',
      '۱۴۰۱/۰۵/۰۸۸۴۸',
      '۱۴۰۱/۰۵/۰۱۷۴۷',
    ]);
    expect(
      await screen.findByRole('img', { name: /نمودار خطی: شمار دستگاه‌های متصل .* از ۱۴۰۱\/۰۵\/۰۱ تا ۱۴۰۱\/۰۵\/۳۱/ }),
    ).toBeInTheDocument();

    const stages = screen.getByRole('table', { name: 'خدمات به تفکیک مرحله در هر هفته (تازه‌ترین هفته بالا)' });
    const newest = within(stages).getAllByRole('row')[1]!;
    expect(
      within(newest)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['۲٬۴۰۹', '۱۱٬۰۷۴', '۱٬۵۵۵', '۸۶', '۱۵٬۱۲۴']);

    const scores = section('پراکندگی امتیاز کیفیت');
    expect(scores).toHaveTextContent('۱۷۰ دستگاه در این روز امتیاز نهایی دارند؛ ۰ دستگاه ندارند.');
    const bins = within(scores).getByRole('table', { name: 'شمار دستگاه‌ها در هر بازه امتیاز' });
    const binRows = within(bins).getAllByRole('row').slice(1);
    expect(binRows).toHaveLength(10);
    expect(binRows[0]).toHaveTextContent('۰ تا ۱۰۰');
    expect(binRows[4]).toHaveTextContent('۴۰ تا ۵۰۴۲');
    expect(await within(scores).findByRole('img', { name: /نمودار ستونی/ })).toBeInTheDocument();
  });

  it('quotes the weekly report of the chosen day’s week and links to its brief', async () => {
    serveTheArticlesDay();
    renderApp('/?asOf=1401-05-31');

    expect(await screen.findByText('در این هفته دستگاهی به پنجره ملی متصل نشد.', {}, FIRST_PAINT)).toBeInTheDocument();
    const report = screen.getByRole('region', { name: 'گزارش هفتگی همان هفته' });
    expect(report).toHaveTextContent('هفته ۱۴۰۱/۰۵/۲۹ تا ۱۴۰۱/۰۶/۰۴');
    expect(report).toHaveTextContent('راه‌اندازی پنجره واحد خدمات دستگاه (موعد: ۱۴۰۱/۰۶/۳۱): ✓ هیچ دستگاهی معوق نیست');
    expect(within(report).getByRole('link', { name: 'گزارش کامل هفته ۱۴۰۱/۰۵/۲۹' })).toHaveAttribute(
      'href',
      '/weekly/1401-05-29',
    );
    expect(within(report).getByRole('link', { name: 'تازه‌ترین گزارش هفتگی' })).toHaveAttribute(
      'href',
      '/weekly/latest',
    );
  });

  it('shows today with the newest weekly report: who joined and who is still overdue, by name', async () => {
    const fetchMock = mockFetch({
      '/api/v1/meta': { body: demoMeta },
      [OVERVIEW]: { body: overviewOn14010531 },
      [HISTORY]: { body: historyTo14010531 },
      [LATEST_REPORT]: { body: reportOfWeek14011101 },
    });
    renderApp('/');

    expect(await screen.findByText('متصل‌شده به پنجره ملی در این هفته: ۲ دستگاه', {}, FIRST_PAINT)).toBeInTheDocument();
    const report = screen.getByRole('region', { name: 'تازه‌ترین گزارش هفتگی' });
    expect(within(report).getByRole('link', { name: 'سازمان برنامه و بودجه کشور' })).toHaveAttribute(
      'href',
      '/agencies/dc4e969d-4352-8320-9330-4cae700310e0',
    );
    expect(report).toHaveTextContent('معوق دست‌کم در یک مرحله: ۹۲ دستگاه');
    const delayed = within(report).getByRole('list', { name: 'هنوز معوق، به تفکیک مرحله' });
    const [, , nationalWindow] = within(delayed).getAllByRole('listitem') as [HTMLElement, HTMLElement, HTMLElement];
    expect(nationalWindow).toHaveTextContent('۶۵ دستگاه معوق');
    expect(within(nationalWindow).getByRole('link', { name: 'دیوان عدالت اداری' })).toBeInTheDocument();
    expect(nationalWindow).toHaveTextContent('و ۶۲ دستگاه دیگر');
    expect(within(report).getByRole('link', { name: 'گزارش کامل هفته ۱۴۰۱/۱۱/۰۱' })).toHaveAttribute(
      'href',
      '/weekly/1401-11-01',
    );

    // Today: no day is sent, the history starts with the week of 1 Mordad 1401, and nobody is offered a reset.
    await waitFor(() => expect(requestsTo(fetchMock, HISTORY)).toHaveLength(1));
    expect(requestsTo(fetchMock, OVERVIEW)[0]!.searchParams.has('asOf')).toBe(false);
    expect(requestsTo(fetchMock, HISTORY)[0]!.searchParams.get('from')).toBe('2022-07-23');
    expect(requestsTo(fetchMock, HISTORY)[0]!.searchParams.has('asOf')).toBe(false);
    expect(screen.queryByRole('button', { name: 'بازگشت به امروز' })).not.toBeInTheDocument();
    expect(screen.getByText(/وضعیت امروز،/)).toHaveAttribute('role', 'status');
  });

  it('shows the same day in English with Gregorian dates beside the Jalali ones', async () => {
    serveTheArticlesDay();
    renderApp('/?asOf=1401-05-31', { language: 'en' });

    expect(await screen.findByText('10 of 170', {}, FIRST_PAINT)).toBeInTheDocument();
    const hero = section('Connected to the national window');
    expect(hero).toHaveTextContent('by the end of 1401/05/31 (August 22, 2022).');
    expect(hero).toHaveTextContent('5.88% of the agencies');

    const milestones = section('The law’s deadlines');
    expect(
      within(milestones).getByRole('heading', { name: "Launch of the agency's own single window" }),
    ).toBeInTheDocument();
    expect(milestones).toHaveTextContent('Due: 1401/06/31 (September 22, 2022)');
    expect(milestones).toHaveTextContent('Met: 54');
    expect(milestones).toHaveTextContent('Pending: 116');

    const weeks = await screen.findByRole('table', { name: 'Agencies each week (newest week first)' });
    expect(within(weeks).getAllByRole('row')[1]).toHaveTextContent('1401/05/29August 20, 20221054');
    const bins = screen.getByRole('table', { name: 'Agencies in each score band' });
    expect(within(bins).getAllByRole('row')[5]).toHaveTextContent('40–5042');
    expect(await screen.findByRole('link', { name: 'The full report of the week 1401/05/29' })).toHaveAttribute(
      'href',
      '/weekly/1401-05-29',
    );
  });

  it('links overdue and at-risk counts to the rankings on the same day', async () => {
    const dueSoon: Overview = {
      ...overviewOn14010531,
      milestones: overviewOn14010531.milestones.map((milestone, index) =>
        index === 0 ? { ...milestone, met: 83, pending: 0, atRisk: 66, overdue: 21 } : milestone,
      ),
    };
    serveTheArticlesDay({ [OVERVIEW]: { body: dueSoon } });
    renderApp('/?asOf=1401-05-31');

    await screen.findByText('۱۰ از ۱۷۰', {}, FIRST_PAINT);
    const milestones = section('مهلت‌های قانون');
    expect(within(milestones).getByRole('link', { name: 'معوق: ۲۱' })).toHaveAttribute(
      'href',
      '/rankings?status=overdue&asOf=1401-05-31',
    );
    expect(within(milestones).getByRole('link', { name: 'در معرض خطر: ۶۶' })).toHaveAttribute(
      'href',
      '/rankings?status=at_risk&asOf=1401-05-31',
    );
    // A count of zero leads nowhere.
    expect(within(milestones).queryByRole('link', { name: /معوق: ۰/ })).not.toBeInTheDocument();
  });

  it('sends the chosen day with every request, and the date field moves it (and the address)', async () => {
    const fetchMock = serveTheArticlesDay({
      '/api/v1/weekly-reports/1401-07-05': { body: reportOfWeek14011101 },
    });
    const { router } = renderApp('/?asOf=1401-05-31');

    await screen.findByText('۱۰ از ۱۷۰', {}, FIRST_PAINT);
    await waitFor(() => expect(requestsTo(fetchMock, REPORT_OF_14010531)).toHaveLength(1));
    expect(requestsTo(fetchMock, OVERVIEW).map((url) => url.searchParams.get('asOf'))).toEqual(['2022-08-22']);
    const [history] = requestsTo(fetchMock, HISTORY);
    expect(history!.searchParams.get('asOf')).toBe('2022-08-22');
    expect(history!.searchParams.get('from')).toBe('2022-07-23');

    fireEvent.change(screen.getByRole('textbox', { name: 'وضعیت کشور در روز' }), { target: { value: '۱۴۰۱/۰۷/۰۵' } });
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('asOf')).toBe('1401-07-05'));
    await waitFor(() =>
      expect(requestsTo(fetchMock, OVERVIEW).map((url) => url.searchParams.get('asOf'))).toContain('2022-09-27'),
    );
    await waitFor(() =>
      expect(requestsTo(fetchMock, HISTORY).map((url) => url.searchParams.get('asOf'))).toContain('2022-09-27'),
    );
    await waitFor(() => expect(requestsTo(fetchMock, '/api/v1/weekly-reports/1401-07-05')).toHaveLength(1));

    fireEvent.click(screen.getByRole('button', { name: 'بازگشت به امروز' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    await waitFor(() => expect(requestsTo(fetchMock, LATEST_REPORT)).toHaveLength(1));
  });

  it('keeps the rest of the page when one request fails', async () => {
    serveTheArticlesDay({ [HISTORY]: serverError });
    renderApp('/?asOf=1401-05-31');

    expect(await screen.findByText('خطای سرور.', {}, FIRST_PAINT)).toBeInTheDocument();
    const history = section('روند هفته به هفته');
    expect(within(history).getByRole('alert')).toHaveTextContent('خطای سرور.');
    expect(within(history).getByRole('button', { name: 'تلاش دوباره' })).toBeInTheDocument();
    expect(screen.getByText('۱۰ از ۱۷۰')).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'شمار دستگاه‌ها در هر بازه امتیاز' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'گزارش کامل هفته ۱۴۰۱/۰۵/۲۹' })).toBeInTheDocument();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('shows the weekly report and the history when the day’s figures fail', async () => {
    serveTheArticlesDay({ [OVERVIEW]: serverError });
    renderApp('/?asOf=1401-05-31');

    expect(await screen.findByText('خطای سرور.', {}, FIRST_PAINT)).toBeInTheDocument();
    const hero = section('اتصال به پنجره ملی خدمات');
    expect(within(hero).getByRole('alert')).toHaveTextContent('خطای سرور.');
    expect(
      await screen.findByRole('table', { name: 'دستگاه‌ها در هر هفته (تازه‌ترین هفته بالا)' }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'گزارش کامل هفته ۱۴۰۱/۰۵/۲۹' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'مهلت‌های قانون' })).not.toBeInTheDocument();
  });

  it('says when the chosen week’s report is not published yet, and offers the newest one', async () => {
    serveTheArticlesDay({
      [REPORT_OF_14010531]: {
        status: 404,
        body: {
          statusCode: 404,
          error: 'REPORT_NOT_FOUND',
          message: { fa: 'گزارش هفتگی هفته 1401-05-29 منتشر نشده است.', en: 'No weekly report of the week.' },
        },
      },
    });
    renderApp('/?asOf=1401-05-31');

    const report = await screen.findByRole('region', { name: 'گزارش هفتگی همان هفته' });
    expect(
      await within(report).findByText(
        (_, element) => element?.textContent === 'گزارش هفتگی هفته‌ای که ۱۴۰۱/۰۵/۳۱ در آن است هنوز منتشر نشده است.',
      ),
    ).toBeInTheDocument();
    expect(within(report).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(report).getByRole('link', { name: 'تازه‌ترین گزارش هفتگی' })).toHaveAttribute(
      'href',
      '/weekly/latest',
    );
  });

  it('says so when the address names no real day, and shows today', async () => {
    const fetchMock = serveTheArticlesDay({ [LATEST_REPORT]: { body: reportOfWeek14011101 } });
    renderApp('/?asOf=1401-13-01');

    expect(
      await screen.findByText('تاریخ نشانی این صفحه روز معتبری نیست؛ وضعیت امروز نمایش داده می‌شود.', {}, FIRST_PAINT),
    ).toBeInTheDocument();
    await waitFor(() => expect(requestsTo(fetchMock, OVERVIEW)).toHaveLength(1));
    expect(requestsTo(fetchMock, OVERVIEW)[0]!.searchParams.has('asOf')).toBe(false);
  });
});
