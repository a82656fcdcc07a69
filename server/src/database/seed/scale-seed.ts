import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import { addDays, daysBetween, minDay } from '../../common/dates/calendar-day.js';
import { DEMO, stableUuid } from './demo-seed.js';
import { SeededRandom } from './seeded-random.js';
import { SERVICE_ACTIONS, SERVICE_SUBJECTS, SYSTEM_NAMES } from './service-names.js';

/**
 * The benchmark's data sets (`npm run bench:data -- --scale demo|x10|national`): the demo data set, plus subordinate
 * units (each a provincial office of a main agency) with their systems and services, 260 weeks of dated stage
 * history, and ten evaluation rounds of final scores. Synthetic and deterministic (a seeded generator, ids derived
 * from names), loaded with PostgreSQL COPY inside the demo seed's transaction, before the demo's weekly reports are
 * produced, so that those reports are computed over the whole data set.
 */

export type ScaleName = 'demo' | 'x10' | 'national';

export interface ScalePlan {
  name: ScaleName;
  /** Agency units in all (the demo's main agencies and subordinate bodies included); 0: the demo as it is. */
  units: number;
  /** Services of each generated unit. */
  servicesPerUnit: number;
}

export const SCALES: Record<ScaleName, ScalePlan> = {
  demo: { name: 'demo', units: 0, servicesPerUnit: 0 },
  // Ten times the 170 main agencies, with ten times the demo's services.
  x10: { name: 'x10', units: 1_700, servicesPerUnit: 91 },
  // Every subordinate body: 5,000 units × 250 services.
  national: { name: 'national', units: 5_000, servicesPerUnit: 250 },
};

export const SCALE_GENERATOR = 'scale-v1';

/** 260 weeks of history, to the demo's last day (1401/12/29). */
export const SCALE_HISTORY = { weeks: 260, end: DEMO.historyEnd, start: addDays(DEMO.historyEnd, -260 * 7 + 1) };

/** Eight earlier half-year rounds (1397–1400) besides the demo's two of 1401: ten rounds in all. */
const EARLIER_ROUNDS = [1397, 1398, 1399, 1400].flatMap((year, y) => [
  { code: `first-half-${year}`, year, half: 1, startsOn: addDays('2018-03-21', 365 * y), days: 182 },
  { code: `second-half-${year}`, year, half: 2, startsOn: addDays('2018-09-21', 365 * y), days: 178 },
]);

const PROVINCES: ReadonlyArray<readonly [string, string]> = [
  ['تهران', 'Tehran'],
  ['اصفهان', 'Isfahan'],
  ['فارس', 'Fars'],
  ['خراسان رضوی', 'Razavi Khorasan'],
  ['آذربایجان شرقی', 'East Azerbaijan'],
  ['آذربایجان غربی', 'West Azerbaijan'],
  ['خوزستان', 'Khuzestan'],
  ['مازندران', 'Mazandaran'],
  ['گیلان', 'Gilan'],
  ['کرمان', 'Kerman'],
  ['سیستان و بلوچستان', 'Sistan and Baluchestan'],
  ['کرمانشاه', 'Kermanshah'],
  ['هرمزگان', 'Hormozgan'],
  ['همدان', 'Hamadan'],
  ['یزد', 'Yazd'],
  ['اردبیل', 'Ardabil'],
  ['قزوین', 'Qazvin'],
  ['زنجان', 'Zanjan'],
  ['مرکزی', 'Markazi'],
  ['لرستان', 'Lorestan'],
  ['کردستان', 'Kurdistan'],
  ['گلستان', 'Golestan'],
  ['قم', 'Qom'],
  ['البرز', 'Alborz'],
  ['بوشهر', 'Bushehr'],
  ['سمنان', 'Semnan'],
  ['چهارمحال و بختیاری', 'Chaharmahal and Bakhtiari'],
  ['کهگیلویه و بویراحمد', 'Kohgiluyeh and Boyer-Ahmad'],
  ['خراسان شمالی', 'North Khorasan'],
  ['خراسان جنوبی', 'South Khorasan'],
  ['ایلام', 'Ilam'],
];

/** One value of PostgreSQL's COPY text format (`\N` is NULL; the few characters with a meaning are escaped). */
function copyValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!)
    : text;
}

