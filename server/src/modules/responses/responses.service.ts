import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { tehranToday } from '../../common/dates/calendar-day.js';
import { parseWeek, weekIdOf } from '../../common/dates/week.js';
import { DataVersion } from '../../common/db/data-version.js';
import { Transactions, type TransactionOptions } from '../../common/db/transactions.js';
import { VersionConflictException } from '../../common/errors/version-conflict.exception.js';
import { AgencyNotFoundException } from '../agencies/agencies.exception.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import { ReportNotFoundException, ReportWeekInvalidException } from '../reports/reports.exception.js';
import { publicNow } from '../reports/report-visibility.js';
import type {
  AgencyResponseDto,
  AgencyResponseListDto,
  ListResponsesQuery,
  PublicResponseListDto,
  RecordResponseDto,
  RequestResponseDto,
  UpdateResponseDto,
  WeekResponsesDto,
  WithdrawResponseDto,
} from './dto/response.dto.js';
import { toAuditValues, toPublicResponseDto, toResponseDto } from './responses.mappers.js';
import {
  ResponseAgencyUnknownException,
  ResponseAlreadyRequestedException,
  ResponseNotFoundException,
  ResponseReportInvalidException,
  ResponseScoreInvalidException,
} from './responses.exception.js';
import {
  agencyExists,
  deleteResponse,
  insertResponse,
  lockResponse,
  publishResponse,
  selectOpenRequest,
  selectPublicOfAgency,
  selectPublicOfWeek,
  selectReportFor,
  selectResponse,
  selectResponses,
  selectScoreFor,
  updateResponse,
  weekIsVisible,
  type Subject,
} from './responses.queries.js';
import { applyEdit, checkDays, checkOneSubject, checkPublishable, checkWithdrawable } from './responses.rules.js';

/** The constraint behind the service's own check, when two requests race past it. */
const RESPONSE_CONSTRAINTS: TransactionOptions = {
  constraints: { UQ_agency_response_open_request: () => new ResponseAlreadyRequestedException() },
};

/**
 * The right of reply (جوابیه): an admin records that an agency was asked for its reply, records the reply received
 * (a draft) and publishes it; each write is one transaction with its audit record. The public reads published
 * replies and the requests not yet answered in public, never drafts nor who recorded them.
 */
@Injectable()
export class ResponsesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DataVersion) private readonly dataVersion: DataVersion,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListResponsesQuery): Promise<AgencyResponseListDto> {
    const { rows, total } = await selectResponses(
      this.dataSource.manager,
      { agencyId: query.agencyId, status: query.status },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return { items: rows.map(toResponseDto), total, page: query.page, pageSize: query.pageSize };
  }

  async find(id: string, db: EntityManager = this.dataSource.manager): Promise<AgencyResponseDto> {
    const row = await selectResponse(db, id);
    if (!row) throw new ResponseNotFoundException(id);
    return toResponseDto(row);
  }

  async ofAgency(agencyId: string, viewer: AuthUser | undefined): Promise<PublicResponseListDto> {
    const db = this.dataSource.manager;
    if (!(await agencyExists(db, agencyId))) throw new AgencyNotFoundException(agencyId);
    const rows = await selectPublicOfAgency(db, await this.visibleAt(viewer), agencyId);
    return { items: rows.map(toPublicResponseDto) };
  }

  async ofWeek(weekInput: string, viewer: AuthUser | undefined): Promise<WeekResponsesDto> {
    const weekStart = parseWeek(weekInput);
    if (!weekStart) throw new ReportWeekInvalidException(weekInput);
    const db = this.dataSource.manager;
    const visibleAt = await this.visibleAt(viewer);
    if (!(await weekIsVisible(db, visibleAt, weekStart))) throw new ReportNotFoundException(weekIdOf(weekStart));
    const rows = await selectPublicOfWeek(db, visibleAt, weekStart);
    return { week: weekIdOf(weekStart), items: rows.map(toPublicResponseDto) };
  }

  /** Records that the agency was asked for its reply about the subject. */
  async request(dto: RequestResponseDto, actor: Actor): Promise<AgencyResponseDto> {
    checkOneSubject(dto);
    checkDays({ requestedOn: dto.requestedOn, receivedOn: null }, tehranToday());
    const subject = subjectOf(dto);
    return this.transactions.run(async (manager) => {
      await this.checkSubject(manager, subject);
      const open = await selectOpenRequest(manager, subject);
      if (open) throw new ResponseAlreadyRequestedException(open);
      const id = await insertResponse(manager, {
        ...subject,
        status: 'requested',
        requestedOn: dto.requestedOn,
        receivedOn: null,
        bodyFa: null,
        bodyEn: null,
        documentUrl: null,
        createdById: actor.user.id,
      });
      const after = await this.find(id, manager);
      await this.audit.record(manager, {
        actor,
        action: 'request_response',
        entityType: 'agency_response',
        entityId: id,
        after: toAuditValues(after),
      });
      return after;
    }, RESPONSE_CONSTRAINTS);
  }

