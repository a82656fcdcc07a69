import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { tehranToday } from '../../common/dates/calendar-day.js';
import { Transactions } from '../../common/db/transactions.js';
import { VersionConflictException } from '../../common/errors/version-conflict.exception.js';
import { normalizeForSearch } from '../../common/text/normalize-text.js';
import { AgencyNotFoundException } from '../agencies/agencies.exception.js';
import { agencyExists } from '../agencies/agencies.queries.js';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import type { AgencyProgressKind } from '../agencies/agency-progress-event.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { AgencyProgressCurrentDto, AgencyProgressDto } from './dto/agency-progress.dto.js';
import type {
  ListAgencyServicesQuery,
  ServiceDto,
  ServiceListDto,
  SystemListDto,
  SystemStageResultDto,
} from './dto/agency-services.dto.js';
import type { RecordAgencyProgressDto } from './dto/record-agency-progress.dto.js';
import type { RecordStageDto } from './dto/record-stage.dto.js';
import {
  applyAgencyProgress,
  applyStage,
  stagesBefore,
  stagesUpTo,
  type RecordableStage,
  type StageDates,
} from './progress-rules.js';
import {
  DateInFutureException,
  ProgressDatesOutOfOrderException,
  ServiceNotFoundException,
  ServiceWithdrawnException,
  StageDatesOutOfOrderException,
  SystemNotFoundException,
  type StageConflict,
} from './progress.exception.js';
import {
  carrySystemStage,
  countAgencyServiceEvents,
  countAgencyServices,
  insertAgencyProgressEvents,
  insertServiceStageEvents,
  lockAgency,
  lockService,
  lockSystem,
  selectAgencyProgress,
  selectAgencyProgressEvents,
  selectAgencyServiceEvents,
  selectAgencyServices,
  selectAgencySystems,
  selectServicesOutOfOrder,
  selectSystem,
  updateAgenciesProgress,
  updateServiceStageDates,
  updateSystemStageDates,
  type AgencyProgressValues,
  type SystemRow,
} from './progress.queries.js';

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

/** Notes and who recorded a ledger row are for signed-in users; the public sees the dates and the corrections. */
function ledgerRowFor(signedIn: boolean) {
  return <T extends { note: string | null; recordedById: string | null; recordedByName: string | null }>({
    recordedById,
    recordedByName,
    note,
    ...rest
  }: T) => ({
    ...rest,
    note: signedIn ? note : null,
    recordedBy: signedIn && recordedById ? { id: recordedById, displayName: recordedByName ?? '' } : null,
  });
}

/** What one agency's progress write records: its events, on top of the state read (with its version). */
export interface AgencyProgressWrite {
  agencyId: string;
  before: AgencyProgressCurrentDto;
  events: Array<{ kind: AgencyProgressKind; occurredOn: string; url: string | null; note: string | null }>;
  /** Why, for the audit trail: the note typed, or which import. */
  reason: string | null;
}

/** The days after the events (already checked): a launch also says where the single window is. */
function progressAfter(before: AgencyProgressCurrentDto, events: AgencyProgressWrite['events']): AgencyProgressValues {
  const values: AgencyProgressValues = {
    singleWindowLaunchedOn: before.singleWindowLaunchedOn,
    singleWindowUrl: before.singleWindowUrl,
    nationalWindowConnectedOn: before.nationalWindowConnectedOn,
  };
  for (const event of events) {
    if (event.kind === 'single_window_launched') {
      values.singleWindowLaunchedOn = event.occurredOn;
      values.singleWindowUrl = event.url;
    } else {
      values.nationalWindowConnectedOn = event.occurredOn;
    }
  }
  return values;
}

/**
 * The services a system carries are not locked: one that another request moved on after the check above would
 * break the CHECK on its days; that is the same 400 as when the check sees it.
 */
const CARRY_RACE = {
  constraints: { CHK_e_service_stage_dates: () => new StageDatesOutOfOrderException(null) },
};

/**
 * Connection progress: the dated state on the rows (agency, service, system) and the append-only ledgers beside
 * them. Every write locks its row, checks the version the client read, appends ledger rows (a correction
 * supersedes the row it corrects) and records an audit record, all in one transaction. The rules are
 * progress-rules.ts (shared with the spreadsheet import); the SQL is progress.queries.ts.
 */
