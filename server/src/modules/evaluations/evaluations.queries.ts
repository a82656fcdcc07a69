import type { EntityManager } from 'typeorm';
import { Conditions } from '../../common/db/conditions.js';
import type { AgencyRepresentative } from './evaluation-session.entity.js';
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

const SESSION_FROM = `
  FROM evaluation_session s
  JOIN evaluation_round r ON r.id = s.round_id
  JOIN agency a ON a.id = s.agency_id`;

export async function selectSessions(
  db: EntityManager,
  conditions: Conditions,
  page?: { limit: number; offset: number },
): Promise<SessionRow[]> {
  const paging = page ? `LIMIT ${conditions.next()} OFFSET ${conditions.next(2)}` : '';
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
     ${paging}`,
    page ? [...conditions.params, page.limit, page.offset] : conditions.params,
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

export async function selectScores(
  db: EntityManager,
  conditions: Conditions,
  page?: { limit: number; offset: number },
): Promise<ScoreRow[]> {
  const paging = page ? `LIMIT ${conditions.next()} OFFSET ${conditions.next(2)}` : '';
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
     ${paging}`,
    page ? [...conditions.params, page.limit, page.offset] : conditions.params,
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
