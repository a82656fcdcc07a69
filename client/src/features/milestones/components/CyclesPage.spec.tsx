import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { adminUser, demoMeta } from '../../../test/fixtures';
import { bodiesSentTo, jsonBodyOf, mockFetch, requestsTo, type FakeReply } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';
import type { Cycle, Milestone } from '../api/getCycles';

/** The demo server's cycle, as `GET /api/v1/cycles` returns it. */
const cycleId = '187e49d2-513c-8758-8794-d1bc6a32c884';
const singleWindow: Milestone = {
  id: 'a7c3d4bb-1159-8306-a7da-d1ed5983afae',
  cycleId,
  code: 'single-window',
  titleFa: 'راه‌اندازی پنجره واحد خدمات دستگاه',
  titleEn: "Launch of the agency's own single window",
  rule: 'single_window_launched',
  share: null,
  dueOn: '2022-09-22',
  atRiskDays: 14,
  sortOrder: 1,
  version: 1,
};
const shareMilestone: Milestone = {
  id: 'ae346c48-0d04-80a5-ad61-e25eec41254b',
  cycleId,
  code: 'single-window-share',
  titleFa: 'ارائه دست‌کم یک‌سوم خدمات در پنجره واحد',
  titleEn: 'At least one third of services in the single window',
  rule: 'single_window_service_share',
  share: { numerator: 1, denominator: 3 },
  dueOn: '2022-09-22',
  atRiskDays: 14,
  sortOrder: 2,
  version: 1,
};
const nationalWindow: Milestone = {
  id: '9f60585a-bfc7-856c-9959-8d3b0cada866',
  cycleId,
  code: 'national-window',
  titleFa: 'اتصال پنجره واحد به پنجره ملی خدمات دولت هوشمند',
  titleEn: 'Single window connected to the national window',
  rule: 'national_window_connected',
  share: null,
  dueOn: '2023-01-20',
  atRiskDays: 14,
  sortOrder: 3,
  version: 1,
};
const budget1401: Cycle = {
  id: cycleId,
  code: 'budget-1401',
  titleFa: 'قانون بودجه ۱۴۰۱',
  titleEn: 'Budget law of 1401',
  startsOn: '2022-03-21',
  endsOn: '2023-03-20',
  baselineOn: '2022-03-21',
  version: 1,
  milestones: [singleWindow, shareMilestone, nationalWindow],
};

