import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  agencyPage,
  centralBank,
  closedRound,
  demoMeta,
  evaluatorUser,
  interiorMinistry,
  interiorMinistryDetail,
  openRound,
  qualityCriteria,
  scoreOf,
} from '../../../test/fixtures';
import { bodiesSentTo, mockFetch, requestsTo, type FakeReply } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';

const detailPath = `/api/v1/agencies/${interiorMinistry.id}`;

function serveForm(sessionReply: FakeReply = { status: 201, body: {} }) {
  let saved = false;
  return mockFetch({
    '/api/v1/meta': { body: demoMeta },
    '/api/v1/auth/me': { body: evaluatorUser },
    '/api/v1/rounds': { body: { items: [openRound, closedRound] } },
    '/api/v1/agencies': (url) => ({
      body: agencyPage(
        (url.searchParams.get('search') ?? '') === 'کشور' ? [interiorMinistry] : [interiorMinistry, centralBank],
      ),
    }),
    [detailPath]: { body: interiorMinistryDetail },
    '/api/v1/evaluation-sessions': (_url, init) => {
      // The agency page lists the sessions held with it (GET); the form saves one (POST).
      if ((init?.method ?? 'GET') === 'GET') return { body: { items: [], total: 0, page: 1, pageSize: 50 } };
      if ((sessionReply.status ?? 200) < 300) saved = true;
      return sessionReply;
    },
    '/api/v1/scores': () => ({
      body: {
        items: [
          ...(saved ? [scoreOf({ id: 'new', roundId: openRound.id, status: 'draft', total: '26.07' })] : []),
          scoreOf(),
        ],
        total: saved ? 2 : 1,
        page: 1,
        pageSize: 100,
      },
    }),
  });
}

const ARTICLE_VALUES = ['20', '۳۰', '٢٥', '30', '۲۸', '۲۷٫۷'];

function scoreInput(index: number) {
  return screen.getByRole('textbox', { name: new RegExp(qualityCriteria[index]!.titleFa) });
}

function liveTotal() {
  return screen.getByRole('status', { name: 'امتیاز کل (از ۱۰۰):' });
}

async function openForm(path = `/evaluations/new?agencyId=${interiorMinistry.id}`) {
  const view = renderApp(path);
  // The page is loaded on demand: its first import in a run may take a while on a busy machine.
  await screen.findByRole('heading', { level: 1, name: 'ثبت جلسه ارزیابی' }, { timeout: 10_000 });
  await screen.findByRole('combobox', { name: /دستگاه اجرایی/ });
  return view;
}

