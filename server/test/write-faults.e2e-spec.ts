import { existsSync } from 'node:fs';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../src/database/open-database.js';
import type { DemoCredential } from '../src/database/seed/demo-seed.js';
import {
  backendAlive,
  connect,
  killServerChildren,
  SERVER_MAIN,
  signIn,
  startServerChild,
  tablesWrittenBy,
  waitFor,
  waitingOnAdvisory,
  waitingOnTable,
  type ServerChild,
} from './support/server-child.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { testConfig } from './support/test-config.js';

/**
 * Faults under writes, with real processes: the built server (as `npm start` runs it) on one database of the test
 * cluster, killed with SIGKILL while it writes, started again, and two of them at once.
 *
 * "While it writes" is made exact rather than timed: the test holds a lock the write needs next, sees (in
 * `pg_locks`) the server's transaction wait for it after writing its first rows, and only then kills the server.
 */
let db: TestDatabase;
let sql: DataSource;
let credentials: DemoCredential[];

/** `pg_advisory_xact_lock(REPORT_LOCK, day)`: reports.production.ts's lock of one week. */
const REPORT_LOCK = 7_141_402;
const dayNumber = (isoDay: string) => Math.round(Date.parse(`${isoDay}T00:00:00Z`) / 86_400_000);

beforeAll(async () => {
  expect(existsSync(SERVER_MAIN)).toBe(true);
  db = await createTestDatabase();
  const opened = await openDatabase(testConfig(db.url), () => undefined);
  sql = opened.dataSource;
  credentials = opened.demoCredentials!;
}, 120_000);

afterAll(async () => {
  await killServerChildren();
  await sql?.destroy().catch(() => undefined);
  await db?.drop();
});

const count = async (table: string, where = 'true', params: unknown[] = []) =>
  ((await sql.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params)) as Array<{ n: number }>)[0]!.n;

/** Kills the server, lets go of `holder`'s locks, and waits until PostgreSQL has ended the server's backend. */
async function killWhileWaiting(server: ServerChild, backend: number, holder: pg.Client): Promise<void> {
  server.child.kill('SIGKILL');
  expect(await server.exited).toBeNull();
  await holder.query('ROLLBACK');
  await waitFor(
    `PostgreSQL to end the killed server's backend ${backend}`,
    async () => !(await backendAlive(holder, backend)),
  );
}

