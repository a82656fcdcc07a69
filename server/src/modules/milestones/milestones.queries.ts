import type { EntityManager } from 'typeorm';
import type { MilestoneRule } from './milestone-definition.entity.js';

/**
 * The SQL of programme cycles and their milestones. Rows come back in the shape of the response DTOs (camelCase
 * aliases), calendar days as `YYYY-MM-DD` text, so no day passes through a JS Date. The writes take the manager of
 * the caller's transaction; the service decides what may be written.
 */

const day = (column: string, alias: string) => `to_char(${column}, 'YYYY-MM-DD') AS "${alias}"`;

export interface CycleRow {
  id: string;
  code: string;
  titleFa: string;
  titleEn: string;
  startsOn: string;
  endsOn: string;
  baselineOn: string;
  version: number;
}

export interface Share {
  numerator: number;
  denominator: number;
}

export interface MilestoneRow {
  id: string;
  cycleId: string;
  code: string;
  titleFa: string;
  titleEn: string;
  rule: MilestoneRule;
  share: Share | null;
  dueOn: string;
  atRiskDays: number;
  sortOrder: number;
  version: number;
}

const CYCLE_COLUMNS = `c.id, c.code, c.title_fa AS "titleFa", c.title_en AS "titleEn", ${day('c.starts_on', 'startsOn')},
  ${day('c.ends_on', 'endsOn')}, ${day('c.baseline_on', 'baselineOn')}, c.version`;

const MILESTONE_COLUMNS = `m.id, m.cycle_id AS "cycleId", m.code, m.title_fa AS "titleFa", m.title_en AS "titleEn",
  m.rule, CASE WHEN m.share_numerator IS NULL THEN NULL
               ELSE json_build_object('numerator', m.share_numerator, 'denominator', m.share_denominator) END AS share,
  ${day('m.due_on', 'dueOn')}, m.at_risk_days AS "atRiskDays", m.sort_order AS "sortOrder", m.version`;

/* ---------------------------------------------------------------------------------------------------------------
 * Cycles
 * ------------------------------------------------------------------------------------------------------------- */

/** Every cycle, the earliest first. */
export function selectCycles(db: EntityManager): Promise<CycleRow[]> {
  return db.query<CycleRow[]>(`SELECT ${CYCLE_COLUMNS} FROM programme_cycle c ORDER BY c.starts_on, c.code`);
}

export async function selectCycle(db: EntityManager, id: string): Promise<CycleRow | undefined> {
  const rows = await db.query<CycleRow[]>(`SELECT ${CYCLE_COLUMNS} FROM programme_cycle c WHERE c.id = $1`, [id]);
  return rows[0];
}

/**
 * Locks the cycle table against other cycle writes (not against reads) until the transaction ends: two cycles
 * written at once could each pass the overlap check. SHARE ROW EXCLUSIVE conflicts with itself.
 */
export async function lockCycleTable(db: EntityManager): Promise<void> {
  await db.query(`LOCK TABLE programme_cycle IN SHARE ROW EXCLUSIVE MODE`);
}

/** The cycle, its row locked until the transaction ends: `share` while a milestone is added, `update` to edit it. */
export async function lockCycle(
  db: EntityManager,
  id: string,
  mode: 'share' | 'update',
): Promise<CycleRow | undefined> {
  const rows = await db.query<CycleRow[]>(
    `SELECT ${CYCLE_COLUMNS} FROM programme_cycle c WHERE c.id = $1 FOR ${mode === 'share' ? 'SHARE' : 'UPDATE'}`,
    [id],
  );
  return rows[0];
}

export async function cycleCodeTaken(db: EntityManager, code: string): Promise<boolean> {
  return (await db.query<unknown[]>(`SELECT 1 FROM programme_cycle WHERE code = $1`, [code])).length > 0;
}

/** Another cycle (not `exceptId`) whose days share at least one day with [startsOn, endsOn], the earliest. */
export async function selectOverlappingCycle(
  db: EntityManager,
  startsOn: string,
  endsOn: string,
  exceptId: string | null,
): Promise<CycleRow | undefined> {
  const rows = await db.query<CycleRow[]>(
    `SELECT ${CYCLE_COLUMNS} FROM programme_cycle c
     WHERE c.starts_on <= $2::date AND c.ends_on >= $1::date AND ($3::uuid IS NULL OR c.id <> $3::uuid)
     ORDER BY c.starts_on, c.code LIMIT 1`,
    [startsOn, endsOn, exceptId],
  );
  return rows[0];
}

export interface CycleValues {
  titleFa: string;
  titleEn: string;
  startsOn: string;
  endsOn: string;
  baselineOn: string;
}