const versionConflict = (current: Record<string, unknown>): FakeReply => ({
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

/**
 * A fake server holding the cycles: a milestone PATCH at the current version changes it (as the real one does),
 * unless `patchMilestone` answers first.
 */
function serveCycles({
  patchMilestone,
  postCycle,
}: {
  patchMilestone?: (body: Record<string, unknown>) => FakeReply | undefined;
  postCycle?: (body: Record<string, unknown>) => FakeReply;
} = {}) {
  const state = { cycles: [{ ...budget1401, milestones: [...budget1401.milestones] }] };
  const fetchMock = mockFetch({
    '/api/v1/meta': { body: demoMeta },
    '/api/v1/auth/me': { body: adminUser },
    '/api/v1/cycles': (_url, init) => {
      if (init?.method === 'POST') {
        return postCycle?.(jsonBodyOf(init)) ?? { status: 500, body: null };
      }
      return { body: { items: state.cycles } };
    },
    [`/api/v1/cycles/${cycleId}`]: (_url, init) => {
      const cycle = state.cycles[0]!;
      if (init?.method !== 'PATCH') return { body: cycle };
      const body = jsonBodyOf(init);
      if (body.version !== cycle.version) return versionConflict(cycle);
      state.cycles[0] = { ...cycle, ...body, version: cycle.version + 1 } as Cycle;
      return { body: state.cycles[0] };
    },
    [`/api/v1/milestones/${shareMilestone.id}`]: (_url, init) => {
      const body = jsonBodyOf(init);
      const answer = patchMilestone?.(body);
      if (answer) return answer;
      const cycle = state.cycles[0]!;
      const index = cycle.milestones.findIndex((item) => item.id === shareMilestone.id);
      const updated = { ...cycle.milestones[index]!, ...body, version: Number(body.version) + 1 } as Milestone;
      cycle.milestones[index] = updated;
      return { body: updated };
    },
  });
  return Object.assign(fetchMock, { state });
}

async function openPage(language?: 'en') {
  const view = renderApp('/cycles', { language });
  // The page is loaded on demand: the first test of the file waits for its module too.
  await screen.findByRole(
    'heading',
    { level: 1, name: language === 'en' ? 'Cycles and milestones' : 'دوره‌های برنامه و مهلت‌ها' },
    { timeout: 5000 },
  );
  await screen.findByRole('heading', { level: 2, name: language === 'en' ? 'Budget law of 1401' : 'قانون بودجه ۱۴۰۱' });
  return view;
}

function rowOf(name: RegExp) {
  return screen.getByRole('row', { name });
}

describe('CyclesPage', () => {
  beforeEach(() => localStorage.clear());

  it('shows each cycle’s days and its milestones in Persian, the share as a fraction', async () => {
    serveCycles();
    await openPage();
    expect(document.title).toBe('دوره‌های برنامه و مهلت‌ها · پایش پنجره ملی خدمات');

    const cycle = screen.getByRole('region', { name: 'قانون بودجه ۱۴۰۱' });
    expect(within(cycle).getByText('روز آغاز').nextSibling).toHaveTextContent('۱۴۰۱/۰۱/۰۱');
    expect(within(cycle).getByText('روز پایان').nextSibling).toHaveTextContent('۱۴۰۱/۱۲/۲۹');
    expect(within(cycle).getByText('روز مبنای فهرست خدمات').nextSibling).toHaveTextContent('۱۴۰۱/۰۱/۰۱');

    const table = within(cycle).getByRole('table', { name: 'مهلت‌های «قانون بودجه ۱۴۰۱»' });
    const shareRow = within(table).getByRole('row', { name: /یک‌سوم خدمات/ });
    const cells = within(shareRow)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual([
      '۲',
      'سهم خدمات ارائه‌شده در پنجره واحد',
      '۱/۳',
      '۱۴۰۱/۰۶/۳۱',
      '۱۴ روز پیش از موعد',
      'ویرایش «ارائه دست‌کم یک‌سوم خدمات در پنجره واحد»',
    ]);
    expect(within(shareRow).getByText('۱۴۰۱/۰۶/۳۱')).toHaveAttribute('datetime', '2022-09-22');
    const national = within(table).getByRole('row', { name: /اتصال پنجره واحد به پنجره ملی خدمات/ });
    expect(national).toHaveTextContent('۱۴۰۱/۱۰/۳۰');
    expect(national).toHaveTextContent('ندارد');
  });

  it('shows the Gregorian date beside the Jalali one in English', async () => {
    serveCycles();
    await openPage('en');
    const cycle = screen.getByRole('region', { name: 'Budget law of 1401' });
    expect(within(cycle).getByText('First day').nextSibling).toHaveTextContent('1401/01/01 (March 21, 2022)');
    const share = rowOf(/At least one third/);
    expect(share).toHaveTextContent('1/3');
    expect(share).toHaveTextContent('Share of services in the single window');
    expect(share).toHaveTextContent('1401/06/31 (September 22, 2022)');
    expect(share).toHaveTextContent('14 days before it is due');
  });

  it('edits a milestone’s due day at the version it read and shows the new day', async () => {
    const fetchMock = serveCycles();
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: 'ویرایش «ارائه دست‌کم یک‌سوم خدمات در پنجره واحد»' }));
    const form = screen.getByRole('form', { name: 'ویرایش مهلت «ارائه دست‌کم یک‌سوم خدمات در پنجره واحد»' });
    expect(within(form).getByRole('textbox', { name: /صورت کسر/ })).toHaveValue('۱');
    expect(within(form).getByRole('textbox', { name: /مخرج کسر/ })).toHaveValue('۳');

    fireEvent.change(within(form).getByRole('textbox', { name: /^موعد/ }), { target: { value: '۱۴۰۱/۰۷/۳۰' } });
    fireEvent.click(within(form).getByRole('button', { name: 'ذخیره مهلت' }));

    expect(await screen.findByText('مهلت «ارائه دست‌کم یک‌سوم خدمات در پنجره واحد» ذخیره شد.')).toBeInTheDocument();
    expect(screen.getAllByRole('status').some((status) => status.textContent?.includes('ذخیره شد'))).toBe(true);
    expect(bodiesSentTo(fetchMock, `/api/v1/milestones/${shareMilestone.id}`, 'PATCH')).toEqual([
      { version: 1, dueOn: '2022-10-22' },
    ]);
    await waitFor(() => expect(rowOf(/یک‌سوم خدمات/)).toHaveTextContent('۱۴۰۱/۰۷/۳۰'));
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });

  it('refuses a share above the whole before sending', async () => {
    const fetchMock = serveCycles();
    await openPage('en');
    fireEvent.click(screen.getByRole('button', { name: 'Edit “At least one third of services in the single window”' }));
    const form = screen.getByRole('form', { name: /Edit the milestone/ });
    fireEvent.change(within(form).getByRole('textbox', { name: /Numerator/ }), { target: { value: '4' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /Denominator/ }), { target: { value: '0' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the milestone' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('The denominator must be greater than zero.');

    fireEvent.change(within(form).getByRole('textbox', { name: /Denominator/ }), { target: { value: '3' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the milestone' }));
    expect(within(form).getByRole('textbox', { name: /Numerator/ })).toHaveAccessibleDescription(
      'The numerator must not be greater than the denominator: a share cannot exceed the whole.',
    );
    expect(bodiesSentTo(fetchMock, `/api/v1/milestones/${shareMilestone.id}`, 'PATCH')).toHaveLength(0);
  });

  it('on a 409 shows the values now stored, reloads them and saves on the new version', async () => {
    let attempts = 0;
    const fetchMock = serveCycles({
      patchMilestone: () => {
        attempts += 1;
        return attempts === 1 ? versionConflict({ ...shareMilestone, dueOn: '2022-12-21', version: 2 }) : undefined;
      },
    });
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: 'ویرایش «ارائه دست‌کم یک‌سوم خدمات در پنجره واحد»' }));
    const form = screen.getByRole('form', { name: /ویرایش مهلت/ });
    fireEvent.change(within(form).getByRole('textbox', { name: /^موعد/ }), { target: { value: '1401/07/30' } });
    fireEvent.click(within(form).getByRole('button', { name: 'ذخیره مهلت' }));

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('این داده در این فاصله به دست کس دیگری تغییر کرده است');
    expect(within(alert).getByText('موعد').nextSibling).toHaveTextContent('۱۴۰۱/۰۹/۳۰');
    expect(within(alert).getByText('نسخه').nextSibling).toHaveTextContent('۲');

    // Someone else's save is now on the server; loading it keeps what was typed.
    fetchMock.state.cycles[0]!.milestones[1] = { ...shareMilestone, dueOn: '2022-12-21', version: 2 };
    const readsBefore = requestsTo(fetchMock, '/api/v1/cycles').length;
    fireEvent.click(within(alert).getByRole('button', { name: 'بارگذاری مقادیر کنونی' }));
    await waitFor(() => expect(within(form).queryByRole('alert')).not.toBeInTheDocument());
    expect(requestsTo(fetchMock, '/api/v1/cycles').length).toBeGreaterThan(readsBefore);
    expect(within(form).getByRole('textbox', { name: /^موعد/ })).toHaveValue('1401/07/30');

    fireEvent.click(within(form).getByRole('button', { name: 'ذخیره مهلت' }));
    expect(await screen.findByText(/ذخیره شد\./)).toBeInTheDocument();
    expect(bodiesSentTo(fetchMock, `/api/v1/milestones/${shareMilestone.id}`, 'PATCH')).toEqual([
      { version: 1, dueOn: '2022-10-22' },
      { version: 2, dueOn: '2022-10-22' },
    ]);
  });

  it('refuses a new cycle that ends before it starts, without sending it', async () => {
    const fetchMock = serveCycles();
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: 'افزودن دوره' }));
    const form = screen.getByRole('form', { name: 'دوره تازه' });
    fireEvent.change(within(form).getByRole('textbox', { name: /^کد/ }), { target: { value: 'budget-1402' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /عنوان فارسی/ }), {
      target: { value: 'قانون بودجه ۱۴۰۲' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /عنوان انگلیسی/ }), {
      target: { value: 'Budget law of 1402' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /^روز آغاز/ }), { target: { value: '1402/12/29' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /^روز پایان/ }), { target: { value: '1402/01/01' } });
    fireEvent.click(within(form).getByRole('button', { name: 'افزودن دوره' }));

    const summary = within(form).getByRole('alert');
    expect(summary).toHaveTextContent('لطفاً این موارد را اصلاح کنید:');
    expect(within(summary).getByRole('link', { name: 'روز پایان نباید پیش از روز آغاز باشد.' })).toBeInTheDocument();
    expect(summary).toHaveFocus();
    expect(within(form).getByRole('textbox', { name: /^روز پایان/ })).toHaveAttribute('aria-invalid', 'true');
    expect(bodiesSentTo(fetchMock, '/api/v1/cycles')).toHaveLength(0);
  });

  it('adds a cycle and shows the server’s refusal when its days overlap another cycle', async () => {
    const posted: Record<string, unknown>[] = [];
    serveCycles({
      postCycle: (body) => {
        posted.push(body);
        return {
          status: 409,
          body: {
            statusCode: 409,
            error: 'CYCLE_OVERLAP',
            message: {
              fa: 'بازه این دوره با دوره «قانون بودجه ۱۴۰۱» (budget-1401) هم‌پوشانی دارد؛ هر روز تنها در یک دوره برنامه است.',
              en: 'The cycle\'s days overlap the cycle "budget-1401" (2022-03-21 to 2023-03-20); a day belongs to one cycle only.',
            },
            details: { cycle: { id: cycleId, code: 'budget-1401', startsOn: '2022-03-21', endsOn: '2023-03-20' } },
          },
        };
      },
    });
    // Another admin added a cycle since this page read the list: only the server can tell.
    await openPage('en');
    fireEvent.click(screen.getByRole('button', { name: 'Add a cycle' }));
    const form = screen.getByRole('form', { name: 'New cycle' });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Code/ }), { target: { value: 'Budget-1402' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /Persian title/ }), {
      target: { value: 'قانون بودجه ۱۴۰۲' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /English title/ }), {
      target: { value: 'Budget law of 1402' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /^First day/ }), { target: { value: '1402/01/01' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Last day/ }), { target: { value: '1402/12/29' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add the cycle' }));

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('The cycle\'s days overlap the cycle "budget-1401"');
    expect(posted).toEqual([
      {
        code: 'budget-1402',
        titleFa: 'قانون بودجه ۱۴۰۲',
        titleEn: 'Budget law of 1402',
        startsOn: '2023-03-21',
        endsOn: '2024-03-19',
      },
    ]);
    expect(within(form).getByRole('textbox', { name: /^First day/ })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('status', { name: /added/ })).not.toBeInTheDocument();
  });

  it('says so before sending when the new days overlap a cycle on the page', async () => {
    const fetchMock = serveCycles();
    await openPage('en');
    fireEvent.click(screen.getByRole('button', { name: 'Add a cycle' }));
    const form = screen.getByRole('form', { name: 'New cycle' });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Code/ }), { target: { value: 'test' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /Persian title/ }), { target: { value: 'آزمایش' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /English title/ }), { target: { value: 'Test' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /^First day/ }), { target: { value: '1401/06/01' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Last day/ }), { target: { value: '1402/01/10' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add the cycle' }));
    expect(within(form).getByRole('alert')).toHaveTextContent(
      'These days overlap the cycle “Budget law of 1401”; a day belongs to one cycle only.',
    );
    expect(bodiesSentTo(fetchMock, '/api/v1/cycles')).toHaveLength(0);
  });

  it('changes a cycle’s baseline day, sending only what changed with the version read', async () => {
    const fetchMock = serveCycles();
    await openPage('en');
    fireEvent.click(screen.getByRole('button', { name: 'Edit cycle “Budget law of 1401”' }));
    const form = screen.getByRole('form', { name: 'Edit the cycle “Budget law of 1401”' });
    expect(screen.getByRole('heading', { level: 3, name: 'Edit the cycle “Budget law of 1401”' })).toHaveFocus();
    expect(within(form).getByRole('textbox', { name: /^English title/ })).toHaveValue('Budget law of 1401');
    fireEvent.change(within(form).getByRole('textbox', { name: /^Baseline day/ }), {
      target: { value: '1401/02/01' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the cycle' }));

    expect(await screen.findByText('The cycle “Budget law of 1401” was saved.')).toBeInTheDocument();
    expect(bodiesSentTo(fetchMock, `/api/v1/cycles/${cycleId}`, 'PATCH')).toEqual([
      { version: 1, baselineOn: '2022-04-21' },
    ]);
    const cycle = screen.getByRole('region', { name: 'Budget law of 1401' });
    await waitFor(() =>
      expect(within(cycle).getByText('Baseline day of the service inventory').nextSibling).toHaveTextContent(
        '1401/02/01 (April 21, 2022)',
      ),
    );
    expect(screen.getByRole('button', { name: 'Edit cycle “Budget law of 1401”' })).toHaveFocus();
  });

  it('adds a share milestone with its fraction', async () => {
    const fetchMock = mockFetch({
      '/api/v1/meta': { body: demoMeta },
      '/api/v1/auth/me': { body: adminUser },
      '/api/v1/cycles': { body: { items: [{ ...budget1401, milestones: [] }] } },
      [`/api/v1/cycles/${cycleId}/milestones`]: (_url, init) => ({
        status: 201,
        body: { ...shareMilestone, ...jsonBodyOf<Record<string, unknown>>(init), id: 'new', version: 1 },
      }),
    });
    await openPage();
    expect(screen.getByText('برای این دوره هنوز مهلتی تعریف نشده است.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'افزودن مهلت «قانون بودجه ۱۴۰۱»' }));
    const form = screen.getByRole('form', { name: 'مهلت تازه برای «قانون بودجه ۱۴۰۱»' });
    fireEvent.change(within(form).getByRole('textbox', { name: /^کد/ }), { target: { value: 'half-share' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /عنوان فارسی/ }), {
      target: { value: 'ارائه نیمی از خدمات در پنجره واحد' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /عنوان انگلیسی/ }), {
      target: { value: 'Half of services in the single window' },
    });
    expect(within(form).queryByRole('group', { name: /سهم لازم/ })).not.toBeInTheDocument();
    fireEvent.change(within(form).getByRole('combobox', { name: /قاعده/ }), {
      target: { value: 'single_window_service_share' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /صورت کسر/ }), { target: { value: '۱' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /مخرج کسر/ }), { target: { value: '۲' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /^موعد/ }), { target: { value: '۱۴۰۱/۰۶/۳۱' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /آستانه در خطر/ }), { target: { value: '۳۰' } });
    fireEvent.click(within(form).getByRole('button', { name: 'افزودن مهلت' }));

    expect(await screen.findByText('مهلت «ارائه نیمی از خدمات در پنجره واحد» افزوده شد.')).toBeInTheDocument();
    expect(bodiesSentTo(fetchMock, `/api/v1/cycles/${cycleId}/milestones`)).toEqual([
      {
        code: 'half-share',
        titleFa: 'ارائه نیمی از خدمات در پنجره واحد',
        titleEn: 'Half of services in the single window',
        rule: 'single_window_service_share',
        share: { numerator: 1, denominator: 2 },
        dueOn: '2022-09-22',
        atRiskDays: 30,
        sortOrder: 1,
      },
    ]);
  });
});