/**
 * COPY `rows` into `table` through the transaction's own connection, in chunks of lines, so that a million rows
 * never sit in memory as one string. Returns the number of rows.
 */
async function copyRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: Iterable<ReadonlyArray<string | number | boolean | null>>,
): Promise<number> {
  let count = 0;
  function* lines(): Generator<string> {
    let chunk: string[] = [];
    for (const row of rows) {
      chunk.push(row.map(copyValue).join('\t'));
      count++;
      if (chunk.length === 5_000) {
        yield `${chunk.join('\n')}\n`;
        chunk = [];
      }
    }
    if (chunk.length > 0) yield `${chunk.join('\n')}\n`;
  }
  const sql = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`;
  await pipeline(Readable.from(lines()), client.query(copyFrom(sql)));
  return count;
}

interface MainAgency {
  id: string;
  code: string;
  name_fa: string;
  name_en: string;
  kind: string;
  branch: string;
}

export interface ScaleCounts {
  units: number;
  generatedUnits: number;
  systems: number;
  services: number;
  rounds: number;
  scores: number;
}

/**
 * Adds the generated units, systems, services, stage history and rounds of scores to the demo data in the
 * caller's transaction. Call it from `seedDemoData`'s `beforeReports` hook.
 */
export async function seedScale(manager: EntityManager, plan: ScalePlan): Promise<ScaleCounts | undefined> {
  if (plan.units === 0) return undefined;
  const client = (manager.queryRunner as unknown as { databaseConnection: pg.PoolClient } | undefined)
    ?.databaseConnection;
  if (!client) throw new Error('seedScale needs a transaction (a query runner with its connection)');
  const rng = new SeededRandom(DEMO.seed + plan.units);
  const mains = await manager.query<MainAgency[]>(
    `SELECT id, code, name_fa, name_en, kind, branch FROM agency WHERE is_main ORDER BY code`,
  );
  const existing = (await manager.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM agency'))[0]!.n;
  const generatedUnits = Math.max(0, plan.units - existing);

  // Units: the offices of each main agency in each province, in turn, each with its own pace.
  interface Unit {
    id: string;
    launchedOn: string | null;
    connectedOn: string | null;
  }
  const units: Unit[] = [];
  const unitRows: Array<Array<string | boolean | null>> = [];
  for (let i = 0; i < generatedUnits; i++) {
    const parent = mains[i % mains.length]!;
    const [provinceFa, provinceEn] = PROVINCES[Math.floor(i / mains.length) % PROVINCES.length]!;
    const serial = Math.floor(i / (mains.length * PROVINCES.length)) + 1;
    const code = `${parent.code}-p${String(Math.floor(i / mains.length) + 1).padStart(3, '0')}`;
    const id = stableUuid(`unit:${code}`);
    const launchedOn = rng.chance(0.8) ? dayIn(rng, SCALE_HISTORY.start, SCALE_HISTORY.end) : null;
    const connectedOn =
      launchedOn && rng.chance(0.45)
        ? dayIn(rng, launchedOn, minDay(addDays(launchedOn, 700), SCALE_HISTORY.end))
        : null;
    units.push({ id, launchedOn, connectedOn });
    const suffixFa = serial > 1 ? ` (${serial})` : '';
    const suffixEn = serial > 1 ? ` (${serial})` : '';
    unitRows.push([
      id,
      code,
      `${parent.name_fa}، اداره کل استان ${provinceFa}${suffixFa}`,
      `${parent.name_en}, ${provinceEn} province office${suffixEn}`,
      parent.kind,
      parent.branch,
      false,
      parent.id,
      launchedOn,
      connectedOn,
    ]);
  }
  await copyRows(
    client,
    'agency',
    [
      'id',
      'code',
      'name_fa',
      'name_en',
      'kind',
      'branch',
      'is_main',
      'parent_id',
      'single_window_launched_on',
      'national_window_connected_on',
    ],
    unitRows,
  );
  await manager.query(
    `INSERT INTO agency_progress_event (agency_id, kind, occurred_on, source, note)
     SELECT id, 'single_window_launched', single_window_launched_on, 'seed', 'داده آزمون مقیاس / scale data'
     FROM agency WHERE single_window_launched_on IS NOT NULL AND id = ANY($1::uuid[])
     UNION ALL
     SELECT id, 'national_window_connected', national_window_connected_on, 'seed', 'داده آزمون مقیاس / scale data'
     FROM agency WHERE national_window_connected_on IS NOT NULL AND id = ANY($1::uuid[])`,
    [units.map((u) => u.id)],
  );

  // Two systems per unit.
  const systemIds: string[][] = units.map((_unit, i) =>
    [0, 1].map((s) => stableUuid(`unit-system:${unitRows[i]![1]}:${s}`)),
  );
  const systems = await copyRows(
    client,
    'agency_system',
    ['id', 'agency_id', 'code', 'name_fa', 'name_en', 'electronic_on'],
    (function* () {
      for (let i = 0; i < units.length; i++) {
        for (let s = 0; s < 2; s++) {
          const [fa, en] = SYSTEM_NAMES[(i + s) % SYSTEM_NAMES.length]!;
          yield [systemIds[i]![s]!, units[i]!.id, `system-${s + 1}`, fa, en, addDays(SCALE_HISTORY.start, 30 * s)];
        }
      }
    })(),
  );

  // Services, each with its dated stages across the 260 weeks; a few withdrawn.
  const services = await copyRows(
    client,
    'e_service',
    [
      'id',
      'agency_id',
      'system_id',
      'code',
      'name_fa',
      'name_en',
      'audience',
      'identified_on',
      'electronic_on',
      'single_window_on',
      'national_window_on',
      'withdrawn_on',
      'withdrawal_reason',
    ],
    (function* () {
      for (let i = 0; i < units.length; i++) {
        const unit = units[i]!;
        const unitCode = unitRows[i]![1] as string;
        const pace = 0.2 + rng.next() * 0.75;
        for (let n = 0; n < plan.servicesPerUnit; n++) {
          const [actionFa, actionEn] = rng.pick(SERVICE_ACTIONS);
          const [subjectFa, subjectEn] = rng.pick(SERVICE_SUBJECTS);
          const identifiedOn = dayIn(rng, SCALE_HISTORY.start, addDays(SCALE_HISTORY.end, -30));
          const electronicOn = rng.chance(0.85)
            ? dayIn(rng, identifiedOn, minDay(addDays(identifiedOn, 400), SCALE_HISTORY.end))
            : null;
          let singleWindowOn: string | null = null;
          let nationalWindowOn: string | null = null;
          if (electronicOn && unit.launchedOn && rng.chance(pace)) {
            const from = electronicOn > unit.launchedOn ? electronicOn : unit.launchedOn;
            const day = dayIn(rng, from, minDay(addDays(from, 300), SCALE_HISTORY.end));
            if (day <= SCALE_HISTORY.end) singleWindowOn = day;
            if (singleWindowOn && unit.connectedOn && rng.chance(0.6)) {
              const start = singleWindowOn > unit.connectedOn ? singleWindowOn : unit.connectedOn;
              nationalWindowOn = dayIn(rng, start, minDay(addDays(start, 200), SCALE_HISTORY.end));
            }
          }
          const withdrawn = rng.chance(0.03);
          const withdrawnOn = withdrawn ? dayIn(rng, identifiedOn, SCALE_HISTORY.end) : null;
          const code = `S${String(n + 1).padStart(4, '0')}`;
          yield [
            stableUuid(`unit-service:${unitCode}:${code}`),
            unit.id,
            rng.chance(0.3) ? systemIds[i]![n % 2]! : null,
            code,
            `${actionFa} ${subjectFa} (${n + 1})`,
            `${actionEn} ${subjectEn} (${n + 1})`,
            rng.chance(0.55) ? 'g2c' : rng.chance(0.67) ? 'g2b' : 'g2g',
            identifiedOn,
            electronicOn,
            singleWindowOn,
            nationalWindowOn,
            withdrawnOn,
            withdrawn ? 'ادغام در خدمت دیگر / merged into another service' : null,
          ];
        }
      }
    })(),
  );
  // The ledger of those stages, as the demo seed writes it: set-based, in the database.
  await manager.query(
    `INSERT INTO service_stage_event (service_id, stage, reached_on, source)
     SELECT s.id, e.stage, e.reached_on, 'seed'
     FROM e_service s JOIN agency a ON a.id = s.agency_id AND a.id = ANY($1::uuid[])
     CROSS JOIN LATERAL (VALUES ('electronic', s.electronic_on), ('single_window', s.single_window_on), ('national_window', s.national_window_on)) AS e(stage, reached_on)
     WHERE e.reached_on IS NOT NULL`,
    [units.map((u) => u.id)],
  );

  // Ten rounds: eight earlier closed half-year rounds with a final score for every unit and main agency, the
  // demo's summer 1401 round extended to the generated units, and the demo's open round.
  const setId = stableUuid('criteria-set:quality-1401');
  const criteria = await manager.query<Array<{ id: string }>>(
    'SELECT id FROM criterion WHERE criteria_set_id = $1 ORDER BY sort_order',
    [setId],
  );
  const users = await manager.query<Array<{ id: string; username: string }>>(
    `SELECT id, username FROM app_user WHERE username IN ('evaluator', 'evaluator2')`,
  );
  const evaluatorId = users.find((u) => u.username === 'evaluator')!.id;
  const reviewerId = users.find((u) => u.username === 'evaluator2')!.id;
  await copyRows(
    client,
    'evaluation_round',
    ['id', 'code', 'title_fa', 'title_en', 'criteria_set_id', 'starts_on', 'ends_on', 'status', 'closed_at'],
    EARLIER_ROUNDS.map((r) => [
      stableUuid(`round:${r.code}`),
      r.code,
      `ارزیابی کیفیت خدمات الکترونیکی، نیمه ${r.half === 1 ? 'نخست' : 'دوم'} ${r.year}`,
      `Quality of e-services, ${r.half === 1 ? 'first' : 'second'} half of ${r.year}`,
      setId,
      r.startsOn,
      addDays(r.startsOn, r.days),
      'closed',
      `${addDays(r.startsOn, r.days)}T12:00:00+03:30`,
    ]),
  );
  const everyone = [...mains.map((m) => m.id), ...units.map((u) => u.id)];
  const scoreTargets: Array<{ roundCode: string; agencies: string[]; finalOn: string }> = [
    ...EARLIER_ROUNDS.map((r) => ({ roundCode: r.code, agencies: everyone, finalOn: addDays(r.startsOn, r.days - 2) })),
    { roundCode: 'summer-1401', agencies: units.map((u) => u.id), finalOn: '2022-08-20' },
  ];
  let scores = 0;
  for (const target of scoreTargets) {
    const roundId = stableUuid(`round:${target.roundCode}`);
    const ids = target.agencies.map((agencyId) => stableUuid(`scale-score:${target.roundCode}:${agencyId}`));
    scores += await copyRows(
      client,
      'score',
      ['id', 'round_id', 'agency_id', 'total'],
      ids.map((id, i) => [id, roundId, target.agencies[i]!, '0']),
    );
    await copyRows(
      client,
      'criterion_score',
      ['score_id', 'criterion_id', 'value'],
      (function* () {
        for (const id of ids) {
          const level = 25 + rng.next() * 60;
          for (const c of criteria) {
            yield [id, c.id, Math.min(100, Math.max(0, level + (rng.next() - 0.5) * 30)).toFixed(2)];
          }
        }
      })(),
    );
    await manager.query(
      `UPDATE score s SET total = t.total, status = 'final',
         submitted_by_id = $2, submitted_at = ($4::date - 5)::timestamp AT TIME ZONE 'Asia/Tehran',
         reviewed_by_id = $3, reviewed_at = ($4::date - 2)::timestamp AT TIME ZONE 'Asia/Tehran',
         finalised_at = ($4::date + time '10:00') AT TIME ZONE 'Asia/Tehran'
       FROM (SELECT cs.score_id, round(sum(c.weight * cs.value) / 100, 2) AS total
             FROM criterion_score cs JOIN criterion c ON c.id = cs.criterion_id
             WHERE cs.score_id = ANY($5::uuid[]) GROUP BY cs.score_id) t
       WHERE s.id = t.score_id AND s.round_id = $1`,
      [roundId, evaluatorId, reviewerId, target.finalOn, ids],
    );
  }
  // Fresh statistics before the weekly reports are computed over all this.
  await manager.query('ANALYZE');
  const rounds = (await manager.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM evaluation_round'))[0]!.n;
  return { units: existing + generatedUnits, generatedUnits, systems, services, rounds, scores };
}

function dayIn(rng: SeededRandom, from: string, to: string): string {
  return addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
}
