import { Injectable } from '@nestjs/common';
import { Conditions, containsPattern } from '../../common/db/conditions.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { VersionConflictException } from '../../common/errors/version-conflict.exception.js';
import { normalizeForSearch } from '../../common/text/normalize-text.js';
import { AgencyNotFoundException } from '../agencies/agencies.exception.js';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import type {
  AgencyProgressCurrentDto,
  AgencyProgressDto,
  AgencyProgressEventDto,
  ServiceStageEventDto,
} from './dto/agency-progress.dto.js';
import type {
  ListAgencyServicesQuery,
  ServiceDto,
  ServiceListDto,
  SystemDto,
  SystemListDto,
  SystemStageResultDto,
} from './dto/agency-services.dto.js';
import type { RecordAgencyProgressDto } from './dto/record-agency-progress.dto.js';
import type { RecordStageDto } from './dto/record-stage.dto.js';
import {
  DateInFutureException,
  ProgressDatesOutOfOrderException,
  ServiceNotFoundException,
  StageDatesOutOfOrderException,
  SystemNotFoundException,
  type StageConflict,
} from './progress.exception.js';
import { tehranToday } from '../../common/dates/calendar-day.js';
import { applyAgencyProgress, applyStage, stagesBefore, type StageDates } from './progress-rules.js';

const day = (column: string, alias = column) => `to_char(${column}, 'YYYY-MM-DD') AS "${alias}"`;

const AGENCY_PROGRESS_COLUMNS = `id, code, name_fa AS "nameFa", name_en AS "nameEn",
  ${day('single_window_launched_on', 'singleWindowLaunchedOn')}, single_window_url AS "singleWindowUrl",
  ${day('national_window_connected_on', 'nationalWindowConnectedOn')}, version`;

interface AgencyProgressRow extends AgencyProgressCurrentDto {
  id: string;
  code: string;
  nameFa: string;
  nameEn: string;
}

const SERVICE_COLUMNS = `e.id, e.agency_id AS "agencyId", e.code, e.name_fa AS "nameFa", e.name_en AS "nameEn",
  e.audience, e.system_id AS "systemId", ${day('e.electronic_on', 'electronicOn')},
  ${day('e.single_window_on', 'singleWindowOn')}, ${day('e.national_window_on', 'nationalWindowOn')}, e.stage, e.version`;

const SYSTEM_COLUMNS = `s.id, s.agency_id AS "agencyId", s.code, s.name_fa AS "nameFa", s.name_en AS "nameEn",
  ${day('s.electronic_on', 'electronicOn')}, ${day('s.single_window_on', 'singleWindowOn')},
  ${day('s.national_window_on', 'nationalWindowOn')}, s.stage, s.version,
  (SELECT count(*)::int FROM e_service e WHERE e.system_id = s.id) AS "serviceCount",
  (SELECT count(*)::int FROM e_service e WHERE e.system_id = s.id AND e.stage = 'national_window') AS "connectedServiceCount"`;

/** The row of a ledger that no later row corrects, for `supersedes_id` of the next one. */
const CURRENT_SERVICE_EVENT = (serviceId: string, stage: string) =>
  `(SELECT p.id FROM service_stage_event p
    WHERE p.service_id = ${serviceId} AND p.stage = ${stage}
      AND NOT EXISTS (SELECT 1 FROM service_stage_event q WHERE q.supersedes_id = p.id)
    ORDER BY p.recorded_at DESC, p.id DESC LIMIT 1)`;

function stageDates(row: StageDates): StageDates {
  return { electronicOn: row.electronicOn, singleWindowOn: row.singleWindowOn, nationalWindowOn: row.nationalWindowOn };
}

function conflictOf(row: StageConflict): StageConflict {
  return { id: row.id, code: row.code, ...stageDates(row) };
}

function refuseFuture(field: string, value: string): void {
  const today = tehranToday();
  if (value > today) throw new DateInFutureException(field, today);
}

