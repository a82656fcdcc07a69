import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { adminUser, demoMeta, evaluatorUser, interiorMinistry, interiorMinistryDetail } from '../../../test/fixtures';
import { mockFetch, requestsTo } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';

const score = (total: string, status: string, availability: string) => ({
  id: 'd0000000-0000-4000-8000-000000000001',
  roundId: 'e0000000-0000-4000-8000-000000000001',
  roundCode: 'autumn-1401',
  agencyId: interiorMinistry.id,
  agencyCode: 'MOI',
  agencyNameFa: 'وزارت کشور',
  agencyNameEn: 'Ministry of Interior',
  sessionId: 'f0000000-0000-4000-8000-000000000001',
  total,
  status,
  criterionScores: [
    { criterionId: 'c1', code: 'availability', value: availability },
    { criterionId: 'c2', code: 'support', value: '27.70' },
  ],
  version: total === '25.00' ? 1 : 2,
  createdAt: '2022-08-22T09:00:00.000Z',
  updatedAt: total === '25.00' ? '2022-08-22T09:00:00.000Z' : '2022-08-22T10:05:00.000Z',
});

const scoreChange = {
  id: 'r1',
  occurredAt: '2022-08-22T10:05:00.000Z',
  actorId: evaluatorUser.id,
  actorUsername: 'evaluator',
  action: 'update_score',
  entityType: 'score',
  entityId: 'd0000000-0000-4000-8000-000000000001',
  before: score('25.00', 'draft', '20.00'),
  after: score('26.07', 'draft', '30.00'),
  reason: null,
  requestId: 'req-1',
};

const seed = {
  id: 'r2',
  occurredAt: '2022-08-21T21:00:00.000Z',
  actorId: null,
  actorUsername: null,
  action: 'seed',
  entityType: 'dataset',
  entityId: 'demo',
  before: null,
  after: { agencies: 170 },
  reason: 'Demo data set loaded',
  requestId: null,
};

const progress = {
  id: 'r3',
  occurredAt: '2022-09-11T06:00:00.000Z',
  actorId: adminUser.id,
  actorUsername: 'admin',
  action: 'record_progress',
  entityType: 'agency',
  entityId: interiorMinistry.id,
  before: {
    version: 1,
    singleWindowUrl: null,
    singleWindowLaunchedOn: null,
    nationalWindowConnectedOn: null,
  },
  after: {
    version: 2,
    events: [{ id: 'e1', kind: 'single_window_launched', occurredOn: '2022-09-11', supersedesId: null }],
    singleWindowUrl: 'https://moi.example.ir/a-very-long-path/that-does-not-break-by-itself-0123456789abcdef',
    singleWindowLaunchedOn: '2022-09-11',
    nationalWindowConnectedOn: null,
  },
  reason: 'import 5b1c…: progress.xlsx',
  requestId: 'req-3',
};

const weekly = {
  id: 'r4',
  occurredAt: '2022-10-08T03:30:00.000Z',
  actorId: null,
  actorUsername: null,
  action: 'publish_weekly_report',
  entityType: 'weekly_report',
  entityId: '00606add-f6ba-4b50-8aec-6bbe14e5c587',
  before: null,
  after: { week: '1401-07-16', cycle: 'budget-1401', digest: '6b73…', revision: 1 },
  reason: null,
  requestId: null,
};

const signIn = {
  id: 'r5',
  occurredAt: '2022-08-22T10:00:00.000Z',
  actorId: evaluatorUser.id,
  actorUsername: 'evaluator',
  action: 'sign_in',
  entityType: 'user_session',
  entityId: '9c8573eb-d71d-463c-a264-f614a57fc462',
  before: null,
  after: { userId: evaluatorUser.id, expiresAt: '2022-08-22T22:00:00.000Z' },
  reason: null,
  requestId: 'req-5',
};

