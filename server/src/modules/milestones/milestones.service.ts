import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Transactions, type TransactionOptions } from '../../common/db/transactions.js';
import { VersionConflictException } from '../../common/errors/version-conflict.exception.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth-user.js';
import type { CreateCycleDto, CycleDto, CycleListDto, UpdateCycleDto } from './dto/cycle.dto.js';
import type { CreateMilestoneDto, MilestoneDto, UpdateMilestoneDto } from './dto/milestone.dto.js';
import type { MilestoneRule } from './milestone-definition.entity.js';
import {
  CycleCodeTakenException,
  CycleDatesInvalidException,
  CycleNotFoundException,
  CycleOverlapException,
  MilestoneCodeTakenException,
  MilestoneNotFoundException,
  MilestoneShareInvalidException,
} from './milestones.exception.js';
import {
  cycleCodeTaken,
  insertCycle,
  insertMilestone,
  lockCycle,
  lockCycleTable,
  lockMilestone,
  milestoneCodeTaken,
  selectCycle,
  selectCycles,
  selectMilestone,
  selectMilestonesOf,
  selectOverlappingCycle,
  updateCycle,
  updateMilestone,
  type CycleRow,
  type CycleValues,
  type MilestoneRow,
  type Share,
} from './milestones.queries.js';

/**
 * The constraints behind the service's own checks: when one fires anyway (two requests racing), the person gets
 * the same coded error as the check gives, not a 500 (see `Transactions.run`).
 */
const MILESTONE_CONSTRAINTS: TransactionOptions = {
  constraints: {
    UQ_programme_cycle_code: () => new CycleCodeTakenException(),
    UQ_milestone_definition_cycle_code: () => new MilestoneCodeTakenException(),
  },
};

/** A cycle ends no earlier than it starts, and its baseline day is not after its end. */
function checkCycleDays(days: CycleValues): void {
  if (days.startsOn > days.endsOn) throw new CycleDatesInvalidException('endsOn', days);
  if (days.baselineOn > days.endsOn) throw new CycleDatesInvalidException('baselineOn', days);
}

/** The share threshold a milestone of this rule has: required for, and only for, the share rule; at most 1. */
function checkShare(rule: MilestoneRule, share: Share | null | undefined): Share | null {
  const needsShare = rule === 'single_window_service_share';
  if (needsShare && !share) throw new MilestoneShareInvalidException('required');
  if (!needsShare && share) throw new MilestoneShareInvalidException('not_applicable');
  if (!share) return null;
  if (share.numerator > share.denominator) throw new MilestoneShareInvalidException('above_one', share);
  return { numerator: share.numerator, denominator: share.denominator };
}

function toMilestoneDto(row: MilestoneRow): MilestoneDto {
  return {
    id: row.id,
    cycleId: row.cycleId,
    code: row.code,
    titleFa: row.titleFa,
    titleEn: row.titleEn,
    rule: row.rule,
    share: row.share ? { numerator: row.share.numerator, denominator: row.share.denominator } : null,
    dueOn: row.dueOn,
    atRiskDays: row.atRiskDays,
    sortOrder: row.sortOrder,
    version: row.version,
  };
}

function toCycleDto(row: CycleRow, milestones: MilestoneRow[]): CycleDto {
  return {
    id: row.id,
    code: row.code,
    titleFa: row.titleFa,
    titleEn: row.titleEn,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    baselineOn: row.baselineOn,
    version: row.version,
    milestones: milestones.map(toMilestoneDto),
  };
}

/**
 * Programme cycles (e.g. the 1401 budget law) and their milestones, the deadlines the compliance status is measured
 * against. Reads are public; writes are an admin's, each in one transaction with its audit record. Cycles never
 * share a day: every cycle write takes the cycle table's write lock before checking, so two cannot race past it.
 */
