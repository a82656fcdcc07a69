import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { addDays, daysBetween, maxDay, minDay } from '../../common/dates/calendar-day.js';
import { tehranInstant, weekStartOf } from '../../common/dates/week.js';
import { AuditService } from '../../modules/audit/audit.service.js';
import { produceWeeklyReport } from '../../modules/reports/reports.production.js';
import { hashPassword, randomPassword } from '../../modules/users/password.js';
import type { UserRole } from '../../modules/users/app-user.entity.js';
import { MAIN_AGENCIES, SUBORDINATE_AGENCIES, type AgencySeed } from './agencies.data.js';
import { SeededRandom } from './seeded-random.js';
import { SERVICE_ACTIONS, SERVICE_SUBJECTS, SYSTEM_NAMES } from './service-names.js';

/**
 * The demonstration data set. Facts from the source article (DOMAIN.md, marked A) are exact; everything else is
 * synthetic, drawn from a seeded generator, so every machine gets the same data.
 *
 * Dates are calendar days (Asia/Tehran). The state on 1401/05/31 (2022-08-22), the article's date, is the state
 * the article describes; the history runs from Mordad 1401 to the end of Esfand 1401.
 */
export const DEMO = {
  generator: 'demo-v1',
  seed: 1401_05_31,
  articleDay: '2022-08-22', // 1401/05/31
  baselineDay: '2022-03-21', // 1401/01/01: the 1401 cycle's first day and its services' baseline
  historyStart: '2022-07-23', // 1401/05/01
  historyEnd: '2023-03-20', // 1401/12/29
  singleWindowDue: '2022-09-22', // 1401/06/31 (A)
  nationalWindowDue: '2023-01-20', // 1401/10/30 (A: "by Dey 1401")
  connectedOnArticleDay: 10, // (A)
  interiorServices: 249, // (A)
  interiorDeskServices: 12, // (A)
  interiorScore: '26.07', // (A)
  evaluationSessions: 29, // (A)
} as const;

export interface DemoCredential {
  username: string;
  password: string;
  role: UserRole;
}

