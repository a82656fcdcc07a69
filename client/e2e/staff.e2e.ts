import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousAccessibilityViolations } from './axe';
import { launchChromium } from './browser';
import { signInForCookie, startServer, type DemoCredential, type RunningServer } from './serverProcess';

/**
 * An administrator's work in real Chromium against the real server: record an agency's single-window launch,
 * lose a race with someone else's save (409) and recover, import progress from a CSV file (first one with a
 * problem, then a good one), and find the changes in the audit log.
 */

interface AgencySummary {
  id: string;
  code: string;
  nameFa: string;
  singleWindowLaunchedOn: string | null;
  nationalWindowConnectedOn: string | null;
}

describe('administrator journey (Chromium)', () => {
  let server: RunningServer;
  let admin: DemoCredential;
  let cookie: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Main agencies that have not launched a single window yet. */
  let notLaunched: AgencySummary[];

  beforeAll(async () => {
    server = await startServer();
    admin = server.credentials.find((credential) => credential.role === 'admin')!;
    cookie = await signInForCookie(server.baseUrl, admin);
    const list = (await (await fetch(`${server.baseUrl}/api/v1/agencies?pageSize=200`)).json()) as {
      items: AgencySummary[];
    };
    notLaunched = list.items.filter((agency) => agency.singleWindowLaunchedOn === null);
    browser = await launchChromium();
    context = await browser.newContext({ timezoneId: 'Asia/Tehran', locale: 'fa-IR' });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('signs in and records a single-window launch, recovering from a conflicting save', async () => {
    expect(notLaunched.length).toBeGreaterThanOrEqual(2);
    const agency = notLaunched[0]!;

    await page.goto(`${server.baseUrl}/signin`);
    await page.getByLabel('نام کاربری').fill(admin.username);
    await page.getByLabel('گذرواژه').fill(admin.password);
    await page.getByRole('main').getByRole('button', { name: 'ورود' }).click();
    await page.getByRole('banner').getByText('(مدیر سامانه)').waitFor();

    await page.goto(`${server.baseUrl}/agencies/${agency.id}`);
    await page.getByRole('link', { name: 'ثبت پیشرفت این دستگاه' }).click();
    await page.getByRole('heading', { level: 1, name: `ثبت پیشرفت: ${agency.nameFa}` }).waitFor();
    const form = page.getByRole('region', { name: 'راه‌اندازی پنجره واحد' });
    await form.getByRole('textbox', { name: /تاریخ راه‌اندازی/ }).fill('۱۴۰۱/۰۶/۱۰');
    await form.getByRole('textbox', { name: /نشانی پنجره واحد/ }).fill('https://sw.example.gov.ir');

    // Meanwhile someone else records a date through the API: the page's version is now stale.
    const progress = (await (await fetch(`${server.baseUrl}/api/v1/agencies/${agency.id}/progress`)).json()) as {
      version: number;
    };
    const other = await fetch(`${server.baseUrl}/api/v1/agencies/${agency.id}/progress`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: server.baseUrl },
      body: JSON.stringify({
        version: progress.version,
        kind: 'single_window_launched',
        occurredOn: '1401/06/05',
        url: 'https://other.example.gov.ir',
      }),
    });
    expect(other.status).toBe(200);

    await form.getByRole('button', { name: 'ثبت' }).click();
    const conflict = form.getByRole('alert');
    await conflict.getByText('مقادیر کنونی:').waitFor();
    await conflict.getByText('۱۴۰۱/۰۶/۰۵').waitFor();
    await conflict.getByText('https://other.example.gov.ir').waitFor();

    await conflict.getByRole('button', { name: 'بارگذاری مقادیر کنونی' }).click();
    await conflict.waitFor({ state: 'detached' });
    await form.getByRole('button', { name: 'ثبت' }).click();
    await form.getByText('ثبت شد.').waitFor();

    const ledger = page.getByRole('table', { name: 'سابقه ثبت‌ها' });
    const rows = ledger.locator('tbody tr');
    await rows.filter({ hasText: '۱۴۰۱/۰۶/۱۰' }).filter({ hasText: 'معتبر' }).waitFor();
    await rows.filter({ hasText: '۱۴۰۱/۰۶/۰۵' }).filter({ hasText: 'جایگزین‌شده با ثبت بعدی' }).waitFor();
  });

  it('fits a 375 px phone on the progress page: wide tables scroll in their own box; no serious axe finding', async () => {
    const agency = notLaunched[1]!;
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      await page.goto(`${server.baseUrl}/agencies/${agency.id}/progress`);
      await page.getByRole('heading', { level: 1, name: `ثبت پیشرفت: ${agency.nameFa}` }).waitFor();
      await page
        .getByRole('region', { name: /^جدول:/ })
        .first()
        .waitFor();
      await page.getByRole('table').last().locator('tbody tr').first().waitFor();
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
      }));
      expect(widths.page).toBeLessThanOrEqual(widths.viewport);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  it('imports progress from a CSV file: problems first, by row and column, then a clean file', async () => {
    const agency = notLaunched[1]!;
    await page
      .getByRole('navigation', { name: 'پیوندهای اصلی' })
      .getByRole('link', { name: 'ورود از صفحه‌گسترده' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'ورود داده از صفحه‌گسترده' }).waitFor();
    await page.getByRole('radio', { name: 'پیشرفت دستگاه‌ها' }).check();

    const file = page.getByLabel(/فایل صفحه‌گسترده/);
    const csv = (date: string) =>
      Buffer.from(
        `agency,event,date,url,note\r\n${agency.code},راه‌اندازی پنجره واحد,${date},https://csv.example.gov.ir,\r\n`,
        'utf8',
      );
    await file.setInputFiles({ name: 'progress.csv', mimeType: 'text/csv', buffer: csv('1401/12/30') });
    await page.getByRole('button', { name: 'بارگذاری و بررسی' }).click();
    const problems = page.getByRole('table', { name: 'مشکل‌ها به تفکیک سطر و ستون' });
    const problemRow = problems.locator('tbody tr').first();
    await problemRow.waitFor();
    expect((await problemRow.locator('td').allTextContents()).slice(0, 2)).toEqual([
      '۲',
      'تاریخ رویداد (در فایل: date)',
    ]);
    expect(await page.getByRole('button', { name: 'وارد کردن' }).isDisabled()).toBe(true);

    await file.setInputFiles({ name: 'progress.csv', mimeType: 'text/csv', buffer: csv('۱۴۰۱/۰۶/۲۰') });
    await page.getByRole('button', { name: 'بارگذاری و بررسی' }).click();
    await page.getByText('مشکلی پیدا نشد.').waitFor();
    const commit = page.getByRole('button', { name: 'وارد کردن' });
    expect(await commit.isEnabled()).toBe(true);
    await commit.click();
    await page.getByText('۱ سطر وارد شد.').waitFor();

    const after = (await (await fetch(`${server.baseUrl}/api/v1/agencies/${agency.id}`)).json()) as AgencySummary;
    expect(after.singleWindowLaunchedOn).toBe('2022-09-11');
  });

  it('shows the changes in the audit log, in Jalali dates and Tehran time', async () => {
    await page.getByRole('navigation', { name: 'پیوندهای اصلی' }).getByRole('link', { name: 'گزارش رویدادها' }).click();
    await page.getByRole('heading', { level: 1, name: 'گزارش رویدادها' }).waitFor();
    await page.getByRole('combobox', { name: 'کار انجام‌شده' }).selectOption('record_progress');
    await page.getByRole('button', { name: 'اعمال' }).click();
    await page.waitForURL(/[?&]action=record_progress/);

    const entries = page.getByRole('list', { name: 'رویدادها، تازه‌ترین در بالا' }).locator(':scope > li');
    await entries.first().waitFor();
    expect(await entries.count()).toBeGreaterThanOrEqual(2);
    // In words, with the agency by its name, at a Jalali day and Tehran time.
    await expectText(entries.first(), 'ثبت پیشرفت دستگاه');
    const time = await entries.first().locator('time.audit-time').textContent();
    expect(time).toMatch(/^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2} [۰-۹]{2}:[۰-۹]{2}$/);
    await entries.first().locator('details.audit-changes > summary').click();
    await entries.first().getByRole('table').first().waitFor();
  });
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
