import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  adminUser,
  closedRound,
  demoMeta,
  evaluatorUser,
  interiorMinistryDetail,
  openRound,
  scoreOf,
  tehranGovernorate,
  unauthenticated,
} from '../../../test/fixtures';
import { mockFetch, requestsTo, type FakeReply, type FakeRoute } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';
import {
  agencyId,
  complianceOn14011001,
  omid,
  rounds,
  scorePage,
  servicePage,
  serviceDesk,
  sessionPage,
  springRound,
  springScore,
  springSession,
  summerScore,
  summerSession,
  summerSessionForStaff,
  systems,
} from '../test/agencyPageFixtures';

/**
 * jsdom has no canvas, so chart.js cannot draw there: the chart component is replaced by a bare canvas that keeps
 * the props it was given, to check what the page hands chart.js (the figures, RTL, fonts, digits, its name).
 */
const mockBarProps: Array<Record<string, unknown>> = [];
jest.mock('react-chartjs-2', () => ({
  Bar: (props: Record<string, unknown>) => {
    mockBarProps.push(props);
    return (jest.requireActual('react') as typeof import('react')).createElement('canvas', {
      role: props.role,
      'aria-label': props['aria-label'],
    });
  },
}));

const detailPath = `/api/v1/agencies/${agencyId}`;
const serverError = {
  status: 500,
  body: { statusCode: 500, error: 'INTERNAL', message: { fa: 'خطای سرور.', en: 'Server error.' } },
};

/** The demo server's answers for the Ministry of Interior's page, any of them replaceable. */
function serveAgencyPage(overrides: Record<string, FakeReply | FakeRoute> = {}) {
  return mockFetch({
    '/api/v1/meta': { body: demoMeta },
    [detailPath]: { body: interiorMinistryDetail },
    [`${detailPath}/compliance`]: { body: complianceOn14011001 },
    [`${detailPath}/services`]: { body: servicePage() },
    [`${detailPath}/systems`]: { body: systems },
    '/api/v1/scores': { body: scorePage([summerScore, springScore]) },
    '/api/v1/rounds': { body: rounds },
    '/api/v1/evaluation-sessions': { body: sessionPage([springSession, summerSession]) },
    ...overrides,
  });
}

interface BarData {
  labels: string[];
  datasets: Array<{ label: string; data: number[]; stack: string }>;
}

interface BarOptions {
  font: { family: string };
  scales: {
    x: { reverse: boolean };
    y: { position: string; ticks: { callback: (value: number) => string } };
  };
  plugins: { legend: Record<string, unknown>; tooltip: Record<string, unknown> };
}

function sectionNamed(name: string | RegExp): HTMLElement {
  return screen.getByRole('region', { name });
}

/** The milestone item whose heading is `title`. */
function milestoneItem(title: string): HTMLElement {
  return screen.getByRole('heading', { level: 3, name: title }).closest('li')!;
}

