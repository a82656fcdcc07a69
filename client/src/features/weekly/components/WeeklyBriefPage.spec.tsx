import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { adminUser, demoMeta, evaluatorUser } from '../../../test/fixtures';
import { bodiesSentTo, mockFetch, requestsTo, type FakeReply, type FakeRoute } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';
import type { WeeklyReport } from '../api/types';
import { verification0626, week0619, week0626, week0626Revision2, weeklyListPage } from '../test/weeklyFixtures';

const base = '/api/v1/weekly-reports';
const centralBank = week0626.content.milestones[0]!.overdue[0]!.agency;
const adminEmployment = week0626.content.joined[0]!.agency;

interface ServeOptions {
  /** Every revision of 1401-06-26, newest first. */
  revisions?: WeeklyReport[];
  me?: typeof adminUser;
  verify?: FakeReply;
  revise?: FakeRoute;
  latest?: FakeReply;
}

/** The fake server, answering as the demo server does for the weeks 1401-06-19 and 1401-06-26. */
function serveBrief({ revisions = [week0626], me, verify, revise, latest }: ServeOptions = {}) {
  const state = { revisions };
  const routes: Record<string, FakeReply | FakeRoute> = {
    '/api/v1/meta': { body: demoMeta },
    [base]: (url) => ({
      body: weeklyListPage(Number(url.searchParams.get('page') ?? 1), Number(url.searchParams.get('pageSize') ?? 50)),
    }),
    [`${base}/latest`]: latest ?? { body: week0626 },
    [`${base}/1401-06-19`]: { body: week0619 },
    [`${base}/1401-06-26`]: (url) => {
      const asked = url.searchParams.get('revision');
      const found = asked === null ? state.revisions[0] : state.revisions.find((r) => r.revision === Number(asked));
      return found ? { body: found } : undefined;
    },
    // Any day of the week finds it, in either calendar.
    [`${base}/2022-09-20`]: () => ({ body: state.revisions[0] }),
    [`${base}/1401-06-26/revisions`]: (url, init) => {
      if (init?.method === 'POST') {
        const reply = revise?.(url, init) ?? { status: 201, body: week0626Revision2 };
        if (reply.status === 201) state.revisions = [reply.body as WeeklyReport, ...state.revisions];
        return reply;
      }
      return { body: { week: '1401-06-26', items: state.revisions } };
    },
    [`${base}/1401-06-26/verify`]: verify ?? { body: verification0626 },
  };
  if (me) routes['/api/v1/auth/me'] = { body: me };
  return mockFetch(routes);
}

async function openBrief(path = '/weekly/1401-06-26', language?: 'en') {
  const view = renderApp(path, { language });
  await screen.findByRole(
    'heading',
    { level: 2, name: language === 'en' ? 'Headline figures' : 'ارقام اصلی' },
    { timeout: 10_000 },
  );
  return view;
}

