import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { demoMeta, evaluatorUser } from '../../../test/fixtures';
import { installFakeXhr, type FakeXhr } from '../../../test/fakeXhr';
import { mockFetch } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';

const INTERIOR_ID = '82ad67ed-c73d-8980-9673-b8ccce253de1';

/** Problems as the server words them: a sentence in each language naming the column by its template title. */
const problems = [
  {
    row: 7,
    column: 'support',
    columnFa: 'پشتیبانی',
    columnEn: 'Support',
    code: 'IMPORT_SCORE_OUT_OF_RANGE',
    fa: 'امتیاز «پشتیبانی» باید از ۰ تا ۱۰۰ باشد، نه «101».',
    en: 'The "Support" score must be from 0 to 100, not "101".',
  },
  {
    row: 3,
    column: 'agency',
    columnFa: 'دستگاه',
    columnEn: 'Agency',
    code: 'IMPORT_UNKNOWN_AGENCY',
    fa: 'دستگاه «وزارت ناموجود» پیدا نشد؛ کد دستگاه یا نام کامل فارسی یا انگلیسی آن را بنویسید.',
    en: 'No agency matches "وزارت ناموجود"; give its code or its full Persian or English name.',
  },
];

const columnDetails = [
  { header: 'round_code', key: 'round_code', fa: 'دوره ارزیابی', en: 'Evaluation round' },
  { header: 'دستگاه', key: 'agency', fa: 'دستگاه', en: 'Agency' },
  { header: 'held_on', key: 'held_on', fa: 'تاریخ جلسه', en: 'Session day' },
  { header: 'availability', key: 'availability', fa: 'دسترس‌پذیری', en: 'Availability' },
];

const emptyRow = {
  agencyId: null,
  agencyCode: null,
  agencyNameFa: null,
  agencyNameEn: null,
  roundCode: null,
  heldOn: null,
  scores: null,
  total: null,
  event: null,
  date: null,
  url: null,
  note: null,
};

function previewWith(overrides: Record<string, unknown> = {}) {
  const shownProblems = (overrides.problems as unknown[] | undefined) ?? problems;
  return {
    kind: 'scores',
    fileName: 'scores.xlsx',
    format: 'xlsx',
    columns: columnDetails.map((c) => c.header),
    columnDetails,
    rowCount: 12,
    validRowCount: 10,
    problemCount: shownProblems.length,
    problems: shownProblems,
    actions: { create: 9, update: 1, unchanged: 0 },
    rows: [
      {
        ...emptyRow,
        row: 2,
        status: 'valid',
        action: 'create',
        cells: { round_code: 'autumn-1401', دستگاه: 'interior', held_on: '1401/07/10', availability: '20' },
        agencyId: INTERIOR_ID,
        agencyCode: 'interior',
        agencyNameFa: 'وزارت کشور',
        agencyNameEn: 'Ministry of Interior',
        roundCode: 'autumn-1401',
        heldOn: '2022-10-02',
        scores: { availability: '20.00' },
        total: '26.07',
      },
      {
        ...emptyRow,
        row: 3,
        status: 'invalid',
        action: null,
        cells: { round_code: 'autumn-1401', دستگاه: 'وزارت ناموجود', held_on: '1401/07/11', availability: '20' },
        roundCode: 'autumn-1401',
        heldOn: '2022-10-03',
        scores: { availability: '20.00' },
      },
    ],
    ...overrides,
  };
}

async function openWizard(language: 'fa' | 'en' = 'fa') {
  mockFetch({ '/api/v1/meta': { body: demoMeta }, '/api/v1/auth/me': { body: evaluatorUser } });
  const xhr = installFakeXhr();
  const view = renderApp('/imports', { language });
  // The page is loaded on demand: the first test waits for its module to compile as well.
  await screen.findByRole('heading', { level: 1 }, { timeout: 10_000 });
  return { xhr, ...view };
}

function chooseFile(label: RegExp, name = 'scores.xlsx') {
  const file = new File(['fake spreadsheet'], name, { type: 'application/octet-stream' });
  fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });
  return file;
}

/** The `index`-th upload, once the mutation has sent it (mutations start on a later tick). */
async function upload(xhr: typeof FakeXhr, index: number): Promise<FakeXhr> {
  await waitFor(() => expect(xhr.requests.length).toBeGreaterThan(index));
  return xhr.requests[index]!;
}