describe('SIGKILL during an import commit', () => {
  const ROUNDS = [
    ['fault-1', '2022-09-23', '2022-12-21'],
    ['fault-2', '2022-12-22', '2023-03-20'],
    ['fault-3', '2023-03-21', '2023-06-21'],
    ['fault-4', '2023-06-22', '2023-09-22'],
  ] as const;

  async function scoresFile(): Promise<{ csv: Buffer; rows: number }> {
    for (const [code, startsOn, endsOn] of ROUNDS) {
      await sql.query(
        `INSERT INTO evaluation_round (code, title_fa, title_en, criteria_set_id, starts_on, ends_on, status)
         SELECT $1, 'دوره آزمایشی ' || $1, 'Test round ' || $1, id, $2, $3, 'open' FROM criteria_set WHERE code = 'quality-1401'`,
        [code, startsOn, endsOn],
      );
    }
    const agencies = ((await sql.query(`SELECT code FROM agency ORDER BY code`)) as Array<{ code: string }>).map(
      (a) => a.code,
    );
    const lines = ['round_code,agency,held_on,availability,end-to-end,single-window,integration,usability,support'];
    for (const [code, startsOn] of ROUNDS)
      for (const agency of agencies) lines.push(`${code},${agency},${startsOn},20,30,25,30,28,27.7`);
    return { csv: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'), rows: lines.length - 1 };
  }

  async function commit(server: ServerChild, cookie: string, csv: Buffer, step: 'preview' | 'commit' = 'commit') {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(csv)]), 'fault-scores.csv');
    return fetch(`${server.base}/api/v1/imports/scores/${step}`, {
      method: 'POST',
      headers: { cookie, origin: server.base },
      body: form,
    });
  }

  /** Every table a scores import writes, and its audit trail. */
  const written = async () => ({
    sessions: await count('evaluation_session'),
    sessionEvaluators: await count('evaluation_session_evaluator'),
    scores: await count('score'),
    criterionScores: await count('criterion_score'),
    audit: await count('audit_record', `action <> 'sign_in'`),
    importAudit: await count('audit_record', `action = 'import'`),
  });

  it('leaves none of the file after the restart, and the same file then commits whole', async () => {
    const { csv, rows } = await scoresFile();
    expect(rows).toBeGreaterThanOrEqual(600);
    const evaluator = credentials.find((c) => c.role === 'evaluator')!;
    const server = await startServerChild(db.url, { WEEKLY_REPORTS: 'off' });
    await server.ready();
    const cookie = await signIn(server.base, evaluator.username, evaluator.password);
    const preview = await commit(server, cookie, csv, 'preview');
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ rowCount: rows, validRowCount: rows, problemCount: 0 });
    const before = await written();

    // The commit writes its sessions (and their audit records), then waits for the scores table.
    const holder = await connect(db.url);
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE score IN SHARE MODE');
      const inFlight = commit(server, cookie, csv).then(
        (res) => `answered ${res.status}`,
        (error: Error) => `failed: ${error.message}`,
      );
      const [backend] = await waitFor('the import to wait for the scores table', () =>
        waitingOnTable(holder, 'score').then((p) => p.length > 0 && p),
      );
      expect(await tablesWrittenBy(holder, backend!)).toEqual(
        expect.arrayContaining(['audit_record', 'evaluation_session', 'evaluation_session_evaluator']),
      );
      await killWhileWaiting(server, backend!, holder);
      expect(await inFlight).toBe('failed: fetch failed'); // the client never got an answer
    } finally {
      await holder.end();
    }
    expect(await written()).toEqual(before);

    const restarted = await startServerChild(db.url, { WEEKLY_REPORTS: 'off' });
    await restarted.ready();
    try {
      expect(await written()).toEqual(before);
      const again = await commit(restarted, await signIn(restarted.base, evaluator.username, evaluator.password), csv);
      expect(again.status).toBe(200);
      const body = (await again.json()) as { importId: string; createdScores: number; createdSessions: number };
      expect(body).toMatchObject({ createdScores: rows, createdSessions: rows });
      const after = await written();
      expect(after).toMatchObject({
        sessions: before.sessions + rows,
        sessionEvaluators: before.sessionEvaluators + rows,
        scores: before.scores + rows,
        criterionScores: before.criterionScores + rows * 6,
        importAudit: before.importAudit + 1,
      });
      expect(await count('audit_record', `action = 'import' AND entity_id = $1`, [body.importId])).toBe(1);
    } finally {
      restarted.child.kill('SIGTERM');
      expect(await restarted.exited).toBe(0);
    }
  }, 180_000);
});

interface WeekRow {
  id: string;
  week: string;
  revision: number;
}

/** Removes the newest `n` weekly reports (as if the server had not run those Saturdays); their week starts, oldest first. */
async function forgetNewestReports(n: number): Promise<string[]> {
  return sql.transaction(async (m) => {
    const newest = (await m.query(
      `SELECT id, week_starts_on::text AS week FROM weekly_report ORDER BY week_starts_on DESC LIMIT $1`,
      [n],
    )) as Array<{ id: string; week: string }>;
    const ids = newest.map((r) => r.id);
    expect(await m.query(`SELECT 1 FROM agency_response WHERE weekly_report_id = ANY($1)`, [ids])).toEqual([]);
    await m.query(`ALTER TABLE weekly_report DISABLE TRIGGER "TRG_weekly_report_frozen"`);
    await m.query(`DELETE FROM weekly_report WHERE id = ANY($1)`, [ids]);
    await m.query(`ALTER TABLE weekly_report ENABLE TRIGGER "TRG_weekly_report_frozen"`);
    return newest.map((r) => r.week).reverse();
  });
}

const reportsOf = async (weeks: string[]) =>
  (await sql.query(
    `SELECT id, week_starts_on::text AS week, revision FROM weekly_report WHERE week_starts_on = ANY($1::date[])
      ORDER BY week_starts_on, revision`,
    [weeks],
  )) as WeekRow[];

/** Each week has exactly one report (revision 1) with one audit record, and its digest verifies. */
async function expectEachReportOnce(server: ServerChild, weeks: string[]): Promise<void> {
  const reports = await reportsOf(weeks);
  expect(reports.map((r) => [r.week, r.revision])).toEqual(weeks.map((w) => [w, 1]));
  const audits = (await sql.query(
    `SELECT entity_id, action FROM audit_record WHERE entity_type = 'weekly_report' AND entity_id = ANY($1)
      ORDER BY entity_id`,
    [reports.map((r) => r.id)],
  )) as Array<{ entity_id: string; action: string }>;
  expect(audits).toEqual(
    [...reports]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((r) => ({ entity_id: r.id, action: 'publish_weekly_report' })),
  );
  for (const week of weeks) {
    const res = await fetch(`${server.base}/api/v1/weekly-reports/${week}/verify`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ revision: 1, valid: true });
  }
}

