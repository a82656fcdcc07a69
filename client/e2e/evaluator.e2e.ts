import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousAccessibilityViolations } from './axe';
import { launchChromium } from './browser';
import { signInForCookie, startServer, type RunningServer } from './serverProcess';

/**
 * An evaluator's journey in real Chromium against the real server and PostgreSQL: sign in, record an evaluation
 * session with criterion scores typed partly in Persian digits, watch the live total, save, and find the draft
 * score on the agency's page. Accessibility is checked with axe-core on the way.
 */

const ROUND = {
  code: `e2e-autumn-1401-${Date.now()}`,
  // No digits in the title: the server stores typed digits as Latin ones (normalizeText).
  titleFa: 'ارزیابی آزمایشی کیفیت در مرورگر',
  titleEn: 'Browser-test quality evaluation',
  startsOn: '1401/07/01',
  endsOn: '1401/09/30',
  criteria: (
    [
      ['availability', 'دسترس‌پذیری و پایداری خدمات', 'Availability and reliability of services', '25'],
      ['end-to-end', 'الکترونیکی‌بودن کامل فرایند', 'Fully electronic, end-to-end process', '20'],
      ['single-window', 'ارائه خدمات در پنجره واحد', 'Services offered in the single window', '20'],
      ['integration', 'اتصال و تبادل داده با دستگاه‌های دیگر', 'Integration and data exchange', '15'],
      ['usability', 'سهولت استفاده و راهنمایی کاربر', 'Ease of use and guidance', '10'],
      ['support', 'پاسخ‌گویی و پشتیبانی', 'Responsiveness and support', '10'],
    ] as const
  ).map(([code, titleFa, titleEn, weight]) => ({ code, titleFa, titleEn, weight })),
};

/** The Ministry of Interior's criterion scores (A: total 26.07), some typed with Persian digits and ٫. */
const SCORES = ['20', '۳۰', '25', '۳۰', '٢٨', '۲۷٫۷'];

describe('evaluator journey (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
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

  it('opens an evaluation round as the admin (through the API)', async () => {
    const admin = server.credentials.find((credential) => credential.role === 'admin');
    expect(admin).toBeDefined();
    const cookie = await signInForCookie(server.baseUrl, admin!);
    const response = await fetch(`${server.baseUrl}/api/v1/rounds`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: server.baseUrl },
      body: JSON.stringify(ROUND),
    });
    expect({ status: response.status, body: response.ok ? 'ok' : await response.text() }).toEqual({
      status: 201,
      body: 'ok',
    });
  });

  it('signs the evaluator in through the sign-in page, which has no serious accessibility problems', async () => {
    const evaluator = server.credentials.find((credential) => credential.username === 'evaluator');
    expect(evaluator).toBeDefined();

    await page.goto(`${server.baseUrl}/evaluations/new`);
    await page.waitForURL(/\/signin\?returnTo=%2Fevaluations%2Fnew$/);
    await page.getByRole('heading', { level: 1, name: 'ورود به سامانه' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByLabel('نام کاربری').fill(evaluator!.username);
    await page.getByLabel('گذرواژه').fill('not the password');
    await page.getByRole('main').getByRole('button', { name: 'ورود' }).click();
    await expectText(page.getByRole('alert'), 'نام کاربری');

    await page.getByLabel('گذرواژه').fill(evaluator!.password);
    await page.getByRole('main').getByRole('button', { name: 'ورود' }).click();

    await page.waitForURL(/\/evaluations\/new$/);
    await page.getByRole('heading', { level: 1, name: 'ثبت جلسه ارزیابی' }).waitFor();
    const banner = page.getByRole('banner');
    await banner.getByText('(ارزیاب)').waitFor();
    await banner.getByRole('button', { name: 'خروج' }).waitFor();
  });

  it('records a session with scores in Persian digits, shows the exact live total, and the draft on the agency page', async () => {
    await page.getByLabel(/دوره ارزیابی/).selectOption({ label: ROUND.titleFa });

    const agency = page.getByRole('combobox', { name: /دستگاه اجرایی/ });
    await agency.fill('وزارت کشور');
    await page.getByRole('option', { name: 'وزارت کشور', exact: true }).click();
    expect(await agency.inputValue()).toBe('وزارت کشور');

    const heldOn = page.getByRole('textbox', { name: /تاریخ برگزاری جلسه/ });
    await heldOn.fill('۱۴۰۱/۰۷/۱۵');
    await heldOn.blur();
    expect(await heldOn.getAttribute('aria-invalid')).toBeNull();

    await page.getByRole('textbox', { name: 'نام نماینده ۱' }).fill('علی رضایی');
    await page.getByRole('textbox', { name: 'سمت نماینده ۱' }).fill('مدیرکل فناوری اطلاعات');
    await page.getByRole('button', { name: 'افزودن نماینده' }).click();
    await page.getByRole('textbox', { name: 'نام نماینده ۲' }).fill('مریم احمدی');

    for (const [index, value] of SCORES.entries()) {
      await page.getByRole('textbox', { name: new RegExp(ROUND.criteria[index]!.titleFa) }).fill(value);
    }
    const total = page.getByRole('status', { name: 'امتیاز کل (از ۱۰۰):' });
    await expectText(total, '۲۶٫۰۷');

    // The calendar opens on the typed day and closes on Escape.
    await page.getByRole('button', { name: /باز کردن تقویم/ }).click();
    await page.getByRole('grid', { name: 'مهر ۱۴۰۱' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('grid').waitFor({ state: 'detached' });

    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'ذخیره جلسه' }).click();
    await page.waitForURL(/\/agencies\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'وزارت کشور' }).waitFor();
    await page.getByText('جلسه ارزیابی ذخیره شد.').waitFor();

    const scores = page.getByRole('table', { name: 'امتیازهای کیفیت' });
    const draft = scores.getByRole('row', { name: new RegExp(ROUND.titleFa) });
    await expectText(draft, '۲۶٫۰۷');
    await expectText(draft, 'پیش‌نویس');
    // The closed summer round's final score is still listed beside it.
    await expectText(scores.getByRole('row', { name: /تابستان ۱۴۰۱/ }), 'نهایی');
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
