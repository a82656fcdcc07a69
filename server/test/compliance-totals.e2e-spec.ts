import fc from 'fast-check';
import type { EntityManager } from 'typeorm';
import { openDatabase, type OpenDatabase } from '../src/database/open-database.js';
import {
  selectCompliance,
  selectCycleInForce,
  type ComplianceFilter,
} from '../src/modules/compliance/compliance.queries.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { testConfig } from './support/test-config.js';

/**
 * The running totals the database keeps per agency and day (migration ComplianceTotals) must give exactly what a
 * pass over every service gives, on any day and after any write. The reference below is the compliance query as
 * it was before the totals: one grouped scan of every service.
 */
const BY_SCAN = `WITH chosen AS (
       SELECT a.* FROM agency a
       WHERE CASE WHEN $5::uuid[] IS NOT NULL THEN a.id = ANY($5::uuid[]) ELSE ($4::boolean OR a.is_main) END
     ), ms AS (
       SELECT rule, share_numerator AS n, share_denominator AS d, sort_order, code
       FROM milestone_definition WHERE cycle_id = $2::uuid
     ), svc AS (
       SELECT s.agency_id,
              count(*) FILTER (WHERE s.identified_on <= $3::date)::int AS baseline,
              count(*) FILTER (WHERE present)::int AS identified,
              count(*) FILTER (WHERE present AND s.single_window_on <= $1::date)::int AS in_single_window,
              count(*) FILTER (WHERE present AND s.national_window_on <= $1::date)::int AS connected,
              count(*) FILTER (WHERE in_baseline_window)::int AS baseline_in_single_window,
              array_agg(s.single_window_on ORDER BY s.single_window_on) FILTER (WHERE in_baseline_window) AS sw_days
       FROM e_service s
       JOIN chosen a ON a.id = s.agency_id
       CROSS JOIN LATERAL (SELECT
         s.identified_on <= $1::date AND (s.withdrawn_on IS NULL OR s.withdrawn_on > $1::date) AS present,
         s.identified_on <= $3::date AND s.single_window_on <= $1::date
           AND (s.withdrawn_on IS NULL OR s.withdrawn_on > $1::date) AS in_baseline_window) f
       GROUP BY s.agency_id
     ), scores AS (
       SELECT DISTINCT ON (x.agency_id) x.agency_id, x.total::text AS score
       FROM score x JOIN evaluation_round r ON r.id = x.round_id JOIN chosen a ON a.id = x.agency_id
       WHERE x.status = 'final' AND x.finalised_at < (($1::date + 1)::timestamp AT TIME ZONE 'Asia/Tehran')
         AND ($6::uuid IS NULL OR x.round_id = $6::uuid)
       ORDER BY x.agency_id, r.ends_on DESC, r.created_at DESC
     )
     SELECT a.id, a.code, a.name_fa, a.name_en, a.search_key, a.kind, a.branch, a.is_main,
            to_char(a.single_window_launched_on, 'YYYY-MM-DD') AS single_window_launched_on,
            to_char(a.national_window_connected_on, 'YYYY-MM-DD') AS national_window_connected_on,
            coalesce(v.baseline, 0) AS baseline, coalesce(v.identified, 0) AS identified,
            coalesce(v.in_single_window, 0) AS in_single_window, coalesce(v.connected, 0) AS connected,
            coalesce(v.baseline_in_single_window, 0) AS baseline_in_single_window,
            c.score,
            coalesce((
              SELECT array_agg(to_char(CASE
                  WHEN m.rule = 'national_window_connected' THEN
                    CASE WHEN a.national_window_connected_on <= $1::date THEN a.national_window_connected_on END
                  WHEN a.single_window_launched_on IS NULL OR a.single_window_launched_on > $1::date THEN NULL
                  WHEN m.rule = 'single_window_launched' THEN a.single_window_launched_on
                  WHEN k.k = 0 THEN a.single_window_launched_on
                  WHEN v.sw_days[k.k] IS NULL THEN NULL
                  ELSE greatest(a.single_window_launched_on, v.sw_days[k.k])
                END, 'YYYY-MM-DD') ORDER BY m.sort_order, m.code)
              FROM ms m
              CROSS JOIN LATERAL (SELECT CASE WHEN m.rule = 'single_window_service_share'
                THEN (coalesce(v.baseline, 0) * m.n + m.d - 1) / m.d ELSE 0 END AS k) k
            ), '{}') AS met_on
     FROM chosen a
     LEFT JOIN svc v ON v.agency_id = a.id
     LEFT JOIN scores c ON c.agency_id = a.id
     ORDER BY a.code`;

