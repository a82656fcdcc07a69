import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openDatabase, type OpenDatabase } from '../src/database/open-database.js';
import { verifyPassword } from '../src/modules/users/password.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { testConfig } from './support/test-config.js';

let db: TestDatabase;
let opened: OpenDatabase;
let sql: DataSource;

beforeAll(async () => {
  db = await createTestDatabase();
  opened = await openDatabase(testConfig(db.url), () => undefined);
  sql = opened.dataSource;
});

afterAll(async () => {
  await sql?.destroy();
  await db?.drop();
});

const one = async <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T> =>
  ((await sql.query(query, params)) as T[])[0]!;

describe('the demo data set holds the facts of the source article', () => {
  it('has 170 main agencies, with subordinate bodies besides', async () => {
    expect(
      await one(
        `SELECT count(*) FILTER (WHERE is_main)::int AS main, count(*) FILTER (WHERE NOT is_main)::int AS sub FROM agency`,
      ),
    ).toEqual({ main: 170, sub: 31 });
  });

  it('has exactly 10 agencies connected to the national window on 1401/05/31, and more afterwards', async () => {
    const counts = await one(
      `SELECT count(*) FILTER (WHERE national_window_connected_on <= '2022-08-22')::int AS on_article_day,
              count(*) FILTER (WHERE national_window_connected_on <= '2023-01-20')::int AS by_dey_deadline,
              count(*) FILTER (WHERE national_window_connected_on <= '2023-03-20')::int AS by_esfand_end
       FROM agency WHERE is_main`,
    );
    expect(counts).toMatchObject({ on_article_day: 10 });
    expect((counts as { by_dey_deadline: number }).by_dey_deadline).toBeGreaterThan(10);
    expect((counts as { by_esfand_end: number }).by_esfand_end).toBeLessThan(170);
  });

  it('gives the Ministry of Interior 249 services, its service desk (12 services) and Omid connected by the article day', async () => {
    const interior = await one<{ id: string; services: number; connected_on: string }>(
      `SELECT a.id, (SELECT count(*)::int FROM e_service e WHERE e.agency_id = a.id) AS services, to_char(a.national_window_connected_on, 'YYYY-MM-DD') AS connected_on
       FROM agency a WHERE a.name_fa = 'وزارت کشور'`,
    );
    expect(interior.services).toBe(249);
    expect(interior.connected_on <= '2022-08-22').toBe(true);
    const systems = (await sql.query(
      `SELECT s.name_fa, (SELECT count(*)::int FROM e_service e WHERE e.system_id = s.id) AS services, s.national_window_on <= '2022-08-22' AS connected
       FROM agency_system s WHERE s.agency_id = $1 ORDER BY s.code`,
      [interior.id],
    )) as Array<{ name_fa: string; services: number; connected: boolean }>;
    expect(systems).toEqual([
      { name_fa: 'سکوی خدمات شهروندان (سامانه امید)', services: expect.any(Number), connected: true },
      { name_fa: 'میز خدمت وزارت کشور', services: 12, connected: true },
    ]);
    const audiences = (await sql.query(`SELECT DISTINCT audience FROM e_service WHERE agency_id = $1 ORDER BY 1`, [
      interior.id,
    ])) as Array<{ audience: string }>;
    expect(audiences.map((a) => a.audience)).toEqual(['g2b', 'g2c']);
  });

  it('scores the Ministry of Interior 26.07, fourth lowest after Justice, Foreign Affairs and the Central Bank', async () => {
    const lowest = (await sql.query(
      `SELECT a.code, s.total::text AS total FROM score s JOIN agency a ON a.id = s.agency_id
       WHERE s.status = 'final' ORDER BY s.total, a.code LIMIT 5`,
    )) as Array<{ code: string; total: string }>;
    expect(lowest.slice(0, 4).map((r) => r.code)).toEqual(['justice', 'foreign-affairs', 'central-bank', 'interior']);
    expect(lowest[3]!.total).toBe('26.07');
    expect(Number(lowest[4]!.total)).toBeGreaterThan(26.07);
    expect(await one(`SELECT count(*)::int AS n FROM score WHERE status = 'final'`)).toEqual({ n: 170 });
  });

  it('computes every total from the criterion scores and weights, exactly', async () => {
    const mismatches = await one(
      `SELECT count(*)::int AS n FROM score s
       WHERE s.total <> (SELECT round(sum(c.weight * cs.value) / 100, 2) FROM criterion_score cs JOIN criterion c ON c.id = cs.criterion_id WHERE cs.score_id = s.id)`,
    );
    expect(mismatches).toEqual({ n: 0 });
  });

  it('has an open round besides the closed summer one, so evaluators can start at once', async () => {
    const rounds = await sql.query(`SELECT code, status FROM evaluation_round ORDER BY starts_on`);
    expect(rounds).toEqual([
      { code: 'summer-1401', status: 'closed' },
      { code: 'second-half-1401', status: 'open' },
    ]);
  });

  it('records 29 evaluation sessions', async () => {
    expect(await one(`SELECT count(*)::int AS n FROM evaluation_session`)).toEqual({ n: 29 });
  });

  it('keeps the two 1401 deadlines as data', async () => {
    const rows = await sql.query(
      `SELECT code, to_char(due_on, 'YYYY-MM-DD') AS due_on, share_numerator, share_denominator FROM milestone_definition ORDER BY sort_order`,
    );
    expect(rows).toEqual([
      { code: 'single-window', due_on: '2022-09-22', share_numerator: null, share_denominator: null },
      { code: 'single-window-share', due_on: '2022-09-22', share_numerator: 1, share_denominator: 3 },
      { code: 'national-window', due_on: '2023-01-20', share_numerator: null, share_denominator: null },
    ]);
  });

  it('has a weekly history: connections and services reached the national window in many weeks of Mordad to Esfand 1401', async () => {
    const weeks = await one<{ agency_weeks: number; service_weeks: number }>(
      `SELECT (SELECT count(DISTINCT date_trunc('week', national_window_connected_on + 2))::int FROM agency WHERE national_window_connected_on BETWEEN '2022-07-23' AND '2023-03-20') AS agency_weeks,
              (SELECT count(DISTINCT date_trunc('week', national_window_on + 2))::int FROM e_service WHERE national_window_on BETWEEN '2022-07-23' AND '2023-03-20') AS service_weeks`,
    );
    expect(weeks.agency_weeks).toBeGreaterThan(20);
    expect(weeks.service_weeks).toBeGreaterThan(30);
  });

  it('keeps a dated ledger entry for every stage a service reached', async () => {
    const missing = await one(
      `SELECT count(*)::int AS n FROM e_service e WHERE e.national_window_on IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM service_stage_event v WHERE v.service_id = e.id AND v.stage = 'national_window' AND v.reached_on = e.national_window_on)`,
    );
    expect(missing).toEqual({ n: 0 });
  });

  it('creates one account per role with working, hashed passwords, written to a 0600 file', async () => {
    const credentials = opened.demoCredentials!;
    expect(credentials.map((c) => c.role).sort()).toEqual(['admin', 'cabinet', 'evaluator', 'evaluator']);
    const { statSync, readFileSync } = await import('node:fs');
    expect(statSync(opened.credentialsFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(opened.credentialsFile, 'utf8'))).toEqual(credentials);
    const admin = await one<{ password_hash: string }>(`SELECT password_hash FROM app_user WHERE username = 'admin'`);
    expect(admin.password_hash).not.toContain(credentials[0]!.password);
    await expect(
      verifyPassword(credentials.find((c) => c.username === 'admin')!.password, admin.password_hash),
    ).resolves.toBe(true);
    await expect(verifyPassword('wrong password', admin.password_hash)).resolves.toBe(false);
  });

  it('says that it is demonstration data, and records the load in the audit trail', async () => {
    expect(await one(`SELECT value->>'kind' AS kind FROM dataset_info WHERE key = 'dataset'`)).toEqual({
      kind: 'demo',
    });
    expect(await one(`SELECT count(*)::int AS n FROM audit_record WHERE action = 'seed'`)).toEqual({ n: 1 });
  });

  it('is the same on every machine: a second load gives identical content', async () => {
    const digest = async (source: DataSource) => {
      const rows = await source.query(
        `SELECT a.id, a.code, a.single_window_launched_on::text, a.national_window_connected_on::text,
                (SELECT string_agg(concat_ws('|', e.code, e.name_fa, e.audience, e.electronic_on, e.single_window_on, e.national_window_on), ';' ORDER BY e.code) FROM e_service e WHERE e.agency_id = a.id) AS services,
                (SELECT s.total::text FROM score s WHERE s.agency_id = a.id) AS score
         FROM agency a ORDER BY a.code`,
      );
      return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
    };
    const other = await createTestDatabase();
    const second = await openDatabase(testConfig(other.url), () => undefined);
    try {
      expect(await digest(second.dataSource)).toBe(await digest(sql));
    } finally {
      await second.dataSource.destroy();
      await other.drop();
    }
  });

  it('does not load the demo data again on the next start', async () => {
    const again = await openDatabase(testConfig(db.url), () => undefined);
    try {
      expect(again.demoCredentials).toBeUndefined();
      expect(await again.dataSource.query(`SELECT count(*)::int AS n FROM agency`)).toEqual([{ n: 201 }]);
    } finally {
      await again.dataSource.destroy();
    }
  });
});

describe('SEED=none', () => {
  it('leaves a migrated database empty', async () => {
    const empty = await createTestDatabase();
    const opened2 = await openDatabase(testConfig(empty.url, { seed: 'none' }), () => undefined);
    try {
      expect(opened2.demoCredentials).toBeUndefined();
      expect(await opened2.dataSource.query(`SELECT count(*)::int AS n FROM agency`)).toEqual([{ n: 0 }]);
    } finally {
      await opened2.dataSource.destroy();
      await empty.drop();
    }
  });
});
