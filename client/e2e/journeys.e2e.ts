import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { signInForCookie, startServer, type DemoCredential, type RunningServer } from './serverProcess';

/**
 * The journeys the dashboard is for, in real Chromium against the real server and its demo data: the article's day
 * on the overview, a journalist filtering the rankings and opening an agency (the URL reproduces the view), the
 * cabinet's weekly brief and its printed form, an evaluator reviewing and finalising another evaluator's score and
 * finding it in the ranking, and the language switch.
 */

interface Round {
  id: string;
  code: string;
  closedAt: string | null;
  criteria: Array<{ id: string; weight: string }>;
}

describe('dashboard journeys (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    context = await browser.newContext({
      timezoneId: 'Asia/Tehran',
      locale: 'fa-IR',
      viewport: { width: 1366, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it("shows the country on the article's day: 10 of 170 agencies connected", async () => {
    await page.goto(`${server.baseUrl}/?asOf=1401-05-31`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectText(page.locator('.overview-hero__figure'), '۱۰ از ۱۷۰');
    // The charts' figures are in tables beside them: the histogram and the weekly series are there.
    // The tables arrive with their charts (loaded lazily), so wait for the third rather than count the first.
    await page.getByRole('table').nth(2).waitFor();
    expect(await page.getByRole('table').count()).toBeGreaterThanOrEqual(3);
  });

  it('filters the rankings as a journalist, opens an agency, and the URL alone reproduces the view', async () => {
    await page.goto(`${server.baseUrl}/rankings?asOf=1401-05-31`);
    const table = page.getByRole('table', { name: /رتبه‌بندی دستگاه‌ها/ });
    await table.getByRole('row').nth(1).waitFor();
    await page.getByRole('searchbox').fill('کشور');
    await page.waitForURL(/search=/);
    const interior = table.getByRole('row', { name: /وزارت کشور/ });
    await expectText(interior, '۲۶٫۰۷');
    await expectText(interior, '۱۶۷');
    await page
      .getByRole('button', { name: /امتیاز/ })
      .first()
      .click();
    await page.waitForURL(/sort=/);
    const url = page.url();

    // A colleague opens the same link: the same rows, in the same order.
    const other = await context.newPage();
    await other.goto(url);
    const otherTable = other.getByRole('table', { name: /رتبه‌بندی دستگاه‌ها/ });
    await otherTable.getByRole('row', { name: /وزارت کشور/ }).waitFor();
    const names = async (p: Page) =>
      p
        .getByRole('table', { name: /رتبه‌بندی دستگاه‌ها/ })
        .locator('tbody tr')
        .allTextContents();
    expect(await names(other)).toEqual(await names(page));
    expect(await other.getByRole('searchbox').inputValue()).toBe('کشور');
    await other.close();

    await interior.getByRole('link', { name: 'وزارت کشور' }).click();
    await page.waitForURL(/\/agencies\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { level: 1, name: 'وزارت کشور' }).waitFor();
    await expectText(page.getByRole('main'), '۲۶٫۰۷');
  });

  it('downloads the filtered ranking as a spreadsheet and as CSV: the rows on the page, named by the Jalali day', async () => {
    await page.goto(`${server.baseUrl}/rankings?asOf=1401-05-31`);
    const table = page.getByRole('table', { name: /رتبه‌بندی دستگاه‌ها/ });
    await table.getByRole('row').nth(1).waitFor();
    await page.getByRole('combobox', { name: 'نوع دستگاه' }).selectOption('ministry');
    await page.waitForURL(/kind=ministry/);
    await table.getByRole('button', { name: /امتیاز/ }).click();
    await page.waitForURL(/sort=-score/);
    const shown = await settledRanking(page, 'وزارتخانه');
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.some((row) => row.score === 26.07 && row.name === 'وزارت کشور')).toBe(true);

    const exports = page.getByRole('group', { name: /دریافت همین رتبه‌بندی/ });
    const xlsxLink = exports.getByRole('link', { name: /XLSX/ });
    const href = new URL((await xlsxLink.getAttribute('href'))!, server.baseUrl);
    expect(Object.fromEntries(href.searchParams)).toMatchObject({
      format: 'xlsx',
      lang: 'fa',
      asOf: '1401-05-31',
      kind: 'ministry',
      sort: '-score',
    });
    expect(href.searchParams.has('page')).toBe(false);

    // XLSX, read back as a spreadsheet program would: right to left, typed numbers, the rows in the page's order.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), xlsxLink.click()]);
    // The server names the file by the as-of day (`rankings-1401-05-31.xlsx`; in Persian, its Persian name).
    expect(xlsx.suggestedFilename()).toMatch(/-1401-05-31\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsx.path());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    expect(workbook.getWorksheet('درباره')).toBeDefined();
    const sheetRows: unknown[][] = [];
    sheet.eachRow((row) => sheetRows.push((row.values as unknown[]).slice(1)));
    expectSameRanking(sheetRows, shown, 'number');

    // CSV, read back through a CSV parser: the byte-order mark Excel needs, Persian intact, the same rows.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      exports.getByRole('link', { name: /CSV/ }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/-1401-05-31\.csv$/);
    const bytes = await readFile(await csv.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes, { bom: true, relax_column_count: true });
    expectSameRanking(records, shown, 'text');
  });

  it("opens the cabinet's latest weekly brief; printed, it has no navigation and carries the permalink's QR code", async () => {
    await page.goto(`${server.baseUrl}/weekly/latest`);
    await page.locator('.weekly-print-header').waitFor();
    await page.getByRole('button', { name: 'راستی‌آزمایی چکیده' }).waitFor();
    expect(await page.locator('.app-header').isVisible()).toBe(true);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
    expect(await page.locator('.weekly-qr svg').isVisible()).toBe(true);
    expect(await page.locator('.weekly-print-header').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  });

  it("answers what the cabinet was shown in the week of 1401/06/31, and verifies the brief's digest", async () => {
    await page.goto(`${server.baseUrl}/weekly/${encodeURIComponent('۱۴۰۱/۰۶/۳۱')}`);
    await page.waitForURL(/\/weekly\/1401-06-26/);
    await page.locator('.weekly-print-header').waitFor();
    await page.getByRole('button', { name: 'راستی‌آزمایی چکیده' }).click();
    await expectText(page.locator('.weekly-verify-result'), '✓ معتبر');
  });

  it("lets an evaluator review and finalise another evaluator's score, which then shows in the ranking", async () => {
    const evaluator = server.credentials.find((c) => c.username === 'evaluator')!;
    const evaluator2 = server.credentials.find((c) => c.username === 'evaluator2')!;
    const score = await submittedScoreBy(evaluator);

    await signIn(page, evaluator2);
    await page.goto(`${server.baseUrl}/review`);
    const item = page.getByRole('listitem').filter({ hasText: score.agencyName });
    await item.getByRole('link', { name: score.agencyName }).first().click();
    await page.getByRole('button', { name: 'بررسی', exact: true }).click();
    await page.getByRole('button', { name: 'بله، بررسی کردم' }).click();
    await page.getByRole('button', { name: 'نهایی کردن', exact: true }).click();
    await page.getByRole('button', { name: 'بله، نهایی شود' }).click();
    await expectText(page.getByRole('status').filter({ hasText: 'نهایی شد' }), score.agencyName);

    await page.goto(`${server.baseUrl}/rankings?search=${encodeURIComponent(score.agencyName)}`);
    const row = page
      .getByRole('table', { name: /رتبه‌بندی دستگاه‌ها/ })
      .getByRole('row', { name: new RegExp(score.agencyName) });
    await expectText(row, '۹۱٫۵۰');
  });

  it('switches to English: left to right, English headings, Gregorian beside Jalali', async () => {
    await page.goto(`${server.baseUrl}/?asOf=1401-05-31`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectText(page.locator('.overview-hero__figure'), '10 of 170');
    await expectText(page.getByRole('main'), '2022');
  });

  /** A score for an agency with no score in an open round, recorded and submitted by `author` through the API. */
  async function submittedScoreBy(author: DemoCredential): Promise<{ agencyName: string }> {
    const cookie = await signInForCookie(server.baseUrl, author);
    const headers = { 'Content-Type': 'application/json', Cookie: cookie, Origin: server.baseUrl };
    const admin = server.credentials.find((c) => c.role === 'admin')!;
    const adminCookie = await signInForCookie(server.baseUrl, admin);
    // A round of its own, newest of all, so its final score is the agency's current one.
    const created = await fetch(`${server.baseUrl}/api/v1/rounds`, {
      method: 'POST',
      headers: { ...headers, Cookie: adminCookie },
      body: JSON.stringify({
        code: `e2e-review-${Date.now()}`,
        titleFa: 'دوره آزمایشی بررسی امتیاز',
        titleEn: 'Review test round',
        startsOn: '1402/01/01',
        endsOn: '1402/03/31',
        criteria: [
          { code: 'quality', titleFa: 'کیفیت خدمات', titleEn: 'Quality of services', weight: '60' },
          { code: 'reach', titleFa: 'دسترسی', titleEn: 'Reach', weight: '40' },
        ],
      }),
    });
    expect(created.status).toBe(201);
    const round = (await created.json()) as Round;
    const agencies = (await (await fetch(`${server.baseUrl}/api/v1/agencies?search=justice`)).json()) as {
      items: Array<{ id: string; code: string; nameFa: string }>;
    };
    const agency = agencies.items.find((a) => a.code === 'justice')!;
    const session = await fetch(`${server.baseUrl}/api/v1/evaluation-sessions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        roundId: round.id,
        agencyId: agency.id,
        heldOn: '1402/02/10',
        representatives: [{ name: 'نماینده آزمایشی' }],
        // 0.6 × 95 + 0.4 × 86.25 = 91.50
        scores: [
          { criterionId: round.criteria[0]!.id, value: '95' },
          { criterionId: round.criteria[1]!.id, value: '86.25' },
        ],
      }),
    });
    expect(session.status).toBe(201);
    const scores = (await (
      await fetch(`${server.baseUrl}/api/v1/scores?roundId=${round.id}&agencyId=${agency.id}`, { headers })
    ).json()) as { items: Array<{ id: string; version: number; total: string }> };
    const draft = scores.items[0]!;
    expect(draft.total).toBe('91.50');
    const submitted = await fetch(`${server.baseUrl}/api/v1/scores/${draft.id}/submit`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ version: draft.version }),
    });
    expect(submitted.status).toBe(200);
    return { agencyName: agency.nameFa };
  }

  async function signIn(p: Page, credential: DemoCredential): Promise<void> {
    await p.goto(`${server.baseUrl}/signin`);
    await p.getByLabel('نام کاربری').fill(credential.username);
    await p.getByLabel('گذرواژه').fill(credential.password);
    await p.getByRole('main').getByRole('button', { name: 'ورود' }).click();
    await p.getByRole('banner').getByRole('button', { name: 'خروج' }).waitFor();
  }
});

/** Waits until the locator's text contains `expected` (Playwright's auto-waiting, without @playwright/test). */
async function expectText(locator: ReturnType<Page['locator']>, expected: string): Promise<void> {
  await locator.first().waitFor();
  const deadline = Date.now() + 10_000;
  let text = '';
  while (Date.now() < deadline) {
    text = (await locator.first().textContent()) ?? '';
    if (text.includes(expected)) return;
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
  throw new Error(`expected the text to contain "${expected}", got "${text}"`);
}

/** One row of the ranking as the page shows it, its figures read back as numbers. */
interface ShownRankingRow {
  name: string;
  rank: number | null;
  score: number | null;
}

/**
 * The ranking's rows once the page has settled on the filtered view sorted by score, highest first (the header
 * says so, no stale rows are left on screen, every row is of the kind asked for): the agency's name, rank and score.
 */
async function settledRanking(p: Page, kind: string): Promise<ShownRankingRow[]> {
  await p.waitForFunction((expectedKind) => {
    const table = document.querySelector('table.rankings-table');
    if (!table || table.classList.contains('data-table--stale')) return false;
    if (!table.querySelector('th[aria-sort="descending"]')?.textContent?.includes('امتیاز')) return false;
    const rows = Array.from(table.querySelectorAll('tbody tr'));
    return rows.length > 0 && rows.every((row) => row.querySelectorAll('td')[1]?.textContent === expectedKind);
  }, kind);
  const rows = await p.locator('table.rankings-table tbody tr').evaluateAll((elements) =>
    elements.map((row) => ({
      name: row.querySelector('th')?.textContent?.trim() ?? '',
      cells: Array.from(row.querySelectorAll('td'), (cell) => cell.textContent?.trim() ?? ''),
    })),
  );
  return rows.map(({ name, cells }) => ({ name, rank: numberShown(cells[0]), score: numberShown(cells[2]) }));
}

/** A figure as the Persian page writes it (`۲۶٫۰۷`) as a number, or null for a word (`بدون امتیاز`). */
function numberShown(text: string | undefined): number | null {
  const latin = (text ?? '')
    .replace(/[۰-۹]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace('٫', '.')
    .replace(/٬/g, '');
  return /^\d+(\.\d+)?$/.test(latin) ? Number(latin) : null;
}

/** A cell's text, whether exceljs reads it as a string, a hyperlink or rich text. */
function cellText(cell: unknown): string {
  if (typeof cell === 'string') return cell.trim();
  if (cell && typeof cell === 'object') {
    const value = cell as { text?: unknown; richText?: Array<{ text: string }> };
    if (typeof value.text === 'string') return value.text.trim();
    if (Array.isArray(value.richText))
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
  }
  return '';
}

/**
 * The file's rows are the page's: one per agency shown, nothing else (the header names no agency), in the same
 * order, each with its rank and its score, as typed numbers in a spreadsheet or as exact decimals in CSV text.
 */
function expectSameRanking(fileRows: unknown[][], shown: ShownRankingRow[], cells: 'number' | 'text'): void {
  const names = new Set(shown.map((row) => row.name));
  const agencyRows = fileRows.filter((row) => row.some((cell) => names.has(cellText(cell))));
  expect(agencyRows.map((row) => row.map(cellText).find((text) => names.has(text)))).toEqual(
    shown.map((row) => row.name),
  );
  agencyRows.forEach((row, index) => {
    const expected = shown[index]!;
    const figures =
      cells === 'number'
        ? row.filter((cell): cell is number => typeof cell === 'number')
        : row
            .map(cellText)
            .filter((text) => /^\d+(\.\d+)?$/.test(text))
            .map(Number);
    if (expected.rank !== null) expect(figures).toContain(expected.rank);
    if (expected.score !== null) expect(figures).toContain(expected.score);
  });
}