function byScan(db: EntityManager, filter: ComplianceFilter): Promise<unknown[]> {
  return db.query(BY_SCAN, [
    filter.asOf,
    filter.cycleId,
    filter.baselineOn ?? filter.asOf,
    filter.all,
    filter.agencyIds ?? null,
    filter.roundId ?? null,
  ]);
}

let db: TestDatabase;
let opened: OpenDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  opened = await openDatabase(testConfig(db.url), () => undefined);
}, 120_000);

afterAll(async () => {
  await opened?.dataSource.destroy();
  await db?.drop();
});

/** Every agency (main and subordinate) on `day`, by the totals and by the scan, as the cycle in force sees it. */
async function expectSameOn(manager: EntityManager, day: string): Promise<void> {
  const cycle = await selectCycleInForce(manager, day);
  const filter: ComplianceFilter = {
    asOf: day,
    cycleId: cycle?.id ?? null,
    baselineOn: cycle?.baseline_on ?? null,
    all: true,
  };
  const totals = await selectCompliance(manager, filter);
  const scan = await byScan(manager, filter);
  expect({ day, rows: totals }).toEqual({ day, rows: scan });
}

const dayArb = fc
  .integer({ min: 0, max: 3 * 365 })
  .map((n) => new Date(Date.UTC(2020, 11, 1) + n * 86_400_000).toISOString().slice(0, 10));

/** Writes to the inventory; each keeps the table's own rules (stage order, withdrawal after identification). */
type Write =
  | { kind: 'withdraw'; pick: number; after: number }
  | { kind: 'restore'; pick: number }
  | { kind: 'single_window'; pick: number; after: number }
  | { kind: 'regress'; pick: number }
  | { kind: 'identified'; pick: number; shift: number }
  | { kind: 'add'; pick: number; on: string; sw: number | null }
  | { kind: 'withdraw_agency'; pick: number; on: string }
  | { kind: 'baseline'; shift: number };

const writeArb: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ kind: fc.constant('withdraw' as const), pick: fc.nat(20_000), after: fc.nat(600) }),
  fc.record({ kind: fc.constant('restore' as const), pick: fc.nat(20_000) }),
  fc.record({ kind: fc.constant('single_window' as const), pick: fc.nat(20_000), after: fc.nat(400) }),
  fc.record({ kind: fc.constant('regress' as const), pick: fc.nat(20_000) }),
  fc.record({
    kind: fc.constant('identified' as const),
    pick: fc.nat(20_000),
    shift: fc.integer({ min: -300, max: 300 }),
  }),
  fc.record({ kind: fc.constant('add' as const), pick: fc.nat(500), on: dayArb, sw: fc.option(fc.nat(300)) }),
  fc.record({ kind: fc.constant('withdraw_agency' as const), pick: fc.nat(500), on: dayArb }),
  fc.record({ kind: fc.constant('baseline' as const), shift: fc.integer({ min: -200, max: 200 }) }),
);

/** The n-th service or main agency (by id, wrapping round), so that any number picks one. */
const SERVICE = `(SELECT id FROM e_service ORDER BY id OFFSET ($1::int % (SELECT count(*) FROM e_service)) LIMIT 1)`;
const AGENCY = `(SELECT id FROM agency WHERE is_main ORDER BY id OFFSET ($1::int % 170) LIMIT 1)`;

