import type { EntityManager } from 'typeorm';

/**
 * What the importers read to check a file against the database. Calendar days come back as `YYYY-MM-DD` text and
 * decimals as text. `lock` (a commit) locks the rows the import will change, so that what was checked is what is
 * written.
 */

export interface RoundRef {
  id: string;
  code: string;
  status: 'open' | 'closed';
  startsOn: string;
  endsOn: string;
  criteriaSetId: string;
}

export interface CriterionRow {
  id: string;
  criteriaSetId: string;
  code: string;
  titleFa: string;
  titleEn: string;
  /** Exact decimal text, e.g. "25.00". */
  weight: string;
}

export interface AgencyRefRow {
  id: string;
  code: string;
  nameFa: string;
  nameEn: string;
  isMain: boolean;
}

export function selectAgencyRefs(db: EntityManager): Promise<AgencyRefRow[]> {
  return db.query<AgencyRefRow[]>(
    `SELECT id, code, name_fa AS "nameFa", name_en AS "nameEn", is_main AS "isMain" FROM agency
     ORDER BY is_main DESC, name_fa COLLATE "fa-x-icu", code`,
  );
}

/** Every round, newest first (share-locked on a commit, so none closes meanwhile). */
export function selectRounds(db: EntityManager, lock = false): Promise<RoundRef[]> {
  return db.query<RoundRef[]>(
    `SELECT id, code, status, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn",
            criteria_set_id AS "criteriaSetId"
     FROM evaluation_round ORDER BY starts_on DESC, created_at DESC ${lock ? 'FOR SHARE' : ''}`,
  );
}

export function selectAllCriteria(db: EntityManager): Promise<CriterionRow[]> {
  return db.query<CriterionRow[]>(
    `SELECT id, criteria_set_id AS "criteriaSetId", code, title_fa AS "titleFa", title_en AS "titleEn", weight::text AS weight
     FROM criterion ORDER BY sort_order, code`,
  );
}

export interface ExistingScoreRow {
  id: string;
  roundId: string;
  agencyId: string;
  status: string;
  version: number;
  /** The day of the session the score is linked to (`YYYY-MM-DD`); null when it has none. */
  heldOn: string | null;
  /** The criterion values by criterion id, as exact decimal text ("26.70"). */
  values: Record<string, string>;
}

/** The scores of these rounds, with their session's day and their values (the scores locked on a commit). */
export function selectRoundScores(db: EntityManager, roundIds: string[], lock: boolean): Promise<ExistingScoreRow[]> {
  return db.query<ExistingScoreRow[]>(
    `SELECT s.id, s.round_id AS "roundId", s.agency_id AS "agencyId", s.status, s.version,
            to_char(e.held_on, 'YYYY-MM-DD') AS "heldOn",
            coalesce((SELECT jsonb_object_agg(cs.criterion_id, cs.value::text) FROM criterion_score cs
                      WHERE cs.score_id = s.id), '{}'::jsonb) AS values
     FROM score s LEFT JOIN evaluation_session e ON e.id = s.session_id
     WHERE s.round_id = ANY($1::uuid[]) ORDER BY s.id ${lock ? 'FOR UPDATE OF s' : ''}`,
    [roundIds],
  );
}

/** The first session of each round, agency and day in these rounds: a file's row on such a day reuses it. */
export function selectSessionDays(
  db: EntityManager,
  roundIds: string[],
): Promise<Array<{ id: string; roundId: string; agencyId: string; heldOn: string }>> {
  return db.query(
    `SELECT DISTINCT ON (round_id, agency_id, held_on) id, round_id AS "roundId", agency_id AS "agencyId",
            to_char(held_on, 'YYYY-MM-DD') AS "heldOn"
     FROM evaluation_session WHERE round_id = ANY($1::uuid[]) ORDER BY round_id, agency_id, held_on, created_at, id`,
    [roundIds],
  );
}

export interface AgencyProgressState {
  id: string;
  launched: string | null;
  url: string | null;
  connected: string | null;
  version: number;
}

/** The recorded progress days of these agencies (locked on a commit). */
export function selectAgencyProgressStates(
  db: EntityManager,
  ids: string[],
  lock: boolean,
): Promise<AgencyProgressState[]> {
  return db.query<AgencyProgressState[]>(
    `SELECT id, to_char(single_window_launched_on, 'YYYY-MM-DD') AS launched, single_window_url AS url,
            to_char(national_window_connected_on, 'YYYY-MM-DD') AS connected, version
     FROM agency WHERE id = ANY($1::uuid[]) ORDER BY id ${lock ? 'FOR UPDATE' : ''}`,
    [ids],
  );
}
