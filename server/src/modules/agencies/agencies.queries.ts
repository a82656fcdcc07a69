import type { EntityManager } from 'typeorm';
import type { Conditions } from '../../common/db/conditions.js';
import type { ServiceStage } from '../catalogue/stages.js';
import type { AgencyBranch, AgencyKind } from './agency.entity.js';

/**
 * The reads of the agencies feature, as raw SQL rows. Calendar days come back as `YYYY-MM-DD` text and decimals as
 * text ("26.07"), so neither passes through a JS Date or a float.
 */

export interface AgencyRow {
  id: string;
  code: string;
  name_fa: string;
  name_en: string;
  kind: AgencyKind;
  branch: AgencyBranch;
  parent_id: string | null;
  is_main: boolean;
  single_window_launched_on: string | null;
  national_window_connected_on: string | null;
}

/** Where an agency stood on a day: its services and how many had reached the national window, its latest score. */
export interface AgencyStanding {
  agency_id: string;
  service_count: number;
  connected_service_count: number;
  /** The latest final score known on that day (by its round's end), exact decimal text; null if none. */
  latest_score: string | null;
}

const AGENCY_COLUMNS = `a.id, a.code, a.name_fa, a.name_en, a.kind, a.branch, a.parent_id, a.is_main,
  to_char(a.single_window_launched_on, 'YYYY-MM-DD') AS single_window_launched_on,
  to_char(a.national_window_connected_on, 'YYYY-MM-DD') AS national_window_connected_on`;

/** Persian alphabetical order (ICU), then id, so that pages never overlap. */
const AGENCY_ORDER = `a.name_fa COLLATE "fa-x-icu", a.id`;

export async function countAgencies(db: EntityManager, conditions: Conditions): Promise<number> {
  const rows = await db.query<Array<{ total: number }>>(
    `SELECT count(*)::int AS total FROM agency a ${conditions.where}`,
    conditions.params,
  );
  return rows[0]?.total ?? 0;
}

export function selectAgencies(
  db: EntityManager,
  conditions: Conditions,
  page: { limit: number; offset: number },
): Promise<AgencyRow[]> {
  return db.query<AgencyRow[]>(
    `SELECT ${AGENCY_COLUMNS} FROM agency a ${conditions.where}
     ORDER BY ${AGENCY_ORDER} LIMIT ${conditions.next()} OFFSET ${conditions.next(2)}`,
    [...conditions.params, page.limit, page.offset],
  );
}

/** Whether there is an agency with this id (for the other features' writes and reads that name one). */
export async function agencyExists(db: EntityManager, id: string): Promise<boolean> {
  return (await db.query<unknown[]>(`SELECT 1 FROM agency WHERE id = $1`, [id])).length > 0;
}

export async function selectAgency(db: EntityManager, id: string): Promise<AgencyRow | undefined> {
  const rows = await db.query<AgencyRow[]>(`SELECT ${AGENCY_COLUMNS} FROM agency a WHERE a.id = $1`, [id]);
  return rows[0];
}

/**
 * Each agency's standing on the day `asOf` (ISO), for the agencies named, or for every agency when `agencyIds` is
 * undefined: the one query that the agency list uses now, and rankings and weekly reports next. Set-based: one
 * grouped pass over the services and one over the final scores, whatever the number of agencies, never a query
 * (or a lateral scan) per agency. A score counts from the day it was finalised (Tehran time); a service is
 * connected from the day it reached the national window.
 */
export function selectAgencyStandings(
  db: EntityManager,
  asOf: string,
  agencyIds?: string[],
): Promise<AgencyStanding[]> {
  const only = agencyIds ? 'AND x.agency_id = ANY($2::uuid[])' : '';
  return db.query<AgencyStanding[]>(
    `WITH services AS (
       SELECT x.agency_id, count(*)::int AS service_count,
              count(*) FILTER (WHERE x.national_window_on <= $1::date)::int AS connected_service_count
       FROM e_service x WHERE true ${only}
       GROUP BY x.agency_id
     ), scores AS (
       SELECT DISTINCT ON (x.agency_id) x.agency_id, x.total::text AS latest_score
       FROM score x JOIN evaluation_round r ON r.id = x.round_id
       WHERE x.status = 'final' AND x.finalised_at < (($1::date + 1)::timestamp AT TIME ZONE 'Asia/Tehran') ${only}
       ORDER BY x.agency_id, r.ends_on DESC, r.created_at DESC
     )
     SELECT coalesce(s.agency_id, c.agency_id) AS agency_id,
            coalesce(s.service_count, 0) AS service_count,
            coalesce(s.connected_service_count, 0) AS connected_service_count,
            c.latest_score
     FROM services s FULL JOIN scores c ON c.agency_id = s.agency_id`,
    agencyIds ? [asOf, agencyIds] : [asOf],
  );
}

export interface AgencyRelativeRow {
  id: string;
  nameFa: string;
  nameEn: string;
  isParent: boolean;
}

/** The agency's parent and its subordinate bodies. */
export function selectRelatives(db: EntityManager, id: string, parentId: string | null): Promise<AgencyRelativeRow[]> {
  return db.query<AgencyRelativeRow[]>(
    `SELECT a.id, a.name_fa AS "nameFa", a.name_en AS "nameEn", (a.id = $2) AS "isParent"
     FROM agency a WHERE a.parent_id = $1 OR a.id = $2
     ORDER BY ${AGENCY_ORDER}`,
    [id, parentId],
  );
}

export function selectStageCounts(
  db: EntityManager,
  agencyId: string,
): Promise<Array<{ stage: ServiceStage; count: number }>> {
  return db.query(`SELECT stage, count(*)::int AS count FROM e_service WHERE agency_id = $1 GROUP BY stage`, [
    agencyId,
  ]);
}

export interface AgencySystemRow {
  id: string;
  nameFa: string;
  nameEn: string;
  stage: ServiceStage;
  serviceCount: number;
}

/** The agency's systems with how many services each carries (one grouped join). */
export function selectAgencySystems(db: EntityManager, agencyId: string): Promise<AgencySystemRow[]> {
  return db.query<AgencySystemRow[]>(
    `SELECT s.id, s.name_fa AS "nameFa", s.name_en AS "nameEn", s.stage, count(e.id)::int AS "serviceCount"
     FROM agency_system s LEFT JOIN e_service e ON e.system_id = s.id
     WHERE s.agency_id = $1
     GROUP BY s.id
     ORDER BY s.name_fa COLLATE "fa-x-icu", s.id`,
    [agencyId],
  );
}
