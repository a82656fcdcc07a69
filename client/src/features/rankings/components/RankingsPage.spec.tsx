import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { demoMeta } from '../../../test/fixtures';
import { mockFetch, requestsTo, type FakeReply } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';
import type { Rankings } from '../api/getRankings';
import { flaggedAgency, interiorByScore, overviewOn14011020, roundList, topByProgress } from '../test/rankingsFixtures';

const interiorId = interiorByScore.items[0]!.agency.id;
const summerRound = roundList.items[1]!;

function serveRankings(reply: Rankings | ((url: URL) => FakeReply)) {
  return mockFetch({
    '/api/v1/meta': { body: demoMeta },
    '/api/v1/rounds': { body: roundList },
    '/api/v1/overview': { body: overviewOn14011020 },
    '/api/v1/rankings': typeof reply === 'function' ? reply : { body: reply },
  });
}

function lastRankingsRequest(fetchMock: jest.Mock): URLSearchParams {
  const request = requestsTo(fetchMock, '/api/v1/rankings').at(-1);
  if (!request) throw new Error('no request to /api/v1/rankings');
  return request.searchParams;
}

function queryOf(router: ReturnType<typeof renderApp>['router']): URLSearchParams {
  return new URLSearchParams(router.state.location.search);
}

function cellTexts(row: HTMLElement): string[] {
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent ?? '');
}

