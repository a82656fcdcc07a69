import type { EntityManager } from 'typeorm';
import { Conditions } from '../../common/db/conditions.js';
import type { AgencyRepresentative } from './evaluation-session.entity.js';
import type { CriterionRef } from './scores.rules.js';
import type { RoundStatus } from './evaluation-round.entity.js';
import type { ScoreStatus } from './score.entity.js';

/**
 * The reads of the evaluation feature, as raw SQL rows. Calendar days come back as `YYYY-MM-DD` text and
 * decimals as text ("25.00", "26.07"), so neither ever passes through a JS Date or a float.
 */

export interface RoundRow {
  id: string;
  code: string;
  title_fa: string;
  title_en: string;
  status: RoundStatus;
  starts_on: string;
  ends_on: string;
  closed_at: Date | null;
  cycle_id: string | null;
  criteria_set_id: string;
  criteria_set_code: string;
  criteria: Array<{
    id: string;
    code: string;
    titleFa: string;
    titleEn: string;
    weight: string;
    sortOrder: number;
  }>;
  version: number;
  created_at: Date;
}

export interface SessionRow {
  id: string;
  round_id: string;
  round_code: string;
  agency_id: string;
  agency_code: string;
  agency_name_fa: string;
  agency_name_en: string;
  held_on: string;
  representatives: AgencyRepresentative[];
  notes: string;
  internal_notes: string;
  created_by: string | null;
  evaluators: Array<{ id: string; username: string; displayName: string }>;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface ScoreRow {
  id: string;
  round_id: string;
  round_code: string;
  agency_id: string;
  agency_code: string;
  agency_name_fa: string;
  agency_name_en: string;
  session_id: string | null;
  total: string;
  status: ScoreStatus;
  criterion_scores: Array<{ criterionId: string; code: string; value: string }>;
  submitted_by: string | null;
  submitted_at: Date | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  finalised_at: Date | null;
  is_correction: boolean;
  correction_reason: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const ROUND_SELECT = `
  SELECT r.id, r.code, r.title_fa, r.title_en, r.status,
         to_char(r.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(r.ends_on, 'YYYY-MM-DD') AS ends_on,
         r.closed_at, r.cycle_id, r.criteria_set_id, cs.code AS criteria_set_code, r.version, r.created_at,
         coalesce((
           SELECT json_agg(json_build_object('id', c.id, 'code', c.code, 'titleFa', c.title_fa,
                    'titleEn', c.title_en, 'weight', c.weight::text, 'sortOrder', c.sort_order)
                  ORDER BY c.sort_order, c.code)
           FROM criterion c WHERE c.criteria_set_id = r.criteria_set_id
         ), '[]'::json) AS criteria
  FROM evaluation_round r JOIN criteria_set cs ON cs.id = r.criteria_set_id`;

export function selectRounds(db: EntityManager, conditions = new Conditions()): Promise<RoundRow[]> {
  return db.query<RoundRow[]>(
    `${ROUND_SELECT} ${conditions.where} ORDER BY r.starts_on DESC, r.created_at DESC, r.id`,
    conditions.params,
  );
}

export async function selectRound(db: EntityManager, id: string): Promise<RoundRow | undefined> {
  return (await selectRounds(db, new Conditions().add('r.id = ?', id)))[0];
}

export interface Page {
  limit: number;
  offset: number;
}

/** `LIMIT … OFFSET …` after the conditions' own parameters, and the parameters with the page's two. */
function paged(conditions: Conditions, page: Page | undefined): { clause: string; params: unknown[] } {
  if (!page) return { clause: '', params: conditions.params };
  return {
    clause: `LIMIT ${conditions.next()} OFFSET ${conditions.next(2)}`,
    params: [...conditions.params, page.limit, page.offset],
  };
}

const SESSION_FROM = `
  FROM evaluation_session s
  JOIN evaluation_round r ON r.id = s.round_id
  JOIN agency a ON a.id = s.agency_id`;

export async function selectSessions(db: EntityManager, conditions: Conditions, page?: Page): Promise<SessionRow[]> {
  const paging = paged(conditions, page);
  return db.query<SessionRow[]>(
    `SELECT s.id, s.round_id, r.code AS round_code, s.agency_id, a.code AS agency_code,
            a.name_fa AS agency_name_fa, a.name_en AS agency_name_en,
            to_char(s.held_on, 'YYYY-MM-DD') AS held_on, s.representatives, s.notes, s.internal_notes,
            cu.username AS created_by, s.version, s.created_at, s.updated_at,
            coalesce((
              SELECT json_agg(json_build_object('id', u.id, 'username', u.username, 'displayName', u.display_name)
                     ORDER BY u.username)
              FROM evaluation_session_evaluator e JOIN app_user u ON u.id = e.user_id
              WHERE e.session_id = s.id
            ), '[]'::json) AS evaluators
     ${SESSION_FROM}
     LEFT JOIN app_user cu ON cu.id = s.created_by_id
     ${conditions.where}
     ORDER BY s.held_on DESC, s.created_at DESC, s.id
     ${paging.clause}`,
    paging.params,
  );
}

export async function countSessions(db: EntityManager, conditions: Conditions): Promise<number> {
  const rows = await db.query<Array<{ total: number }>>(
    `SELECT count(*)::int AS total ${SESSION_FROM} ${conditions.where}`,
    conditions.params,
  );
  return rows[0]?.total ?? 0;
}

export async function selectSession(db: EntityManager, id: string): Promise<SessionRow | undefined> {
  return (await selectSessions(db, new Conditions().add('s.id = ?', id)))[0];
}

const SCORE_FROM = `
  FROM score s
  JOIN evaluation_round r ON r.id = s.round_id
  JOIN agency a ON a.id = s.agency_id`;

export async function selectScores(db: EntityManager, conditions: Conditions, page?: Page): Promise<ScoreRow[]> {
  const paging = paged(conditions, page);
  return db.query<ScoreRow[]>(
    `SELECT s.id, s.round_id, r.code AS round_code, s.agency_id, a.code AS agency_code,
            a.name_fa AS agency_name_fa, a.name_en AS agency_name_en, s.session_id, s.total::text AS total,
            s.status, su.username AS submitted_by, s.submitted_at, ru.username AS reviewed_by, s.reviewed_at,
            s.finalised_at, s.is_correction, s.correction_reason, s.version, s.created_at, s.updated_at,
            coalesce((
              SELECT json_agg(json_build_object('criterionId', c.id, 'code', c.code, 'value', cs.value::text)
                     ORDER BY c.sort_order, c.code)
              FROM criterion_score cs JOIN criterion c ON c.id = cs.criterion_id
              WHERE cs.score_id = s.id
            ), '[]'::json) AS criterion_scores
     ${SCORE_FROM}
     LEFT JOIN app_user su ON su.id = s.submitted_by_id
     LEFT JOIN app_user ru ON ru.id = s.reviewed_by_id
     ${conditions.where}
     ORDER BY r.ends_on DESC, r.created_at DESC, s.total DESC, a.name_fa COLLATE "fa-x-icu", s.id
     ${paging.clause}`,
    paging.params,
  );
}

export async function countScores(db: EntityManager, conditions: Conditions): Promise<number> {
  const rows = await db.query<Array<{ total: number }>>(
    `SELECT count(*)::int AS total ${SCORE_FROM} ${conditions.where}`,
    conditions.params,
  );
  return rows[0]?.total ?? 0;
}

export async function selectScore(db: EntityManager, id: string): Promise<ScoreRow | undefined> {
  return (await selectScores(db, new Conditions().add('s.id = ?', id)))[0];
}

/* ---------------------------------------------------------------------------------------------------------------
 * Writes. Each takes the manager of the caller's transaction; the services decide what may be written.
 * ------------------------------------------------------------------------------------------------------------- */

export interface LockedRound {
  id: string;
  status: RoundStatus;
  criteria_set_id: string;
  starts_on: string;
  ends_on: string;
  version: number;
}

/** The round, locked: `share` so it cannot close while a session or score is written in it, `update` to close it. */
export async function lockRound(
  db: EntityManager,
  id: string,
  mode: 'share' | 'update',
): Promise<LockedRound | undefined> {
  const rows = await db.query<LockedRound[]>(
    `SELECT id, status, criteria_set_id, to_char(starts_on, 'YYYY-MM-DD') AS starts_on,
            to_char(ends_on, 'YYYY-MM-DD') AS ends_on, version
     FROM evaluation_round WHERE id = $1 FOR ${mode === 'share' ? 'SHARE' : 'UPDATE'}`,
    [id],
  );
  return rows[0];
}

/** Whether a round or criteria set already uses the code (they share one namespace). */
export async function roundCodeTaken(db: EntityManager, code: string): Promise<boolean> {
  const rows = await db.query<unknown[]>(
    `SELECT 1 FROM evaluation_round WHERE code = $1 UNION ALL SELECT 1 FROM criteria_set WHERE code = $1`,
    [code],
  );
  return rows.length > 0;
}

export interface NewRound {
  code: string;
  titleFa: string;
  titleEn: string;
  startsOn: string;
  endsOn: string;
  criteria: Array<{ code: string; titleFa: string; titleEn: string; weight: string }>;
}

/** A new open round with its own criteria set (in the given order); returns the round's id. */
export async function insertRound(db: EntityManager, round: NewRound): Promise<string> {
  const [set] = await db.query<Array<{ id: string }>>(
    `INSERT INTO criteria_set (code, title_fa, title_en) VALUES ($1, $2, $3) RETURNING id`,
    [round.code, `معیارهای ${round.titleFa}`, `Criteria: ${round.titleEn}`],
  );
  await db.query(
    `INSERT INTO criterion (criteria_set_id, code, title_fa, title_en, weight, sort_order)
     SELECT $1, c.code, c.title_fa, c.title_en, c.weight, c.sort_order
     FROM unnest($2::text[], $3::text[], $4::text[], $5::numeric[]) WITH ORDINALITY
          AS c(code, title_fa, title_en, weight, sort_order)`,
    [
      set!.id,
      round.criteria.map((c) => c.code),
      round.criteria.map((c) => c.titleFa),
      round.criteria.map((c) => c.titleEn),
      round.criteria.map((c) => c.weight),
    ],
  );
  const [created] = await db.query<Array<{ id: string }>>(
    `INSERT INTO evaluation_round (code, title_fa, title_en, criteria_set_id, starts_on, ends_on, status)
     VALUES ($1, $2, $3, $4, $5::date, $6::date, 'open') RETURNING id`,
    [round.code, round.titleFa, round.titleEn, set!.id, round.startsOn, round.endsOn],
  );
  return created!.id;
}

/** Closes an open round at the version read; false when it changed meanwhile. */
export async function closeRound(db: EntityManager, id: string, version: number): Promise<boolean> {
  const rows = await db.query<Array<{ id: string }>>(
    `WITH u AS (
       UPDATE evaluation_round SET status = 'closed', closed_at = now(), version = version + 1
       WHERE id = $1 AND version = $2 AND status = 'open' RETURNING id
     ) SELECT id FROM u`,
    [id, version],
  );
  return rows.length > 0;
}

/** The criteria of a set, in their order. */
export function selectCriteria(db: EntityManager, criteriaSetId: string): Promise<CriterionRef[]> {
  return db.query<CriterionRef[]>(
    `SELECT id, code, weight::text AS weight FROM criterion WHERE criteria_set_id = $1 ORDER BY sort_order, code`,
    [criteriaSetId],
  );
}

/** Of these users, those who may evaluate (active evaluators and admins). */
export async function selectEvaluators(db: EntityManager, ids: string[]): Promise<string[]> {
  const rows = await db.query<Array<{ id: string }>>(
    `SELECT id FROM app_user WHERE id = ANY($1::uuid[]) AND is_active AND role IN ('evaluator', 'admin')`,
    [ids],
  );
  return rows.map((r) => r.id);
}

export interface NewSession {
  id: string;
  roundId: string;
  agencyId: string;
  heldOn: string;
  representatives: AgencyRepresentative[];
  notes: string;
  internalNotes: string;
  createdById: string;
  evaluatorIds: string[];
}

/** Sessions and their evaluators, in two statements whatever their number. */
export async function insertSessions(db: EntityManager, sessions: NewSession[]): Promise<void> {
  if (sessions.length === 0) return;
  await db.query(
    `INSERT INTO evaluation_session (id, round_id, agency_id, held_on, representatives, notes, internal_notes, created_by_id)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[], $5::jsonb[], $6::text[], $7::text[], $8::uuid[])`,
    [
      sessions.map((s) => s.id),
      sessions.map((s) => s.roundId),
      sessions.map((s) => s.agencyId),
      sessions.map((s) => s.heldOn),
      sessions.map((s) => JSON.stringify(s.representatives)),
      sessions.map((s) => s.notes),
      sessions.map((s) => s.internalNotes),
      sessions.map((s) => s.createdById),
    ],
  );
  const pairs = sessions.flatMap((s) => s.evaluatorIds.map((user) => [s.id, user] as const));
  await db.query(
    `INSERT INTO evaluation_session_evaluator (session_id, user_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
}

export async function lockSession(
  db: EntityManager,
  id: string,
): Promise<{ round_id: string; version: number } | undefined> {
  const rows = await db.query<Array<{ round_id: string; version: number }>>(
    `SELECT round_id, version FROM evaluation_session WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0];
}

export interface SessionChange {
  heldOn: string | null;
  representatives: AgencyRepresentative[] | null;
  notes: string | null;
  internalNotes: string | null;
}

/** Changes the given fields (null: unchanged) at the version read; false when it changed meanwhile. */
export async function updateSession(
  db: EntityManager,
  id: string,
  version: number,
  change: SessionChange,
): Promise<boolean> {
  const rows = await db.query<Array<{ id: string }>>(
    `WITH u AS (
       UPDATE evaluation_session SET
         held_on = coalesce($3::date, held_on),
         representatives = coalesce($4::jsonb, representatives),
         notes = coalesce($5, notes),
         internal_notes = coalesce($6, internal_notes),
         version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING id
     ) SELECT id FROM u`,
    [
      id,
      version,
      change.heldOn,
      change.representatives ? JSON.stringify(change.representatives) : null,
      change.notes,
      change.internalNotes,
    ],
  );
  return rows.length > 0;
}

export interface LockedScore {
  id: string;
  round_id: string;
  agency_id: string;
  status: ScoreStatus;
  version: number;
  submitted_by_id: string | null;
  round_status: RoundStatus;
  criteria_set_id: string;
}

/** Scores locked for this transaction, with their round's status (share-locked), by id or by round and agency. */
export function lockScores(
  db: EntityManager,
  where: { ids: string[] } | { roundId: string; agencyIds: string[] },
): Promise<LockedScore[]> {
  const byId = 'ids' in where;
  return db.query<LockedScore[]>(
    `SELECT s.id, s.round_id, s.agency_id, s.status, s.version, s.submitted_by_id,
            r.status AS round_status, r.criteria_set_id
     FROM score s JOIN evaluation_round r ON r.id = s.round_id
     WHERE ${byId ? 's.id = ANY($1::uuid[])' : 's.round_id = $1 AND s.agency_id = ANY($2::uuid[])'}
     ORDER BY s.id
     FOR UPDATE OF s FOR SHARE OF r`,
    byId ? [where.ids] : [where.roundId, where.agencyIds],
  );
}

/** One agency's score in one round, as the one writer (ScoresService.write) stores it. */
export interface ScoreValuesWrite {
  /** New score: its id (chosen by the caller); existing score: its id and the version read. */
  id: string;
  existingVersion: number | null;
  roundId: string;
  agencyId: string;
  sessionId: string | null;
  total: string;
  values: Array<{ criterionId: string; value: string }>;
  /** An admin's correction: the score becomes final and is flagged, with the reason. */
  correctionReason: string | null;
}

/**
 * Stores criterion values and totals, set-based: one statement for the new scores, one for the existing ones
 * (each guarded by the version read: returns the ids that had changed meanwhile), one for all their values.
 * A plain write leaves (or puts back) the score in draft; a correction makes it final.
 */
export async function writeScoreValues(db: EntityManager, writes: ScoreValuesWrite[]): Promise<string[]> {
  const created = writes.filter((w) => w.existingVersion === null);
  const updated = writes.filter((w) => w.existingVersion !== null);
  if (created.length > 0) {
    await db.query(
      `INSERT INTO score (id, round_id, agency_id, session_id, total, status, finalised_at, is_correction, correction_reason)
       SELECT v.id, v.round_id, v.agency_id, v.session_id, v.total,
              CASE WHEN v.reason IS NULL THEN 'draft' ELSE 'final' END,
              CASE WHEN v.reason IS NULL THEN NULL ELSE now() END,
              v.reason IS NOT NULL, v.reason
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::numeric[], $6::text[])
            AS v(id, round_id, agency_id, session_id, total, reason)`,
      [
        created.map((w) => w.id),
        created.map((w) => w.roundId),
        created.map((w) => w.agencyId),
        created.map((w) => w.sessionId),
        created.map((w) => w.total),
        created.map((w) => w.correctionReason),
      ],
    );
  }
  let stale: string[] = [];
  if (updated.length > 0) {
    const done = await db.query<Array<{ id: string }>>(
      `WITH u AS (
         UPDATE score s SET
           total = v.total,
           session_id = coalesce(v.session_id, s.session_id),
           status = CASE WHEN v.reason IS NULL THEN 'draft' ELSE 'final' END,
           submitted_by_id = CASE WHEN v.reason IS NULL THEN NULL ELSE s.submitted_by_id END,
           submitted_at = CASE WHEN v.reason IS NULL THEN NULL ELSE s.submitted_at END,
           finalised_at = CASE WHEN v.reason IS NULL THEN s.finalised_at ELSE coalesce(s.finalised_at, now()) END,
           is_correction = s.is_correction OR v.reason IS NOT NULL,
           correction_reason = coalesce(v.reason, s.correction_reason),
           version = s.version + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::numeric[], $5::text[]) AS v(id, version, session_id, total, reason)
         WHERE s.id = v.id AND s.version = v.version
         RETURNING s.id
       ) SELECT id FROM u`,
      [
        updated.map((w) => w.id),
        updated.map((w) => w.existingVersion),
        updated.map((w) => w.sessionId),
        updated.map((w) => w.total),
        updated.map((w) => w.correctionReason),
      ],
    );
    const written = new Set(done.map((d) => d.id));
    stale = updated.filter((w) => !written.has(w.id)).map((w) => w.id);
    if (stale.length > 0) return stale;
  }
  const values = writes.flatMap((w) => w.values.map((v) => [w.id, v.criterionId, v.value] as const));
  await db.query(
    `INSERT INTO criterion_score (score_id, criterion_id, value)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::numeric[])
     ON CONFLICT (score_id, criterion_id) DO UPDATE SET value = EXCLUDED.value`,
    [values.map((v) => v[0]), values.map((v) => v[1]), values.map((v) => v[2])],
  );
  return stale;
}

/** One step of the score workflow at the version read; false when it changed meanwhile. */
export async function moveScoreStatus(
  db: EntityManager,
  id: string,
  version: number,
  step: 'submit' | 'review' | 'finalise',
  to: ScoreStatus,
  actorId: string,
): Promise<boolean> {
  const set = {
    submit: `submitted_by_id = $4, submitted_at = now(), reviewed_by_id = NULL, reviewed_at = NULL`,
    review: `reviewed_by_id = $4, reviewed_at = now()`,
    finalise: `finalised_at = now()`,
  }[step];
  const rows = await db.query<Array<{ id: string }>>(
    `WITH u AS (
       UPDATE score SET status = $3, ${set}, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING id
     ) SELECT id FROM u`,
    step === 'finalise' ? [id, version, to] : [id, version, to, actorId],
  );
  return rows.length > 0;
}
