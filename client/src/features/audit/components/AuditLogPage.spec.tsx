import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { adminUser, demoMeta, evaluatorUser } from '../../../test/fixtures';
import { mockFetch, requestsTo } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';

const scoreChange = {
  id: 'r1',
  occurredAt: '2022-08-22T10:05:00.000Z',
  actorId: evaluatorUser.id,
  actorUsername: 'evaluator',
  action: 'update',
  entityType: 'score',
  entityId: 'd0000000-0000-4000-8000-000000000001',
  before: { total: '25.00', status: 'draft' },
  after: { total: '26.07', status: 'draft' },
  reason: null,
  requestId: 'req-1',
};

const seed = {
  ...scoreChange,
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
};

function serveAudit(user = adminUser) {
  return mockFetch({
    '/api/v1/meta': { body: demoMeta },
    '/api/v1/auth/me': { body: user },
    '/api/v1/audit': (url) => ({
      body: { items: [scoreChange, seed], total: 120, page: Number(url.searchParams.get('page') ?? 1), pageSize: 50 },
    }),
  });
}

describe('AuditLogPage', () => {
  beforeEach(() => localStorage.clear());

  it('reads its filters from the URL, with whole Tehran days, and shows times in Tehran', async () => {
    const fetchMock = serveAudit();
    renderApp('/audit?entityType=score&from=2022-08-22&to=2022-08-22&page=2');

    const table = await screen.findByRole('table', { name: 'رویدادها، تازه‌ترین در بالا' });
    const request = requestsTo(fetchMock, '/api/v1/audit').at(-1)!;
    expect(Object.fromEntries(request.searchParams)).toEqual({
      entityType: 'score',
      from: '2022-08-21T19:30:00.000Z', // 1401/05/31 00:00 in Tehran (+04:30 that summer)
      to: '2022-08-22T19:30:00.000Z', // the next midnight
      page: '2',
      pageSize: '50',
    });
    expect(screen.getByRole('combobox', { name: /نوع موجودیت/ })).toHaveValue('score');
    expect(screen.getByRole('textbox', { name: /از تاریخ/ })).toHaveValue('۱۴۰۱/۰۵/۳۱');

    const rows = [...table.querySelectorAll(':scope > tbody > tr')] as HTMLElement[];
    expect(within(rows[0]!).getAllByRole('cell')[0]).toHaveTextContent('۱۴۰۱/۰۵/۳۱ ۱۴:۳۵');
    expect(rows[0]).toHaveTextContent('evaluator');
    expect(within(rows[1]!).getAllByRole('cell')[0]).toHaveTextContent('۱۴۰۱/۰۵/۳۱ ۰۱:۳۰');
    expect(rows[1]).toHaveTextContent('سامانه'); // no actor: the system itself
    expect(screen.getByText('۱۲۰ رویداد')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'صفحه‌بندی' })).toHaveTextContent('صفحه ۲ از ۳');
  });

  it('reads a Jalali day in the URL (from=1401-08-20) as Jalali, not as the year 1401 AD', async () => {
    const fetchMock = serveAudit();
    renderApp('/audit?from=1401-08-20&to=1401/8/20');

    await screen.findByRole('table', { name: 'رویدادها، تازه‌ترین در بالا' });
    const request = requestsTo(fetchMock, '/api/v1/audit').at(-1)!;
    expect(request.searchParams.get('from')).toBe('2022-11-10T20:30:00.000Z'); // 1401/08/20 00:00 in Tehran
    expect(request.searchParams.get('to')).toBe('2022-11-11T20:30:00.000Z');
    expect(screen.getByRole('textbox', { name: /از تاریخ/ })).toHaveValue('۱۴۰۱/۰۸/۲۰');
  });

  it('shows what changed, before and after, when expanded', async () => {
    serveAudit();
    renderApp('/audit');
    const table = await screen.findByRole('table', { name: 'رویدادها، تازه‌ترین در بالا' });
    const row = table.querySelector<HTMLElement>(':scope > tbody > tr')!;
    const summary = within(row).getByText('نمایش (۱ فیلد تغییر کرده)');
    fireEvent.click(summary);
    const diff = within(row).getByRole('table');
    const total = within(diff).getByRole('row', { name: /total/ });
    expect(
      within(total)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['25.00', '26.07']);
    expect(total).toHaveTextContent('تغییر کرده');
    expect(within(diff).getByRole('row', { name: /status/ })).not.toHaveTextContent('تغییر کرده');
  });

  it('applies typed filters and a Jalali date range through the URL, from the first page', async () => {
    const fetchMock = serveAudit();
    const { router } = renderApp('/audit?page=3');
    await screen.findByRole('table', { name: 'رویدادها، تازه‌ترین در بالا' });

    fireEvent.change(screen.getByRole('combobox', { name: /کنش/ }), { target: { value: 'sign_in' } });
    fireEvent.change(screen.getByRole('textbox', { name: /از تاریخ/ }), { target: { value: '۱۴۰۱/۰۹/۰۱' } });
    fireEvent.click(screen.getByRole('button', { name: 'اعمال' }));

    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('action')).toBe('sign_in'));
    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('from')).toBe('2022-11-22');
    expect(params.has('page')).toBe(false);
    await waitFor(() =>
      expect(requestsTo(fetchMock, '/api/v1/audit').at(-1)?.searchParams.get('from')).toBe('2022-11-21T20:30:00.000Z'),
    );
  });

  it('offers exactly the actions and entity types the server writes, as its OpenAPI document lists them', async () => {
    // client/src/api/openapi.json is the server's own document (a server test holds the two equal), and the
    // server can only write audit records with these actions and entity types (AuditService's types).
    const document = JSON.parse(readFileSync(join(__dirname, '../../../api/openapi.json'), 'utf8')) as {
      components: { schemas: Record<string, { enum?: string[] }> };
    };
    serveAudit();
    renderApp('/audit');
    await screen.findByRole('table', { name: 'رویدادها، تازه‌ترین در بالا' });
    const offered = (name: RegExp) =>
      within(screen.getByRole('combobox', { name }))
        .getAllByRole('option')
        .map((option) => (option as HTMLOptionElement).value)
        .filter((value) => value !== '');
    expect(offered(/کنش/)).toEqual(document.components.schemas.AuditAction!.enum);
    expect(offered(/کنش/)).toContain('create_score');
    expect(offered(/نوع موجودیت/)).toEqual(document.components.schemas.AuditEntityType!.enum);
  });

  it('ignores an action in the address that the server does not know', async () => {
    const fetchMock = serveAudit();
    renderApp('/audit?action=create');
    await screen.findByRole('table', { name: 'رویدادها، تازه‌ترین در بالا' });
    expect(requestsTo(fetchMock, '/api/v1/audit').at(-1)?.searchParams.has('action')).toBe(false);
  });

  it('does not apply a date that does not exist', async () => {
    const fetchMock = serveAudit();
    const { router } = renderApp('/audit');
    await screen.findByRole('table', { name: 'رویدادها، تازه‌ترین در بالا' });
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
    await screen.findByRole('table', { name: 'رویدادها، تازه‌ترین در بالا' });
    fireEvent.click(screen.getByRole('button', { name: 'فقط رویدادهای evaluator' }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('actor')).toBe(evaluatorUser.id));
    await waitFor(() =>
      expect(requestsTo(fetchMock, '/api/v1/audit').at(-1)?.searchParams.get('actorId')).toBe(evaluatorUser.id),
    );
    expect(await screen.findByText('فقط رویدادهای evaluator', { selector: 'p' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'نمایش همه کاربران' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('is for administrators and the cabinet only', async () => {
    serveAudit(evaluatorUser);
    renderApp('/audit');
    expect(await screen.findByRole('heading', { level: 1, name: 'دسترسی ندارید' })).toBeInTheDocument();
  });
});