  /** Records a reply received without a recorded request (an open request is completed with `update` instead). */
  async record(dto: RecordResponseDto, actor: Actor): Promise<AgencyResponseDto> {
    checkOneSubject(dto);
    checkDays({ requestedOn: dto.requestedOn ?? null, receivedOn: dto.receivedOn }, tehranToday());
    const subject = subjectOf(dto);
    return this.transactions.run(async (manager) => {
      await this.checkSubject(manager, subject);
      const open = await selectOpenRequest(manager, subject);
      if (open) throw new ResponseAlreadyRequestedException(open);
      const id = await insertResponse(manager, {
        ...subject,
        status: 'draft',
        requestedOn: dto.requestedOn ?? null,
        receivedOn: dto.receivedOn,
        bodyFa: dto.bodyFa,
        bodyEn: dto.bodyEn ?? null,
        documentUrl: dto.documentUrl ?? null,
        createdById: actor.user.id,
      });
      const after = await this.find(id, manager);
      await this.audit.record(manager, {
        actor,
        action: 'record_response',
        entityType: 'agency_response',
        entityId: id,
        after: toAuditValues(after),
      });
      return after;
    }, RESPONSE_CONSTRAINTS);
  }

  /** Records the reply to a request, or edits a draft, at the version read. */
  async update(id: string, dto: UpdateResponseDto, actor: Actor): Promise<AgencyResponseDto> {
    return this.transactions.run(async (manager) => {
      const locked = await lockResponse(manager, id);
      if (!locked) throw new ResponseNotFoundException(id);
      const before = await this.find(id, manager);
      if (locked.version !== dto.version) throw new VersionConflictException(before);
      const values = applyEdit(locked, dto, tehranToday());
      if (!(await updateResponse(manager, id, dto.version, values))) {
        throw new VersionConflictException(await this.find(id, manager));
      }
      const after = await this.find(id, manager);
      await this.audit.record(manager, {
        actor,
        action: locked.status === 'requested' && values.status === 'draft' ? 'record_response' : 'update_response',
        entityType: 'agency_response',
        entityId: id,
        before: toAuditValues(before),
        after: toAuditValues(after),
      });
      return after;
    }, RESPONSE_CONSTRAINTS);
  }

  /** Publishes a received reply: from now on it shows beside what it answers. */
  async publish(id: string, version: number, actor: Actor): Promise<AgencyResponseDto> {
    return this.transactions.run(async (manager) => {
      const locked = await lockResponse(manager, id);
      if (!locked) throw new ResponseNotFoundException(id);
      const before = await this.find(id, manager);
      if (locked.version !== version) throw new VersionConflictException(before);
      checkPublishable(locked.status);
      if (!(await publishResponse(manager, id, version, actor.user.id))) {
        throw new VersionConflictException(await this.find(id, manager));
      }
      const after = await this.find(id, manager);
      await this.audit.record(manager, {
        actor,
        action: 'publish_response',
        entityType: 'agency_response',
        entityId: id,
        before: toAuditValues(before),
        after: toAuditValues(after),
      });
      return after;
    });
  }

  /** Withdraws a request made in error, or deletes a draft; the audit record keeps what it was. */
  async withdraw(id: string, dto: WithdrawResponseDto, actor: Actor): Promise<void> {
    await this.transactions.run(async (manager) => {
      const locked = await lockResponse(manager, id);
      if (!locked) throw new ResponseNotFoundException(id);
      const before = await this.find(id, manager);
      if (locked.version !== dto.version) throw new VersionConflictException(before);
      checkWithdrawable(locked.status);
      if (!(await deleteResponse(manager, id, dto.version))) {
        throw new VersionConflictException(await this.find(id, manager));
      }
      await this.audit.record(manager, {
        actor,
        action: 'withdraw_response',
        entityType: 'agency_response',
        entityId: id,
        before: toAuditValues(before),
        reason: dto.reason ?? null,
      });
    });
  }

  /** The agency exists; a report is a published revision naming it; a score is its own and final. */
  private async checkSubject(db: EntityManager, subject: Subject): Promise<void> {
    if (!(await agencyExists(db, subject.agencyId))) throw new ResponseAgencyUnknownException(subject.agencyId);
    if (subject.weeklyReportId) {
      const report = await selectReportFor(db, subject.weeklyReportId, subject.agencyId);
      if (!report?.published) throw new ResponseReportInvalidException('missing');
      if (!report.listsAgency) throw new ResponseReportInvalidException('not_listed');
    }
    if (subject.scoreId) {
      const score = await selectScoreFor(db, subject.scoreId);
      if (!score) throw new ResponseScoreInvalidException('missing');
      if (score.agencyId !== subject.agencyId) throw new ResponseScoreInvalidException('other_agency');
      if (score.status !== 'final') throw new ResponseScoreInvalidException('not_final');
    }
  }

  /**
   * Staff see replies about every published report revision (null); the public those about reports public now,
   * and the data version is set to move when the next embargo ends, so that an answer cached now cannot outlive it.
   */
  private async visibleAt(viewer: AuthUser | undefined): Promise<Date | null> {
    return viewer ? null : publicNow(this.dataSource.manager, this.dataVersion);
  }
}

function subjectOf(dto: { agencyId: string; weeklyReportId?: string; scoreId?: string }): Subject {
  return { agencyId: dto.agencyId, weeklyReportId: dto.weeklyReportId ?? null, scoreId: dto.scoreId ?? null };
}