describe('WeeklyBriefPage', () => {
  beforeEach(() => localStorage.clear());

  it('shows what the cabinet was shown for the week of 1401/06/31, in Persian', async () => {
    const fetchMock = serveBrief();
    await openBrief();

    expect(
      screen.getByRole('heading', { level: 1, name: 'گزارش هفتگی: هفته ۱۴۰۱/۰۶/۲۶ تا ۱۴۰۱/۰۷/۰۱' }),
    ).toBeInTheDocument();
    expect(document.title).toBe('گزارش هفتگی ۱۴۰۱/۰۶/۲۶ · پایش پنجره ملی خدمات');
    const header = document.querySelector('.weekly-print-header')!;
    expect(header).toHaveTextContent('وضعیت‌ها تا پایان روز۱۴۰۱/۰۷/۰۱');
    expect(header).toHaveTextContent('قانون بودجه ۱۴۰۱');

    // Headline figures, with Persian digits and the exact share.
    const figures = within(screen.getByRole('region', { name: 'ارقام اصلی' }));
    const figure = (label: string) => figures.getByText(label).closest('.weekly-figure');
    expect(figure('دستگاه‌های اجرایی')).toHaveTextContent('۱۷۰');
    expect(figure('متصل به پنجره ملی')).toHaveTextContent('۱۸۱۰٫۵۹٪ دستگاه‌ها');
    expect(figure('متصل‌شده در این هفته')).toHaveTextContent('۴');
    expect(figure('معوق دست‌کم در یک مرحله')).toHaveTextContent('۱۰۴');
    expect(figure('خدمات در پنجره واحد دستگاه‌ها')).toHaveTextContent('۳٬۴۴۰');
    const counts = figures.getByRole('table', { name: 'مرحله‌ها در پایان هفته (تعداد دستگاه)' });
    const shareRow = within(counts).getByRole('row', { name: /ارائه دست‌کم یک‌سوم خدمات/ });
    expect(
      within(shareRow)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['۱۴۰۱/۰۶/۳۱', '۶۶', '۰', '۰', '۱۰۴']);

    // Joined this week, each agency linking to its page.
    const joined = screen.getByRole('table', { name: 'متصل‌شده به پنجره ملی در این هفته' });
    expect(within(joined).getAllByRole('row')).toHaveLength(5);
    const joinedRow = within(joined).getByRole('row', { name: /سازمان اداری و استخدامی کشور/ });
    expect(within(joinedRow).getByRole('link')).toHaveAttribute('href', `/agencies/${adminEmployment.id}`);
    expect(within(joinedRow).getByRole('cell')).toHaveTextContent('۱۴۰۱/۰۶/۲۹');

    // Overdue per milestone, with the days overdue.
    const launch = screen.getByRole('region', { name: 'راه‌اندازی پنجره واحد خدمات دستگاه' });
    expect(launch).toHaveTextContent('موعد: ۱۴۰۱/۰۶/۳۱');
    const overdue = within(launch).getByRole('table', { name: 'معوق: ۳ دستگاه' });
    const bankRow = within(overdue).getByRole('row', { name: /بانک مرکزی جمهوری اسلامی ایران/ });
    expect(
      within(bankRow)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['۱', '۲۳٫۸۵']);
    expect(within(bankRow).getByRole('link')).toHaveAttribute('href', `/agencies/${centralBank.id}`);
    expect(within(launch).getByText('در این مرحله هیچ دستگاهی در معرض خطر نیست.')).toBeInTheDocument();
    const national = screen.getByRole('region', { name: 'اتصال پنجره واحد به پنجره ملی خدمات دولت هوشمند' });
    expect(within(national).getByText('در این مرحله هیچ دستگاهی معوق نیست.')).toBeInTheDocument();

    // Entered and left the overdue list since the week before.
    const changes = within(screen.getByRole('region', { name: 'ورود به فهرست معوق‌ها و خروج از آن' }));
    expect(changes.getByText(/در مقایسه با پایان روز/)).toHaveTextContent(
      'در مقایسه با پایان روز ۱۴۰۱/۰۶/۲۵؛ اکنون ۱۰۴ دستگاه دست‌کم در یک مرحله معوق‌اند.',
    );
    const entered = changes.getByRole('region', { name: 'واردشده (۳)' });
    expect(within(entered).getByRole('link', { name: 'دیوان عدالت اداری' })).toHaveAttribute(
      'href',
      '/agencies/4dace138-5e57-8f72-8829-593253a148fd',
    );
    expect(changes.getByRole('region', { name: 'خارج‌شده (۰)' })).toHaveTextContent(
      'دستگاهی از فهرست معوق‌ها خارج نشد.',
    );

    // Never corrected: the report says so itself, no need to ask for its revisions.
    expect(screen.getByRole('region', { name: 'ویرایش‌ها' })).toHaveTextContent('این گزارش تاکنون اصلاح نشده است.');
    expect(requestsTo(fetchMock, `${base}/1401-06-26/revisions`)).toHaveLength(0);
  });

  it('shows the same brief in English, with the Gregorian days beside the Jalali ones', async () => {
    serveBrief();
    await openBrief('/weekly/1401-06-26', 'en');

    expect(
      screen.getByRole('heading', { level: 1, name: 'Weekly brief: week of 1401/06/26 to 1401/07/01' }),
    ).toBeInTheDocument();
    expect(document.title).toBe('Weekly brief 1401/06/26 · E-services connection monitor');
    expect(document.querySelector('.weekly-print-header')).toHaveTextContent(
      '1401/06/26 to 1401/07/01 (September 17, 2022 to September 23, 2022)',
    );
    const figure = (label: string) => screen.getByText(label).closest('.weekly-figure');
    expect(figure('Connected to the national window')).toHaveTextContent('1810.59% of the agencies');
    expect(figure('Services identified')).toHaveTextContent('15,124cycle baseline: 15,124');

    const launch = screen.getByRole('region', { name: "Launch of the agency's own single window" });
    expect(launch).toHaveTextContent('Due: 1401/06/31 (September 22, 2022)');
    const overdue = within(launch).getByRole('table', { name: 'Overdue: 3 agencies' });
    const bankRow = within(overdue).getByRole('row', { name: /Central Bank of the Islamic Republic of Iran/ });
    expect(
      within(bankRow)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['1', '23.85']);
    expect(screen.getByRole('region', { name: 'Entered (3)' })).toHaveTextContent('Court of Administrative Justice');
    expect(screen.getByRole('region', { name: 'Left (0)' })).toHaveTextContent('No agency left the overdue list.');
    const joined = screen.getByRole('table', { name: 'Connected to the national window this week' });
    expect(within(joined).getByRole('row', { name: /Railways of the Islamic Republic of Iran/ })).toHaveTextContent(
      '1401/06/29 (September 20, 2022)',
    );
  });

  it('lists the agencies at risk with the days left before the due day', async () => {
    serveBrief();
    renderApp('/weekly/1401-06-19');
    const launch = await screen.findByRole('region', { name: 'راه‌اندازی پنجره واحد خدمات دستگاه' });
    expect(within(launch).getByText('در این مرحله هیچ دستگاهی معوق نیست.')).toBeInTheDocument();
    const atRisk = within(launch).getByRole('table', { name: 'در معرض خطر: ۳ دستگاه' });
    const justice = within(atRisk).getByRole('row', { name: /وزارت دادگستری/ });
    expect(
      within(justice)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['۶', '۱۸٫۱۵']);
    expect(within(atRisk).getByRole('columnheader', { name: 'روزهای مانده تا موعد' })).toBeInTheDocument();
  });

  it('verifies the digest on request and says in a live region that it matches', async () => {
    const fetchMock = serveBrief();
    await openBrief();
    const integrity = within(screen.getByRole('region', { name: 'نشانی پایدار و راستی‌آزمایی' }));
    expect(integrity.getByText(week0626.digest)).toHaveClass('weekly-digest');
    expect(requestsTo(fetchMock, `${base}/1401-06-26/verify`)).toHaveLength(0);

    fireEvent.click(integrity.getByRole('button', { name: 'راستی‌آزمایی چکیده' }));

    const status = await waitFor(() => {
      const region = integrity.getAllByRole('status').find((el) => el.classList.contains('weekly-verify-result'));
      expect(region).toHaveTextContent('✓ معتبر');
      return region!;
    });
    expect(status).toHaveTextContent('✓ معتبر: محتوای ذخیره‌شده ویرایش ۱ با چکیده منتشرشده‌اش می‌خواند.');
    expect(status).toHaveTextContent(`چکیده منتشرشده${week0626.digest}`);
    expect(status).toHaveTextContent(`چکیده‌ای که اکنون محاسبه شد${week0626.digest}`);
    expect(requestsTo(fetchMock, `${base}/1401-06-26/verify`)[0]!.searchParams.get('revision')).toBe('1');
  });

  it('says plainly when the stored content no longer matches its digest', async () => {
    const tampered = '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0';
    serveBrief({ verify: { body: { ...verification0626, valid: false, recomputed: tampered } } });
    await openBrief('/weekly/1401-06-26', 'en');
    fireEvent.click(screen.getByRole('button', { name: 'Verify the digest' }));
    const verdict = await screen.findByText(/Not valid/);
    expect(verdict).toHaveTextContent(
      '✗ Not valid: the stored content of revision 1 does not match its published digest.',
    );
    expect(verdict.closest('[role="status"]')).toHaveTextContent(`Recomputed just now${tampered}`);
  });

  it('gives the permanent address with a QR code of it, and the page is ready to print', async () => {
    serveBrief();
    await openBrief();
    const integrity = within(screen.getByRole('region', { name: 'نشانی پایدار و راستی‌آزمایی' }));
    expect(integrity.getByRole('link', { name: 'http://localhost/weekly/1401-06-26' })).toHaveAttribute(
      'href',
      '/weekly/1401-06-26',
    );
    const qr = integrity.getByRole('img', { name: 'کد QR نشانی پایدار این گزارش' });
    expect(qr.closest('.weekly-qr')).not.toBeNull();
    expect(document.querySelector('.weekly-print-header h1')).not.toBeNull();
  });

  it('says when an older revision is shown, links to the newest, and lists every revision with its reason', async () => {
    serveBrief({ revisions: [week0626Revision2, week0626] });
    await openBrief('/weekly/1401-06-26?revision=1');

    const notice = await screen.findByRole('note');
    expect(notice).toHaveTextContent('این ویرایش ۱ این گزارش است، نه تازه‌ترین آن: گزارش پس از آن اصلاح شده است.');
    expect(within(notice).getByRole('link', { name: 'دیدن تازه‌ترین ویرایش (ویرایش ۲)' })).toHaveAttribute(
      'href',
      '/weekly/1401-06-26',
    );
    // The figures are revision 1's.
    expect(screen.getByText('معوق دست‌کم در یک مرحله').closest('.weekly-figure')).toHaveTextContent('۱۰۴');

    const revisions = within(screen.getByRole('region', { name: 'ویرایش‌ها' }));
    const items = revisions.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('ویرایش ۲ · ۱۴۰۱/۰۷/۰۵ ساعت ۰۹:۴۲');
    expect(items[0]).toHaveTextContent('دلیل اصلاح: ثبت دیرهنگام راه‌اندازی پنجره واحد دیوان عدالت اداری');
    expect(items[1]).toHaveTextContent('ویرایش ۱ (همین ویرایش) · ۱۴۰۱/۰۷/۰۲ ساعت ۰۸:۰۰');
    expect(items[1]).toHaveTextContent('انتشار نخست');
    expect(revisions.getByRole('link', { name: 'ویرایش ۱' })).toHaveAttribute('aria-current', 'page');
    expect(revisions.getByRole('link', { name: 'ویرایش ۲' })).toHaveAttribute('href', '/weekly/1401-06-26');

    // The permanent address of what is shown is this revision's.
    expect(screen.getByRole('link', { name: 'http://localhost/weekly/1401-06-26?revision=1' })).toBeInTheDocument();
  });

  it('lets an admin publish a correction with a reason, after confirming, and shows the new revision', async () => {
    const fetchMock = serveBrief({ me: adminUser });
    await openBrief();
    const form = within(await screen.findByRole('region', { name: 'انتشار اصلاحیه' }));
    expect(form.getByText(/به‌عنوان ویرایش ۲ منتشر می‌شود/)).toBeInTheDocument();

    // The reason is required.
    fireEvent.click(form.getByRole('button', { name: 'بررسی و انتشار…' }));
    expect(form.getByRole('textbox', { name: 'دلیل اصلاح' })).toHaveAccessibleDescription(
      expect.stringContaining('دلیل اصلاح را بنویسید.'),
    );
    expect(bodiesSentTo(fetchMock, `${base}/1401-06-26/revisions`)).toHaveLength(0);

    const reason = 'ثبت دیرهنگام راه‌اندازی پنجره واحد دیوان عدالت اداری';
    fireEvent.change(form.getByRole('textbox', { name: 'دلیل اصلاح' }), { target: { value: `  ${reason} ` } });
    fireEvent.click(form.getByRole('button', { name: 'بررسی و انتشار…' }));
    const confirm = within(form.getByRole('group', { name: 'ویرایش ۲ گزارش هفته ۱۴۰۱/۰۶/۲۶ منتشر شود؟' }));
    expect(confirm.getByText(reason)).toBeInTheDocument();
    expect(bodiesSentTo(fetchMock, `${base}/1401-06-26/revisions`)).toHaveLength(0);

    fireEvent.click(confirm.getByRole('button', { name: 'انتشار اصلاحیه' }));

    expect(await form.findByText('ویرایش ۲ منتشر شد و اکنون نمایش داده می‌شود.')).toBeInTheDocument();
    expect(bodiesSentTo(fetchMock, `${base}/1401-06-26/revisions`)).toEqual([{ reason }]);
    expect(screen.getByText('معوق دست‌کم در یک مرحله').closest('.weekly-figure')).toHaveTextContent('۱۰۳');
    const revisions = within(screen.getByRole('region', { name: 'ویرایش‌ها' }));
    await waitFor(() => expect(revisions.getAllByRole('listitem')).toHaveLength(2));
    expect(revisions.getAllByRole('listitem')[0]).toHaveTextContent(`دلیل اصلاح: ${reason}`);
    expect(screen.getByText(week0626Revision2.digest)).toBeInTheDocument();
  });

  it.each([
    [
      403,
      'FORBIDDEN',
      { fa: 'نقش شما اجازه این کار را نمی‌دهد.', en: 'Your role does not allow this.' },
      'Your role does not allow this.',
    ],
    [
      422,
      'REPORT_OUTSIDE_CYCLE',
      { fa: 'هفته 1401-06-26 در هیچ دوره برنامه‌ای نیست.', en: 'The week 1401-06-26 is not in any programme cycle.' },
      'The week 1401-06-26 is not in any programme cycle.',
    ],
    [
      409,
      'CONFLICT',
      { fa: 'اصلاحیه دیگری هم‌زمان منتشر شد.', en: 'Another correction was published at the same time.' },
      'Another correction was published at the same time.',
    ],
  ])('shows the server’s message when a correction is refused (%i)', async (status, error, message, shown) => {
    serveBrief({ me: adminUser, revise: () => ({ status, body: { statusCode: status, error, message } }) });
    await openBrief('/weekly/1401-06-26', 'en');
    const form = within(await screen.findByRole('region', { name: 'Publish a correction' }));
    fireEvent.change(form.getByRole('textbox', { name: 'Reason for the correction' }), {
      target: { value: 'Late record of a launch' },
    });
    fireEvent.click(form.getByRole('button', { name: 'Review and publish…' }));
    fireEvent.click(form.getByRole('button', { name: 'Publish the correction' }));
    expect(await form.findByRole('alert')).toHaveTextContent(shown);
    expect(form.getByRole('textbox', { name: 'Reason for the correction' })).toHaveValue('Late record of a launch');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('1401/06/26');
  });

  it('shows the server’s problem with the reason beside the field', async () => {
    serveBrief({
      me: adminUser,
      revise: () => ({
        status: 400,
        body: {
          statusCode: 400,
          error: 'VALIDATION_FAILED',
          message: { fa: 'درخواست نامعتبر است.', en: 'The request is not valid.' },
          details: [
            {
              field: 'reason',
              fa: 'reason: بیش از حد کوتاه است',
              en: 'reason must be longer than or equal to 3 characters',
            },
          ],
        },
      }),
    });
    await openBrief('/weekly/1401-06-26', 'en');
    const field = await screen.findByRole('textbox', { name: 'Reason for the correction' });
    fireEvent.change(field, { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Review and publish…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Publish the correction' }));
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(
        expect.stringContaining('reason must be longer than or equal to 3 characters'),
      ),
    );
    expect(field).toHaveAttribute('aria-invalid', 'true');
  });

  it('offers no correction form to anyone but an admin', async () => {
    serveBrief({ me: evaluatorUser });
    await openBrief();
    await waitFor(() => expect(screen.getByRole('button', { name: 'خروج' })).toBeInTheDocument());
    expect(screen.queryByRole('region', { name: 'انتشار اصلاحیه' })).not.toBeInTheDocument();
  });

  it('shows the newest brief at /weekly/latest, keeps that address, and gives the week’s own', async () => {
    const fetchMock = serveBrief();
    const { router } = await openBrief('/weekly/latest');
    expect(router.state.location.pathname).toBe('/weekly/latest');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('۱۴۰۱/۰۶/۲۶');
    const note = screen.getByText(/این تازه‌ترین گزارش هفتگی است/);
    expect(within(note).getByRole('link', { name: 'http://localhost/weekly/1401-06-26' })).toHaveAttribute(
      'href',
      '/weekly/1401-06-26',
    );
    expect(requestsTo(fetchMock, `${base}/latest`)).toHaveLength(1);
  });

  it('replaces another day of the week in the address with the week’s own', async () => {
    serveBrief();
    const { router } = renderApp('/weekly/2022-09-20');
    await waitFor(() => expect(router.state.location.pathname).toBe('/weekly/1401-06-26'));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'گزارش هفتگی: هفته ۱۴۰۱/۰۶/۲۶ تا ۱۴۰۱/۰۷/۰۱' }),
    ).toBeInTheDocument();
  });

  it('links to the weeks before and after, and to every week', async () => {
    serveBrief();
    await openBrief();
    const weeks = within(await screen.findByRole('navigation', { name: 'هفته‌های دیگر' }));
    expect(await weeks.findByRole('link', { name: 'هفته قبل: ۱۴۰۱/۰۶/۱۹' })).toHaveAttribute(
      'href',
      '/weekly/1401-06-19',
    );
    expect(await weeks.findByRole('link', { name: 'هفته بعد: ۱۴۰۱/۰۷/۰۲' })).toHaveAttribute(
      'href',
      '/weekly/1401-07-02',
    );
    expect(weeks.getByRole('link', { name: 'همه هفته‌های منتشرشده' })).toHaveAttribute('href', '/weekly');
    expect(weeks.getByRole('link', { name: 'تازه‌ترین گزارش هفتگی' })).toHaveAttribute('href', '/weekly/latest');
  });

  it('offers no next week after the newest one', async () => {
    serveBrief({
      latest: { body: { ...week0626, week: '1401-12-27', weekStartsOn: '2023-03-18', weekEndsOn: '2023-03-24' } },
    });
    renderApp('/weekly/latest');
    const weeks = within(await screen.findByRole('navigation', { name: 'هفته‌های دیگر' }));
    expect(await weeks.findByRole('link', { name: 'هفته قبل: ۱۴۰۱/۱۲/۲۰' })).toBeInTheDocument();
    expect(weeks.queryByRole('link', { name: /هفته بعد/ })).not.toBeInTheDocument();
    expect(weeks.queryByRole('link', { name: 'تازه‌ترین گزارش هفتگی' })).not.toBeInTheDocument();
  });

  it('says kindly that no brief has been published yet', async () => {
    serveBrief({
      latest: {
        status: 404,
        body: {
          statusCode: 404,
          error: 'REPORT_NOT_FOUND',
          message: { fa: 'هنوز هیچ گزارش هفتگی منتشر نشده است.', en: 'No weekly report has been published yet.' },
        },
      },
    });
    renderApp('/weekly/latest');
    expect(await screen.findByRole('heading', { level: 1, name: 'هنوز گزارشی منتشر نشده است' })).toBeInTheDocument();
    expect(screen.getByText(/نخستین گزارش، شنبهٔ پس از پایان نخستین هفته برنامه منتشر می‌شود/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when a week has no brief, and where to go instead', async () => {
    serveBrief();
    renderApp('/weekly/1400-01-07', { language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'No brief for this week' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All published weeks' })).toHaveAttribute('href', '/weekly');
    expect(screen.getByRole('link', { name: 'Newest weekly brief' })).toHaveAttribute('href', '/weekly/latest');
  });

  it('shows the server’s error with a way to try again', async () => {
    mockFetch({
      '/api/v1/meta': { body: demoMeta },
      [`${base}/1401-06-26`]: {
        status: 503,
        body: { statusCode: 503, error: 'UNAVAILABLE', message: { fa: 'سرویس در دسترس نیست.', en: 'Unavailable.' } },
      },
    });
    renderApp('/weekly/1401-06-26');
    expect(await screen.findByRole('alert')).toHaveTextContent('سرویس در دسترس نیست.');
    expect(screen.getByRole('button', { name: 'تلاش دوباره' })).toBeInTheDocument();
  });
});