@Injectable()
export class MilestonesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** Every cycle with its milestones: two queries, whatever the number of cycles. */
  async list(): Promise<CycleListDto> {
    const db = this.dataSource.manager;
    const cycles = await selectCycles(db);
    const milestones = await selectMilestonesOf(
      db,
      cycles.map((c) => c.id),
    );
    const byCycle = new Map<string, MilestoneRow[]>();
    for (const m of milestones) {
      const of = byCycle.get(m.cycleId);
      if (of) of.push(m);
      else byCycle.set(m.cycleId, [m]);
    }
    return { items: cycles.map((c) => toCycleDto(c, byCycle.get(c.id) ?? [])) };
  }

  async findCycle(id: string, db: EntityManager = this.dataSource.manager): Promise<CycleDto> {
    const row = await selectCycle(db, id);
    if (!row) throw new CycleNotFoundException(id);
    return toCycleDto(row, await selectMilestonesOf(db, [id]));
  }

  async createCycle(dto: CreateCycleDto, actor: Actor): Promise<CycleDto> {
    const values: CycleValues = {
      titleFa: dto.titleFa,
      titleEn: dto.titleEn,
      startsOn: dto.startsOn,
      endsOn: dto.endsOn,
      baselineOn: dto.baselineOn ?? dto.startsOn,
    };
    checkCycleDays(values);
    return this.transactions.run(async (manager) => {
      await lockCycleTable(manager);
      if (await cycleCodeTaken(manager, dto.code)) throw new CycleCodeTakenException(dto.code);
      await this.refuseOverlap(manager, values, null);
      const id = await insertCycle(manager, { ...values, code: dto.code });
      const after = await this.findCycle(id, manager);
      await this.audit.record(manager, {
        actor,
        action: 'create_cycle',
        entityType: 'programme_cycle',
        entityId: id,
        after,
      });
      return after;
    }, MILESTONE_CONSTRAINTS);
  }

  /** Changes a cycle at the version the client read; the merged days are checked as on creation. */
  async updateCycle(id: string, dto: UpdateCycleDto, actor: Actor): Promise<CycleDto> {
    return this.transactions.run(async (manager) => {
      await lockCycleTable(manager);
      const locked = await lockCycle(manager, id, 'update');
      if (!locked) throw new CycleNotFoundException(id);
      const before = await this.findCycle(id, manager);
      if (locked.version !== dto.version) throw new VersionConflictException(before);
      const values: CycleValues = {
        titleFa: dto.titleFa ?? locked.titleFa,
        titleEn: dto.titleEn ?? locked.titleEn,
        startsOn: dto.startsOn ?? locked.startsOn,
        endsOn: dto.endsOn ?? locked.endsOn,
        baselineOn: dto.baselineOn ?? locked.baselineOn,
      };
      checkCycleDays(values);
      await this.refuseOverlap(manager, values, id);
      if (!(await updateCycle(manager, id, dto.version, values))) {
        throw new VersionConflictException(await this.findCycle(id, manager));
      }
      const after = await this.findCycle(id, manager);
      await this.audit.record(manager, {
        actor,
        action: 'update_cycle',
        entityType: 'programme_cycle',
        entityId: id,
        before,
        after,
      });
      return after;
    }, MILESTONE_CONSTRAINTS);
  }

  async createMilestone(cycleId: string, dto: CreateMilestoneDto, actor: Actor): Promise<MilestoneDto> {
    const share = checkShare(dto.rule, dto.share);
    return this.transactions.run(async (manager) => {
      if (!(await lockCycle(manager, cycleId, 'share'))) throw new CycleNotFoundException(cycleId);
      if (await milestoneCodeTaken(manager, cycleId, dto.code)) throw new MilestoneCodeTakenException(dto.code);
      const id = await insertMilestone(manager, {
        cycleId,
        code: dto.code,
        rule: dto.rule,
        titleFa: dto.titleFa,
        titleEn: dto.titleEn,
        share,
        dueOn: dto.dueOn,
        atRiskDays: dto.atRiskDays ?? 14,
        sortOrder: dto.sortOrder ?? 0,
      });
      const after = await this.findMilestone(id, manager);
      await this.audit.record(manager, {
        actor,
        action: 'create_milestone',
        entityType: 'milestone_definition',
        entityId: id,
        after,
      });
      return after;
    }, MILESTONE_CONSTRAINTS);
  }

  /** Changes a milestone at the version the client read; its rule and code stay. */
  async updateMilestone(id: string, dto: UpdateMilestoneDto, actor: Actor): Promise<MilestoneDto> {
    return this.transactions.run(async (manager) => {
      const locked = await lockMilestone(manager, id);
      if (!locked) throw new MilestoneNotFoundException(id);
      const before = toMilestoneDto(locked);
      if (locked.version !== dto.version) throw new VersionConflictException(before);
      const share = dto.share ? checkShare(locked.rule, dto.share) : locked.share;
      const changed = await updateMilestone(manager, id, dto.version, {
        titleFa: dto.titleFa ?? locked.titleFa,
        titleEn: dto.titleEn ?? locked.titleEn,
        share,
        dueOn: dto.dueOn ?? locked.dueOn,
        atRiskDays: dto.atRiskDays ?? locked.atRiskDays,
        sortOrder: dto.sortOrder ?? locked.sortOrder,
      });
      if (!changed) throw new VersionConflictException(await this.findMilestone(id, manager));
      const after = await this.findMilestone(id, manager);
      await this.audit.record(manager, {
        actor,
        action: 'update_milestone',
        entityType: 'milestone_definition',
        entityId: id,
        before,
        after,
      });
      return after;
    }, MILESTONE_CONSTRAINTS);
  }

  private async findMilestone(id: string, db: EntityManager): Promise<MilestoneDto> {
    const row = await selectMilestone(db, id);
    if (!row) throw new MilestoneNotFoundException(id);
    return toMilestoneDto(row);
  }

  /** 409 naming the first other cycle that shares a day with these (the cycle table is locked by the caller). */
  private async refuseOverlap(manager: EntityManager, days: CycleValues, exceptId: string | null): Promise<void> {
    const other = await selectOverlappingCycle(manager, days.startsOn, days.endsOn, exceptId);
    if (other) throw new CycleOverlapException(other);
  }
}
