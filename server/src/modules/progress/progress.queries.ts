import type { EntityManager } from 'typeorm';
import { Conditions, containsPattern } from '../../common/db/conditions.js';
import type { AgencyProgressKind } from '../agencies/agency-progress-event.entity.js';
import type { RecordSource, ServiceAudience, ServiceStage } from '../catalogue/stages.js';
import type { RecordableStage, StageDates } from './progress-rules.js';

/**
 * The SQL of connection progress: the dated state on the rows (agency, e_service, agency_system) and the
 * append-only ledgers beside them (agency_progress_event, service_stage_event). Calendar days come back as
 * `YYYY-MM-DD` text and instants as ISO text in UTC, so neither passes through a JS Date. The writes take the
 * manager of the caller's transaction; the service decides what may be written.
 */

const day = (column: string, alias = column) => `to_char(${column}, 'YYYY-MM-DD') AS "${alias}"`;
const instant = (column: string, alias: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "${alias}"`;

/* ---------------------------------------------------------------------------------------------------------------
 * Row types
 * ------------------------------------------------------------------------------------------------------------- */

/** An agency's current progress, with the `version` a write must match. */
export interface AgencyProgressRow {
  id: string;
  code: string;
  nameFa: string;
  nameEn: string;
  singleWindowLaunchedOn: string | null;
  singleWindowUrl: string | null;
  nationalWindowConnectedOn: string | null;
  version: number;
}

/** Who recorded a ledger row (null for seed rows); the service decides who may see it. */
interface RecordedByColumns {
  note: string | null;
  recordedById: string | null;
  recordedByName: string | null;
  recordedAt: string;
}

export interface AgencyProgressEventRow extends RecordedByColumns {
  id: string;
  kind: AgencyProgressKind;
  occurredOn: string;
  url: string | null;
  supersedesId: string | null;
  supersededById: string | null;
  isCurrent: boolean;
  source: RecordSource;
}

export interface ServiceStageEventRow extends RecordedByColumns {
  id: string;
  serviceId: string;
  serviceCode: string;
  serviceNameFa: string;
  serviceNameEn: string;
  stage: ServiceStage;
  reachedOn: string;
  supersedesId: string | null;
  supersededById: string | null;
  isCurrent: boolean;
  source: RecordSource;
}

export interface ServiceRow extends StageDates {
  id: string;
  agencyId: string;
  code: string;
  nameFa: string;
  nameEn: string;
  audience: ServiceAudience;
  systemId: string | null;
  stage: ServiceStage;
  identifiedOn: string;
  withdrawnOn: string | null;
  withdrawalReason: string | null;
  version: number;
}

export interface SystemRow extends StageDates {
  id: string;
  agencyId: string;
  code: string;
  nameFa: string;
  nameEn: string;
  stage: ServiceStage;
  serviceCount: number;
  connectedServiceCount: number;
  version: number;
}

/** A service whose days stand in the way of a system's stage. */
export interface StageConflictRow extends StageDates {
  id: string;
  code: string;
}

/* ---------------------------------------------------------------------------------------------------------------
 * Agencies
 * ------------------------------------------------------------------------------------------------------------- */

const AGENCY_PROGRESS_COLUMNS = `id, code, name_fa AS "nameFa", name_en AS "nameEn",
  ${day('single_window_launched_on', 'singleWindowLaunchedOn')}, single_window_url AS "singleWindowUrl",
  ${day('national_window_connected_on', 'nationalWindowConnectedOn')}, version`;

export async function selectAgencyProgress(
  db: EntityManager,
  agencyId: string,
): Promise<AgencyProgressRow | undefined> {
  const rows = await db.query<AgencyProgressRow[]>(`SELECT ${AGENCY_PROGRESS_COLUMNS} FROM agency WHERE id = $1`, [
    agencyId,
  ]);
  return rows[0];
}

/** The agency's progress, its row locked until the transaction ends. */
export async function lockAgency(db: EntityManager, agencyId: string): Promise<AgencyProgressRow | undefined> {
  const rows = await db.query<AgencyProgressRow[]>(
    `SELECT ${AGENCY_PROGRESS_COLUMNS} FROM agency WHERE id = $1 FOR UPDATE`,
    [agencyId],
  );
  return rows[0];
}

/** The agency's whole progress ledger, newest recorded first. */
export function selectAgencyProgressEvents(db: EntityManager, agencyId: string): Promise<AgencyProgressEventRow[]> {
  return db.query<AgencyProgressEventRow[]>(
    `SELECT p.id, p.kind, ${day('p.occurred_on', 'occurredOn')}, p.url, p.supersedes_id AS "supersedesId",
            n.id AS "supersededById", (n.id IS NULL) AS "isCurrent", p.source, p.note,
            u.id AS "recordedById", u.display_name AS "recordedByName", ${instant('p.recorded_at', 'recordedAt')}
     FROM agency_progress_event p
     LEFT JOIN agency_progress_event n ON n.supersedes_id = p.id
     LEFT JOIN app_user u ON u.id = p.recorded_by_id
     WHERE p.agency_id = $1
     ORDER BY p.recorded_at DESC, p.occurred_on DESC, p.id DESC`,
    [agencyId],
  );
}

/** The newest `limit` rows of the stage ledgers of the agency's services. */
export function selectAgencyServiceEvents(
  db: EntityManager,
  agencyId: string,
  limit: number,
): Promise<ServiceStageEventRow[]> {
  return db.query<ServiceStageEventRow[]>(
    `SELECT v.id, v.service_id AS "serviceId", e.code AS "serviceCode", e.name_fa AS "serviceNameFa",
            e.name_en AS "serviceNameEn", v.stage, ${day('v.reached_on', 'reachedOn')},
            v.supersedes_id AS "supersedesId", n.id AS "supersededById", (n.id IS NULL) AS "isCurrent",
            v.source, v.note, u.id AS "recordedById", u.display_name AS "recordedByName",
            ${instant('v.recorded_at', 'recordedAt')}
     FROM service_stage_event v
     JOIN e_service e ON e.id = v.service_id
     LEFT JOIN service_stage_event n ON n.supersedes_id = v.id
     LEFT JOIN app_user u ON u.id = v.recorded_by_id
     WHERE e.agency_id = $1
     ORDER BY v.recorded_at DESC, v.reached_on DESC, e.code DESC, v.id DESC
     LIMIT $2`,
    [agencyId, limit],
  );
}

export async function countAgencyServiceEvents(db: EntityManager, agencyId: string): Promise<number> {
  const rows = await db.query<Array<{ total: number }>>(
    `SELECT count(*)::int AS total FROM service_stage_event v JOIN e_service e ON e.id = v.service_id WHERE e.agency_id = $1`,
    [agencyId],
  );
  return rows[0]?.total ?? 0;
}

export interface NewAgencyProgressEvent {
  agencyId: string;
  kind: AgencyProgressKind;
  occurredOn: string;
  url: string | null;
  note: string | null;
}

export interface InsertedAgencyProgressEvent {
  id: string;
  agencyId: string;
  kind: AgencyProgressKind;
  occurredOn: string;
  supersedesId: string | null;
}

/**
 * Appends rows to the agencies' progress ledgers, in one statement whatever their number; each supersedes the
 * current row of its agency and kind, if any (at most one new row per agency and kind).
 */
export function insertAgencyProgressEvents(
  db: EntityManager,
  events: NewAgencyProgressEvent[],
  source: RecordSource,
  recordedById: string,
): Promise<InsertedAgencyProgressEvent[]> {
  return db.query<InsertedAgencyProgressEvent[]>(
    `WITH v AS (
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[], $4::text[], $5::text[]) WITH ORDINALITY
              AS v(agency_id, kind, day, url, note, n)
     ), latest AS (
       -- the row of each ledger that no later row corrects: one anti-join over the ledger, not one per row
       SELECT DISTINCT ON (p.agency_id, p.kind) p.agency_id, p.kind, p.id
       FROM agency_progress_event p
       WHERE p.agency_id = ANY($1::uuid[])
         AND NOT EXISTS (SELECT 1 FROM agency_progress_event q WHERE q.supersedes_id = p.id)
       ORDER BY p.agency_id, p.kind, p.recorded_at DESC, p.id DESC
     ), inserted AS (
       INSERT INTO agency_progress_event (agency_id, kind, occurred_on, url, supersedes_id, note, source, recorded_by_id)
       SELECT v.agency_id, v.kind, v.day, v.url, c.id, v.note, $6::text, $7::uuid
       FROM v LEFT JOIN latest c ON c.agency_id = v.agency_id AND c.kind = v.kind
       ORDER BY v.n
       RETURNING id, agency_id, kind, occurred_on, supersedes_id
     )
     SELECT id, agency_id AS "agencyId", kind, ${day('occurred_on', 'occurredOn')}, supersedes_id AS "supersedesId"
     FROM inserted ORDER BY agency_id, kind`,
    [
      events.map((e) => e.agencyId),
      events.map((e) => e.kind),
      events.map((e) => e.occurredOn),
      events.map((e) => e.url),
      events.map((e) => e.note),
      source,
      recordedById,
    ],
  );
}

export interface AgencyProgressValues {
  singleWindowLaunchedOn: string | null;
  singleWindowUrl: string | null;
  nationalWindowConnectedOn: string | null;
}

/**
 * Sets the agencies' progress days, each only if its version is still the one read; returns the agencies
 * updated with their new versions (one missing: it changed meanwhile).
 */
export function updateAgenciesProgress(
  db: EntityManager,
  updates: Array<AgencyProgressValues & { agencyId: string; version: number }>,
): Promise<Array<{ id: string; version: number }>> {
  return db.query<Array<{ id: string; version: number }>>(
    `WITH u AS (
       UPDATE agency a SET single_window_launched_on = v.launched, single_window_url = v.url,
                           national_window_connected_on = v.connected, version = a.version + 1, updated_at = now()
       FROM unnest($1::uuid[], $2::int[], $3::date[], $4::text[], $5::date[]) AS v(id, version, launched, url, connected)
       WHERE a.id = v.id AND a.version = v.version
       RETURNING a.id, a.version)
     SELECT id, version FROM u`,
    [
      updates.map((u) => u.agencyId),
      updates.map((u) => u.version),
      updates.map((u) => u.singleWindowLaunchedOn),
      updates.map((u) => u.singleWindowUrl),
      updates.map((u) => u.nationalWindowConnectedOn),
    ],
  );
}

/* ---------------------------------------------------------------------------------------------------------------
 * Services
 * ------------------------------------------------------------------------------------------------------------- */

const SERVICE_COLUMNS = `e.id, e.agency_id AS "agencyId", e.code, e.name_fa AS "nameFa", e.name_en AS "nameEn",
  e.audience, e.system_id AS "systemId", ${day('e.electronic_on', 'electronicOn')},
  ${day('e.single_window_on', 'singleWindowOn')}, ${day('e.national_window_on', 'nationalWindowOn')}, e.stage,
  ${day('e.identified_on', 'identifiedOn')}, ${day('e.withdrawn_on', 'withdrawnOn')},
  e.withdrawal_reason AS "withdrawalReason", e.version`;

export interface AgencyServiceFilter {
  stage?: ServiceStage;
  systemId?: string;
  /** Already normalised for search (`normalizeForSearch`); matched anywhere in the code and both names. */
  searchTerm?: string;
}

/** The filters of `GET /agencies/:id/services`, shared with its export (exports.queries.ts). */
export function agencyServiceConditions(agencyId: string, filter: AgencyServiceFilter): Conditions {
  const conditions = new Conditions().add('e.agency_id = ?', agencyId);
  if (filter.stage) conditions.add('e.stage = ?', filter.stage);
  if (filter.systemId) conditions.add('e.system_id = ?', filter.systemId);
  if (filter.searchTerm) {
    conditions.add(
      `app_normalize_search(e.name_fa || ' ' || e.name_en || ' ' || e.code) LIKE ?`,
      containsPattern(filter.searchTerm),
    );
  }
  return conditions;
}

export async function countAgencyServices(
  db: EntityManager,
  agencyId: string,
  filter: AgencyServiceFilter,
): Promise<number> {
  const conditions = agencyServiceConditions(agencyId, filter);
  const rows = await db.query<Array<{ total: number }>>(
    `SELECT count(*)::int AS total FROM e_service e ${conditions.where}`,
    conditions.params,
  );
  return rows[0]?.total ?? 0;
}

/** The agency's services by code. */
export function selectAgencyServices(
  db: EntityManager,
  agencyId: string,
  filter: AgencyServiceFilter,
  page: { limit: number; offset: number },
): Promise<ServiceRow[]> {
  const conditions = agencyServiceConditions(agencyId, filter);
  return db.query<ServiceRow[]>(
    `SELECT ${SERVICE_COLUMNS} FROM e_service e ${conditions.where}
     ORDER BY e.code, e.id LIMIT ${conditions.next()} OFFSET ${conditions.next(2)}`,
    [...conditions.params, page.limit, page.offset],
  );
}

/** The service, its row locked until the transaction ends. */
export async function lockService(db: EntityManager, serviceId: string): Promise<ServiceRow | undefined> {
  const rows = await db.query<ServiceRow[]>(`SELECT ${SERVICE_COLUMNS} FROM e_service e WHERE e.id = $1 FOR UPDATE`, [
    serviceId,
  ]);
  return rows[0];
}

/** The row of a service's ledger for `stage` that no later row corrects, for `supersedes_id` of the next one. */
const CURRENT_SERVICE_EVENT = (serviceId: string, stage: string) =>
  `(SELECT p.id FROM service_stage_event p
    WHERE p.service_id = ${serviceId} AND p.stage = ${stage}
      AND NOT EXISTS (SELECT 1 FROM service_stage_event q WHERE q.supersedes_id = p.id)
    ORDER BY p.recorded_at DESC, p.id DESC LIMIT 1)`;

/**
 * Appends one ledger row per stage in `stages`, all reached on `reachedOn`, each superseding the current row of
 * its stage. `source` is 'manual'.
 */
export function insertServiceStageEvents(
  db: EntityManager,
  event: {
    serviceId: string;
    stages: RecordableStage[];
    reachedOn: string;
    note: string | null;
    recordedById: string;
  },
): Promise<Array<{ id: string; stage: RecordableStage }>> {
  return db.query<Array<{ id: string; stage: RecordableStage }>>(
    `INSERT INTO service_stage_event (service_id, stage, reached_on, supersedes_id, note, source, recorded_by_id)
     SELECT $1::uuid, s.stage, $2::date, ${CURRENT_SERVICE_EVENT('$1::uuid', 's.stage')}, $3::text, 'manual', $4::uuid
     FROM unnest($5::text[]) AS s(stage)
     RETURNING id, stage`,
    [event.serviceId, event.reachedOn, event.note, event.recordedById, event.stages],
  );
}

/** Sets the service's stage days if its version is still `version`; returns the row after, or undefined. */
export async function updateServiceStageDates(
  db: EntityManager,
  serviceId: string,
  version: number,
  dates: StageDates,
): Promise<ServiceRow | undefined> {
  const [row] = await db.query<ServiceRow[]>(
    `WITH u AS (
       UPDATE e_service SET electronic_on = $3, single_window_on = $4, national_window_on = $5,
                            version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING *)
     SELECT ${SERVICE_COLUMNS} FROM u e`,
    [serviceId, version, dates.electronicOn, dates.singleWindowOn, dates.nationalWindowOn],
  );
  return row;
}

/* ---------------------------------------------------------------------------------------------------------------
 * Systems
 * ------------------------------------------------------------------------------------------------------------- */

const SYSTEM_COLUMNS = `s.id, s.agency_id AS "agencyId", s.code, s.name_fa AS "nameFa", s.name_en AS "nameEn",
  ${day('s.electronic_on', 'electronicOn')}, ${day('s.single_window_on', 'singleWindowOn')},
  ${day('s.national_window_on', 'nationalWindowOn')}, s.stage, s.version,
  (SELECT count(*)::int FROM e_service e WHERE e.system_id = s.id) AS "serviceCount",
  (SELECT count(*)::int FROM e_service e WHERE e.system_id = s.id AND e.stage = 'national_window') AS "connectedServiceCount"`;

/** The agency's systems in Persian alphabetical order. */
export function selectAgencySystems(db: EntityManager, agencyId: string): Promise<SystemRow[]> {
  return db.query<SystemRow[]>(
    `SELECT ${SYSTEM_COLUMNS} FROM agency_system s WHERE s.agency_id = $1
     ORDER BY s.name_fa COLLATE "fa-x-icu", s.id`,
    [agencyId],
  );
}

export async function selectSystem(db: EntityManager, systemId: string): Promise<SystemRow | undefined> {
  const rows = await db.query<SystemRow[]>(`SELECT ${SYSTEM_COLUMNS} FROM agency_system s WHERE s.id = $1`, [systemId]);
  return rows[0];
}

/** The system, its row locked until the transaction ends (its services are not locked). */
export async function lockSystem(db: EntityManager, systemId: string): Promise<SystemRow | undefined> {
  const rows = await db.query<SystemRow[]>(
    `SELECT ${SYSTEM_COLUMNS} FROM agency_system s WHERE s.id = $1 FOR UPDATE OF s`,
    [systemId],
  );
  return rows[0];
}

/** Sets the system's stage days if its version is still `version`; false when it was not (a stale version). */
export async function updateSystemStageDates(
  db: EntityManager,
  systemId: string,
  version: number,
  dates: StageDates,
): Promise<boolean> {
  const rows = await db.query<Array<{ id: string }>>(
    `WITH u AS (
       UPDATE agency_system SET electronic_on = $3, single_window_on = $4, national_window_on = $5,
                                version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING id)
     SELECT id FROM u`,
    [systemId, version, dates.electronicOn, dates.singleWindowOn, dates.nationalWindowOn],
  );
  return rows.length > 0;
}

/**
 * Services of the system still at one of the `behind` stages that reached an earlier stage after `reachedOn`:
 * carrying them to `reachedOn` would put their days out of order.
 */
export function selectServicesOutOfOrder(
  db: EntityManager,
  systemId: string,
  behind: ServiceStage[],
  reachedOn: string,
): Promise<StageConflictRow[]> {
  return db.query<StageConflictRow[]>(
    `SELECT e.id, e.code, ${day('e.electronic_on', 'electronicOn')}, ${day('e.single_window_on', 'singleWindowOn')},
            ${day('e.national_window_on', 'nationalWindowOn')}
     FROM e_service e
     WHERE e.system_id = $1 AND e.stage = ANY($2::text[])
       AND (e.electronic_on > $3::date OR e.single_window_on > $3::date)
     ORDER BY e.code`,
    [systemId, behind, reachedOn],
  );
}

export interface CarrySystemStage {
  systemId: string;
  /** The stages of the services to carry: those that have not reached the system's new stage. */
  behind: ServiceStage[];
  reachedOn: string;
  /** The stages the carried services reach (`stagesUpTo` of the recorded stage). */
  setsSingleWindow: boolean;
  setsNationalWindow: boolean;
  note: string;
  recordedById: string;
}

/**
 * Carries the system's stage to its services, in one statement: every service of the system at a `behind` stage
 * gets `reachedOn` for each stage it reaches now (a day it already has for an earlier stage stays), a new
 * version, and one ledger row per day that changed (superseding the current row of that stage; `source` is
 * 'manual'). Returns the ids of the services carried, in id order, and the number of ledger rows written.
 */
export async function carrySystemStage(
  db: EntityManager,
  carry: CarrySystemStage,
): Promise<{ serviceIds: string[]; ledgerRows: number }> {
  const rows = await db.query<Array<{ id: string; eventCount: number }>>(
    `WITH target AS (
       SELECT id, electronic_on, single_window_on, national_window_on
       FROM e_service WHERE system_id = $1 AND stage = ANY($2::text[])
     ), changed AS (
       UPDATE e_service e SET
         electronic_on = coalesce(e.electronic_on, $3::date),
         single_window_on = CASE WHEN $4::boolean THEN coalesce(e.single_window_on, $3::date) ELSE e.single_window_on END,
         national_window_on = CASE WHEN $5::boolean THEN $3::date ELSE e.national_window_on END,
         version = e.version + 1, updated_at = now()
       FROM target t
       WHERE e.id = t.id AND e.stage = ANY($2::text[])
       RETURNING e.id, t.electronic_on AS was_e, t.single_window_on AS was_s, t.national_window_on AS was_n,
                 e.electronic_on, e.single_window_on, e.national_window_on
     ), latest AS (
       SELECT DISTINCT ON (p.service_id, p.stage) p.service_id, p.stage, p.id
       FROM service_stage_event p JOIN target t ON t.id = p.service_id
       WHERE NOT EXISTS (SELECT 1 FROM service_stage_event q WHERE q.supersedes_id = p.id)
       ORDER BY p.service_id, p.stage, p.recorded_at DESC, p.id DESC
     ), events AS (
       INSERT INTO service_stage_event (service_id, stage, reached_on, supersedes_id, note, source, recorded_by_id)
       SELECT c.id, x.stage, x.reached_on, cur.id, $6::text, 'manual', $7::uuid
       FROM changed c
       CROSS JOIN LATERAL (VALUES ('electronic', c.electronic_on, c.was_e),
                                  ('single_window', c.single_window_on, c.was_s),
                                  ('national_window', c.national_window_on, c.was_n)) AS x(stage, reached_on, was)
       LEFT JOIN latest cur ON cur.service_id = c.id AND cur.stage = x.stage
       WHERE x.reached_on IS DISTINCT FROM x.was
       RETURNING service_id
     )
     SELECT c.id, (SELECT count(*)::int FROM events) AS "eventCount" FROM changed c ORDER BY c.id`,
    [
      carry.systemId,
      carry.behind,
      carry.reachedOn,
      carry.setsSingleWindow,
      carry.setsNationalWindow,
      carry.note,
      carry.recordedById,
    ],
  );
  return { serviceIds: rows.map((r) => r.id), ledgerRows: rows[0]?.eventCount ?? 0 };
}