/** A new cycle; returns its id. */
export async function insertCycle(db: EntityManager, cycle: CycleValues & { code: string }): Promise<string> {
  const [row] = await db.query<Array<{ id: string }>>(
    `INSERT INTO programme_cycle (code, title_fa, title_en, starts_on, ends_on, baseline_on)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [cycle.code, cycle.titleFa, cycle.titleEn, cycle.startsOn, cycle.endsOn, cycle.baselineOn],
  );
  return row!.id;
}

/** Sets the cycle's values if its version is still `version`; false when it was not (a stale version). */
export async function updateCycle(
  db: EntityManager,
  id: string,
  version: number,
  values: CycleValues,
): Promise<boolean> {
  const rows = await db.query<Array<{ id: string }>>(
    `WITH u AS (
       UPDATE programme_cycle SET title_fa = $3, title_en = $4, starts_on = $5, ends_on = $6, baseline_on = $7,
                                  version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING id)
     SELECT id FROM u`,
    [id, version, values.titleFa, values.titleEn, values.startsOn, values.endsOn, values.baselineOn],
  );
  return rows.length > 0;
}

/* ---------------------------------------------------------------------------------------------------------------
 * Milestones
 * ------------------------------------------------------------------------------------------------------------- */

/** The milestones of all these cycles in one query, in display order within each cycle. */
export function selectMilestonesOf(db: EntityManager, cycleIds: string[]): Promise<MilestoneRow[]> {
  return db.query<MilestoneRow[]>(
    `SELECT ${MILESTONE_COLUMNS} FROM milestone_definition m
     WHERE m.cycle_id = ANY($1::uuid[])
     ORDER BY m.cycle_id, m.sort_order, m.code`,
    [cycleIds],
  );
}

export async function selectMilestone(db: EntityManager, id: string): Promise<MilestoneRow | undefined> {
  const rows = await db.query<MilestoneRow[]>(
    `SELECT ${MILESTONE_COLUMNS} FROM milestone_definition m WHERE m.id = $1`,
    [id],
  );
  return rows[0];
}

/** The milestone, its row locked until the transaction ends. */
export async function lockMilestone(db: EntityManager, id: string): Promise<MilestoneRow | undefined> {
  const rows = await db.query<MilestoneRow[]>(
    `SELECT ${MILESTONE_COLUMNS} FROM milestone_definition m WHERE m.id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0];
}

export async function milestoneCodeTaken(db: EntityManager, cycleId: string, code: string): Promise<boolean> {
  const rows = await db.query<unknown[]>(`SELECT 1 FROM milestone_definition WHERE cycle_id = $1 AND code = $2`, [
    cycleId,
    code,
  ]);
  return rows.length > 0;
}

export interface MilestoneValues {
  titleFa: string;
  titleEn: string;
  share: Share | null;
  dueOn: string;
  atRiskDays: number;
  sortOrder: number;
}

/** A new milestone of the cycle; returns its id. */
export async function insertMilestone(
  db: EntityManager,
  milestone: MilestoneValues & { cycleId: string; code: string; rule: MilestoneRule },
): Promise<string> {
  const [row] = await db.query<Array<{ id: string }>>(
    `INSERT INTO milestone_definition (cycle_id, code, title_fa, title_en, rule, share_numerator, share_denominator,
                                       due_on, at_risk_days, sort_order)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      milestone.cycleId,
      milestone.code,
      milestone.titleFa,
      milestone.titleEn,
      milestone.rule,
      milestone.share?.numerator ?? null,
      milestone.share?.denominator ?? null,
      milestone.dueOn,
      milestone.atRiskDays,
      milestone.sortOrder,
    ],
  );
  return row!.id;
}

/** Sets the milestone's values if its version is still `version`; false when it was not (a stale version). */
export async function updateMilestone(
  db: EntityManager,
  id: string,
  version: number,
  values: MilestoneValues,
): Promise<boolean> {
  const rows = await db.query<Array<{ id: string }>>(
    `WITH u AS (
       UPDATE milestone_definition SET title_fa = $3, title_en = $4, share_numerator = $5, share_denominator = $6,
                                       due_on = $7, at_risk_days = $8, sort_order = $9,
                                       version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING id)
     SELECT id FROM u`,
    [
      id,
      version,
      values.titleFa,
      values.titleEn,
      values.share?.numerator ?? null,
      values.share?.denominator ?? null,
      values.dueOn,
      values.atRiskDays,
      values.sortOrder,
    ],
  );
  return rows.length > 0;
}