async function previewFile(
  xhr: typeof FakeXhr,
  reply: unknown,
  label = /فایل صفحه‌گسترده/,
  check = 'بارگذاری و بررسی',
) {
  chooseFile(label);
  fireEvent.click(screen.getByRole('button', { name: check }));
  const request = await upload(xhr, 0);
  act(() => request.respond(200, reply));
  return request;
}

const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

describe('ImportWizardPage', () => {
  beforeEach(() => localStorage.clear());

  it('is titled, and offers the templates of the chosen kind', async () => {
    await openWizard();
    expect(document.title).toMatch(/^ورود داده از صفحه‌گسترده · /);
    expect(screen.getByRole('link', { name: 'الگوی اکسل (امتیاز معیارها)' })).toHaveAttribute(
      'href',
      '/api/v1/imports/templates/scores.xlsx',
    );
    fireEvent.click(screen.getByRole('radio', { name: 'پیشرفت دستگاه‌ها' }));
    expect(screen.getByRole('link', { name: 'الگوی CSV (پیشرفت دستگاه‌ها)' })).toHaveAttribute(
      'href',
      '/api/v1/imports/templates/progress.csv',
    );
  });

  it('asks for the file in the page’s language (not the browser’s “Choose File”) and names the chosen one', async () => {
    await openWizard();
    const input = screen.getByLabelText('فایل صفحه‌گسترده (XLSX یا CSV)');
    expect(input).toHaveAttribute('type', 'file');
    expect(input).toHaveClass('visually-hidden');
    const button = screen.getByText('انتخاب فایل…');
    expect(button.tagName).toBe('LABEL');
    expect(button).toHaveAttribute('for', input.id); // clicking it opens the file dialog
    expect(input).toHaveAccessibleDescription(/هنوز فایلی انتخاب نشده است/);
    expect(screen.getByRole('button', { name: 'بارگذاری و بررسی' })).toBeDisabled();

    chooseFile(/فایل صفحه‌گسترده/, 'امتیازهای پاییز.xlsx');
    expect(screen.getByText('امتیازهای پاییز.xlsx')).toBeInTheDocument();
    expect(input).toHaveAccessibleDescription(/فایل انتخاب‌شده: امتیازهای پاییز\.xlsx/);
    expect(screen.getByRole('button', { name: 'بارگذاری و بررسی' })).toBeEnabled();
  });

  it('in English too', async () => {
    await openWizard('en');
    expect(screen.getByText('Choose a file…')).toBeInTheDocument();
    expect(screen.getByText('No file chosen yet.')).toBeInTheDocument();
    chooseFile(/Spreadsheet file/, 'autumn.csv');
    expect(screen.getByText('autumn.csv')).toBeInTheDocument();
  });

  it('shows the upload’s progress, then every problem as a sentence by row and column title, and keeps the import off', async () => {
    const { xhr } = await openWizard();
    const file = chooseFile(/فایل صفحه‌گسترده/);
    fireEvent.click(screen.getByRole('button', { name: 'بارگذاری و بررسی' }));

    const request = await upload(xhr, 0);
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/api/v1/imports/scores/preview');
    expect(request.file()?.name).toBe(file.name);

    act(() => request.progress(512, 1024));
    const bar = screen.getByRole('progressbar', { name: 'در حال بارگذاری: ۵۰٪' });
    expect(bar).toHaveAttribute('value', '50');

    act(() => request.respond(200, previewWith()));

    expect(await screen.findByRole('heading', { name: 'نتیجه بررسی' })).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('۲ مشکل در فایل هست');
    const table = screen.getByRole('table', { name: 'مشکل‌ها به تفکیک سطر و ستون' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(cellsOf)).toEqual([
      [
        '۳',
        'دستگاه (در فایل: agency)',
        'دستگاه «وزارت ناموجود» پیدا نشد؛ کد دستگاه یا نام کامل فارسی یا انگلیسی آن را بنویسید.',
      ],
      ['۷', 'پشتیبانی (در فایل: support)', 'امتیاز «پشتیبانی» باید از ۰ تا ۱۰۰ باشد، نه «101».'],
    ]);
    // no codes meant for programs
    expect(table).not.toHaveTextContent('IMPORT_');
    expect(screen.getByText('سطرهای درست').nextSibling).toHaveTextContent('۱۰');

    const commit = screen.getByRole('button', { name: 'وارد کردن' });
    expect(commit).toBeDisabled();
    expect(commit).toHaveAccessibleDescription('تا فایل مشکل دارد نمی‌توان آن را وارد کرد.');
    expect(xhr.requests).toHaveLength(1);
  });

  it('lists the problems in English in the English view, by the columns’ English titles', async () => {
    const { xhr } = await openWizard('en');
    await previewFile(xhr, previewWith(), /Spreadsheet file/, 'Upload and check');
    const table = await screen.findByRole('table', { name: 'Problems by row and column' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(cellsOf)).toEqual([
      ['3', 'Agency', 'No agency matches "وزارت ناموجود"; give its code or its full Persian or English name.'],
      ['7', 'Support', 'The "Support" score must be from 0 to 100, not "101".'],
    ]);
  });

  it('shows each row as the server read it: the agency found (linked), the Jalali day, the exact total', async () => {
    const { xhr } = await openWizard();
    await previewFile(xhr, previewWith());
    const table = await screen.findByRole('table', { name: '۲ سطر نخست فایل، چنان‌که خوانده شد' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['سطر', 'وضعیت', 'دستگاه', 'دوره ارزیابی', 'تاریخ جلسه', 'امتیاز کل (از ۱۰۰)', 'دسترس‌پذیری']);
    const [, valid, invalid] = within(table).getAllByRole('row');
    expect(cellsOf(valid!)).toEqual(['تازه', 'وزارت کشور', 'autumn-1401', '۱۴۰۱/۰۷/۱۰', '۲۶٫۰۷', '۲۰٫۰۰']);
    expect(within(valid!).getByRole('link', { name: 'وزارت کشور' })).toHaveAttribute(
      'href',
      `/agencies/${INTERIOR_ID}`,
    );
    // an agency it could not find: what the file says, marked so; no total for an invalid row
    expect(cellsOf(invalid!).slice(0, 2)).toEqual(['نادرست', 'وزارت ناموجود (همان‌گونه که نوشته شده؛ خوانده نشد)']);
    expect(within(invalid!).queryByRole('link')).not.toBeInTheDocument();
    expect(cellsOf(invalid!)[4]).toBe('—');
  });

  it('shows the Gregorian day beside the Jalali one and English names in the English view', async () => {
    const { xhr } = await openWizard('en');
    await previewFile(xhr, previewWith(), /Spreadsheet file/, 'Upload and check');
    const table = await screen.findByRole('table', { name: 'The first 2 rows of the file, as they were read' });
    const valid = within(table).getAllByRole('row')[1]!;
    expect(cellsOf(valid)).toEqual([
      'New',
      'Ministry of Interior',
      'autumn-1401',
      '1401/07/10 (October 2, 2022)',
      '26.07',
      '20.00',
    ]);
  });

  it('shows a progress file’s rows with the event in words', async () => {
    const { xhr } = await openWizard();
    fireEvent.click(screen.getByRole('radio', { name: 'پیشرفت دستگاه‌ها' }));
    await previewFile(
      xhr,
      previewWith({
        kind: 'progress',
        problems: [],
        columnDetails: [
          { header: 'agency', key: 'agency', fa: 'دستگاه', en: 'Agency' },
          { header: 'event', key: 'event', fa: 'رویداد', en: 'Event' },
          { header: 'date', key: 'date', fa: 'تاریخ رویداد', en: 'Day of the event' },
        ],
        rows: [
          {
            ...emptyRow,
            row: 2,
            status: 'valid',
            action: 'unchanged',
            cells: { agency: 'interior', event: 'single_window_launched', date: '1401/06/20' },
            agencyId: INTERIOR_ID,
            agencyNameFa: 'وزارت کشور',
            agencyNameEn: 'Ministry of Interior',
            event: 'single_window_launched',
            date: '2022-09-11',
            url: 'https://interior.example.ir',
          },
        ],
      }),
    );
    const table = await screen.findByRole('table', { name: 'سطر نخست فایل، چنان‌که خوانده شد' });
    expect(cellsOf(within(table).getAllByRole('row')[1]!)).toEqual([
      'بدون تغییر',
      'وزارت کشور',
      'راه‌اندازی پنجره واحد',
      '۱۴۰۱/۰۶/۲۰',
      'https://interior.example.ir',
      '—',
    ]);
  });

  it('does not offer to import a file whose every row is already recorded so', async () => {
    const { xhr } = await openWizard();
    await previewFile(
      xhr,
      previewWith({ problems: [], validRowCount: 12, actions: { create: 0, update: 0, unchanged: 12 } }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'همه سطرها از پیش همین‌گونه ثبت شده‌اند؛ چیزی برای وارد کردن نیست.',
    );
    const commit = screen.getByRole('button', { name: 'وارد کردن' });
    expect(commit).toBeDisabled();
    expect(commit).toHaveAccessibleDescription('همه سطرها از پیش همین‌گونه ثبت شده‌اند؛ چیزی برای وارد کردن نیست.');
  });

  it('imports a file without problems and reports how many rows went in', async () => {
    const { xhr } = await openWizard();
    const file = chooseFile(/فایل صفحه‌گسترده/);
    fireEvent.click(screen.getByRole('button', { name: 'بارگذاری و بررسی' }));
    const preview = await upload(xhr, 0);
    act(() => preview.respond(200, previewWith({ problems: [], validRowCount: 12 })));

    expect(await screen.findByText('مشکلی پیدا نشد.')).toBeInTheDocument();
    const commit = screen.getByRole('button', { name: 'وارد کردن' });
    expect(commit).toBeEnabled();
    fireEvent.click(commit);

    const request = await upload(xhr, 1);
    expect(request.url).toBe('/api/v1/imports/scores/commit');
    expect(request.file()?.name).toBe(file.name);
    act(() => request.progress(1024, 1024));
    expect(screen.getByRole('progressbar', { name: 'در حال بارگذاری: ۱۰۰٪' })).toBeInTheDocument();
    act(() =>
      request.respond(200, {
        kind: 'scores',
        importId: 'i1',
        fileName: 'scores.xlsx',
        format: 'xlsx',
        rowCount: 12,
        committedRows: 10,
        unchangedRows: 2,
      }),
    );

    expect(await screen.findByText(/۱۰ سطر وارد شد\. ۲ سطر از پیش همین‌گونه ثبت شده بود\./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'وارد کردن' })).toBeDisabled(); // not twice
  });

  it('shows the problems the server found when it refuses the commit', async () => {
    const { xhr } = await openWizard();
    await previewFile(xhr, previewWith({ problems: [], validRowCount: 12 }));
    fireEvent.click(await screen.findByRole('button', { name: 'وارد کردن' }));
    const commit = await upload(xhr, 1);
    act(() =>
      commit.respond(400, {
        statusCode: 400,
        error: 'IMPORT_HAS_PROBLEMS',
        message: { fa: 'فایل مشکل دارد و وارد نشد.', en: 'The file has problems and was not imported.' },
        // as the server sends it: the counts and the problems
        details: { rowCount: 12, validRowCount: 11, problemCount: 1, problems: [problems[0]] },
      }),
    );

    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('فایل مشکل دارد و وارد نشد.'));
    expect(screen.getByRole('row', { name: /^۷ پشتیبانی/ })).toHaveTextContent('نه «101»');
    expect(screen.getByRole('button', { name: 'وارد کردن' })).toBeDisabled();
  });

  it('names problems of the whole file and of a whole row as such', async () => {
    const { xhr } = await openWizard();
    await previewFile(
      xhr,
      previewWith({
        problems: [
          {
            row: 4,
            column: null,
            columnFa: null,
            columnEn: null,
            code: 'IMPORT_DUPLICATE_ROW',
            fa: 'سطر تکراری است.',
            en: 'Duplicate row.',
          },
          {
            row: null,
            column: 'support',
            columnFa: 'پشتیبانی',
            columnEn: 'Support',
            code: 'IMPORT_MISSING_COLUMN',
            fa: 'ستون «پشتیبانی» (support) در فایل نیست.',
            en: 'The column "Support" (support) is missing.',
          },
        ],
        problemCount: 1500,
        validRowCount: 0,
      }),
    );
    const table = await screen.findByRole('table', { name: 'مشکل‌ها به تفکیک سطر و ستون' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getAllByRole('cell')[0]).toHaveTextContent('کل فایل');
    expect(within(rows[1]!).getAllByRole('cell')[1]).toHaveTextContent('کل سطر');
    expect(screen.getByRole('alert')).toHaveTextContent('۱٬۵۰۰ مشکل');
    expect(screen.getByText('فقط ۲ مشکل نخست نمایش داده شده است.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'وارد کردن' })).toBeDisabled();
  });

  it('says so when the upload itself fails', async () => {
    const { xhr } = await openWizard();
    chooseFile(/فایل صفحه‌گسترده/);
    fireEvent.click(screen.getByRole('button', { name: 'بارگذاری و بررسی' }));
    const request = await upload(xhr, 0);
    act(() =>
      request.respond(413, {
        statusCode: 413,
        error: 'PAYLOAD_TOO_LARGE',
        message: { fa: 'حجم درخواست بیش از حد است.', en: 'The request is too large.' },
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('حجم درخواست بیش از حد است.');
  });
});