describe('SIGKILL during the weekly reports’ production', () => {
  it('keeps the weeks published before the kill, none of the one in progress, and publishes each once after the restart', async () => {
    const weeks = await forgetNewestReports(4);
    expect(await reportsOf(weeks)).toEqual([]);
    const advisory = await connect(db.url);
    const holder = await connect(db.url);
    let server: ServerChild;
    try {
      // The start-up catch-up publishes the first missing week, then waits for the second week's lock …
      await advisory.query('SELECT pg_advisory_lock($1, $2)', [REPORT_LOCK, dayNumber(weeks[1]!)]);
      server = await startServerChild(db.url, { WEEKLY_REPORTS: 'on' });
      await waitFor('the catch-up to reach the second week', () =>
        waitingOnAdvisory(holder, REPORT_LOCK, dayNumber(weeks[1]!)).then((p) => p.length > 0),
      );
      expect((await reportsOf(weeks)).map((r) => r.week)).toEqual([weeks[0]]);
      // … which it then writes, and waits for the audit trail to record it: killed there, mid-transaction.
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE audit_record IN SHARE MODE');
      await advisory.query('SELECT pg_advisory_unlock($1, $2)', [REPORT_LOCK, dayNumber(weeks[1]!)]);
      const [backend] = await waitFor('the second week to wait for the audit trail', () =>
        waitingOnTable(holder, 'audit_record').then((p) => p.length > 0 && p),
      );
      expect(await tablesWrittenBy(holder, backend!)).toContain('weekly_report');
      await killWhileWaiting(server, backend!, holder);
    } finally {
      await advisory.end();
      await holder.end();
    }
    expect(server.output()).not.toContain('Stop with Ctrl+C'); // killed during its start-up work
    expect((await reportsOf(weeks)).map((r) => [r.week, r.revision])).toEqual([[weeks[0], 1]]);

    const restarted = await startServerChild(db.url, { WEEKLY_REPORTS: 'on' });
    await restarted.ready();
    try {
      expect(restarted.output()).toContain('start-up catch-up: 3 weekly report(s) published');
      await expectEachReportOnce(restarted, weeks);
    } finally {
      restarted.child.kill('SIGTERM');
      expect(await restarted.exited).toBe(0);
    }
  }, 180_000);
});

describe('two instances on one database', () => {
  it('publish each missing week once between them, with one audit record each', async () => {
    const weeks = await forgetNewestReports(4);
    const advisory = await connect(db.url);
    let servers: ServerChild[];
    try {
      // Both reach the first missing week and wait for it, so that they truly produce it at the same moment.
      await advisory.query('SELECT pg_advisory_lock($1, $2)', [REPORT_LOCK, dayNumber(weeks[0]!)]);
      servers = [
        await startServerChild(db.url, { WEEKLY_REPORTS: 'on' }),
        await startServerChild(db.url, { WEEKLY_REPORTS: 'on' }),
      ];
      const waiting = await waitFor(
        'both instances to wait for the first missing week',
        () => waitingOnAdvisory(advisory, REPORT_LOCK, dayNumber(weeks[0]!)).then((p) => p.length === 2 && p),
        60_000,
      );
      expect(new Set(waiting).size).toBe(2);
      await advisory.query('SELECT pg_advisory_unlock($1, $2)', [REPORT_LOCK, dayNumber(weeks[0]!)]);
    } finally {
      await advisory.end();
    }
    try {
      await Promise.all(servers.map((s) => s.ready()));
      const published = servers.map((s) => s.output().match(/published the weekly report/g)?.length ?? 0);
      expect(published[0]! + published[1]!).toBe(weeks.length);
      await expectEachReportOnce(servers[0]!, weeks);
      await expectEachReportOnce(servers[1]!, weeks);
    } finally {
      for (const s of servers) s.child.kill('SIGTERM');
      expect(await Promise.all(servers.map((s) => s.exited))).toEqual([0, 0]);
    }
  }, 180_000);
});
