import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { demoMeta, evaluatorUser } from '../../../test/fixtures';
import { installFakeXhr, type FakeXhr } from '../../../test/fakeXhr';
import { mockFetch } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';

const problems = [
  {
    row: 7,
    column: 'support',
    code: 'SCORE_OUT_OF_RANGE',
    fa: 'امتیاز باید بین ۰ و ۱۰۰ باشد.',
    en: 'The score must be 0–100.',
  },
  {
    row: 3,
    column: 'agency_code',
    code: 'AGENCY_NOT_FOUND',
    fa: 'دستگاهی با این کد نیست.',
    en: 'No agency has this code.',
  },
];

function previewWith(overrides: Record<string, unknown> = {}) {
  const shownProblems = (overrides.problems as unknown[] | undefined) ?? problems;
  return {
    kind: 'scores',
    fileName: 'scores.xlsx',
    format: 'xlsx',
    columns: ['agency_code', 'availability'],
    rowCount: 12,
    validRowCount: 10,
    problemCount: shownProblems.length,
    problems: shownProblems,
    actions: { create: 9, update: 1, unchanged: 0 },
    rows: [
      {
        row: 2,
        status: 'valid',
        action: 'create',
        cells: { agency_code: 'MOI', availability: '20' },
        agencyCode: 'MOI',
        agencyNameFa: 'وزارت کشور',
        agencyNameEn: 'Ministry of Interior',
        total: '26.07',
      },
    ],
    ...overrides,
  };
}

async function openWizard(language: 'fa' | 'en' = 'fa') {
  mockFetch({ '/api/v1/meta': { body: demoMeta }, '/api/v1/auth/me': { body: evaluatorUser } });
  const xhr = installFakeXhr();
  renderApp('/imports', { language });
  await screen.findByRole('heading', { level: 1 });
  return xhr;
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

describe('ImportWizardPage', () => {
  beforeEach(() => localStorage.clear());

  it('offers the templates of the chosen kind', async () => {
    await openWizard();
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

  it('shows the upload’s progress, then every problem by row and column, and keeps the import button off', async () => {
    const xhr = await openWizard();
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
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['۳', 'agency_code', 'دستگاهی با این کد نیست. (AGENCY_NOT_FOUND)'],
      ['۷', 'support', 'امتیاز باید بین ۰ و ۱۰۰ باشد. (SCORE_OUT_OF_RANGE)'],
    ]);
    expect(screen.getByText('سطرهای درست').nextSibling).toHaveTextContent('۱۰');

    const commit = screen.getByRole('button', { name: 'وارد کردن' });
    expect(commit).toBeDisabled();
    expect(commit).toHaveAccessibleDescription('تا فایل مشکل دارد نمی‌توان آن را وارد کرد.');
    expect(xhr.requests).toHaveLength(1);
  });

  it('lists the problems in English in the English view', async () => {
    const xhr = await openWizard('en');
    chooseFile(/Spreadsheet file/);
    fireEvent.click(screen.getByRole('button', { name: 'Upload and check' }));
    const first = await upload(xhr, 0);
    act(() => first.respond(200, previewWith()));
    const table = await screen.findByRole('table', { name: 'Problems by row and column' });
    expect(within(table).getByRole('row', { name: /^3 agency_code/ })).toHaveTextContent('No agency has this code.');
  });

  it('imports a file without problems and reports how many rows went in', async () => {
    const xhr = await openWizard();
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
        committedRows: 12,
        unchangedRows: 0,
      }),
    );

    expect(await screen.findByText('۱۲ سطر وارد شد.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'وارد کردن' })).toBeDisabled(); // not twice
  });

  it('shows the problems the server found when it refuses the commit', async () => {
    const xhr = await openWizard();
    chooseFile(/فایل صفحه‌گسترده/);
    fireEvent.click(screen.getByRole('button', { name: 'بارگذاری و بررسی' }));
    const preview = await upload(xhr, 0);
    act(() => preview.respond(200, previewWith({ problems: [], validRowCount: 12 })));
    fireEvent.click(await screen.findByRole('button', { name: 'وارد کردن' }));
    const commit = await upload(xhr, 1);
    act(() =>
      commit.respond(400, {
        statusCode: 400,
        error: 'IMPORT_HAS_PROBLEMS',
        message: { fa: 'فایل مشکل دارد و وارد نشد.', en: 'The file has problems and was not imported.' },
        details: [problems[0]],
      }),
    );

    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('فایل مشکل دارد و وارد نشد.'));
    expect(screen.getByRole('row', { name: /^۷ support/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'وارد کردن' })).toBeDisabled();
  });

  it('names problems of the whole file and of a whole row as such', async () => {
    const xhr = await openWizard();
    chooseFile(/فایل صفحه‌گسترده/);
    fireEvent.click(screen.getByRole('button', { name: 'بارگذاری و بررسی' }));
    const request = await upload(xhr, 0);
    act(() =>
      request.respond(
        200,
        previewWith({
          problems: [
            { row: 4, column: null, code: 'DUPLICATE_ROW', fa: 'سطر تکراری است.', en: 'Duplicate row.' },
            { row: null, column: 'support', code: 'MISSING_COLUMN', fa: 'ستون نیست.', en: 'Missing column.' },
          ],
          problemCount: 1500,
          validRowCount: 0,
        }),
      ),
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
    const xhr = await openWizard();
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