async function apply(m: EntityManager, w: Write): Promise<void> {
  switch (w.kind) {
    case 'withdraw':
      await m.query(
        `UPDATE e_service SET withdrawn_on = identified_on + $2::int, withdrawal_reason = 'test' WHERE id = ${SERVICE}`,
        [w.pick, w.after],
      );
      return;
    case 'restore':
      await m.query(`UPDATE e_service SET withdrawn_on = NULL, withdrawal_reason = NULL WHERE id = ${SERVICE}`, [
        w.pick,
      ]);
      return;
    case 'single_window':
      // Into the single window some days after it became electronic (made electronic on its identification).
      await m.query(
        `UPDATE e_service SET electronic_on = coalesce(electronic_on, identified_on),
           single_window_on = coalesce(electronic_on, identified_on) + $2::int, national_window_on = NULL
         WHERE id = ${SERVICE}`,
        [w.pick, w.after],
      );
      return;
    case 'regress':
      await m.query(`UPDATE e_service SET single_window_on = NULL, national_window_on = NULL WHERE id = ${SERVICE}`, [
        w.pick,
      ]);
      return;
    case 'identified':
      await m.query(
        `UPDATE e_service SET identified_on = least(identified_on + $2::int, coalesce(withdrawn_on, 'infinity'::date))
         WHERE id = ${SERVICE}`,
        [w.pick, w.shift],
      );
      return;
    case 'add':
      await m.query(
        `INSERT INTO e_service (agency_id, code, name_fa, name_en, audience, identified_on, electronic_on, single_window_on)
         VALUES (${AGENCY}, 'T' || gen_random_uuid(), 'خدمت آزمون', 'Test service', 'g2c', $2::date,
                 CASE WHEN $3::int IS NOT NULL THEN $2::date END, $2::date + $3::int)`,
        [w.pick, w.on, w.sw],
      );
      return;
    case 'withdraw_agency':
      // Many rows of one agency in one statement.
      await m.query(
        `UPDATE e_service SET withdrawn_on = greatest(identified_on, $2::date), withdrawal_reason = 'test'
         WHERE agency_id = ${AGENCY} AND withdrawn_on IS NULL`,
        [w.pick, w.on],
      );
      return;
    case 'baseline':
      await m.query(`UPDATE programme_cycle SET baseline_on = least(baseline_on + $1::int, ends_on)`, [w.shift]);
      return;
  }
}

/** Runs `work` in a transaction that is always rolled back, so that each property run starts from the demo data. */
async function inRolledBack(work: (m: EntityManager) => Promise<void>): Promise<void> {
  const runner = opened.dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    await work(runner.manager);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

describe('the running totals of the compliance engine', () => {
  it('agree with a pass over every service on the demo data, on the deadlines and around them', async () => {
    const days = ['2021-03-20', '2022-03-20', '2022-03-21', '2022-08-22', '2022-09-22', '2022-09-23'];
    for (const d of [...days, '2023-01-20', '2023-01-21', '2023-03-20', '2024-01-01']) {
      await expectSameOn(opened.dataSource.manager, d);
    }
  });

  it('agree with it after any writes, withdrawals and a moved baseline included, on any day', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(writeArb, { minLength: 1, maxLength: 8 }),
        fc.array(dayArb, { minLength: 1, maxLength: 3 }),
        (writes, days) =>
          inRolledBack(async (m) => {
            for (const w of writes) await apply(m, w);
            for (const d of days) await expectSameOn(m, d);
          }),
      ),
      { numRuns: 40 },
    );
  }, 240_000);

  it('follow a service into the single window in the same transaction, and are rebuilt on truncation', async () => {
    await inRolledBack(async (m) => {
      const [service] = await m.query<Array<{ id: string; agency_id: string }>>(
        `SELECT id, agency_id FROM e_service WHERE single_window_on IS NULL AND withdrawn_on IS NULL ORDER BY id LIMIT 1`,
      );
      const before = await m.query<Array<{ sw: number }>>(
        `SELECT sw_in - sw_out AS sw FROM agency_day_total WHERE agency_id = $1 AND day <= '2023-03-20' ORDER BY day DESC LIMIT 1`,
        [service!.agency_id],
      );
      await m.query(
        `UPDATE e_service SET electronic_on = coalesce(electronic_on, '2023-01-01'), single_window_on = '2023-03-01' WHERE id = $1`,
        [service!.id],
      );
      const after = await m.query<Array<{ sw: number }>>(
        `SELECT sw_in - sw_out AS sw FROM agency_day_total WHERE agency_id = $1 AND day <= '2023-03-20' ORDER BY day DESC LIMIT 1`,
        [service!.agency_id],
      );
      expect(after[0]!.sw).toBe((before[0]?.sw ?? 0) + 1);
      await m.query('TRUNCATE e_service, service_stage_event CASCADE');
      const left = await m.query<Array<{ n: number }>>(
        'SELECT (SELECT count(*) FROM agency_day_total)::int + (SELECT count(*) FROM agency_cycle_day_total)::int AS n',
      );
      expect(left[0]!.n).toBe(0);
    });
  });
});
