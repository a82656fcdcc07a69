import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousAccessibilityViolations } from './axe';
import { launchChromium } from './browser';
import { signInForCookie, startServer, type RunningServer } from './serverProcess';

/**
 * Every page, as the public and as an administrator, in Persian and English, at 1366 and 375 px, in real Chromium
 * against the real server: no serious or critical axe-core violation, no horizontal scroll of the page, and a
 * screenshot of each under `client/e2e/screenshots/` (git-ignored) for a reviewer to look at.
 */

const SCREENSHOTS = resolve(__dirname, 'screenshots');
const WIDTHS = [1366, 375] as const;
const LANGUAGES = ['fa', 'en'] as const;

interface Stop {
  name: string;
  path: string;
  /** Signed in as the admin (staff pages); else as the public. */
  staff?: boolean;
}

describe('every page at 1366 and 375 px, in Persian and English (Chromium + axe-core)', () => {
  let server: RunningServer;
  let browser: Browser;
  let adminCookie: string;
  let stops: Stop[];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    await mkdir(SCREENSHOTS, { recursive: true });
    const admin = server.credentials.find((credential) => credential.role === 'admin')!;
    adminCookie = await signInForCookie(server.baseUrl, admin);
    const list = (await (await fetch(`${server.baseUrl}/api/v1/agencies?search=interior`)).json()) as {
      items: Array<{ id: string; code: string }>;
    };
    const interior = list.items.find((agency) => agency.code === 'interior')!;
    // The demo data's reply to the first weekly report after the Shahrivar deadline (and an open request there).
    const replies = (await (await fetch(`${server.baseUrl}/api/v1/weekly-reports/1401-07-02/responses`)).json()) as {
      items: Array<{ status: string; agency: { id: string } }>;
    };
    const replied = replies.items.find((reply) => reply.status === 'published')!;
    stops = [
      { name: 'overview', path: '/' },
      { name: 'overview-article-day', path: '/?asOf=1401-05-31' },
      { name: 'rankings', path: '/rankings?asOf=1401-05-31' },
      { name: 'weekly-latest', path: '/weekly/latest' },
      { name: 'weekly-1401-06-26', path: '/weekly/1401-06-26' },
      { name: 'weekly-list', path: '/weekly' },
      { name: 'agencies', path: '/agencies' },
      { name: 'agency-interior', path: `/agencies/${interior.id}` },
      { name: 'weekly-1401-07-02-replies', path: '/weekly/1401-07-02' },
      { name: 'agency-with-reply', path: `/agencies/${replied.agency.id}` },
      { name: 'signin', path: '/signin' },
      { name: 'not-found', path: '/no-such-page' },
      { name: 'staff-overview', path: '/', staff: true },
      { name: 'staff-agency-interior', path: `/agencies/${interior.id}`, staff: true },
      { name: 'review', path: '/review', staff: true },
      { name: 'rounds', path: '/rounds', staff: true },
      { name: 'cycles', path: '/cycles', staff: true },
      { name: 'inventory', path: `/agencies/${interior.id}/inventory`, staff: true },
      { name: 'progress', path: `/agencies/${interior.id}/progress`, staff: true },
      { name: 'session-form', path: '/evaluations/new', staff: true },
      { name: 'imports', path: '/imports', staff: true },
      { name: 'audit', path: '/audit', staff: true },
      { name: 'responses', path: '/responses', staff: true },
      { name: 'weekly-staff', path: '/weekly/1401-06-26', staff: true },
    ];
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function contextFor(language: (typeof LANGUAGES)[number], width: number, staff: boolean) {
    const context = await browser.newContext({
      timezoneId: 'Asia/Tehran',
      locale: language === 'fa' ? 'fa-IR' : 'en-GB',
      viewport: { width, height: 800 },
    });
    // The remembered language choice, as the language switch stores it.
    await context.addInitScript((lng) => window.localStorage.setItem('monitor.language', lng), language);
    if (staff) {
      const url = new URL(server.baseUrl);
      await context.addCookies(
        adminCookie.split('; ').map((pair) => {
          const [name, ...value] = pair.split('=');
          return { name: name!, value: value.join('='), domain: url.hostname, path: '/' };
        }),
      );
    }
    return context;
  }

  /** Opens a page and waits until every request has settled and nothing says "loading". */
  async function open(page: Page, path: string): Promise<void> {
    await page.goto(`${server.baseUrl}${path}`);
    await page.waitForLoadState('networkidle');
    await page.locator('h1').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 20_000 });
  }

  for (const language of LANGUAGES) {
    for (const width of WIDTHS) {
      it(`${language} at ${width} px: no serious axe violation, no sideways scroll, a screenshot of each page`, async () => {
        const problems: string[] = [];
        const contexts: Record<'public' | 'staff', BrowserContext> = {
          public: await contextFor(language, width, false),
          staff: await contextFor(language, width, true),
        };
        try {
          for (const stop of stops) {
            const page = await contexts[stop.staff ? 'staff' : 'public'].newPage();
            page.setDefaultTimeout(20_000);
            try {
              await open(page, stop.path);
              expect(await page.locator('html').getAttribute('dir')).toBe(language === 'fa' ? 'rtl' : 'ltr');
              for (const violation of await seriousAccessibilityViolations(page)) {
                problems.push(
                  `${stop.name}: axe ${violation.id} (${violation.impact}) ${violation.help} at ${violation.nodes.map((n) => n.target).join(', ')}`,
                );
              }
              const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
              if (overflow > 0) problems.push(`${stop.name}: the page scrolls sideways by ${overflow} px`);
              await page.screenshot({
                path: resolve(SCREENSHOTS, `${stop.name}.${language}.${width}.png`),
                fullPage: true,
              });
            } catch (error) {
              problems.push(`${stop.name}: ${(error as Error).message.split('\n')[0]}`);
            } finally {
              await page.close();
            }
          }
        } finally {
          await contexts.public.close();
          await contexts.staff.close();
        }
        expect(problems).toEqual([]);
      });
    }
  }
});