@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async getAgencyProgress(
    agencyId: string,
    viewer: AuthUser | undefined,
    serviceEventLimit = 50,
  ): Promise<AgencyProgressDto> {
    const db = this.dataSource.manager;
    const agency = await selectAgencyProgress(db, agencyId);
    if (!agency) throw new AgencyNotFoundException(agencyId);
    const [events, serviceEvents, serviceEventTotal] = await Promise.all([
      selectAgencyProgressEvents(db, agencyId),
      selectAgencyServiceEvents(db, agencyId, serviceEventLimit),
      countAgencyServiceEvents(db, agencyId),
    ]);
    const shown = ledgerRowFor(viewer !== undefined);
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
      serviceEventTotal,
    };
  }

  async recordAgencyProgress(
    agencyId: string,
    input: RecordAgencyProgressDto,
    actor: Actor,
  ): Promise<AgencyProgressDto> {
    refuseFuture('occurredOn', input.occurredOn);
    await this.transactions.run(async (manager) => {
      const agency = await lockAgency(manager, agencyId);
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
      const event = {
        kind: input.kind,
        occurredOn: input.occurredOn,
        url: input.url ?? null,
        note: input.note ?? null,
      };
      await this.writeAgencyProgress(
        manager,
        [{ agencyId, before, events: [event], reason: input.note ?? null }],
        actor,
        { source: 'manual', onStale: () => new VersionConflictException(before) },
      );
    });
    return this.getAgencyProgress(agencyId, actor.user);
  }

  /**
   * THE one writer of agencies' progress, for the form (`POST /agencies/:id/progress`) and the spreadsheet import
   * alike: the ledger rows (each superseding the current row of its kind), the agencies' days at the version
   * read, one audit record per agency in one shape. Set-based, whatever the number of agencies; in the caller's
   * transaction, with the agencies locked and their new days already checked (`applyAgencyProgress`).
   */
  async writeAgencyProgress(
    manager: EntityManager,
    writes: AgencyProgressWrite[],
    actor: Actor,
    options: { source: 'manual' | 'import'; onStale: (agencyId: string) => Error },
  ): Promise<{ recordedEvents: number; updatedAgencies: number }> {
    const inserted = await insertAgencyProgressEvents(
      manager,
      writes.flatMap((w) => w.events.map((e) => ({ ...e, agencyId: w.agencyId }))),
      options.source,
      actor.user.id,
    );
    const after = writes.map((w) => ({ agencyId: w.agencyId, ...progressAfter(w.before, w.events) }));
    const updated = await updateAgenciesProgress(
      manager,
      after.map((a, i) => ({ ...a, version: writes[i]!.before.version })),
    );
    const versions = new Map(updated.map((u) => [u.id, u.version]));
    const stale = writes.find((w) => !versions.has(w.agencyId));
    if (stale) throw options.onStale(stale.agencyId);
    await this.audit.recordMany(
      manager,
      writes.map((w, i) => {
        const { agencyId, ...values } = after[i]!;
        return {
          actor,
          action: 'record_progress',
          entityType: 'agency',
          entityId: agencyId,
          before: w.before,
          after: {
            ...values,
            version: versions.get(agencyId),
            events: inserted
              .filter((e) => e.agencyId === agencyId)
              .map(({ id, kind, occurredOn, supersedesId }) => ({ id, kind, occurredOn, supersedesId })),
          },
          reason: w.reason,
        };
      }),
    );
    return { recordedEvents: inserted.length, updatedAgencies: updated.length };
  }

  async listAgencyServices(agencyId: string, query: ListAgencyServicesQuery): Promise<ServiceListDto> {
    const db = this.dataSource.manager;
    await this.requireAgency(db, agencyId);
    const filter = {
      stage: query.stage,
      systemId: query.systemId,
      searchTerm: query.search ? normalizeForSearch(query.search) : undefined,
    };
    const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
    const [total, items] = await Promise.all([
      countAgencyServices(db, agencyId, filter),
      selectAgencyServices(db, agencyId, filter, page),
    ]);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async listAgencySystems(agencyId: string): Promise<SystemListDto> {
    const db = this.dataSource.manager;
    await this.requireAgency(db, agencyId);
    return { items: await selectAgencySystems(db, agencyId) };
  }

  async recordServiceStage(serviceId: string, input: RecordStageDto, actor: Actor): Promise<ServiceDto> {
    refuseFuture('reachedOn', input.reachedOn);
    return this.transactions.run(async (manager) => {
      const service = await lockService(manager, serviceId);
      if (!service) throw new ServiceNotFoundException(serviceId);
      if (service.withdrawnOn) throw new ServiceWithdrawnException(service.withdrawnOn);
      if (service.version !== input.version) throw new VersionConflictException(service);
      const change = applyStage(stageDates(service), input.stage, input.reachedOn);
      if (!change.ok) throw new StageDatesOutOfOrderException(conflictOf(service));
      const events = await insertServiceStageEvents(manager, {
        serviceId,
        stages: change.stagesSet,
        reachedOn: input.reachedOn,
        note: input.note ?? null,
        recordedById: actor.user.id,
      });
      const updated = await updateServiceStageDates(manager, serviceId, input.version, change.dates);
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
    return this.transactions.run(async (manager) => {
      const system = await this.lockSystemForStage(manager, systemId, input);
      const dates = this.systemStageDates(system, input);
      await this.refuseServicesOutOfOrder(manager, systemId, input);
      if (!(await updateSystemStageDates(manager, systemId, input.version, dates))) {
        throw new VersionConflictException(system);
      }
      const carried = await carrySystemStage(manager, {
        systemId,
        behind: stagesBefore(input.stage),
        reachedOn: input.reachedOn,
        ...stagesReached(input.stage),
        note: [`سامانه / system: ${system.code}`, input.note].filter(Boolean).join(' — '),
        recordedById: actor.user.id,
      });
      const after = (await selectSystem(manager, systemId))!;
      await this.auditSystemStage(manager, actor, input, system, after, carried);
      return { system: after, carriedServiceCount: carried.serviceIds.length, carriedServiceIds: carried.serviceIds };
    }, CARRY_RACE);
  }

  /** The system, locked, at the version the client read. */
  private async lockSystemForStage(
    manager: EntityManager,
    systemId: string,
    input: RecordStageDto,
  ): Promise<SystemRow> {
    const system = await lockSystem(manager, systemId);
    if (!system) throw new SystemNotFoundException(systemId);
    if (system.version !== input.version) throw new VersionConflictException(system);
    return system;
  }

  /** The system's own days after the stage, or 400 when they would be out of order. */
  private systemStageDates(system: SystemRow, input: RecordStageDto): StageDates {
    const change = applyStage(stageDates(system), input.stage, input.reachedOn);
    if (!change.ok) throw new StageDatesOutOfOrderException(conflictOf(system));
    return change.dates;
  }

  /** 400 listing (up to 50 of) the services the system would carry out of order: nothing is written. */
  private async refuseServicesOutOfOrder(
    manager: EntityManager,
    systemId: string,
    input: RecordStageDto,
  ): Promise<void> {
    const conflicts = await selectServicesOutOfOrder(manager, systemId, stagesBefore(input.stage), input.reachedOn);
    if (conflicts.length > 0) {
      throw new StageDatesOutOfOrderException(null, conflicts.slice(0, 50), conflicts.length);
    }
  }

  /** Two records: the system's own change, and what it carried to its services. */
  private async auditSystemStage(
    manager: EntityManager,
    actor: Actor,
    input: RecordStageDto,
    before: SystemRow,
    after: SystemRow,
    carried: { serviceIds: string[]; ledgerRows: number },
  ): Promise<void> {
    await this.audit.recordMany(manager, [
      {
        actor,
        action: 'record_system_stage',
        entityType: 'agency_system',
        entityId: before.id,
        before: { ...stageDates(before), stage: before.stage, version: before.version },
        after: {
          ...stageDates(after),
          stage: after.stage,
          version: after.version,
          recordedStage: input.stage,
          reachedOn: input.reachedOn,
        },
        reason: input.note ?? null,
      },
      {
        actor,
        action: 'carry_system_stage',
        entityType: 'agency_system',
        entityId: before.id,
        after: {
          stage: input.stage,
          reachedOn: input.reachedOn,
          serviceCount: carried.serviceIds.length,
          serviceIds: carried.serviceIds,
          ledgerRows: carried.ledgerRows,
        },
        reason: input.note ?? null,
      },
    ]);
  }

  private async requireAgency(db: EntityManager, agencyId: string): Promise<void> {
    if (!(await agencyExists(db, agencyId))) throw new AgencyNotFoundException(agencyId);
  }
}

/** The later stages a carried service reaches with the system: a later stage implies the earlier ones. */
function stagesReached(stage: RecordableStage): { setsSingleWindow: boolean; setsNationalWindow: boolean } {
  const reached = stagesUpTo(stage);
  return {
    setsSingleWindow: reached.includes('single_window'),
    setsNationalWindow: reached.includes('national_window'),
  };
}