describe('SessionFormPage', () => {
  beforeEach(() => localStorage.clear());

  it('offers only open rounds, picks the only one, and shows each criterion with its weight', async () => {
    serveForm();
    await openForm();
    const round = screen.getByRole('combobox', { name: /دوره ارزیابی/ });
    expect(round).toHaveValue(openRound.id);
    expect(within(round).queryByRole('option', { name: closedRound.titleFa })).not.toBeInTheDocument();
    const heldOn = screen.getByRole('textbox', { name: /تاریخ برگزاری جلسه/ });
    const hint = document.getElementById(heldOn.getAttribute('aria-describedby') ?? '');
    expect(hint).toHaveTextContent('این دوره از ۱۴۰۱/۰۷/۰۱ تا ۱۴۰۱/۰۹/۳۰ است.');
    // Each date keeps its own direction inside the Persian sentence.
    expect(within(hint!).getByText('۱۴۰۱/۰۹/۳۰')).toHaveAttribute('dir', 'ltr');
    expect(document.title).toBe('ثبت جلسه ارزیابی · پایش پنجره ملی خدمات');
    expect(screen.getByText('(وزن ۲۵٫۰۰٪)')).toBeInTheDocument();
    expect(screen.getAllByRole('textbox', { name: /وزن/ })).toHaveLength(6);
    expect(screen.getByRole('combobox', { name: /دستگاه اجرایی/ })).toHaveValue('وزارت کشور');
  });

  it('works out the total exactly as scores are typed, in Persian digits', async () => {
    serveForm();
    await openForm();
    expect(liveTotal()).toHaveTextContent('—');

    fireEvent.change(scoreInput(0), { target: { value: '20' } });
    expect(liveTotal()).toHaveTextContent('۵٫۰۰');
    expect(screen.getByText('۱ از ۶ معیار وارد شده است.')).toBeInTheDocument();

    ARTICLE_VALUES.forEach((value, index) => fireEvent.change(scoreInput(index), { target: { value } }));
    expect(liveTotal()).toHaveTextContent('۲۶٫۰۷');
    expect(screen.getByText('۶ از ۶ معیار وارد شده است.')).toBeInTheDocument();

    fireEvent.change(scoreInput(5), { target: { value: '۱۲۰' } });
    expect(liveTotal()).toHaveTextContent('—');
    expect(scoreInput(5)).toHaveAttribute('aria-invalid', 'true');
    expect(scoreInput(5)).toHaveAccessibleDescription('عددی از ۰ تا ۱۰۰ با حداکثر دو رقم اعشار وارد کنید.');
  });

  it('shows the total with Latin digits in English', async () => {
    serveForm();
    renderApp(`/evaluations/new?agencyId=${interiorMinistry.id}`, { language: 'en' });
    await screen.findByRole('combobox', { name: /Executive agency/ });
    ARTICLE_VALUES.forEach((value, index) =>
      fireEvent.change(screen.getByRole('textbox', { name: new RegExp(qualityCriteria[index]!.titleEn) }), {
        target: { value },
      }),
    );
    expect(screen.getByRole('status', { name: 'Total score (out of 100):' })).toHaveTextContent('26.07');
  });

  it('saves the session with the scores as exact strings and shows the draft on the agency page', async () => {
    const fetchMock = serveForm();
    const { router } = await openForm();

    fireEvent.change(screen.getByRole('textbox', { name: /تاریخ برگزاری جلسه/ }), { target: { value: '۱۴۰۱/۰۷/۱۵' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'نام نماینده ۱' }), { target: { value: 'علی رضایی' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'سمت نماینده ۱' }), { target: { value: 'مدیر فناوری' } });
    fireEvent.click(screen.getByRole('button', { name: 'افزودن نماینده' }));
    expect(screen.getByRole('textbox', { name: 'نام نماینده ۲' })).toHaveFocus();
    fireEvent.change(screen.getByRole('textbox', { name: 'نام نماینده ۲' }), { target: { value: 'مریم احمدی' } });
    fireEvent.click(screen.getByRole('button', { name: 'افزودن نماینده' }));
    fireEvent.click(screen.getByRole('button', { name: 'حذف نماینده ۳' }));
    fireEvent.change(screen.getByRole('textbox', { name: /یادداشت داخلی/ }), { target: { value: 'پیگیری شود' } });
    ARTICLE_VALUES.forEach((value, index) => fireEvent.change(scoreInput(index), { target: { value } }));

    fireEvent.click(screen.getByRole('button', { name: 'ذخیره جلسه' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/agencies/${interiorMinistry.id}`));
    expect(bodiesSentTo(fetchMock, '/api/v1/evaluation-sessions')).toEqual([
      {
        roundId: openRound.id,
        agencyId: interiorMinistry.id,
        heldOn: '2022-10-07',
        representatives: [{ name: 'علی رضایی', title: 'مدیر فناوری' }, { name: 'مریم احمدی' }],
        internalNotes: 'پیگیری شود',
        scores: ['20.00', '30.00', '25.00', '30.00', '28.00', '27.70'].map((value, index) => ({
          criterionId: qualityCriteria[index]!.id,
          value,
        })),
      },
    ]);

    // The agency page is loaded on demand too.
    expect(await screen.findByText('جلسه ارزیابی ذخیره شد.', undefined, { timeout: 10_000 })).toBeInTheDocument();
    const scores = await screen.findByRole('table', { name: 'امتیازهای کیفیت' });
    const draft = await within(scores).findByRole('row', { name: new RegExp(openRound.titleFa) });
    expect(draft).toHaveTextContent('۲۶٫۰۷');
    expect(draft).toHaveTextContent('پیش‌نویس');
    expect(requestsTo(fetchMock, '/api/v1/scores').at(-1)?.searchParams.get('agencyId')).toBe(interiorMinistry.id);
  }, 20_000);

  it('shows the server’s field problems beside the fields, in the active language', async () => {
    const fetchMock = serveForm({
      status: 400,
      body: {
        statusCode: 400,
        error: 'VALIDATION_FAILED',
        message: { fa: 'درخواست نامعتبر است.', en: 'The request is not valid.' },
        details: [
          { field: 'heldOn', fa: 'تاریخ جلسه باید در بازه دوره باشد.', en: 'heldOn must fall within the round.' },
          { field: 'scores.5.value', fa: 'امتیاز پذیرفته نیست.', en: 'The score is not accepted.' },
          { field: 'representatives.0.title', fa: 'سمت بیش از حد طولانی است.', en: 'title is too long.' },
        ],
      },
    });
    const { i18n } = await openForm();
    fireEvent.change(screen.getByRole('textbox', { name: /تاریخ برگزاری جلسه/ }), { target: { value: '1401/07/15' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'نام نماینده ۱' }), { target: { value: 'علی رضایی' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'سمت نماینده ۱' }), { target: { value: 'مدیر' } });
    ARTICLE_VALUES.forEach((value, index) => fireEvent.change(scoreInput(index), { target: { value } }));
    fireEvent.click(screen.getByRole('button', { name: 'ذخیره جلسه' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('درخواست نامعتبر است.');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(
      within(summary).getByRole('link', { name: /تاریخ برگزاری جلسه: تاریخ جلسه باید در بازه دوره باشد/ }),
    ).toHaveAttribute('href', '#session-held-on');
    expect(screen.getByRole('textbox', { name: /تاریخ برگزاری جلسه/ })).toHaveAccessibleDescription(
      expect.stringContaining('تاریخ جلسه باید در بازه دوره باشد.'),
    );
    expect(scoreInput(5)).toHaveAccessibleDescription('امتیاز پذیرفته نیست.');
    expect(screen.getByRole('textbox', { name: 'سمت نماینده ۱' })).toHaveAccessibleDescription(
      'سمت بیش از حد طولانی است.',
    );
    expect(bodiesSentTo(fetchMock, '/api/v1/evaluation-sessions')).toHaveLength(1);

    await i18n.changeLanguage('en');
    expect(await screen.findByText('The score is not accepted.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('The request is not valid.');
  });

  it('checks the form before sending anything', async () => {
    const fetchMock = serveForm();
    await openForm('/evaluations/new');
    fireEvent.change(scoreInput(0), { target: { value: '20' } });
    fireEvent.click(screen.getByRole('button', { name: 'ذخیره جلسه' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('لطفاً این موارد را اصلاح کنید:');
    expect(summary).toHaveTextContent('دستگاه را از فهرست انتخاب کنید.');
    expect(summary).toHaveTextContent('تاریخ جلسه را وارد کنید.');
    expect(summary).toHaveTextContent('نام دست‌کم یک نماینده را وارد کنید.');
    expect(scoreInput(1)).toHaveAccessibleDescription('امتیاز همه معیارها را وارد کنید، یا همه را خالی بگذارید.');
    expect(bodiesSentTo(fetchMock, '/api/v1/evaluation-sessions')).toHaveLength(0);
  });

  it('clears each problem as its field is put right, and the summary once none remain', async () => {
    serveForm();
    await openForm();
    fireEvent.click(screen.getByRole('button', { name: 'ذخیره جلسه' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('listitem')).toHaveLength(2);
    const heldOn = screen.getByRole('textbox', { name: /تاریخ برگزاری جلسه/ });
    expect(heldOn).toHaveAttribute('aria-invalid', 'true');

    fireEvent.change(heldOn, { target: { value: '۱۴۰۱/۰۷/۱۵' } });
    expect(heldOn).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('تاریخ جلسه را وارد کنید.')).not.toBeInTheDocument();
    expect(within(summary).getAllByRole('listitem')).toHaveLength(1);
    expect(summary).toHaveTextContent('نام نماینده ۱: نام دست‌کم یک نماینده را وارد کنید.');

    // Emptying a field that had no problem at the last try does not raise a new one before the next try.
    const round = screen.getByRole('combobox', { name: /دوره ارزیابی/ });
    fireEvent.change(round, { target: { value: '' } });
    expect(round).not.toHaveAttribute('aria-invalid');
    fireEvent.change(round, { target: { value: openRound.id } });

    fireEvent.change(screen.getByRole('textbox', { name: 'نام نماینده ۱' }), { target: { value: 'علی رضایی' } });
    expect(screen.getByRole('textbox', { name: 'نام نماینده ۱' })).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('drops the server’s problem with a field once that field is changed', async () => {
    serveForm({
      status: 400,
      body: {
        statusCode: 400,
        error: 'VALIDATION_FAILED',
        message: { fa: 'درخواست نامعتبر است.', en: 'The request is not valid.' },
        details: [
          { field: 'heldOn', fa: 'تاریخ جلسه باید در بازه دوره باشد.', en: 'heldOn must fall within the round.' },
          { field: 'representatives.0.title', fa: 'سمت بیش از حد طولانی است.', en: 'title is too long.' },
        ],
      },
    });
    await openForm();
    const heldOn = screen.getByRole('textbox', { name: /تاریخ برگزاری جلسه/ });
    fireEvent.change(heldOn, { target: { value: '1401/10/15' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'نام نماینده ۱' }), { target: { value: 'علی رضایی' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'سمت نماینده ۱' }), { target: { value: 'مدیر' } });
    fireEvent.click(screen.getByRole('button', { name: 'ذخیره جلسه' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('listitem')).toHaveLength(2);

    fireEvent.change(heldOn, { target: { value: '1401/08/15' } });
    expect(heldOn).not.toHaveAccessibleDescription(expect.stringContaining('باید در بازه دوره باشد'));
    expect(within(summary).getAllByRole('listitem')).toHaveLength(1);
    expect(summary).toHaveTextContent('سمت نماینده ۱: سمت بیش از حد طولانی است.');

    fireEvent.change(screen.getByRole('textbox', { name: 'سمت نماینده ۱' }), { target: { value: 'مدیر کل' } });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('opens the date picker within the chosen round', async () => {
    serveForm();
    await openForm();
    fireEvent.click(screen.getByRole('button', { name: /باز کردن تقویم/ }));
    const dialog = screen.getByRole('dialog');
    // The round runs 1 Mehr to 30 Azar 1401, long before today: the picker opens on its last day.
    expect(within(dialog).getByRole('grid')).toHaveAccessibleName('آذر ۱۴۰۱');
    expect(within(dialog).getByRole('button', { name: 'ماه بعد' })).toBeDisabled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'ماه قبل' }));
    fireEvent.click(within(dialog).getByRole('button', { name: '۱۵ آبان ۱۴۰۱' }));
    expect(screen.getByRole('textbox', { name: /تاریخ برگزاری جلسه/ })).toHaveValue('۱۴۰۱/۰۸/۱۵');
  });

  it('finds the agency by typing part of its name and picks it with the keyboard', async () => {
    const fetchMock = serveForm();
    await openForm('/evaluations/new');
    const picker = screen.getByRole('combobox', { name: /دستگاه اجرایی/ });
    fireEvent.focus(picker);
    fireEvent.change(picker, { target: { value: 'كشور' } }); // Arabic kaf: the server treats both alike

    await waitFor(() =>
      expect(requestsTo(fetchMock, '/api/v1/agencies').at(-1)?.searchParams.get('search')).toBe('كشور'),
    );
    expect(await screen.findByRole('option', { name: 'وزارت کشور' })).toBeInTheDocument();
    fireEvent.keyDown(picker, { key: 'ArrowDown' });
    const listbox = screen.getByRole('listbox', { name: /دستگاه اجرایی/ });
    expect(picker).toHaveAttribute('aria-activedescendant', within(listbox).getAllByRole('option')[0]!.id);
    fireEvent.keyDown(picker, { key: 'Enter' });

    expect(picker).toHaveValue('وزارت کشور');
    expect(picker).toHaveAttribute('aria-expanded', 'false');
  });
});
