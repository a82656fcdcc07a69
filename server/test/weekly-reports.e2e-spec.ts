import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addDays } from '../src/common/dates/calendar-day.js';
import { tehranInstant } from '../src/common/dates/week.js';
import { createApp } from '../src/create-app.js';
import { openDatabase, type OpenDatabase } from '../src/database/open-database.js';
import { produceWeeklyReport } from '../src/modules/reports/reports.production.js';
import { ReportsService } from '../src/modules/reports/reports.service.js';
import { createTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
}, 120_000);

afterAll(async () => {
  await t?.close();
});

interface Entry {
  agency: { id: string; code: string };
}

describe('the demo weekly reports', () => {
  it('cover every week of the history, newest first, each named by the Jalali day of its Saturday', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/weekly-reports?pageSize=200' });
    expect(res.status).toBe(200);
    // 1401/05/01 (Saturday 2022-07-23) to the week holding 1401/12/29 (Saturday 2023-03-18): 35 weeks.
    expect(res.body.total).toBe(35);
    expect(res.body.items[0].week).toBe('1401-12-27');
    expect(res.body.items.at(-1).week).toBe('1401-05-01');
    const weeks = res.body.items.map((r: { weekStartsOn: string }) => r.weekStartsOn);
    expect(weeks).toEqual([...weeks].sort().reverse());
    const latest = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/latest' });
    expect(latest.body.week).toBe('1401-12-27');
    expect(latest.body.digest).toBe(res.body.items[0].digest);
  });

  it('list, for the week holding 1401/06/31, exactly the agencies without a single window by that day', async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/weekly-reports/${encodeURIComponent('۱۴۰۱/۰۶/۳۱')}` });
    expect(res.status).toBe(200);
    expect(res.body.week).toBe('1401-06-26');
    expect(res.body.content.asOf).toBe('2022-09-23');
    const section = res.body.content.milestones.find((m: { code: string }) => m.code === 'single-window');
    expect(section.dueOn).toBe('2022-09-22');
    const listed = [...section.overdue, ...section.metLate].map((e: Entry) => e.agency.id).sort();
    // Independently, from the ledger: main agencies with no effective launch on or before 1401/06/31.
    const rows: Array<{ id: string }> = await t.sql.query(
      `SELECT a.id FROM agency a WHERE a.is_main AND NOT EXISTS (
         SELECT 1 FROM agency_progress_event e
         WHERE e.agency_id = a.id AND e.kind = 'single_window_launched' AND e.occurred_on <= '2022-09-22'
           AND NOT EXISTS (SELECT 1 FROM agency_progress_event s WHERE s.supersedes_id = e.id))`,
    );
    expect(listed).toEqual(rows.map((r) => r.id).sort());
    expect(listed.length).toBeGreaterThan(20);
    // Most days overdue first, then the lowest score.
    const overdue = section.overdue as Array<{ daysOverdue: number; score: string | null }>;
    for (let i = 1; i < overdue.length; i++) {
      expect(overdue[i - 1]!.daysOverdue).toBeGreaterThanOrEqual(overdue[i]!.daysOverdue);
    }
  });

  it('say who joined the national window during the week, and who entered and left the laggard list', async () => {
    const reports = await t.request({ method: 'GET', url: '/api/v1/weekly-reports?pageSize=200' });
    let joined = 0;
    for (const summary of reports.body.items.slice(0, 35)) {
      const res = await t.request({ method: 'GET', url: `/api/v1/weekly-reports/${summary.week}` });
      const { weekStartsOn, weekEndsOn } = res.body;
      for (const j of res.body.content.joined) {
        expect(j.connectedOn >= weekStartsOn && j.connectedOn <= weekEndsOn).toBe(true);
      }
      joined += res.body.content.joined.length;
    }
    const [{ n }] = await t.sql.query(
      `SELECT count(*)::int AS n FROM agency WHERE is_main AND national_window_connected_on BETWEEN '2022-07-23' AND '2023-03-24'`,
    );
    expect(joined).toBe(n);
    const week = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/1401-07-02' });
    const before = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/1401-06-26' });
    const ids = (list: Entry['agency'][]) => new Set(list.map((a) => a.id));
    const lagNow = week.body.content.laggards;
    for (const a of lagNow.entered) expect(ids(before.body.content.laggards.entered).has(a.id)).toBe(false);
    expect(lagNow.count).toBe(before.body.content.laggards.count + lagNow.entered.length - lagNow.left.length);
  });

  it('verify: the digest recomputed from the stored content matches', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/1401-06-26/verify' });
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(true);
    expect(res.body.recomputed).toBe(res.body.digest);
    expect(res.body.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answer 400 to a week that is not a day and 404 to a week with no report, in both languages', async () => {
    const bad = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/not-a-week' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('REPORT_WEEK_INVALID');
    const none = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/1399-01-02' });
    expect(none.status).toBe(404);
    expect(none.body.message.fa).toEqual(expect.any(String));
  });
});

describe('a published report is frozen', () => {
  it('the database refuses UPDATE and DELETE of it', async () => {
    await expect(
      t.sql.query(`UPDATE weekly_report SET content = '{}'::jsonb WHERE week_starts_on = '2022-09-17'`),
    ).rejects.toThrow(/never changed or deleted/);
    await expect(t.sql.query(`DELETE FROM weekly_report WHERE week_starts_on = '2022-09-17'`)).rejects.toThrow(
      /never changed or deleted/,
    );
    const res = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/1401-06-26/verify' });
    expect(res.body.valid).toBe(true);
  });

  it('a change to a past week changes its recomputed status, not its published report', async () => {
    const before = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/1401-06-26' });
    const section = before.body.content.milestones.find((m: { code: string }) => m.code === 'single-window');
    const late = section.overdue[0].agency as { id: string; code: string };
    const statusOf = async () =>
      (await t.request({ method: 'GET', url: `/api/v1/agencies/${late.id}/compliance?asOf=2022-09-23` })).body
        .milestones[0].status;
    expect(await statusOf()).toBe('overdue');

    // An evaluator records that this agency launched its single window on 1401/06/29, within that week.
    const admin = await t.signIn('admin');
    const progress = await t.request({ method: 'GET', url: `/api/v1/agencies/${late.id}/progress`, cookie: admin });
    const write = await t.request({
      method: 'POST',
      url: `/api/v1/agencies/${late.id}/progress`,
      cookie: admin,
      headers: { origin: 'http://localhost' },
      payload: {
        version: progress.body.version,
        kind: 'single_window_launched',
        occurredOn: '1401/06/29',
        url: 'https://example.gov.ir',
        note: 'late entry',
      },
    });
    expect(write.status).toBe(200);
    expect(await statusOf()).toBe('met');

    const after = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/1401-06-26' });
    expect(after.body.digest).toBe(before.body.digest);
    expect(after.body.content).toEqual(before.body.content);

    // Only a correction changes what is published: a new revision, with its reason, pointing to the old one.
    const anonymous = await t.request({
      method: 'POST',
      url: '/api/v1/weekly-reports/1401-06-26/revisions',
      payload: { reason: 'x' },
    });
    expect(anonymous.status).toBe(401);
    const evaluator = await t.request({
      method: 'POST',
      url: '/api/v1/weekly-reports/1401-06-26/revisions',
      cookie: await t.signIn('evaluator'),
      headers: { origin: 'http://localhost' },
      payload: { reason: 'اصلاح' },
    });
    expect(evaluator.status).toBe(403);
    const revised = await t.request({
      method: 'POST',
      url: '/api/v1/weekly-reports/1401-06-26/revisions',
      cookie: admin,
      headers: { origin: 'http://localhost' },
      payload: { reason: 'ثبت دیرهنگام راه‌اندازی پنجره واحد / late record of a launch' },
    });
    expect(revised.status).toBe(201);
    expect(revised.body.revision).toBe(2);
    expect(revised.body.supersedes).toEqual(expect.any(String));
    const revisedSection = revised.body.content.milestones.find((m: { code: string }) => m.code === 'single-window');
    expect(revisedSection.overdue.map((e: Entry) => e.agency.id)).not.toContain(late.id);
    // 1401/06/29 is before the due day (1401/06/31): met on time, so not even "met late".
    expect(revisedSection.metLate.map((e: Entry) => e.agency.id)).not.toContain(late.id);
    expect(revised.body.content.overview.milestones[0].overdue).toBe(
      before.body.content.overview.milestones[0].overdue - 1,
    );

    const current = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/1401-06-26' });
    expect(current.body.revision).toBe(2);
    const old = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/1401-06-26?revision=1' });
    expect(old.body.digest).toBe(before.body.digest);
    const revisions = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/1401-06-26/revisions' });
    expect(revisions.body.items.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
    expect(revisions.body.items[0].supersedes).toBe(revisions.body.items[1].id);
    expect(revisions.body.items[0].reason).toContain('late record');
    expect(revisions.body.items[1].supersedes).toBeNull();
    for (const revision of [1, 2]) {
      const v = await t.request({
        method: 'GET',
        url: `/api/v1/weekly-reports/1401-06-26/verify?revision=${revision}`,
      });
      expect(v.body.valid).toBe(true);
    }
    const [{ n }] = await t.sql.query(
      `SELECT count(*)::int AS n FROM audit_record WHERE action = 'revise_weekly_report' AND reason LIKE '%late record%'`,
    );
    expect(n).toBe(1);
  });

  it('verify reports a content changed behind the trigger', async () => {
    await t.sql.transaction(async (m) => {
      await m.query(`ALTER TABLE weekly_report DISABLE TRIGGER "TRG_weekly_report_frozen"`);
      await m.query(
        `UPDATE weekly_report SET content = jsonb_set(content, '{overview,connected,count}', '99') WHERE week_starts_on = '2022-07-30'`,
      );
      await m.query(`ALTER TABLE weekly_report ENABLE TRIGGER "TRG_weekly_report_frozen"`);
    });
    const res = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/1401-05-08/verify' });
    expect(res.body.valid).toBe(false);
    expect(res.body.recomputed).not.toBe(res.body.digest);
  });
});

describe('production', () => {
  let second: { app: NestFastifyApplication; opened: OpenDatabase };

  beforeAll(async () => {
    // A new cycle (1402) makes the weeks after the demo's history due.
    await t.sql.query(
      `INSERT INTO programme_cycle (code, title_fa, title_en, starts_on, ends_on, baseline_on)
       VALUES ('budget-1402', 'قانون بودجه ۱۴۰۲', 'Budget law of 1402', '2023-03-21', '2024-03-19', '2023-03-21')`,
    );
    const opened = await openDatabase(t.config, () => undefined);
    const app = await createApp({ ...t.config, weeklyReports: 'off' }, opened.dataSource);
    await app.init();
    second = { app, opened };
  });

  afterAll(async () => {
    await second?.app.close();
  });

  it('publishes exactly one report per week when two instances fire at once, each for its own week', async () => {
    const saturday = tehranInstant('2023-04-08', 8); // 1402/01/19, 08:00 Tehran: two weeks have ended since
    const [a, b] = await Promise.all([
      t.app.get(ReportsService).produceDue(saturday),
      second.app.get(ReportsService).produceDue(saturday),
    ]);
    const created = [...a, ...b].filter((r) => r.created).map((r) => r.week);
    expect(created.sort()).toEqual(['1402-01-05', '1402-01-12']);
    const rows: Array<{ week: string; n: number; as_of: string }> = await t.sql.query(
      `SELECT to_char(week_starts_on, 'YYYY-MM-DD') AS week, count(*)::int AS n, min(content->>'asOf') AS as_of
       FROM weekly_report WHERE week_starts_on >= '2023-03-25' GROUP BY week_starts_on ORDER BY week_starts_on`,
    );
    expect(rows).toEqual([
      { week: '2023-03-25', n: 1, as_of: '2023-03-31' },
      { week: '2023-04-01', n: 1, as_of: '2023-04-07' },
    ]);
  });

  it('produces at start the weeks missed while no server ran, each for its own week', async () => {
    const opened = await openDatabase(t.config, () => undefined);
    const app = await createApp(t.config, opened.dataSource);
    await app.init(); // the start-up catch-up runs here
    try {
      const rows: Array<{ week: string; as_of: string }> = await t.sql.query(
        `SELECT to_char(week_starts_on, 'YYYY-MM-DD') AS week, content->>'asOf' AS as_of FROM weekly_report
         WHERE week_starts_on >= '2023-03-25' ORDER BY week_starts_on`,
      );
      // Every Saturday of cycle 1402, from 2023-03-25 to 2024-03-16: 52 weeks, none twice.
      expect(rows).toHaveLength(52);
      rows.forEach((row, i) => {
        expect(row.week).toBe(addDays('2023-03-25', 7 * i));
        expect(row.as_of).toBe(addDays(row.week, 6));
      });
      // Nothing is due any more: a second start publishes nothing.
      expect(await app.get(ReportsService).produceDue()).toEqual([]);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('is idempotent by hand too: producing an existing week publishes nothing', async () => {
    const result = await t.sql.transaction((m) =>
      produceWeeklyReport(m, '2022-09-17', { publishedAt: new Date(), embargoHours: 0 }),
    );
    expect(result).toEqual({ week: '1401-06-26', created: false, why: 'exists' });
  });
});

describe('the embargo', () => {
  it('shows a report to staff at once and to the public from its end, past any cached answer', async () => {
    const publicLatest = () => t.request({ method: 'GET', url: '/api/v1/weekly-reports/latest' });
    const before = await publicLatest();
    expect(before.status).toBe(200);
    // Published now with an embargo that ends in 2 seconds.
    const cycle = await t.sql.query(
      `INSERT INTO programme_cycle (code, title_fa, title_en, starts_on, ends_on, baseline_on)
       VALUES ('budget-1403', 'قانون بودجه ۱۴۰۳', 'Budget law of 1403', '2024-03-20', '2025-03-20', '2024-03-20') RETURNING id`,
    );
    expect(cycle).toHaveLength(1);
    const publishedAt = new Date(Date.now() - 3_600_000 + 2_000);
    const result = await t.sql.transaction((m) =>
      produceWeeklyReport(m, '2024-03-23', { publishedAt, embargoHours: 1 }),
    );
    expect(result.created).toBe(true);
    const cabinet = await t.request({
      method: 'GET',
      url: '/api/v1/weekly-reports/latest',
      cookie: await t.signIn('cabinet'),
    });
    expect(cabinet.body.week).toBe('1403-01-04');
    const during = await publicLatest();
    expect(during.body.week).toBe(before.body.week);
    expect((await publicLatest()).headers.etag).toBe(during.headers.etag); // served from the cache
    await new Promise((r) => setTimeout(r, 2_500));
    const after = await publicLatest();
    expect(after.body.week).toBe('1403-01-04');
  });
});