describe('RankingsPage', () => {
  // The route loads the page on demand; loading its module once here keeps that out of every test's time limits.
  beforeAll(async () => {
    await import('./RankingsPage');
  });
  beforeEach(() => localStorage.clear());

  it('answers where the Ministry of Interior ranked on 1401/05/31, in Persian', async () => {
    const fetchMock = serveRankings(interiorByScore);
    renderApp(`/rankings?asOf=1401-05-31&search=${encodeURIComponent('کشور')}&sort=-rank`);

    expect(await screen.findByRole('heading', { level: 1, name: 'رتبه‌بندی دستگاه‌ها' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'رتبه‌بندی دستگاه‌ها، با جابه‌جایی نسبت به هفته قبل' });
    const row = within(table).getByRole('row', { name: /وزارت کشور/ });
    expect(cellTexts(row)).toEqual(['۱۶۷', 'وزارتخانه', '۲۶٫۰۷', '۱۵٫۲۶٪', 'هفته قبل رتبه نداشت', 'ندارد']);
    expect(within(row).getByRole('link', { name: 'وزارت کشور' })).toHaveAttribute('href', `/agencies/${interiorId}`);

    // The request carries the view; the day goes as the ISO day it names.
    const request = lastRankingsRequest(fetchMock);
    expect(request.get('asOf')).toBe('2022-08-22');
    expect(request.get('search')).toBe('کشور');
    expect(request.get('sort')).toBe('-rank');

    expect(screen.getByRole('status')).toHaveTextContent(
      '۳۳ دستگاه از ۱۷۰؛ رتبه‌بندی بر پایه امتیاز در ۱۴۰۱/۰۵/۳۱، مقایسه با ۱۴۰۱/۰۵/۲۴',
    );
    // Dates inside the sentence are isolated, so they never read backwards.
    expect(within(screen.getByRole('status')).getByText('۱۴۰۱/۰۵/۳۱')).toHaveAttribute('dir', 'ltr');
  });

  it('explains each movement in words: places, and how many from the agency’s own change and the others’', async () => {
    const fetchMock = serveRankings(topByProgress);
    renderApp('/rankings?asOf=1401-05-31&by=progress');

    const interior = await screen.findByRole('row', { name: /وزارت کشور/ });
    expect(cellTexts(interior)[4]).toBe('▼۱ پله پایین‌تر: ۰ از تغییر خودش، ۱ از تغییر دیگرانرتبه هفته قبل: ۲');
    expect(within(interior).getByText('▼')).toHaveAttribute('aria-hidden', 'true');
    expect(within(interior).getByText('۱ پله پایین‌تر')).toBeInTheDocument();

    // The parts pull apart: each says its direction.
    const bank = screen.getByRole('row', { name: /بانک توسعه صادرات ایران/ });
    expect(within(bank).getByText(/از تغییر خودش/).textContent).toBe(
      '۳ پله بالاتر: ۴ پله بالاتر از تغییر خودش، ۱ پله پایین‌تر از تغییر دیگران',
    );
    expect(within(bank).getByText('رتبه هفته قبل: ۵')).toBeInTheDocument();

    const leader = screen.getByRole('row', { name: /سازمان حفظ نباتات کشور/ });
    expect(within(leader).getByText('بدون جابه‌جایی')).toBeInTheDocument();

    expect(lastRankingsRequest(fetchMock).get('by')).toBe('progress');
    expect(screen.getByRole('radio', { name: 'پیشرفت اتصال' })).toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent(
      '۱۷۰ دستگاه؛ رتبه‌بندی بر پایه پیشرفت اتصال در ۱۴۰۱/۰۵/۳۱، مقایسه با ۱۴۰۱/۰۵/۲۴',
    );
  });

  it('reads in English, with the Gregorian days beside the Jalali ones', async () => {
    serveRankings(topByProgress);
    renderApp('/rankings?asOf=1401-05-31&by=progress', { language: 'en' });

    const interior = await screen.findByRole('row', { name: /Ministry of Interior/ });
    const cells = cellTexts(interior);
    expect(cells.slice(0, 4)).toEqual(['3', 'Ministry', '26.07', '15.26%']);
    expect(cells[4]).toBe('▼down 1: own 0, others -1last week: 2');
    const bank = screen.getByRole('row', { name: /Export Development Bank of Iran/ });
    expect(within(bank).getByText(/own/).textContent).toBe('up 3: own +4, others -1');
    expect(screen.getByRole('status')).toHaveTextContent(
      '170 agencies; ranked by connection progress on 1401/05/31 (August 22, 2022), compared with 1401/05/24 (August 15, 2022)',
    );
    expect(document.title).toBe('Agency rankings · E-services connection monitor');
  });

  it('names the overdue and at-risk milestones by their titles, as badges in words', async () => {
    const fetchMock = serveRankings(flaggedAgency);
    renderApp('/rankings?asOf=1401-10-20&status=at_risk');

    const row = await screen.findByRole('row', { name: /سازمان نهضت سوادآموزی/ });
    const flags = within(row).getByRole('list', { name: 'مهلت‌های سازمان نهضت سوادآموزی' });
    await waitFor(() =>
      expect(
        within(flags)
          .getAllByRole('listitem')
          .map((item) => item.textContent),
      ).toEqual([
        '⚠مهلت گذشته: راه‌اندازی پنجره واحد خدمات دستگاه',
        '⚠مهلت گذشته: ارائه دست‌کم یک‌سوم خدمات در پنجره واحد',
        '◔در خطر: اتصال پنجره واحد به پنجره ملی خدمات دولت هوشمند',
      ]),
    );
    // The titles are those of the day the ranking was computed for.
    expect(requestsTo(fetchMock, '/api/v1/overview').at(-1)?.searchParams.get('asOf')).toBe('2023-01-10');
    expect(lastRankingsRequest(fetchMock).get('status')).toBe('at_risk');
    expect(screen.getByRole('combobox', { name: 'وضعیت مهلت‌ها' })).toHaveValue('at_risk');
  });

  it('sorts by a column when its header is pressed: the address, the request and aria-sort follow', async () => {
    const fetchMock = serveRankings(topByProgress);
    const { router } = renderApp('/rankings?by=progress&page=2');
    const table = await screen.findByRole('table');

    const rankHeader = within(table).getByRole('columnheader', { name: /رتبه/ });
    expect(rankHeader).toHaveAttribute('aria-sort', 'ascending');

    fireEvent.click(within(table).getByRole('button', { name: 'امتیاز (از ۱۰۰)' }));
    await waitFor(() => expect(queryOf(router).get('sort')).toBe('-score'));
    expect(queryOf(router).has('page')).toBe(false); // a new order starts at the first page
    await waitFor(() => expect(lastRankingsRequest(fetchMock).get('sort')).toBe('-score'));
    const scoreHeader = within(table).getByRole('columnheader', { name: /امتیاز/ });
    expect(scoreHeader).toHaveAttribute('aria-sort', 'descending');
    expect(rankHeader).not.toHaveAttribute('aria-sort');

    fireEvent.click(within(scoreHeader).getByRole('button'));
    await waitFor(() => expect(queryOf(router).get('sort')).toBe('score'));
    await waitFor(() => expect(lastRankingsRequest(fetchMock).get('sort')).toBe('score'));
    expect(scoreHeader).toHaveAttribute('aria-sort', 'ascending');

    fireEvent.click(within(table).getByRole('button', { name: 'جابه‌جایی در یک هفته' }));
    await waitFor(() => expect(lastRankingsRequest(fetchMock).get('sort')).toBe('-movement'));

    // Back to the rank: the default order leaves the address.
    fireEvent.click(within(table).getByRole('button', { name: 'رتبه' }));
    await waitFor(() => expect(queryOf(router).has('sort')).toBe(false));
    expect(lastRankingsRequest(fetchMock).has('sort')).toBe(false);
  });

  it('puts the filters in the address and in the request', async () => {
    const fetchMock = serveRankings(topByProgress);
    const { router } = renderApp('/rankings?page=3');
    await screen.findByRole('table');

    fireEvent.change(screen.getByRole('combobox', { name: 'نوع دستگاه' }), { target: { value: 'ministry' } });
    await waitFor(() => expect(queryOf(router).get('kind')).toBe('ministry'));
    expect(queryOf(router).has('page')).toBe(false);

    fireEvent.change(screen.getByRole('combobox', { name: 'قوه' }), { target: { value: 'executive' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'وضعیت مهلت‌ها' }), { target: { value: 'overdue' } });
    fireEvent.click(screen.getByRole('radio', { name: 'پیشرفت اتصال' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'همراه با دستگاه‌های زیرمجموعه' }));
    const roundSelect = screen.getByRole('combobox', { name: 'دوره ارزیابی' });
    await within(roundSelect).findByRole('option', { name: summerRound.titleFa });
    fireEvent.change(roundSelect, { target: { value: summerRound.id } });

    await waitFor(() => expect(queryOf(router).get('roundId')).toBe(summerRound.id));
    expect(Object.fromEntries(queryOf(router))).toEqual({
      kind: 'ministry',
      branch: 'executive',
      status: 'overdue',
      by: 'progress',
      scope: 'all',
      roundId: summerRound.id,
    });
    await waitFor(() => expect(lastRankingsRequest(fetchMock).get('roundId')).toBe(summerRound.id));
    const request = lastRankingsRequest(fetchMock);
    expect(request.get('kind')).toBe('ministry');
    expect(request.get('branch')).toBe('executive');
    expect(request.get('status')).toBe('overdue');
    expect(request.get('by')).toBe('progress');
    expect(request.get('scope')).toBe('all');
    expect(request.get('page')).toBe('1');

    // Clearing keeps nothing but the sort and the page size.
    fireEvent.click(screen.getByRole('link', { name: 'پاک کردن پالایه‌ها' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(screen.getByRole('combobox', { name: 'نوع دستگاه' })).toHaveValue('');
    expect(screen.getByRole('radio', { name: 'امتیاز کیفیت' })).toBeChecked();
  });

  it('reproduces a shared view: the request carries its filters and the controls show them', async () => {
    const fetchMock = serveRankings({ ...topByProgress, total: 2 });
    renderApp(
      `/rankings?by=progress&asOf=${encodeURIComponent('۱۴۰۱/۰۵/۳۱')}&kind=bank&branch=executive&status=on_track` +
        `&search=${encodeURIComponent('بانک')}&minScore=20&maxScore=${encodeURIComponent('۶۰٫۵')}` +
        `&roundId=${summerRound.id}&sort=-progress&pageSize=100&scope=all`,
    );
    await screen.findByRole('table');

    expect(Object.fromEntries(lastRankingsRequest(fetchMock))).toEqual({
      by: 'progress',
      asOf: '2022-08-22',
      roundId: summerRound.id,
      kind: 'bank',
      branch: 'executive',
      status: 'on_track',
      search: 'بانک',
      minScore: '20',
      maxScore: '60.5',
      scope: 'all',
      sort: '-progress',
      page: '1',
      pageSize: '100',
    });

    expect(screen.getByRole('searchbox', { name: 'جستجوی دستگاه' })).toHaveValue('بانک');
    expect(screen.getByRole('radio', { name: 'پیشرفت اتصال' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'در روز' })).toHaveValue('۱۴۰۱/۰۵/۳۱');
    expect(screen.getByRole('combobox', { name: 'نوع دستگاه' })).toHaveValue('bank');
    expect(screen.getByRole('combobox', { name: 'قوه' })).toHaveValue('executive');
    expect(screen.getByRole('combobox', { name: 'وضعیت مهلت‌ها' })).toHaveValue('on_track');
    expect(screen.getByRole('textbox', { name: 'کمینه' })).toHaveValue('۲۰');
    expect(screen.getByRole('textbox', { name: 'بیشینه' })).toHaveValue('۶۰٫۵');
    expect(screen.getByRole('checkbox', { name: 'همراه با دستگاه‌های زیرمجموعه' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'ردیف در هر صفحه' })).toHaveValue('100');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'دوره ارزیابی' })).toHaveValue(summerRound.id));
    expect(screen.getByRole('columnheader', { name: /پیشرفت اتصال/ })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('status')).toHaveTextContent(/^۲ دستگاه از ۱۷۰؛/);
  });

  it('ignores what the address gets wrong instead of sending it', async () => {
    const fetchMock = serveRankings((url) =>
      url.searchParams.has('kind')
        ? { status: 400, body: { statusCode: 400, error: 'VALIDATION_FAILED', message: { fa: 'نامعتبر', en: 'Bad' } } }
        : { body: topByProgress },
    );
    renderApp(
      '/rankings?kind=palace&branch=army&status=late&by=mood&asOf=1401-12-30&minScore=abc&maxScore=101' +
        `&roundId=not-a-round&sort=shoe-size&scope=galaxy&pageSize=5000&page=0&search=${'x'.repeat(101)}`,
    );

    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(Object.fromEntries(lastRankingsRequest(fetchMock))).toEqual({ page: '1', pageSize: '50' });
    expect(screen.getByRole('combobox', { name: 'نوع دستگاه' })).toHaveValue('');
    expect(screen.getByRole('radio', { name: 'امتیاز کیفیت' })).toBeChecked();
  });

  it('takes a score range typed in Persian digits and sends it as the server reads it', async () => {
    const fetchMock = serveRankings(interiorByScore);
    const { router } = renderApp('/rankings');
    await screen.findByRole('table');

    const min = screen.getByRole('textbox', { name: 'کمینه' });
    fireEvent.change(min, { target: { value: '۲۰٫۵' } });
    fireEvent.blur(min);
    await waitFor(() => expect(queryOf(router).get('minScore')).toBe('20.5'));
    await waitFor(() => expect(lastRankingsRequest(fetchMock).get('minScore')).toBe('20.5'));
    expect(min).toHaveValue('۲۰٫۵');

    const max = screen.getByRole('textbox', { name: 'بیشینه' });
    fireEvent.change(max, { target: { value: '٤٠' } }); // Arabic-Indic digits
    fireEvent.keyDown(max, { key: 'Enter' });
    await waitFor(() => expect(lastRankingsRequest(fetchMock).get('maxScore')).toBe('40'));
    expect(screen.getByRole('status')).toHaveTextContent(/^۳۳ دستگاه از ۱۷۰/);

    // Out of range: said so beside the field, and not sent.
    const requests = requestsTo(fetchMock, '/api/v1/rankings').length;
    fireEvent.change(max, { target: { value: '۱۲۰' } });
    fireEvent.blur(max);
    expect(await screen.findByText('عددی از ۰ تا ۱۰۰ با حداکثر دو رقم اعشار وارد کنید.')).toBeInTheDocument();
    expect(max).toHaveAttribute('aria-invalid', 'true');
    expect(queryOf(router).get('maxScore')).toBe('40');
    expect(requestsTo(fetchMock, '/api/v1/rankings')).toHaveLength(requests);
  });

  it('applies a typed day and a search after a pause, replacing the history entry', async () => {
    const fetchMock = serveRankings(interiorByScore);
    const { router } = renderApp('/rankings?page=2');
    await screen.findByRole('table');

    fireEvent.change(screen.getByRole('textbox', { name: 'در روز' }), { target: { value: '۱۴۰۱/۰۵/۳۱' } });
    expect(queryOf(router).has('asOf')).toBe(false); // not on every keystroke
    await waitFor(() => expect(queryOf(router).get('asOf')).toBe('1401-05-31'));
    expect(router.state.historyAction).toBe('REPLACE');
    await waitFor(() => expect(lastRankingsRequest(fetchMock).get('asOf')).toBe('2022-08-22'));

    fireEvent.change(screen.getByRole('searchbox', { name: 'جستجوی دستگاه' }), { target: { value: 'كشور' } });
    await waitFor(() => expect(queryOf(router).get('search')).toBe('كشور'));
    expect(router.state.historyAction).toBe('REPLACE');
    await waitFor(() => expect(lastRankingsRequest(fetchMock).get('search')).toBe('كشور'));
  });

  it('keeps the rows on screen while the next page loads', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    mockFetch({
      '/api/v1/meta': { body: demoMeta },
      '/api/v1/rounds': { body: roundList },
    });
    const baseFetch = global.fetch;
    global.fetch = jest.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://localhost');
      if (url.pathname !== '/api/v1/rankings') return baseFetch(input, init);
      if (url.searchParams.get('page') === '2') await gate;
      return new Response(JSON.stringify({ ...topByProgress, page: Number(url.searchParams.get('page')) }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }) as unknown as typeof fetch;

    renderApp('/rankings?by=progress');
    await screen.findByRole('row', { name: /وزارت کشور/ });
    fireEvent.click(screen.getByRole('link', { name: 'صفحه بعد' }));

    expect(await screen.findByRole('region', { name: /جدول/ })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('row', { name: /وزارت کشور/ })).toBeInTheDocument();
    await act(async () => {
      release();
      await gate;
    });
    await waitFor(() => expect(screen.getByRole('region', { name: /جدول/ })).toHaveAttribute('aria-busy', 'false'));
    expect(screen.getByRole('navigation', { name: 'صفحه‌بندی' })).toHaveTextContent('صفحه ۲ از ۵۷');
  });

  it('says when no agency matches, with a link that clears the filters', async () => {
    const fetchMock = serveRankings({ ...interiorByScore, items: [], total: 0 });
    const { router } = renderApp(`/rankings?kind=council&search=xyz&sort=-score`);

    expect(await screen.findByText('هیچ دستگاهی با این پالایه‌ها پیدا نشد.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/^۰ دستگاه از ۱۷۰؛/);
    const clearLinks = screen.getAllByRole('link', { name: 'پاک کردن پالایه‌ها' });
    expect(clearLinks[0]).toHaveAttribute('href', '/rankings?sort=-score');

    fireEvent.click(clearLinks.at(-1)!);
    await waitFor(() => expect(router.state.location.search).toBe('?sort=-score'));
    await waitFor(() => expect(lastRankingsRequest(fetchMock).has('kind')).toBe(false));
    expect(screen.getByRole('searchbox', { name: 'جستجوی دستگاه' })).toHaveValue('');
  });

  it('shows the server’s error with a way to try again', async () => {
    serveRankings(() => ({
      status: 503,
      body: { statusCode: 503, error: 'UNAVAILABLE', message: { fa: 'سرویس در دسترس نیست.', en: 'Unavailable.' } },
    }));
    renderApp('/rankings');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('سرویس در دسترس نیست.');
    expect(within(alert).getByRole('button', { name: 'تلاش دوباره' })).toBeInTheDocument();
  });
});