function serveAudit(user = adminUser, items: unknown[] = [scoreChange, signIn, seed]) {
  return mockFetch({
    '/api/v1/meta': { body: demoMeta },
    '/api/v1/auth/me': { body: user },
    [`/api/v1/agencies/${interiorMinistry.id}`]: { body: interiorMinistryDetail },
    '/api/v1/audit': (url) => {
      // As the server does: `signIns=exclude` leaves sign-ins and sign-outs out.
      const excluded = url.searchParams.get('signIns') === 'exclude';
      const kept = (items as Array<{ action: string }>).filter(
        (item) => !excluded || (item.action !== 'sign_in' && item.action !== 'sign_out'),
      );
      return {
        body: {
          items: kept,
          total: 120,
          page: Number(url.searchParams.get('page') ?? 1),
          pageSize: 50,
        },
      };
    },
  });
}

const LIST = 'رویدادها، تازه‌ترین در بالا';

/** The page is loaded on demand: the first test waits for its module to compile as well. */
async function findEntries(name = LIST) {
  const list = await screen.findByRole('list', { name }, { timeout: 10_000 });
  return within(list)
    .getAllByRole('listitem')
    .filter((item) => item.parentElement === list);
}

function openChanges(entry: HTMLElement) {
  const details = entry.querySelector<HTMLDetailsElement>('details.audit-changes')!;
  fireEvent.click(within(entry).getByText(/^نمایش|^Show/, { selector: 'summary' }));
  details.open = true; // jsdom does not toggle <details> on a click
  return details;
}

const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