/**
 * Connection progress: the dated state on the rows (agency, service, system) and the append-only ledgers beside
 * them. Every write locks its row, checks the version the client read, appends ledger rows (a correction
 * supersedes the row it corrects) and records an audit record, all in one transaction.
 */
@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async getAgencyProgress(
    agencyId: string,
    viewer: AuthUser | undefined,
    serviceEventLimit = 50,
  ): Promise<AgencyProgressDto> {
    const [agency] = await this.dataSource.query<AgencyProgressRow[]>(
      `SELECT ${AGENCY_PROGRESS_COLUMNS} FROM agency WHERE id = $1`,
      [agencyId],
    );
    if (!agency) throw new AgencyNotFoundException(agencyId);
    const signedIn = viewer !== undefined;
    const [events, serviceEvents, [counted]] = await Promise.all([
      this.dataSource.query<
        Array<AgencyProgressEventDto & { recordedById: string | null; recordedByName: string | null }>
      >(
        `SELECT p.id, p.kind, ${day('p.occurred_on', 'occurredOn')}, p.url, p.supersedes_id AS "supersedesId",
                n.id AS "supersededById", (n.id IS NULL) AS "isCurrent", p.source, p.note,
                u.id AS "recordedById", u.display_name AS "recordedByName",
                to_char(p.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt"
         FROM agency_progress_event p
         LEFT JOIN agency_progress_event n ON n.supersedes_id = p.id
         LEFT JOIN app_user u ON u.id = p.recorded_by_id
         WHERE p.agency_id = $1
         ORDER BY p.recorded_at DESC, p.occurred_on DESC, p.id DESC`,
        [agencyId],
      ),
      this.dataSource.query<
        Array<ServiceStageEventDto & { recordedById: string | null; recordedByName: string | null }>
      >(
        `SELECT v.id, v.service_id AS "serviceId", e.code AS "serviceCode", e.name_fa AS "serviceNameFa",
                e.name_en AS "serviceNameEn", v.stage, ${day('v.reached_on', 'reachedOn')},
                v.supersedes_id AS "supersedesId", n.id AS "supersededById", (n.id IS NULL) AS "isCurrent",
                v.source, v.note, u.id AS "recordedById", u.display_name AS "recordedByName",
                to_char(v.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt"
         FROM service_stage_event v
         JOIN e_service e ON e.id = v.service_id
         LEFT JOIN service_stage_event n ON n.supersedes_id = v.id
         LEFT JOIN app_user u ON u.id = v.recorded_by_id
         WHERE e.agency_id = $1
         ORDER BY v.recorded_at DESC, v.reached_on DESC, e.code DESC, v.id DESC
         LIMIT $2`,
        [agencyId, serviceEventLimit],
      ),
      this.dataSource.query<Array<{ total: number }>>(
        `SELECT count(*)::int AS total FROM service_stage_event v JOIN e_service e ON e.id = v.service_id WHERE e.agency_id = $1`,
        [agencyId],
      ),
    ]);
    // Notes and who recorded a row are for signed-in users; the public sees the dates and the corrections.
    const shown = <T extends { note: string | null; recordedById: string | null; recordedByName: string | null }>({
      recordedById,
      recordedByName,
      note,
      ...rest
    }: T) => ({
      ...rest,
      note: signedIn ? note : null,
      recordedBy: signedIn && recordedById ? { id: recordedById, displayName: recordedByName ?? '' } : null,
    });
    return {
      agencyId: agency.id,
      code: agency.code,
      nameFa: agency.nameFa,
      nameEn: agency.nameEn,
      singleWindowLaunchedOn: agency.singleWindowLaunchedOn,
      singleWindowUrl: agency.singleWindowUrl,
      nationalWindowConnectedOn: agency.nationalWindowConnectedOn,
      version: agency.version,
      events: events.map(shown),
      serviceEvents: serviceEvents.map(shown),
      serviceEventTotal: counted?.total ?? 0,
    };
  }

  async recordAgencyProgress(
    agencyId: string,
    input: RecordAgencyProgressDto,
    actor: Actor,
  ): Promise<AgencyProgressDto> {
    refuseFuture('occurredOn', input.occurredOn);
    await this.dataSource.transaction(async (manager) => {
      const [agency] = await manager.query<AgencyProgressRow[]>(
        `SELECT ${AGENCY_PROGRESS_COLUMNS} FROM agency WHERE id = $1 FOR UPDATE`,
        [agencyId],
      );
      if (!agency) throw new AgencyNotFoundException(agencyId);
      const before: AgencyProgressCurrentDto = {
        singleWindowLaunchedOn: agency.singleWindowLaunchedOn,
        singleWindowUrl: agency.singleWindowUrl,
        nationalWindowConnectedOn: agency.nationalWindowConnectedOn,
        version: agency.version,
      };
      if (agency.version !== input.version) throw new VersionConflictException(before);
      const dates = applyAgencyProgress(before, input.kind, input.occurredOn);
      if (!dates) throw new ProgressDatesOutOfOrderException(before);
      const launched = input.kind === 'single_window_launched';
      const [event] = await manager.query<Array<{ id: string; supersedesId: string | null }>>(
        `INSERT INTO agency_progress_event (agency_id, kind, occurred_on, url, supersedes_id, note, source, recorded_by_id)
         SELECT $1::uuid, $2::text, $3::date, $4::text,
                (SELECT p.id FROM agency_progress_event p
                 WHERE p.agency_id = $1::uuid AND p.kind = $2::text
                   AND NOT EXISTS (SELECT 1 FROM agency_progress_event q WHERE q.supersedes_id = p.id)
                 ORDER BY p.recorded_at DESC, p.id DESC LIMIT 1),
                $5::text, 'manual', $6::uuid
         RETURNING id, supersedes_id AS "supersedesId"`,
        [agencyId, input.kind, input.occurredOn, input.url ?? null, input.note ?? null, actor.user.id],
      );
      const [updated] = await manager.query<Array<{ version: number }>>(
        `WITH u AS (
           UPDATE agency SET single_window_launched_on = $3, single_window_url = $4, national_window_connected_on = $5,
                             version = version + 1, updated_at = now()
           WHERE id = $1 AND version = $2 RETURNING version)
         SELECT version FROM u`,
        [
          agencyId,
          input.version,
          dates.singleWindowLaunchedOn,
          launched ? (input.url ?? null) : agency.singleWindowUrl,
          dates.nationalWindowConnectedOn,
        ],
      );
      if (!updated) throw new VersionConflictException(before);
      await this.audit.record(manager, {
        actor,
        action: 'record_progress',
        entityType: 'agency',
        entityId: agencyId,
        before,
        after: {
          ...dates,
          singleWindowUrl: launched ? (input.url ?? null) : agency.singleWindowUrl,
          version: updated.version,
          kind: input.kind,
          eventId: event!.id,
          supersedesId: event!.supersedesId,
        },
        reason: input.note ?? null,
      });
    });
    return this.getAgencyProgress(agencyId, actor.user);
  }

  async listAgencyServices(agencyId: string, query: ListAgencyServicesQuery): Promise<ServiceListDto> {
    await this.requireAgency(agencyId);
    const conditions = new Conditions().add('e.agency_id = ?', agencyId);
    if (query.stage) conditions.add('e.stage = ?', query.stage);
    if (query.systemId) conditions.add('e.system_id = ?', query.systemId);
    const term = query.search ? normalizeForSearch(query.search) : '';
    if (term) {
      conditions.add(
        `app_normalize_search(e.name_fa || ' ' || e.name_en || ' ' || e.code) LIKE ?`,
        containsPattern(term),
      );
    }
    const [[counted], items] = await Promise.all([
      this.dataSource.query<Array<{ total: number }>>(
        `SELECT count(*)::int AS total FROM e_service e ${conditions.where}`,
        conditions.params,
      ),
      this.dataSource.query<ServiceDto[]>(
        `SELECT ${SERVICE_COLUMNS} FROM e_service e ${conditions.where}
         ORDER BY e.code, e.id LIMIT ${conditions.next()} OFFSET ${conditions.next(2)}`,
        [...conditions.params, query.pageSize, (query.page - 1) * query.pageSize],
      ),
    ]);
    return { items, total: counted?.total ?? 0, page: query.page, pageSize: query.pageSize };
  }

  async listAgencySystems(agencyId: string): Promise<SystemListDto> {
    await this.requireAgency(agencyId);
    const items = await this.dataSource.query<SystemDto[]>(
      `SELECT ${SYSTEM_COLUMNS} FROM agency_system s WHERE s.agency_id = $1
       ORDER BY s.name_fa COLLATE "fa-x-icu", s.id`,
      [agencyId],
    );
    return { items };
  }

  async recordServiceStage(serviceId: string, input: RecordStageDto, actor: Actor): Promise<ServiceDto> {
    refuseFuture('reachedOn', input.reachedOn);
    return this.dataSource.transaction(async (manager) => {
      const [service] = await manager.query<ServiceDto[]>(
        `SELECT ${SERVICE_COLUMNS} FROM e_service e WHERE e.id = $1 FOR UPDATE`,
        [serviceId],
      );
      if (!service) throw new ServiceNotFoundException(serviceId);
      if (service.version !== input.version) throw new VersionConflictException(service);
      const change = applyStage(stageDates(service), input.stage, input.reachedOn);
      if (!change.ok) throw new StageDatesOutOfOrderException(conflictOf(service));
      const events = await manager.query<Array<{ id: string; stage: string }>>(
        `INSERT INTO service_stage_event (service_id, stage, reached_on, supersedes_id, note, source, recorded_by_id)
         SELECT $1::uuid, s.stage, $2::date, ${CURRENT_SERVICE_EVENT('$1::uuid', 's.stage')}, $3::text, 'manual', $4::uuid
         FROM unnest($5::text[]) AS s(stage)
         RETURNING id, stage`,
        [serviceId, input.reachedOn, input.note ?? null, actor.user.id, change.stagesSet],
      );
      const [updated] = await manager.query<ServiceDto[]>(
        `WITH u AS (
           UPDATE e_service SET electronic_on = $3, single_window_on = $4, national_window_on = $5,
                                version = version + 1, updated_at = now()
           WHERE id = $1 AND version = $2 RETURNING *)
         SELECT ${SERVICE_COLUMNS} FROM u e`,
        [
          serviceId,
          input.version,
          change.dates.electronicOn,
          change.dates.singleWindowOn,
          change.dates.nationalWindowOn,
        ],
      );
      if (!updated) throw new VersionConflictException(service);
      await this.audit.record(manager, {
        actor,
        action: 'record_service_stage',
        entityType: 'e_service',
        entityId: serviceId,
        before: { ...stageDates(service), stage: service.stage, version: service.version },
        after: {
          ...stageDates(updated),
          stage: updated.stage,
          version: updated.version,
          recordedStage: input.stage,
          reachedOn: input.reachedOn,
          eventIds: events.map((e) => e.id),
        },
        reason: input.note ?? null,
      });
      return updated;
    });
  }

  /**
   * A system reaching a stage carries its services: every service of the system that has not reached the stage
   * gets the same day (and the earlier stages it lacks), in one statement, each day with its ledger row.
   */
  async recordSystemStage(systemId: string, input: RecordStageDto, actor: Actor): Promise<SystemStageResultDto> {
    refuseFuture('reachedOn', input.reachedOn);
    return this.dataSource.transaction(async (manager) => {
      const [system] = await manager.query<SystemDto[]>(
        `SELECT ${SYSTEM_COLUMNS} FROM agency_system s WHERE s.id = $1 FOR UPDATE OF s`,
        [systemId],
      );
      if (!system) throw new SystemNotFoundException(systemId);
      if (system.version !== input.version) throw new VersionConflictException(system);
      const change = applyStage(stageDates(system), input.stage, input.reachedOn);
      if (!change.ok) throw new StageDatesOutOfOrderException(conflictOf(system));
      const behind = stagesBefore(input.stage);
      const conflicts = await this.servicesOutOfOrder(manager, systemId, behind, input.reachedOn);
      if (conflicts.length > 0) {
        throw new StageDatesOutOfOrderException(null, conflicts.slice(0, 50), conflicts.length);
      }
      const [updated] = await manager.query<Array<{ id: string }>>(
        `WITH u AS (
           UPDATE agency_system SET electronic_on = $3, single_window_on = $4, national_window_on = $5,
                                    version = version + 1, updated_at = now()
           WHERE id = $1 AND version = $2 RETURNING id)
         SELECT id FROM u`,
        [
          systemId,
          input.version,
          change.dates.electronicOn,
          change.dates.singleWindowOn,
          change.dates.nationalWindowOn,
        ],
      );
      if (!updated) throw new VersionConflictException(system);
      const note = [`سامانه / system: ${system.code}`, input.note].filter(Boolean).join(' — ');
      const carried = await manager.query<Array<{ id: string; eventCount: number }>>(
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
          systemId,
          behind,
          input.reachedOn,
          input.stage !== 'electronic',
          input.stage === 'national_window',
          note,
          actor.user.id,
        ],
      );
      const [after] = await manager.query<SystemDto[]>(
        `SELECT ${SYSTEM_COLUMNS} FROM agency_system s WHERE s.id = $1`,
        [systemId],
      );
      const carriedServiceIds = carried.map((c) => c.id);
      await this.audit.record(manager, {
        actor,
        action: 'record_system_stage',
        entityType: 'agency_system',
        entityId: systemId,
        before: { ...stageDates(system), stage: system.stage, version: system.version },
        after: {
          ...stageDates(after!),
          stage: after!.stage,
          version: after!.version,
          recordedStage: input.stage,
          reachedOn: input.reachedOn,
        },
        reason: input.note ?? null,
      });
      await this.audit.record(manager, {
        actor,
        action: 'carry_system_stage',
        entityType: 'agency_system',
        entityId: systemId,
        after: {
          stage: input.stage,
          reachedOn: input.reachedOn,
          serviceCount: carriedServiceIds.length,
          serviceIds: carriedServiceIds,
          ledgerRows: carried[0]?.eventCount ?? 0,
        },
        reason: input.note ?? null,
      });
      return { system: after!, carriedServiceCount: carriedServiceIds.length, carriedServiceIds };
    });
  }

  /** Services of the system that have not reached the stage but reached an earlier one after `day`. */
  private servicesOutOfOrder(
    manager: EntityManager,
    systemId: string,
    behind: string[],
    reachedOn: string,
  ): Promise<StageConflict[]> {
    return manager.query<StageConflict[]>(
      `SELECT e.id, e.code, ${day('e.electronic_on', 'electronicOn')}, ${day('e.single_window_on', 'singleWindowOn')},
              ${day('e.national_window_on', 'nationalWindowOn')}
       FROM e_service e
       WHERE e.system_id = $1 AND e.stage = ANY($2::text[])
         AND (e.electronic_on > $3::date OR e.single_window_on > $3::date)
       ORDER BY e.code`,
      [systemId, behind, reachedOn],
    );
  }

  private async requireAgency(agencyId: string): Promise<void> {
    const [found] = await this.dataSource.query<Array<{ id: string }>>(`SELECT id FROM agency WHERE id = $1`, [
      agencyId,
    ]);
    if (!found) throw new AgencyNotFoundException(agencyId);
  }
}