describe('AgencyDetailPage', () => {
  beforeEach(() => {
    localStorage.clear();
    mockBarProps.length = 0;
  });

  it('shows the profile: names, code, kind, branch, subordinate bodies and the two days; the page is titled', async () => {
    serveAgencyPage();
    renderApp(`/agencies/${agencyId}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'وزارت کشور' })).toBeInTheDocument();
    const profile = sectionNamed('مشخصات');
    expect(within(profile).getByText('Ministry of Interior')).toBeInTheDocument();
    expect(within(profile).getByText('MOI')).toBeInTheDocument();
    expect(within(profile).getByText('وزارتخانه')).toBeInTheDocument();
    expect(within(profile).getByText('قوه مجریه')).toBeInTheDocument();
    expect(within(profile).getByRole('link', { name: tehranGovernorate.nameFa })).toHaveAttribute(
      'href',
      `/agencies/${tehranGovernorate.id}`,
    );
    // singleWindowLaunchedOn 2022-09-22 = 1401/06/31; not yet connected to the national window.
    expect(within(profile).getByText('۱۴۰۱/۰۶/۳۱')).toHaveAttribute('dateTime', '2022-09-22');
    expect(within(profile).getByText('هنوز نه')).toBeInTheDocument();
    expect(within(profile).getByText('۲۶٫۰۷')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'بازگشت به فهرست دستگاه‌ها' })).toHaveAttribute('href', '/agencies');
    await waitFor(() => expect(document.title).toBe('وزارت کشور · پایش پنجره ملی خدمات'));
  });

  it('links to the parent agency and says when there are no subordinate bodies', async () => {
    const parent = { id: 'p-1', nameFa: 'وزارت کشور', nameEn: 'Ministry of Interior' };
    mockFetch({
      '/api/v1/meta': { body: demoMeta },
      [`/api/v1/agencies/${tehranGovernorate.id}`]: {
        body: { ...interiorMinistryDetail, ...tehranGovernorate, kind: 'governorate', parent, children: [] },
      },
    });
    renderApp(`/agencies/${tehranGovernorate.id}`, { language: 'en' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Tehran Governorate' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ministry of Interior' })).toHaveAttribute('href', '/agencies/p-1');
    expect(screen.getByText('No subordinate agencies recorded.')).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Tehran Governorate · E-services connection monitor'));
  });

  it('shows the server’s not-found message in Persian', async () => {
    mockFetch({
      '/api/v1/meta': { body: demoMeta },
      '/api/v1/agencies/missing': {
        status: 404,
        body: {
          statusCode: 404,
          error: 'AGENCY_NOT_FOUND',
          message: { fa: 'دستگاه پیدا نشد.', en: 'Agency not found.' },
        },
      },
    });
    renderApp('/agencies/missing');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('دستگاه پیدا نشد.');
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument(); // retrying a 404 is pointless
  });

  describe('milestones on a day', () => {
    it('asks for the day in the URL and shows a late milestone, an overdue one and the share required, in Persian', async () => {
      const fetchMock = serveAgencyPage();
      renderApp(`/agencies/${agencyId}?asOf=1401-10-01`);

      await screen.findByRole('heading', { level: 3, name: 'راه‌اندازی پنجره واحد خدمات دستگاه' });
      expect(requestsTo(fetchMock, `${detailPath}/compliance`)[0]!.searchParams.get('asOf')).toBe('2022-12-22');
      expect(screen.getByRole('textbox', { name: 'وضعیت در روز' })).toHaveValue('۱۴۰۱/۱۰/۰۱');
      const section = sectionNamed('مهلت‌ها و وضعیت دستگاه');
      expect(within(section).getByText('وضعیت دستگاه در روز').parentElement).toHaveTextContent('۱۴۰۱/۱۰/۰۱');
      expect(within(section).getByText('۴٫۸۲٪')).toBeInTheDocument(); // progress on the day
      expect(within(section).getByRole('link', { name: 'رتبه‌بندی دستگاه‌ها در همین روز' })).toHaveAttribute(
        'href',
        '/rankings?asOf=1401-10-01',
      );

      const launched = milestoneItem('راه‌اندازی پنجره واحد خدمات دستگاه');
      expect(launched).toHaveTextContent('انجام شده');
      expect(launched).toHaveTextContent('با تأخیر');
      expect(within(launched).getByText('۱۴۰۱/۰۶/۳۱')).toHaveAttribute('dateTime', '2022-09-22'); // due
      expect(within(launched).getByText('۱۴۰۱/۰۷/۱۰')).toHaveAttribute('dateTime', '2022-10-02'); // met
      expect(launched).toHaveTextContent('۱۰ روز پس از مهلت');

      const share = milestoneItem('ارائه دست‌کم یک‌سوم خدمات در پنجره واحد');
      expect(share).toHaveTextContent('گذشته از مهلت');
      expect(within(share).getByText('۹۱ روز')).toBeInTheDocument();
      expect(share).toHaveTextContent('۸۳ از ۲۴۹ خدمت پایه');
      expect(share).toHaveTextContent('(۱/۳)');
      expect(share).toHaveTextContent('در آن روز: ۵۸ خدمت پایه در پنجره واحد');
      expect(share).not.toHaveTextContent('با تأخیر');

      const national = milestoneItem('اتصال پنجره واحد به پنجره ملی خدمات دولت هوشمند');
      expect(national).toHaveTextContent('در جریان');
      expect(national).toHaveTextContent('زمان باقی‌مانده۲۹ روز');
    });

    it('shows the same in English, with the Gregorian date beside the Jalali one', async () => {
      serveAgencyPage();
      renderApp(`/agencies/${agencyId}?asOf=1401-10-01`, { language: 'en' });

      await screen.findByRole('heading', { level: 3, name: "Launch of the agency's own single window" });
      const launched = milestoneItem("Launch of the agency's own single window");
      expect(launched).toHaveTextContent('Met');
      expect(launched).toHaveTextContent('late');
      expect(launched).toHaveTextContent('Met on1401/07/10 (October 2, 2022) 10 days after the due day');

      const share = milestoneItem('At least one third of services in the single window');
      expect(share).toHaveTextContent('Overdue');
      expect(share).toHaveTextContent('Overdue by91 days');
      expect(share).toHaveTextContent('83 of 249 baseline services (1/3)');
      expect(milestoneItem('Single window connected to the national window')).toHaveTextContent('Time left29 days');
    });

    it('moves to the day typed, in the URL, and back to today', async () => {
      const fetchMock = serveAgencyPage({
        [`${detailPath}/compliance`]: (url) => ({
          body: { ...complianceOn14011001, asOf: url.searchParams.get('asOf') ?? '2022-12-22' },
        }),
      });
      const { router } = renderApp(`/agencies/${agencyId}`);
      const field = await screen.findByRole('textbox', { name: 'وضعیت در روز' });
      expect(requestsTo(fetchMock, `${detailPath}/compliance`)[0]!.searchParams.has('asOf')).toBe(false); // today

      fireEvent.change(field, { target: { value: '۱۴۰۱/۰۵/۳۱' } });
      await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('asOf')).toBe('1401-05-31'));
      await waitFor(() =>
        expect(requestsTo(fetchMock, `${detailPath}/compliance`).at(-1)!.searchParams.get('asOf')).toBe('2022-08-22'),
      );
      await waitFor(() =>
        expect(screen.getByText('وضعیت دستگاه در روز').parentElement).toHaveTextContent('۱۴۰۱/۰۵/۳۱'),
      );

      fireEvent.click(screen.getByRole('button', { name: 'بازگشت به امروز' }));
      await waitFor(() => expect(router.state.location.search).toBe(''));
      expect(screen.getByRole('textbox', { name: 'وضعیت در روز' })).toHaveFocus();
    });

    it('says when the day in the URL is not a day, and shows today', async () => {
      const fetchMock = serveAgencyPage();
      renderApp(`/agencies/${agencyId}?asOf=1401-12-30`); // 1401 is not a leap year
      expect(await screen.findByText(/روز معتبری نیست/)).toBeInTheDocument();
      await waitFor(() => expect(requestsTo(fetchMock, `${detailPath}/compliance`)).toHaveLength(1));
      expect(requestsTo(fetchMock, `${detailPath}/compliance`)[0]!.searchParams.has('asOf')).toBe(false);
    });
  });

  it('shows the services by audience and stage in a table beside the chart', async () => {
    const fetchMock = serveAgencyPage();
    renderApp(`/agencies/${agencyId}`);

    const table = await screen.findByRole('table', { name: 'خدمات به تفکیک مخاطب و مرحله' });
    const cells = (name: RegExp) =>
      within(within(table).getByRole('row', { name }))
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['مرحله', 'دولت به مردم', 'دولت به کسب و کار', 'دولت به دولت', 'جمع']);
    expect(cells(/^غیرالکترونیکی/)).toEqual(['۱', '۱', '۰', '۲']);
    expect(cells(/^الکترونیکی در سامانه دستگاه/)).toEqual(['۱', '۰', '۰', '۱']);
    expect(cells(/^ارائه در پنجره واحد دستگاه/)).toEqual(['۰', '۱', '۱', '۲']);
    expect(cells(/^متصل به پنجره ملی/)).toEqual(['۳', '۱', '۰', '۴']);
    expect(cells(/^جمع/)).toEqual(['۵', '۳', '۱', '۹']);
    expect(screen.getByText('۱ خدمت از این شمار از فهرست خدمات دستگاه خارج شده است.')).toBeInTheDocument();
    expect(requestsTo(fetchMock, `${detailPath}/services`)[0]!.searchParams.get('pageSize')).toBe('500');

    // The chart comes in its own chunk, named for screen readers, with the same figures as the table.
    expect(
      await screen.findByRole('img', { name: /^نمودار میله‌ای انباشته: خدمات وزارت کشور به تفکیک مخاطب و مرحله/ }),
    ).toBeInTheDocument();
    const { data, options } = mockBarProps.at(-1) as { data: BarData; options: BarOptions };
    expect(data.labels).toEqual(['دولت به مردم', 'دولت به کسب و کار', 'دولت به دولت']);
    expect(data.datasets.map((dataset) => [dataset.label, dataset.data, dataset.stack])).toEqual([
      ['غیرالکترونیکی', [1, 1, 0], 'services'],
      ['الکترونیکی در سامانه دستگاه', [1, 0, 0], 'services'],
      ['ارائه در پنجره واحد دستگاه', [0, 1, 1], 'services'],
      ['متصل به پنجره ملی', [3, 1, 0], 'services'],
    ]);
    // Right to left: audiences from the right, value axis on the right, legend and tooltips RTL, Persian digits.
    expect(options.scales.x.reverse).toBe(true);
    expect(options.scales.y.position).toBe('right');
    expect(options.plugins.legend).toMatchObject({ rtl: true, textDirection: 'rtl' });
    expect(options.plugins.tooltip).toMatchObject({ rtl: true, textDirection: 'rtl' });
    expect(options.font.family).toMatch(/^Vazirmatn/);
    expect(options.scales.y.ticks.callback(1234)).toBe('۱٬۲۳۴');
  });

  it('draws the chart left to right in English', async () => {
    serveAgencyPage();
    renderApp(`/agencies/${agencyId}`, { language: 'en' });
    expect(
      await screen.findByRole('img', { name: /^Stacked bar chart: the services of Ministry of Interior/ }),
    ).toBeInTheDocument();
    const { data, options } = mockBarProps.at(-1) as { data: BarData; options: BarOptions };
    expect(data.labels).toEqual(['Government to citizens', 'Government to business', 'Government to government']);
    expect(options.scales.x.reverse).toBe(false);
    expect(options.plugins.legend).toMatchObject({ rtl: false, textDirection: 'ltr' });
    expect(options.scales.y.ticks.callback(1234)).toBe('1,234');
  });

  it('reads every page of a large agency’s services', async () => {
    const [first, ...rest] = servicePage().items;
    const fetchMock = serveAgencyPage({
      [`${detailPath}/services`]: (url) =>
        url.searchParams.get('page') === '1'
          ? { body: { items: [first], total: 9, page: 1, pageSize: 500 } }
          : { body: { items: rest, total: 9, page: 2, pageSize: 500 } },
    });
    renderApp(`/agencies/${agencyId}`);
    const table = await screen.findByRole('table', { name: 'خدمات به تفکیک مخاطب و مرحله' });
    expect(within(table).getByRole('row', { name: /^جمع/ })).toHaveTextContent('۹');
    expect(requestsTo(fetchMock, `${detailPath}/services`).map((url) => url.searchParams.get('page'))).toEqual([
      '1',
      '2',
    ]);
  });

  it('lists each system with its stage and the services it carries', async () => {
    serveAgencyPage();
    renderApp(`/agencies/${agencyId}`, { language: 'en' });

    const section = await screen.findByRole('region', { name: 'Systems and the services they carry' });
    const omidSystem = (await within(section).findByText(omid.nameEn)).closest('details')!;
    expect(within(omidSystem).getByText('Connected to the national window', { selector: 'span' })).toBeInTheDocument();
    expect(omidSystem).toHaveTextContent('3 services, 3 connected to the national window');
    const omidServices = await within(omidSystem).findByRole('table', { name: `Services of “${omid.nameEn}”` });
    expect(
      within(omidServices)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual([
      'Issuing levy (1)',
      'Inquiry on building permit (2)',
      'Renewal of insurance (3)',
      'Payment for case file (6)',
    ]);
    expect(within(omidServices).getByRole('row', { name: /Payment for case file/ })).toHaveTextContent(
      'Government to business',
    );

    const desk = within(section).getByText(serviceDesk.nameEn).closest('details')!;
    expect(within(desk).getByText("Offered in the agency's single window", { selector: 'span' })).toBeInTheDocument();
    expect(within(desk).getByText('Not yet')).toBeInTheDocument(); // not connected to the national window
    expect(
      within(within(desk).getByRole('table'))
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Issuing a permit (7)', 'Governorate inquiry (9)']);
    expect(section).toHaveTextContent('3 services are not carried by any recorded system.');
  });

  it('shows each round’s score, its change, and each criterion’s value against its weight', async () => {
    const fetchMock = serveAgencyPage({ '/api/v1/auth/me': unauthenticated });
    renderApp(`/agencies/${agencyId}`);

    const scores = await screen.findByRole('table', { name: 'امتیازهای کیفیت' });
    const summer = await within(scores).findByRole('row', { name: new RegExp(closedRound.titleFa) });
    expect(summer).toHaveTextContent('۲۶٫۰۷');
    expect(summer).toHaveTextContent('−۴٫۴۳');
    expect(summer).toHaveTextContent('نهایی');
    const spring = within(scores).getByRole('row', { name: new RegExp(springRound.titleFa) });
    expect(spring).toHaveTextContent('۳۰٫۵۰');
    expect(spring).toHaveTextContent('نخستین دوره');
    expect(within(scores).getAllByRole('row').slice(1)).toEqual([summer, spring]); // newest first
    expect(requestsTo(fetchMock, '/api/v1/scores')[0]!.searchParams.get('agencyId')).toBe(agencyId);

    const breakdown = screen.getByRole('table', { name: 'امتیاز معیارها به تفکیک دوره' });
    expect(
      within(breakdown)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['معیار', 'وزن (٪)', springRound.titleFa, closedRound.titleFa]); // oldest first
    const availability = within(breakdown).getByRole('row', { name: /دسترس‌پذیری و پایداری خدمات/ });
    expect(
      within(availability)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['۲۵٫۰۰', '۳۰٫۰۰۷٫۵۰ از ۲۵٫۰۰', '۲۰٫۰۰۵٫۰۰ از ۲۵٫۰۰']);
    const support = within(breakdown).getByRole('row', { name: /پاسخ‌گویی و پشتیبانی/ });
    expect(within(support).getAllByRole('cell')[2]).toHaveTextContent('۲۷٫۷۰۲٫۷۷ از ۱۰٫۰۰');
    const total = within(breakdown).getByRole('row', { name: /^امتیاز کل/ });
    expect(
      within(total)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['۱۰۰٫۰۰', '۳۰٫۵۰', '۲۶٫۰۷']);
    expect(screen.queryByRole('link', { name: 'ثبت جلسه ارزیابی برای این دستگاه' })).not.toBeInTheDocument();
  });

  it('shows the sessions held with the agency, newest first, as the public sees them', async () => {
    serveAgencyPage({ '/api/v1/auth/me': unauthenticated });
    renderApp(`/agencies/${agencyId}`);

    const section = await screen.findByRole('region', { name: 'جلسه‌های ارزیابی با دستگاه' });
    const sessions = await within(section).findAllByRole('article');
    expect(sessions.map((session) => within(session).getByRole('heading', { level: 3 }).textContent)).toEqual([
      '۱۴۰۱/۰۴/۱۰',
      '۱۴۰۱/۰۲/۲۰',
    ]);
    const [summer, spring] = sessions as [HTMLElement, HTMLElement];
    expect(summer).toHaveTextContent(closedRound.titleFa);
    expect(summer).toHaveTextContent('علی رضایی (مدیرکل فناوری اطلاعات)');
    expect(summer).toHaveTextContent('مریم احمدی (کارشناس پنجره واحد)');
    expect(summer).toHaveTextContent(summerSession.notes);
    expect(summer).not.toHaveTextContent('یادداشت داخلی');
    expect(spring).toHaveTextContent(springRound.titleFa);
    expect(spring).toHaveTextContent('خلاصه‌ای ثبت نشده است.');
  });

  it('shows staff the evaluators and internal notes, the drafts, and the links to record a session or progress', async () => {
    serveAgencyPage({
      '/api/v1/auth/me': { body: evaluatorUser },
      '/api/v1/scores': {
        body: scorePage([scoreOf({ id: 'x', roundId: openRound.id, status: 'submitted', total: '30.5' }), summerScore]),
      },
      '/api/v1/evaluation-sessions': { body: sessionPage([summerSessionForStaff]) },
    });
    renderApp(`/agencies/${agencyId}`, { language: 'en' });

    const scores = await screen.findByRole('table', { name: 'Quality scores' });
    const row = await within(scores).findByRole('row', { name: new RegExp(openRound.titleEn) });
    expect(row).toHaveTextContent('30.50');
    expect(row).toHaveTextContent('+4.43');
    expect(row).toHaveTextContent('Submitted for review');
    expect(screen.getByRole('link', { name: 'Record an evaluation session with this agency' })).toHaveAttribute(
      'href',
      `/evaluations/new?agencyId=${agencyId}`,
    );
    expect(screen.getByRole('link', { name: 'Record this agency’s progress' })).toHaveAttribute(
      'href',
      `/agencies/${agencyId}/progress`,
    );
    expect(screen.queryByRole('link', { name: 'Service inventory' })).not.toBeInTheDocument();

    const session = await screen.findByRole('article');
    expect(session).toHaveTextContent('1401/04/10 (July 1, 2022)');
    expect(session).toHaveTextContent('Evaluatorsارزیاب نمایشی ۱');
    expect(session).toHaveTextContent('Internal notes (staff only)پیگیری در جلسه بعد.');
  });

  it('gives administrators the link to the agency’s service inventory', async () => {
    serveAgencyPage({ '/api/v1/auth/me': { body: adminUser } });
    renderApp(`/agencies/${agencyId}`);
    expect(await screen.findByRole('link', { name: 'فهرست خدمات دستگاه' })).toHaveAttribute(
      'href',
      `/agencies/${agencyId}/inventory`,
    );
    expect(screen.getByRole('list', { name: 'کارهای این دستگاه' })).toBeInTheDocument();
  });

  it('keeps the other sections on screen when one request fails, and retries it', async () => {
    let complianceCalls = 0;
    serveAgencyPage({
      [`${detailPath}/compliance`]: () => {
        complianceCalls += 1;
        return complianceCalls === 1 ? serverError : { body: complianceOn14011001 };
      },
      [`${detailPath}/services`]: serverError,
      '/api/v1/evaluation-sessions': serverError,
    });
    renderApp(`/agencies/${agencyId}`);

    const milestones = await screen.findByRole('region', { name: 'مهلت‌ها و وضعیت دستگاه' });
    expect(await within(milestones).findByRole('alert')).toHaveTextContent('خطای سرور.');
    const servicesSection = sectionNamed('خدمات به تفکیک مخاطب و مرحله');
    expect(await within(servicesSection).findByRole('alert')).toBeInTheDocument();
    expect(await within(sectionNamed('جلسه‌های ارزیابی با دستگاه')).findByRole('alert')).toBeInTheDocument();

    // The rest stands: the profile, the scores, the systems (without their services).
    expect(sectionNamed('مشخصات')).toHaveTextContent('قوه مجریه');
    expect(await screen.findByRole('table', { name: 'امتیازهای کیفیت' })).toBeInTheDocument();
    const systemsSection = sectionNamed('سامانه‌ها و خدماتی که ارائه می‌کنند');
    expect(await within(systemsSection).findByText(omid.nameFa)).toBeInTheDocument();
    expect(within(systemsSection).getByRole('alert')).toBeInTheDocument();

    fireEvent.click(within(milestones).getByRole('button', { name: 'تلاش دوباره' }));
    expect(
      await within(milestones).findByRole('heading', { level: 3, name: 'راه‌اندازی پنجره واحد خدمات دستگاه' }),
    ).toBeInTheDocument();
  });

  it('says so when the agency has no services, systems, scores or sessions', async () => {
    serveAgencyPage({
      [`${detailPath}/services`]: { body: servicePage([]) },
      [`${detailPath}/systems`]: { body: { items: [] } },
      '/api/v1/scores': { body: scorePage([]) },
      '/api/v1/evaluation-sessions': { body: sessionPage([]) },
    });
    renderApp(`/agencies/${agencyId}`);
    expect(await screen.findByText('خدمتی برای این دستگاه ثبت نشده است.')).toBeInTheDocument();
    expect(await screen.findByText('سامانه‌ای ثبت نشده است.')).toBeInTheDocument();
    expect(await screen.findByText('امتیازی ثبت نشده است.')).toBeInTheDocument();
    expect(await screen.findByText('جلسه ارزیابی‌ای با این دستگاه ثبت نشده است.')).toBeInTheDocument();
  });
});