describe('AuditLogPage', () => {
  beforeEach(() => localStorage.clear());

  it('reads its filters from the URL, with whole Tehran days, and shows times in Tehran as Jalali days', async () => {
    const fetchMock = serveAudit();
    renderApp('/audit?entityType=score&from=2022-08-22&to=2022-08-22&page=2');

    const entries = await findEntries();
    expect(document.title).toMatch(/^گزارش رویدادها · /);
    const request = requestsTo(fetchMock, '/api/v1/audit').at(-1)!;
    expect(Object.fromEntries(request.searchParams)).toEqual({
      entityType: 'score',
      from: '2022-08-21T19:30:00.000Z', // 1401/05/31 00:00 in Tehran (+04:30 that summer)
      to: '2022-08-22T19:30:00.000Z', // the next midnight
      page: '2',
      pageSize: '50',
      signIns: 'exclude',
    });
    expect(screen.getByRole('combobox', { name: 'موضوع' })).toHaveValue('score');
    expect(screen.getByRole('textbox', { name: /از تاریخ/ })).toHaveValue('۱۴۰۱/۰۵/۳۱');

    expect(entries[0]!.querySelector('time')).toHaveTextContent('۱۴۰۱/۰۵/۳۱ ۱۴:۳۵');
    expect(entries[0]!.querySelector('time')).toHaveAttribute('title', expect.stringContaining('۲۰۲۲')); // Gregorian
    expect(entries[0]).toHaveTextContent('evaluator');
    expect(entries[1]!.querySelector('time')).toHaveTextContent('۱۴۰۱/۰۵/۳۱ ۰۱:۳۰');
    expect(entries[1]).toHaveTextContent('سامانه (خودکار)'); // no actor: the system itself
    expect(screen.getByText('۱۲۰ رویداد')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'صفحه‌بندی' })).toHaveTextContent('صفحه ۲ از ۳');
  });

  it('says what was done, and to what, in words: the action, the agency by name with a link', async () => {
    serveAudit();
    renderApp('/audit');
    const [change] = await findEntries();
    const summary = within(change!).getByText('ویرایش امتیاز').closest('p')!;
    expect(summary).toHaveTextContent('ویرایش امتیاز — امتیاز: وزارت کشور (دوره autumn-1401)');
    expect(within(change!).getByRole('link', { name: 'وزارت کشور' })).toHaveAttribute(
      'href',
      `/agencies/${interiorMinistry.id}`,
    );
    // no codes or ids meant for programs (they wait in the raw data, closed)
    expect(summary).not.toHaveTextContent('update_score');
    expect(summary).not.toHaveTextContent(scoreChange.entityId);
    expect(change).not.toHaveTextContent('update_score');
  });

  it('shows what changed as a list of labelled fields before and after, and the raw JSON for auditors', async () => {
    serveAudit();
    renderApp('/audit');
    const [change] = await findEntries();
    const details = openChanges(change!);
    expect(within(details).getByText('نمایش تغییرها (۲ مورد)', { selector: 'summary' })).toBeInTheDocument();
    const table = within(details).getByRole('table', { name: 'تغییرها، مورد به مورد' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['مورد', 'پیش از تغییر', 'پس از تغییر']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'امتیاز کل (از ۱۰۰)',
      'امتیاز معیار availability',
    ]);
    expect(cellsOf(rows[0]!)).toEqual(['۲۵٫۰۰', '۲۶٫۰۷']);
    expect(cellsOf(rows[1]!)).toEqual(['۲۰٫۰۰', '۳۰٫۰۰']);
    // unchanged (status, the other criterion) and technical (version, ids, timestamps) fields are not listed
    expect(table).not.toHaveTextContent('وضعیت');
    expect(table).not.toHaveTextContent('support');
    expect(table).not.toHaveTextContent('version');

    const raw = within(details).getByText('داده خام (JSON) برای حسابرسان', { selector: 'summary' }).parentElement!;
    expect(within(raw).getByRole('region', { name: 'داده خام (JSON) برای حسابرسان' })).toHaveTextContent(
      '"total": "26.07"',
    );
    expect(raw).toHaveTextContent(scoreChange.entityId);
    expect(raw).toHaveTextContent('req-1');
  });

  it('in English: the action and the entity in English, the Gregorian day beside the Jalali one', async () => {
    serveAudit();
    renderApp('/audit', { language: 'en' });
    const [change] = await findEntries('Audit records, newest first');
    expect(change!.querySelector('time')).toHaveTextContent('1401/05/31 14:35 (August 22, 2022)');
    expect(change).toHaveTextContent('Edited a score — Score: Ministry of Interior (round autumn-1401)');
    fireEvent.click(within(change!).getByText('Show the changes (2 items)'));
    change!.querySelector('details')!.open = true;
    const table = within(change!).getByRole('table', { name: 'What changed, item by item' });
    const total = within(table).getByRole('row', { name: /Total \(out of 100\)/ });
    expect(cellsOf(total)).toEqual(['25.00', '26.07']);
  });

  it('names an agency recorded by id only (its progress) from its page, and its days and events in words', async () => {
    const fetchMock = serveAudit(adminUser, [progress, weekly]);
    renderApp('/audit');
    const [record, report] = await findEntries();
    const link = await within(record!).findByRole('link', { name: 'وزارت کشور' });
    expect(link).toHaveAttribute('href', `/agencies/${interiorMinistry.id}`);
    expect(requestsTo(fetchMock, `/api/v1/agencies/${interiorMinistry.id}`)).toHaveLength(1);
    expect(record).toHaveTextContent('ثبت پیشرفت دستگاه — دستگاه: وزارت کشور');
    expect(record).toHaveTextContent('دلیل: import 5b1c…: progress.xlsx');

    const details = openChanges(record!);
    const table = within(details).getByRole('table');
    expect(cellsOf(within(table).getByRole('row', { name: /^راه‌اندازی پنجره واحد/ }))).toEqual(['خالی', '۱۴۰۱/۰۶/۲۰']);
    expect(cellsOf(within(table).getByRole('row', { name: /^رویدادهای ثبت‌شده/ }))).toEqual([
      'خالی',
      'راه‌اندازی پنجره واحد: ۱۴۰۱/۰۶/۲۰',
    ]);

    // a weekly report: its week, linked to its page
    expect(report).toHaveTextContent('انتشار گزارش هفتگی — گزارش هفتگی: هفته ۱۴۰۱/۰۷/۱۶ (ویرایش ۱)');
    expect(within(report!).getByRole('link', { name: 'هفته ۱۴۰۱/۰۷/۱۶' })).toHaveAttribute(
      'href',
      '/weekly/1401-07-16',
    );
  });

  it('leaves sign-ins and sign-outs out unless asked for, and says so', async () => {
    const fetchMock = serveAudit();
    const { router } = renderApp('/audit');
    const entries = await findEntries();
    expect(entries).toHaveLength(2);
    expect(screen.queryByText('ورود به سامانه', { selector: 'strong' })).not.toBeInTheDocument();
    expect(screen.getByText('ورود و خروج کاربران در این فهرست نیست.')).toBeInTheDocument();
    expect(requestsTo(fetchMock, '/api/v1/audit').at(-1)!.searchParams.get('signIns')).toBe('exclude');
    expect(screen.getByRole('checkbox', { name: 'ورود و خروج کاربران هم نشان داده شود' })).not.toBeChecked();

    fireEvent.click(screen.getByRole('button', { name: 'نمایش ورود و خروج‌ها' }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('signIns')).toBe('show'));
    await waitFor(async () => expect(await findEntries()).toHaveLength(3));
    expect(screen.getByText('ورود به سامانه', { selector: 'strong' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'ورود و خروج کاربران هم نشان داده شود' })).toBeChecked();
    expect(screen.queryByText('ورود و خروج کاربران در این فهرست نیست.')).not.toBeInTheDocument();
    // the server is asked for them now, so pages and totals count them
    expect(requestsTo(fetchMock, '/api/v1/audit').at(-1)!.searchParams.has('signIns')).toBe(false);
  });

  it('shows sign-ins when they are what the filter asks for', async () => {
    serveAudit(adminUser, [signIn]);
    renderApp('/audit?action=sign_in');
    const [entry] = await findEntries();
    expect(entry).toHaveTextContent('ورود به سامانه — نشست کاربر: evaluator');
  });

  it('refuses a date range that ends before it starts, saying why, and asks nothing', async () => {
    const fetchMock = serveAudit();
    const { router } = renderApp('/audit');
    await findEntries();
    const requests = requestsTo(fetchMock, '/api/v1/audit').length;
    fireEvent.change(screen.getByRole('textbox', { name: /از تاریخ/ }), { target: { value: '۱۴۰۱/۰۶/۰۱' } });
    fireEvent.change(screen.getByRole('textbox', { name: /تا تاریخ/ }), { target: { value: '۱۴۰۱/۰۵/۰۱' } });
    const to = screen.getByRole('textbox', { name: /تا تاریخ/ });
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(to).toHaveAccessibleDescription(/«تا تاریخ» پیش از «از تاریخ» است/);
    fireEvent.click(screen.getByRole('button', { name: 'اعمال' }));
    expect(router.state.location.search).toBe('');
    expect(requestsTo(fetchMock, '/api/v1/audit')).toHaveLength(requests);

    // put right, it applies
    fireEvent.change(to, { target: { value: '۱۴۰۱/۰۶/۳۱' } });
    expect(to).not.toHaveAttribute('aria-invalid');
    fireEvent.click(screen.getByRole('button', { name: 'اعمال' }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('to')).toBe('2022-09-22'));
  });

  it('says the same in English: sign-ins hidden, a reversed range refused', async () => {
    serveAudit();
    const { router } = renderApp('/audit', { language: 'en' });
    await findEntries('Audit records, newest first');
    expect(screen.getByText('Sign-ins and sign-outs are left out of this list.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show sign-ins and sign-outs' })).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: /From/ }), { target: { value: '2022-09-01' } });
    fireEvent.change(screen.getByRole('textbox', { name: /To/ }), { target: { value: '2022-08-01' } });
    expect(screen.getByRole('textbox', { name: /To/ })).toHaveAccessibleDescription(/“To” is before “From”/);
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(router.state.location.search).toBe('');
  });

  it('explains a reversed range in a shared address instead of showing an empty log', async () => {
    const fetchMock = serveAudit();
    renderApp('/audit?from=1401-06-01&to=1401-05-01');
    expect(await screen.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(
      'بازه تاریخ این نشانی وارونه است',
    );
    expect(requestsTo(fetchMock, '/api/v1/audit')).toHaveLength(0);
    expect(screen.queryByText(/رویداد$/)).not.toBeInTheDocument();
  });

  it('applies typed filters and a Jalali date range through the URL, from the first page', async () => {
    const fetchMock = serveAudit();
    const { router } = renderApp('/audit?page=3');
    await findEntries();

    fireEvent.change(screen.getByRole('combobox', { name: 'کار انجام‌شده' }), { target: { value: 'submit_score' } });
    fireEvent.change(screen.getByRole('textbox', { name: /از تاریخ/ }), { target: { value: '۱۴۰۱/۰۹/۰۱' } });
    fireEvent.click(screen.getByRole('button', { name: 'اعمال' }));

    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('action')).toBe('submit_score'));
    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('from')).toBe('2022-11-22');
    expect(params.has('page')).toBe(false);
    await waitFor(() =>
      expect(requestsTo(fetchMock, '/api/v1/audit').at(-1)?.searchParams.get('from')).toBe('2022-11-21T20:30:00.000Z'),
    );
  });

  it('offers exactly the actions and entity types the server writes, each in words', async () => {
    // client/src/api/openapi.json is the server's own document (a server test holds the two equal), and the
    // server can only write audit records with these actions and entity types (AuditService's types).
    const document = JSON.parse(readFileSync(join(__dirname, '../../../api/openapi.json'), 'utf8')) as {
      components: { schemas: Record<string, { enum?: string[] }> };
    };
    serveAudit();
    renderApp('/audit');
    await findEntries();
    const options = (name: string) =>
      (within(screen.getByRole('combobox', { name })).getAllByRole('option') as HTMLOptionElement[]).filter(
        (option) => option.value !== '',
      );
    expect(options('کار انجام‌شده').map((option) => option.value)).toEqual(
      document.components.schemas.AuditAction!.enum,
    );
    expect(options('موضوع').map((option) => option.value)).toEqual(document.components.schemas.AuditEntityType!.enum);
    // every one has a name in words, none shows its code
    for (const option of [...options('کار انجام‌شده'), ...options('موضوع')]) {
      expect(option.textContent).not.toBe(option.value);
      expect(option.textContent).not.toMatch(/[a-z]_[a-z]/);
    }
    expect(
      within(screen.getByRole('combobox', { name: 'کار انجام‌شده' })).getByRole('option', { name: 'ثبت امتیاز' }),
    ).toHaveValue('create_score');
  });

  it('ignores an action in the address that the server does not know', async () => {
    const fetchMock = serveAudit();
    renderApp('/audit?action=create');
    await findEntries();
    expect(requestsTo(fetchMock, '/api/v1/audit').at(-1)?.searchParams.has('action')).toBe(false);
  });

  it('does not apply a date that does not exist', async () => {
    const fetchMock = serveAudit();
    const { router } = renderApp('/audit');
    await findEntries();
    const requests = requestsTo(fetchMock, '/api/v1/audit').length;
    fireEvent.change(screen.getByRole('textbox', { name: /تا تاریخ/ }), { target: { value: '۱۴۰۱/۱۲/۳۰' } });
    fireEvent.click(screen.getByRole('button', { name: 'اعمال' }));
    expect(screen.getByRole('textbox', { name: /تا تاریخ/ })).toHaveAttribute('aria-invalid', 'true');
    expect(router.state.location.search).toBe('');
    expect(requestsTo(fetchMock, '/api/v1/audit')).toHaveLength(requests);
  });

  it('narrows the log to one actor and back', async () => {
    const fetchMock = serveAudit();
    const { router } = renderApp('/audit');
    await findEntries();
    fireEvent.click(screen.getByRole('button', { name: 'فقط رویدادهای evaluator' }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('actor')).toBe(evaluatorUser.id));
    await waitFor(() =>
      expect(requestsTo(fetchMock, '/api/v1/audit').at(-1)?.searchParams.get('actorId')).toBe(evaluatorUser.id),
    );
    expect(await screen.findByText('فقط رویدادهای evaluator', { selector: 'p' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'نمایش همه کاربران' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('says so when nothing matches', async () => {
    mockFetch({
      '/api/v1/meta': { body: demoMeta },
      '/api/v1/auth/me': { body: adminUser },
      '/api/v1/audit': { body: { items: [], total: 0, page: 1, pageSize: 50 } },
    });
    renderApp('/audit?entityType=agency');
    expect(
      await screen.findByText('رویدادی با این پالایه‌ها ثبت نشده است.', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: LIST })).not.toBeInTheDocument();
  });

  it('is for administrators and the cabinet only', async () => {
    serveAudit(evaluatorUser);
    renderApp('/audit');
    expect(await screen.findByRole('heading', { level: 1, name: 'دسترسی ندارید' })).toBeInTheDocument();
  });
});