/** A UUID derived from a name, so that links to demo records are the same on every machine. */
export function stableUuid(name: string): string {
  const h = createHash('sha256').update(`e-services-monitor:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const CRITERIA = [
  ['availability', 'دسترس‌پذیری و پایداری خدمات', 'Availability and reliability of services', '25.00'],
  ['end-to-end', 'الکترونیکی‌بودن کامل فرایند', 'Fully electronic, end-to-end process', '20.00'],
  ['single-window', 'ارائه خدمات در پنجره واحد', 'Services offered in the single window', '20.00'],
  ['integration', 'اتصال و تبادل داده با دستگاه‌های دیگر', 'Integration and data exchange', '15.00'],
  ['usability', 'سهولت استفاده و راهنمایی کاربر', 'Ease of use and guidance', '10.00'],
  ['support', 'پاسخ‌گویی و پشتیبانی', 'Responsiveness and support', '10.00'],
] as const;

/**
 * Criterion scores that give exactly the article's totals, lowest first (A: Justice, Foreign Affairs and the
 * Central Bank below the Ministry of Interior's 26.07). The three lower totals themselves are synthetic.
 */
const FIXED_CRITERION_SCORES: Record<string, readonly string[]> = {
  justice: ['15.00', '20.00', '18.00', '22.00', '20.00', '15.00'], // 18.15
  'foreign-affairs': ['20.00', '22.00', '20.00', '25.00', '22.00', '18.00'], // 21.15
  'central-bank': ['25.00', '24.00', '22.00', '26.00', '25.00', '20.00'], // 23.85
  interior: ['20.00', '30.00', '25.00', '30.00', '28.00', '27.70'], // 26.07
};

interface ServiceRow {
  id: string;
  agencyId: string;
  systemId: string | null;
  code: string;
  nameFa: string;
  nameEn: string;
  audience: 'g2c' | 'g2b' | 'g2g';
  electronicOn: string | null;
  singleWindowOn: string | null;
  nationalWindowOn: string | null;
}

interface SystemRow {
  id: string;
  agencyId: string;
  code: string;
  nameFa: string;
  nameEn: string;
  electronicOn: string | null;
  singleWindowOn: string | null;
  nationalWindowOn: string | null;
}

interface AgencyPlan {
  seed: AgencySeed;
  id: string;
  isMain: boolean;
  singleWindowOn: string | null;
  nationalWindowOn: string | null;
}

function dayBetween(rng: SeededRandom, from: string, to: string): string {
  return addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
}

/** When each main agency launched its single window and connected it to the national window. */
function planAgencies(rng: SeededRandom): AgencyPlan[] {
  const excluded = new Set(['interior', 'justice', 'foreign-affairs', 'central-bank', 'judiciary']);
  const early = new Set(
    rng
      .shuffle(MAIN_AGENCIES.filter((a) => !excluded.has(a.code)).map((a) => a.code))
      .slice(0, DEMO.connectedOnArticleDay - 1),
  );
  const main = MAIN_AGENCIES.map((seed): AgencyPlan => {
    const id = stableUuid(`agency:${seed.code}`);
    if (seed.code === 'interior') {
      return { seed, id, isMain: true, singleWindowOn: '2022-02-20', nationalWindowOn: '2022-07-27' };
    }
    if (early.has(seed.code)) {
      const launched = dayBetween(rng, '2021-09-23', '2022-05-31');
      return {
        seed,
        id,
        isMain: true,
        singleWindowOn: launched,
        nationalWindowOn: dayBetween(rng, maxDay(addDays(launched, 14), '2022-05-01'), '2022-08-20'),
      };
    }
    const roll = rng.next();
    let launched: string | null;
    if (roll < 0.3) launched = dayBetween(rng, '2021-12-01', addDays(DEMO.articleDay, -1));
    else if (roll < 0.62) launched = dayBetween(rng, DEMO.articleDay, DEMO.singleWindowDue);
    else if (roll < 0.84) launched = dayBetween(rng, addDays(DEMO.singleWindowDue, 1), '2023-03-10');
    else launched = null;
    let connected: string | null = null;
    if (launched && rng.chance(0.78)) {
      const from = maxDay(addDays(launched, 7), addDays(DEMO.articleDay, 1));
      const to = rng.chance(0.65) ? maxDay(from, DEMO.nationalWindowDue) : DEMO.historyEnd;
      const day = dayBetween(rng, from, to);
      connected = day <= DEMO.historyEnd ? day : null;
    }
    return { seed, id, isMain: true, singleWindowOn: launched, nationalWindowOn: connected };
  });
  const subordinate = SUBORDINATE_AGENCIES.map((seed): AgencyPlan => ({
    seed,
    id: stableUuid(`agency:${seed.code}`),
    isMain: false,
    singleWindowOn: null,
    nationalWindowOn: null,
  }));
  return [...main, ...subordinate];
}

/** The services (and systems) of one main agency, with the days they reached each stage. */
function planServices(rng: SeededRandom, agency: AgencyPlan, systems: SystemRow[], services: ServiceRow[]): void {
  const isInterior = agency.seed.code === 'interior';
  const count = isInterior ? DEMO.interiorServices : 12 + Math.floor(rng.next() ** 2 * 260);
  const systemCount = isInterior ? 2 : rng.int(0, SYSTEM_NAMES.length);
  const agencySystems: SystemRow[] = [];
  if (isInterior) {
    agencySystems.push(
      {
        id: stableUuid('system:interior:omid'),
        agencyId: agency.id,
        code: 'omid',
        nameFa: 'سکوی خدمات شهروندان (سامانه امید)',
        nameEn: 'Citizen services platform (Omid)',
        electronicOn: '2021-06-01',
        singleWindowOn: '2022-02-20',
        nationalWindowOn: '2022-07-27',
      },
      {
        id: stableUuid('system:interior:service-desk'),
        agencyId: agency.id,
        code: 'service-desk',
        nameFa: 'میز خدمت وزارت کشور',
        nameEn: 'Ministry of Interior service desk',
        electronicOn: '2021-03-01',
        singleWindowOn: '2022-02-20',
        nationalWindowOn: '2022-07-27',
      },
    );
  } else {
    for (let s = 0; s < systemCount; s++) {
      const [fa, en] = SYSTEM_NAMES[s]!;
      agencySystems.push({
        id: stableUuid(`system:${agency.seed.code}:${s}`),
        agencyId: agency.id,
        code: `system-${s + 1}`,
        nameFa: fa,
        nameEn: en,
        electronicOn: dayBetween(rng, '2019-03-21', '2022-03-20'),
        singleWindowOn: null,
        nationalWindowOn: null,
      });
    }
  }
  // Each agency has its own pace: the share of its services that reach the single window, and the national one.
  const finalShare = isInterior ? 0.55 : 0.15 + rng.next() * 0.8;
  const metShareOnTime = isInterior
    ? false
    : agency.singleWindowOn !== null && agency.singleWindowOn <= DEMO.singleWindowDue && rng.chance(0.6);
  const nationalShare = 0.4 + rng.next() * 0.55;
  const onTimeTarget = metShareOnTime ? Math.ceil(count / 3) + rng.int(0, Math.floor(count / 4)) : 0;
  let onTime = 0;
  for (let i = 0; i < count; i++) {
    const [actionFa, actionEn] = rng.pick(SERVICE_ACTIONS);
    const [subjectFa, subjectEn] = rng.pick(SERVICE_SUBJECTS);
    const audience = isInterior
      ? rng.chance(0.7)
        ? 'g2c'
        : 'g2b'
      : rng.chance(0.55)
        ? 'g2c'
        : rng.chance(0.67)
          ? 'g2b'
          : 'g2g';
    const code = `S${String(i + 1).padStart(4, '0')}`;
    const row: ServiceRow = {
      id: stableUuid(`service:${agency.seed.code}:${code}`),
      agencyId: agency.id,
      systemId: null,
      code,
      nameFa: `${actionFa} ${subjectFa} (${i + 1})`,
      nameEn: `${actionEn} ${subjectEn} (${i + 1})`,
      audience,
      electronicOn: rng.chance(0.82) ? dayBetween(rng, '2019-03-21', '2022-12-21') : null,
      singleWindowOn: null,
      nationalWindowOn: null,
    };
    // Interior (A): the service desk holds 12 services; the Omid platform carries others (how many is synthetic).
    if (isInterior && i < DEMO.interiorDeskServices + 21) {
      const system = agencySystems[i < DEMO.interiorDeskServices ? 1 : 0]!;
      row.systemId = system.id;
      row.electronicOn = minDay(row.electronicOn ?? system.electronicOn!, system.electronicOn!);
      row.singleWindowOn = system.singleWindowOn;
      row.nationalWindowOn = system.nationalWindowOn;
      services.push(row);
      continue;
    }
    if (!isInterior && agencySystems.length > 0 && rng.chance(0.35)) row.systemId = rng.pick(agencySystems).id;
    const launched = agency.singleWindowOn;
    if (launched && (onTime < onTimeTarget || rng.chance(finalShare))) {
      const due = onTime < onTimeTarget;
      const latest = due ? DEMO.singleWindowDue : DEMO.historyEnd;
      const day = dayBetween(rng, launched, maxDay(launched, latest));
      if (day <= DEMO.historyEnd) {
        if (due) onTime++;
        row.singleWindowOn = day;
        row.electronicOn =
          row.electronicOn && row.electronicOn <= day ? row.electronicOn : dayBetween(rng, addDays(day, -400), day);
        const connected = agency.nationalWindowOn;
        if (connected && rng.chance(nationalShare)) {
          const from = maxDay(day, connected);
          const nationalDay = dayBetween(rng, from, minDay(addDays(from, 120), DEMO.historyEnd));
          row.nationalWindowOn = nationalDay <= DEMO.historyEnd ? nationalDay : null;
        }
      }
    }
    services.push(row);
  }
  systems.push(...agencySystems);
}

function criterionScores(rng: SeededRandom, code: string): string[] {
  const fixed = FIXED_CRITERION_SCORES[code];
  if (fixed) return [...fixed];
  // Every other agency scores above the Ministry of Interior (A: it is 4th lowest): each criterion ≥ 30.
  const level = 35 + rng.next() * 45;
  return CRITERIA.map(() => (Math.min(100, Math.max(30, level + (rng.next() - 0.5) * 30)) + 0).toFixed(2));
}

async function insertRows(
  manager: EntityManager,
  table: string,
  columns: Array<[string, string]>,
  rows: unknown[][],
): Promise<void> {
  const chunk = 5000;
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const arrays = columns.map((_, c) => part.map((row) => row[c] ?? null));
    const names = columns.map(([name]) => `"${name}"`).join(', ');
    const unnest = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
    await manager.query(`INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${unnest})`, arrays);
  }
}

/**
 * Loads the demo data into an empty database in the caller's transaction and returns the demo accounts with
 * their passwords (only their hashes are stored).
 */
export async function seedDemoData(
  manager: EntityManager,
  options: { beforeReports?: (manager: EntityManager) => Promise<void> } = {},
): Promise<DemoCredential[]> {
  const rng = new SeededRandom(DEMO.seed);

  // Accounts: one per role, plus a second evaluator so that scores can be reviewed by someone else.
  const accounts: Array<DemoCredential & { id: string; displayName: string }> = [
    { username: 'admin', role: 'admin', displayName: 'مدیر سامانه (نمایشی)' },
    { username: 'evaluator', role: 'evaluator', displayName: 'ارزیاب نمایشی ۱' },
    { username: 'evaluator2', role: 'evaluator', displayName: 'ارزیاب نمایشی ۲' },
    { username: 'cabinet', role: 'cabinet', displayName: 'دبیرخانه هیئت دولت (نمایشی)' },
  ].map((a) => ({ ...a, role: a.role as UserRole, id: stableUuid(`user:${a.username}`), password: randomPassword() }));
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
  await insertRows(
    manager,
    'app_user',
    [
      ['id', 'uuid'],
      ['username', 'text'],
      ['display_name', 'text'],
      ['role', 'text'],
      ['password_hash', 'text'],
    ],
    accounts.map((a, i) => [a.id, a.username, a.displayName, a.role, hashes[i]]),
  );
  const evaluatorId = accounts[1]!.id;
  const reviewerId = accounts[2]!.id;

  // Agencies, then their parents by code.
  const plans = planAgencies(rng);
  await insertRows(
    manager,
    'agency',
    [
      ['id', 'uuid'],
      ['code', 'text'],
      ['name_fa', 'text'],
      ['name_en', 'text'],
      ['kind', 'text'],
      ['branch', 'text'],
      ['is_main', 'boolean'],
      ['single_window_launched_on', 'date'],
      ['national_window_connected_on', 'date'],
    ],
    plans.map((p) => [
      p.id,
      p.seed.code,
      p.seed.nameFa,
      p.seed.nameEn,
      p.seed.kind,
      p.seed.branch,
      p.isMain,
      p.singleWindowOn,
      p.nationalWindowOn,
    ]),
  );
  const byCode = new Map(plans.map((p) => [p.seed.code, p.id]));
  const parents = plans.filter((p) => p.seed.parentCode).map((p) => [p.id, byCode.get(p.seed.parentCode!)]);
  await manager.query(
    `UPDATE agency a SET parent_id = p.parent_id FROM unnest($1::uuid[], $2::uuid[]) AS p(id, parent_id) WHERE a.id = p.id`,
    [parents.map((p) => p[0]), parents.map((p) => p[1])],
  );
  await manager.query(
    `INSERT INTO agency_progress_event (agency_id, kind, occurred_on, source, note)
     SELECT id, 'single_window_launched', single_window_launched_on, 'seed', 'داده نمایشی / demo data' FROM agency WHERE single_window_launched_on IS NOT NULL
     UNION ALL
     SELECT id, 'national_window_connected', national_window_connected_on, 'seed', 'داده نمایشی / demo data' FROM agency WHERE national_window_connected_on IS NOT NULL`,
  );

  // Systems and services with their dated stages, and the ledger of those stages.
  const systems: SystemRow[] = [];
  const services: ServiceRow[] = [];
  for (const plan of plans.filter((p) => p.isMain)) planServices(rng, plan, systems, services);
  await insertRows(
    manager,
    'agency_system',
    [
      ['id', 'uuid'],
      ['agency_id', 'uuid'],
      ['code', 'text'],
      ['name_fa', 'text'],
      ['name_en', 'text'],
      ['electronic_on', 'date'],
      ['single_window_on', 'date'],
      ['national_window_on', 'date'],
    ],
    systems.map((s) => [
      s.id,
      s.agencyId,
      s.code,
      s.nameFa,
      s.nameEn,
      s.electronicOn,
      s.singleWindowOn,
      s.nationalWindowOn,
    ]),
  );
  await insertRows(
    manager,
    'e_service',
    [
      ['id', 'uuid'],
      ['agency_id', 'uuid'],
      ['system_id', 'uuid'],
      ['code', 'text'],
      ['name_fa', 'text'],
      ['name_en', 'text'],
      ['audience', 'text'],
      ['identified_on', 'date'],
      ['electronic_on', 'date'],
      ['single_window_on', 'date'],
      ['national_window_on', 'date'],
    ],
    services.map((s) => [
      s.id,
      s.agencyId,
      s.systemId,
      s.code,
      s.nameFa,
      s.nameEn,
      s.audience,
      // Every demo service was in the agency's inventory by the 1401 cycle's baseline (its first day).
      s.electronicOn && s.electronicOn < DEMO.baselineDay ? s.electronicOn : addDays(DEMO.baselineDay, -1),
      s.electronicOn,
      s.singleWindowOn,
      s.nationalWindowOn,
    ]),
  );
  await manager.query(
    `INSERT INTO service_stage_event (service_id, stage, reached_on, source)
     SELECT s.id, e.stage, e.reached_on, 'seed'
     FROM e_service s
     CROSS JOIN LATERAL (VALUES ('electronic', s.electronic_on), ('single_window', s.single_window_on), ('national_window', s.national_window_on)) AS e(stage, reached_on)
     WHERE e.reached_on IS NOT NULL`,
  );

  // The 1401 budget law and its deadlines (A), as data.
  const cycleId = stableUuid('cycle:budget-1401');
  await manager.query(
    `INSERT INTO programme_cycle (id, code, title_fa, title_en, starts_on, ends_on, baseline_on) VALUES ($1, 'budget-1401', 'قانون بودجه ۱۴۰۱', 'Budget law of 1401', $2, '2023-03-20', $2)`,
    [cycleId, DEMO.baselineDay],
  );
  await manager.query(
    `INSERT INTO milestone_definition (id, cycle_id, code, title_fa, title_en, rule, share_numerator, share_denominator, due_on, sort_order) VALUES
     ($1, $4, 'single-window', 'راه‌اندازی پنجره واحد خدمات دستگاه', 'Launch of the agency''s own single window', 'single_window_launched', NULL, NULL, $5, 1),
     ($2, $4, 'single-window-share', 'ارائه دست‌کم یک‌سوم خدمات در پنجره واحد', 'At least one third of services in the single window', 'single_window_service_share', 1, 3, $5, 2),
     ($3, $4, 'national-window', 'اتصال پنجره واحد به پنجره ملی خدمات دولت هوشمند', 'Single window connected to the national window', 'national_window_connected', NULL, NULL, $6, 3)`,
    [
      stableUuid('milestone:single-window'),
      stableUuid('milestone:single-window-share'),
      stableUuid('milestone:national-window'),
      cycleId,
      DEMO.singleWindowDue,
      DEMO.nationalWindowDue,
    ],
  );

  // Quality evaluation: criteria (weights add up to 100), the summer 1401 round, 29 sessions (A), final scores.
  const setId = stableUuid('criteria-set:quality-1401');
  await manager.query(
    `INSERT INTO criteria_set (id, code, title_fa, title_en) VALUES ($1, 'quality-1401', 'معیارهای کیفیت خدمات الکترونیکی ۱۴۰۱', 'E-service quality criteria 1401')`,
    [setId],
  );
  const criterionIds = CRITERIA.map(([code]) => stableUuid(`criterion:quality-1401:${code}`));
  await insertRows(
    manager,
    'criterion',
    [
      ['id', 'uuid'],
      ['criteria_set_id', 'uuid'],
      ['code', 'text'],
      ['title_fa', 'text'],
      ['title_en', 'text'],
      ['weight', 'numeric'],
      ['sort_order', 'int'],
    ],
    CRITERIA.map(([code, fa, en, weight], i) => [criterionIds[i], setId, code, fa, en, weight, i + 1]),
  );
  const roundId = stableUuid('round:summer-1401');
  await manager.query(
    `INSERT INTO evaluation_round (id, code, title_fa, title_en, cycle_id, criteria_set_id, starts_on, ends_on, status, closed_at)
     VALUES ($1, 'summer-1401', 'ارزیابی کیفیت خدمات الکترونیکی دستگاه‌ها، تابستان ۱۴۰۱', 'Quality of agencies'' e-services, summer 1401', $2, $3, '2022-06-22', $4, 'closed', '2022-08-22T12:00:00+04:30')`,
    [roundId, cycleId, setId, DEMO.articleDay],
  );
  // A second round, open, so that evaluators can record sessions and scores on a fresh demo database.
  await manager.query(
    `INSERT INTO evaluation_round (id, code, title_fa, title_en, cycle_id, criteria_set_id, starts_on, ends_on, status)
     VALUES ($1, 'second-half-1401', 'ارزیابی کیفیت خدمات الکترونیکی دستگاه‌ها، نیمه دوم ۱۴۰۱', 'Quality of agencies'' e-services, second half of 1401', $2, $3, '2022-09-23', $4, 'open')`,
    [stableUuid('round:second-half-1401'), cycleId, setId, DEMO.historyEnd],
  );
  const main = plans.filter((p) => p.isMain);
  const fixedCodes = Object.keys(FIXED_CRITERION_SCORES);
  const sessionAgencies = [
    ...fixedCodes,
    ...rng
      .shuffle(main.map((p) => p.seed.code).filter((c) => !fixedCodes.includes(c)))
      .slice(0, DEMO.evaluationSessions - fixedCodes.length),
  ];
  const sessionByAgency = new Map<string, string>();
  const sessionRows = sessionAgencies.map((code, i) => {
    const id = stableUuid(`session:summer-1401:${code}`);
    sessionByAgency.set(code, id);
    return [
      id,
      roundId,
      byCode.get(code),
      addDays('2022-06-26', Math.floor((i * 51) / DEMO.evaluationSessions)),
      JSON.stringify([{ name: 'نماینده معرفی‌شده دستگاه', title: 'مسئول فناوری اطلاعات' }]),
      'جلسه ارزیابی به شیوه مشاوره تعاملی با نمایندگان معرفی‌شده دستگاه (داده نمایشی).',
      evaluatorId,
    ];
  });
  await insertRows(
    manager,
    'evaluation_session',
    [
      ['id', 'uuid'],
      ['round_id', 'uuid'],
      ['agency_id', 'uuid'],
      ['held_on', 'date'],
      ['representatives', 'jsonb'],
      ['notes', 'text'],
      ['created_by_id', 'uuid'],
    ],
    sessionRows,
  );
  await manager.query(
    `INSERT INTO evaluation_session_evaluator (session_id, user_id) SELECT id, $1 FROM evaluation_session WHERE round_id = $2`,
    [evaluatorId, roundId],
  );
  const scoreRows: unknown[][] = [];
  const criterionRows: unknown[][] = [];
  for (const plan of main) {
    const scoreId = stableUuid(`score:summer-1401:${plan.seed.code}`);
    scoreRows.push([scoreId, roundId, plan.id, sessionByAgency.get(plan.seed.code) ?? null, '0']);
    criterionScores(rng, plan.seed.code).forEach((value, i) => criterionRows.push([scoreId, criterionIds[i], value]));
  }
  await insertRows(
    manager,
    'score',
    [
      ['id', 'uuid'],
      ['round_id', 'uuid'],
      ['agency_id', 'uuid'],
      ['session_id', 'uuid'],
      ['total', 'numeric'],
    ],
    scoreRows,
  );
  await insertRows(
    manager,
    'criterion_score',
    [
      ['score_id', 'uuid'],
      ['criterion_id', 'uuid'],
      ['value', 'numeric'],
    ],
    criterionRows,
  );
  // The total is the weighted sum out of 100, rounded to two decimals, computed exactly in numeric.
  await manager.query(
    `UPDATE score s SET total = t.total, status = 'final',
       submitted_by_id = $2, submitted_at = '2022-08-15T10:00:00+04:30',
       reviewed_by_id = $3, reviewed_at = '2022-08-18T10:00:00+04:30', finalised_at = '2022-08-20T10:00:00+04:30'
     FROM (SELECT cs.score_id, round(sum(c.weight * cs.value) / 100, 2) AS total
           FROM criterion_score cs JOIN criterion c ON c.id = cs.criterion_id GROUP BY cs.score_id) t
     WHERE s.id = t.score_id AND s.round_id = $1`,
    [roundId, evaluatorId, reviewerId],
  );

  const counts = {
    agencies: plans.length,
    mainAgencies: main.length,
    systems: systems.length,
    services: services.length,
    sessions: sessionRows.length,
    scores: scoreRows.length,
  };
  await manager.query(`INSERT INTO dataset_info (key, value) VALUES ('dataset', $1::jsonb)`, [
    JSON.stringify({ kind: 'demo', generator: DEMO.generator, seed: DEMO.seed, articleDay: DEMO.articleDay, counts }),
  ]);
  await new AuditService().record(manager, {
    actor: undefined,
    action: 'seed',
    entityType: 'dataset',
    entityId: 'demo',
    after: counts,
    reason: 'Demo data set loaded into an empty database / بارگذاری داده نمایشی در پایگاه داده خالی',
  });
  // The benchmark's larger data sets join here, so that the weekly reports below are computed over them.
  await options.beforeReports?.(manager);
  // The weekly reports of every week of the history, each as if published on the Saturday after it at 08:00.
  for (let week = weekStartOf(DEMO.historyStart); week <= DEMO.historyEnd; week = addDays(week, 7)) {
    const publishedAt = tehranInstant(addDays(week, 7), 8);
    await produceWeeklyReport(manager, week, { publishedAt, embargoHours: 0 });
  }
  await seedResponses(manager, accounts[0]!.id, roundId);
  return accounts.map(({ username, password, role }) => ({ username, password, role }));
}

/**
 * The right of reply, as the press practises it: the first two agencies overdue in the first weekly report after
 * the Shahrivar deadline were asked to comment; the first answered (published beside that report), the second has
 * not (shown as "no response yet"); and the top-scored agency of the summer round replied to its score.
 */
async function seedResponses(manager: EntityManager, adminId: string, roundId: string): Promise<void> {
  const overdue: Array<{ report_id: string; agency_id: string; published_on: string }> = await manager.query(
    `SELECT r.id AS report_id, e.value -> 'agency' ->> 'id' AS agency_id,
            (r.published_at AT TIME ZONE 'Asia/Tehran')::date::text AS published_on
       FROM weekly_report r
      CROSS JOIN LATERAL jsonb_array_elements(r.content -> 'milestones') m
      CROSS JOIN LATERAL jsonb_array_elements(m.value -> 'overdue') e
      WHERE r.status = 'published' AND r.week_starts_on > $1
      ORDER BY r.week_starts_on, e.value -> 'agency' ->> 'code'
      LIMIT 2`,
    [DEMO.singleWindowDue],
  );
  const [answered, silent] = overdue;
  if (answered) {
    const asked = answered.published_on;
    await manager.query(
      `INSERT INTO agency_response (id, agency_id, weekly_report_id, requested_on, received_on, body_fa, body_en,
                                   status, published_at, created_by_id, published_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'published', $8, $9, $9)`,
      [
        stableUuid('response:weekly'),
        answered.agency_id,
        answered.report_id,
        asked,
        addDays(asked, 3),
        'پنجره واحد این دستگاه در شهریور ۱۴۰۱ راه‌اندازی شده و تأخیر در ثبت آن در سامانه پایش ناشی از تأخیر در ارسال مستندات بوده است. (متن نمایشی)',
        "This agency's single window was launched in Shahrivar 1401; the delay in recording it came from late paperwork. (Demonstration text)",
        tehranInstant(addDays(asked, 4), 10),
        adminId,
      ],
    );
  }
  if (silent) {
    await manager.query(
      `INSERT INTO agency_response (id, agency_id, weekly_report_id, requested_on, status, created_by_id)
       VALUES ($1, $2, $3, $4, 'requested', $5)`,
      [stableUuid('response:request'), silent.agency_id, silent.report_id, silent.published_on, adminId],
    );
  }
  const [top]: Array<{ id: string; agency_id: string }> = await manager.query(
    `SELECT id, agency_id FROM score WHERE round_id = $1 AND status = 'final' ORDER BY total DESC, agency_id LIMIT 1`,
    [roundId],
  );
  if (top) {
    await manager.query(
      `INSERT INTO agency_response (id, agency_id, score_id, received_on, body_fa, status, published_at,
                                   created_by_id, published_by_id)
       VALUES ($1, $2, $3, '2022-08-28', $4, 'published', $5, $6, $6)`,
      [
        stableUuid('response:score'),
        top.agency_id,
        top.id,
        'از ارزیابی دقیق وزارت ارتباطات سپاسگزاریم؛ نسخه همراه خدمات این دستگاه در دست آماده‌سازی است. (متن نمایشی)',
        tehranInstant('2022-08-29', 10),
        adminId,
      ],
    );
  }
}
