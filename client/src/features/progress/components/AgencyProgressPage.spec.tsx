import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { demoMeta, evaluatorUser, interiorMinistry, interiorMinistryDetail } from '../../../test/fixtures';
import { bodiesSentTo, jsonBodyOf, mockFetch, requestsTo, type FakeReply } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';

const base = `/api/v1/agencies/${interiorMinistry.id}`;

function progressAt(version: number, overrides: Record<string, unknown> = {}) {
  return {
    agencyId: interiorMinistry.id,
    code: interiorMinistry.code,
    nameFa: interiorMinistry.nameFa,
    nameEn: interiorMinistry.nameEn,
    singleWindowLaunchedOn: '2022-09-22',
    singleWindowUrl: 'https://my.moi.example.ir',
    nationalWindowConnectedOn: null,
    version,
    events: [
      {
        id: 'e2',
        kind: 'single_window_launched',
        occurredOn: '2022-09-22',
        url: 'https://my.moi.example.ir',
        supersedesId: 'e1',
        supersededById: null,
        isCurrent: true,
        source: 'manual',
        note: 'اصلاح تاریخ',
        recordedBy: { id: evaluatorUser.id, displayName: evaluatorUser.displayName },
        recordedAt: '2022-09-25T06:00:00.000Z',
      },
      {
        id: 'e1',
        kind: 'single_window_launched',
        occurredOn: '2022-09-20',
        url: 'https://my.moi.example.ir',
        supersedesId: null,
        supersededById: 'e2',
        isCurrent: false,
        source: 'seed',
        note: null,
        recordedBy: null,
        recordedAt: '2022-09-21T06:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

const omidService = {
  id: 's1',
  agencyId: interiorMinistry.id,
  code: 'MOI-001',
  nameFa: 'صدور گواهی',
  nameEn: 'Certificate issue',
  audience: 'g2c',
  systemId: null,
  electronicOn: '2021-05-01',
  singleWindowOn: null,
  nationalWindowOn: null,
  stage: 'electronic',
  version: 2,
};

/** The fake server; `version` is the agency's current version, which a test may move on ("someone else saved"). */
function serveProgress({ record }: { record?: (body: Record<string, unknown>) => FakeReply } = {}) {
  const state = { version: 3 };
  const fetchMock = mockFetch({
    '/api/v1/meta': { body: demoMeta },
    '/api/v1/auth/me': { body: evaluatorUser },
    [base]: { body: interiorMinistryDetail },
    [`${base}/progress`]: (_url, init) => {
      if (init?.method === 'POST') {
        return record?.(jsonBodyOf(init)) ?? { body: progressAt(state.version + 1) };
      }
      return { body: progressAt(state.version) };
    },
    [`${base}/services`]: { body: { items: [omidService], total: 1, page: 1, pageSize: 25 } },
    [`${base}/systems`]: { body: { items: [] } },
    '/api/v1/services/s1/stage': { body: { ...omidService, stage: 'single_window', version: 3 } },
  });
  return Object.assign(fetchMock, { state });
}

const conflict = (current: Record<string, unknown>): FakeReply => ({
  status: 409,
  body: {
    statusCode: 409,
    error: 'VERSION_CONFLICT',
    message: {
      fa: 'این داده در این فاصله به دست کس دیگری تغییر کرده است؛ مقادیر کنونی را ببینید و دوباره ذخیره کنید.',
      en: 'Someone else changed this record in the meantime; review the current values and save again.',
    },
    details: { current },
  },
});

async function openPage() {
  const view = renderApp(`/agencies/${interiorMinistry.id}/progress`);
  // The page is loaded on demand: its first import in a run may take a while on a busy machine.
  await screen.findByRole('heading', { level: 1, name: 'ثبت پیشرفت: وزارت کشور' }, { timeout: 10_000 });
  await screen.findByRole('table', { name: 'سابقه ثبت‌ها' });
  return view;
}

function launchForm() {
  return screen.getByRole('region', { name: 'راه‌اندازی پنجره واحد' });
}

describe('AgencyProgressPage', () => {
  beforeEach(() => localStorage.clear());

  it('shows the current dates and the ledger with the superseded row marked', async () => {
    serveProgress();
    await openPage();
    const ledger = screen.getByRole('table', { name: 'سابقه ثبت‌ها' });
    const rows = within(ledger).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('۱۴۰۱/۰۶/۳۱');
    expect(rows[0]).toHaveTextContent('معتبر');
    expect(rows[0]).toHaveTextContent('ارزیاب نمایشی ۱');
    expect(rows[1]).toHaveTextContent('۱۴۰۱/۰۶/۲۹');
    expect(rows[1]).toHaveTextContent('جایگزین‌شده با ثبت بعدی');
    expect(rows[1]).toHaveClass('row--superseded');
  });

  it('names the browser tab after the page and its agency', async () => {
    serveProgress();
    await openPage();
    await waitFor(() => expect(document.title).toBe('ثبت پیشرفت: وزارت کشور · پایش پنجره ملی خدمات'));
  });

  it('offers days from 1390 to today in the calendar, and shows how to type a day', async () => {
    serveProgress();
    await openPage();
    const form = launchForm();
    const input = within(form).getByRole('textbox', { name: /تاریخ راه‌اندازی/ });
    const hint = document.getElementById((input.getAttribute('aria-describedby') ?? '').split(' ')[0]!);
    expect(hint).toHaveTextContent('به شکل سال/ماه/روز، مثلاً ۱۴۰۱/۰۵/۳۱؛ تاریخ میلادی هم پذیرفته است: ۲۰۲۲-۰۸-۲۲.');

    fireEvent.click(within(form).getByRole('button', { name: /باز کردن تقویم/ }));
    const dialog = within(form).getByRole('dialog');
    // Nothing after today: the next month and year are out of reach.
    expect(within(dialog).getByRole('button', { name: 'ماه بعد' })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'سال بعد' })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'امروز' })).toBeEnabled();
    const years = within(within(dialog).getByRole('combobox', { name: 'سال' })).getAllByRole('option');
    expect(years[0]).toHaveTextContent('۱۳۹۰');
    // A jump to 1401 takes one choice, not dozens of clicks.
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'سال' }), { target: { value: '1401' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'ماه' }), { target: { value: '6' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '۲۰ شهریور ۱۴۰۱' }));
    expect(input).toHaveValue('۱۴۰۱/۰۶/۲۰');
  });

  it('records the launch with the version it read', async () => {
    const fetchMock = serveProgress();
    await openPage();
    const form = launchForm();
    fireEvent.change(within(form).getByRole('textbox', { name: /تاریخ راه‌اندازی/ }), {
      target: { value: '۱۴۰۱/۰۶/۲۰' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /نشانی پنجره واحد/ }), {
      target: { value: 'https://new.moi.example.ir' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'ثبت' }));

    expect(await within(form).findByText('ثبت شد.')).toBeInTheDocument();
    expect(bodiesSentTo(fetchMock, `${base}/progress`)).toEqual([
      { version: 3, kind: 'single_window_launched', occurredOn: '2022-09-11', url: 'https://new.moi.example.ir' },
    ]);
  });

  it('asks for the single window’s address', async () => {
    const fetchMock = serveProgress();
    await openPage();
    const form = launchForm();
    fireEvent.change(within(form).getByRole('textbox', { name: /تاریخ راه‌اندازی/ }), {
      target: { value: '1401/06/20' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'ثبت' }));
    expect(within(form).getByRole('textbox', { name: /نشانی پنجره واحد/ })).toHaveAccessibleDescription(
      'نشانی پنجره واحد را وارد کنید.',
    );
    expect(bodiesSentTo(fetchMock, `${base}/progress`)).toHaveLength(0);
  });

  it('on a 409 shows the values now stored, reloads them, and saves again on the new version', async () => {
    let attempts = 0;
    const fetchMock = serveProgress({
      record: (body) => {
        attempts += 1;
        return attempts === 1
          ? conflict({
              singleWindowLaunchedOn: '2022-09-18',
              singleWindowUrl: 'https://other.moi.example.ir',
              nationalWindowConnectedOn: null,
              version: 4,
            })
          : { body: progressAt(Number(body.version) + 1) };
      },
    });
    await openPage();
    const form = launchForm();
    fireEvent.change(within(form).getByRole('textbox', { name: /تاریخ راه‌اندازی/ }), {
      target: { value: '۱۴۰۱/۰۶/۲۰' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /نشانی پنجره واحد/ }), {
      target: { value: 'https://new.moi.example.ir' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'ثبت' }));

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('این داده در این فاصله به دست کس دیگری تغییر کرده است');
    expect(alert).toHaveTextContent('مقادیر کنونی:');
    expect(within(alert).getByText('راه‌اندازی پنجره واحد').nextSibling).toHaveTextContent('۱۴۰۱/۰۶/۲۷');
    expect(within(alert).getByText('https://other.moi.example.ir')).toBeInTheDocument();
    expect(within(alert).getByText('اتصال به پنجره ملی').nextSibling).toHaveTextContent('—');
    expect(within(alert).getByText('نسخه').nextSibling).toHaveTextContent('۴');

    // What was typed stays; loading the current values reads the record again, now at version 4.
    fetchMock.state.version = 4;
    const readsBefore = requestsTo(fetchMock, `${base}/progress`).length;
    fireEvent.click(within(alert).getByRole('button', { name: 'بارگذاری مقادیر کنونی' }));
    await waitFor(() => expect(within(form).queryByRole('alert')).not.toBeInTheDocument());
    expect(requestsTo(fetchMock, `${base}/progress`).length).toBeGreaterThan(readsBefore);
    expect(within(form).getByRole('textbox', { name: /نشانی پنجره واحد/ })).toHaveValue('https://new.moi.example.ir');

    fireEvent.click(within(form).getByRole('button', { name: 'ثبت' }));
    expect(await within(form).findByText('ثبت شد.')).toBeInTheDocument();
    expect(bodiesSentTo(fetchMock, `${base}/progress`).map((body) => (body as { version: number }).version)).toEqual([
      3, 4,
    ]);
  });

  it('shows the conflict in English in the English view', async () => {
    serveProgress({
      record: () => conflict({ singleWindowLaunchedOn: null, nationalWindowConnectedOn: '2023-01-20', version: 9 }),
    });
    renderApp(`/agencies/${interiorMinistry.id}/progress`, { language: 'en' });
    const form = await screen.findByRole('region', { name: 'National window connection' });
    fireEvent.change(within(form).getByRole('textbox', { name: /Connection date/ }), {
      target: { value: '1401/10/30' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Record' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed this record in the meantime');
    expect(within(alert).getByText('Connected to the national window').nextSibling).toHaveTextContent('1401/10/30');
    expect(within(alert).getByText('Version').nextSibling).toHaveTextContent('9');
  });

  it('records the stage a service reached', async () => {
    const fetchMock = serveProgress();
    await openPage();
    const services = await screen.findByRole('table', { name: 'خدمات دستگاه' });
    fireEvent.click(within(services).getByRole('button', { name: 'ثبت مرحله برای «صدور گواهی»' }));
    const form = screen.getByRole('form', { name: 'ثبت مرحله برای «صدور گواهی»' });
    expect(within(form).getByRole('combobox', { name: 'مرحله‌ای که رسید' })).toHaveValue('single_window');
    fireEvent.change(within(form).getByRole('textbox', { name: /تاریخ رسیدن/ }), { target: { value: '۱۴۰۱/۰۶/۳۰' } });
    fireEvent.click(within(form).getByRole('button', { name: 'ثبت مرحله' }));

    await waitFor(() => expect(screen.queryByRole('form')).not.toBeInTheDocument());
    expect(bodiesSentTo(fetchMock, '/api/v1/services/s1/stage')).toEqual([
      { version: 2, stage: 'single_window', reachedOn: '2022-09-21' },
    ]);
  });
});
