import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { tehranToday } from '../../common/dates/calendar-day.js';
import { parseWeek, weekIdOf } from '../../common/dates/week.js';
import { DataVersion } from '../../common/db/data-version.js';
import { Transactions } from '../../common/db/transactions.js';
import { AppConfig } from '../../config/app-config.js';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import type {
  ListWeeklyReportsQuery,
  WeeklyReportDto,
  WeeklyReportListDto,
  WeeklyReportRevisionsDto,
  WeeklyReportSummaryDto,
  WeeklyReportVerificationDto,
} from './dto/weekly-report.dto.js';
import {
  ReportNotFoundException,
  ReportOutsideCycleException,
  ReportWeekInvalidException,
} from './reports.exception.js';
import { dueWeeks, produceWeeklyReport, reviseWeeklyReport, type ProduceResult } from './reports.production.js';
import {
  countWeeks,
  selectLatestRevisions,
  selectNextPublicFrom,
  selectRevisions,
  type ReportRow,
} from './reports.queries.js';
import { digestOf, type WeeklyReportContent } from './weekly-report.content.js';

/**
 * The weekly reports: produced on schedule and at start (ReportsScheduler), corrected by an admin as a new
 * revision, read by everyone. Staff (signed in) see a report as soon as it is published; the public from its
 * `publicFrom` (the embargo's end) on, and the data version moves at that instant so no cached answer hides it.
 */
@Injectable()
export class ReportsService {
  private readonly logger = new Logger('WeeklyReports');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    @Inject(DataVersion) private readonly dataVersion: DataVersion,
    private readonly config: AppConfig,
  ) {}

  /** Publishes every report that is due and missing (each week in its own transaction), oldest first. */
  async produceDue(now: Date = new Date()): Promise<ProduceResult[]> {
    const weeks = await dueWeeks(this.dataSource.manager, tehranToday(now));
    const results: ProduceResult[] = [];
    for (const week of weeks) {
      const result = await this.transactions.run((db) =>
        produceWeeklyReport(db, week, { publishedAt: now, embargoHours: this.config.reportEmbargoHours }),
      );
      if (result.created) this.logger.log(`published the weekly report ${result.week} (${result.digest})`);
      results.push(result);
    }
    return results;
  }

  async revise(weekInput: string, reason: string, actor: Actor): Promise<WeeklyReportDto> {
    const weekStart = this.weekOf(weekInput);
    const result = await this.transactions.run((db) =>
      reviseWeeklyReport(db, weekStart, reason, {
        publishedAt: new Date(),
        embargoHours: this.config.reportEmbargoHours,
        actor,
      }),
    );
    if (!result) throw new ReportNotFoundException(weekIdOf(weekStart));
    if (!result.created) throw new ReportOutsideCycleException(weekIdOf(weekStart));
    return this.get(weekInput, result.revision, actor.user);
  }

  async list(query: ListWeeklyReportsQuery, viewer: AuthUser | undefined): Promise<WeeklyReportListDto> {
    const visibleAt = await this.visibleAt(viewer);
    const db = this.dataSource.manager;
    const [total, rows] = await Promise.all([
      countWeeks(db, visibleAt),
      selectLatestRevisions(db, visibleAt, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    ]);
    return { items: rows.map(toSummary), total, page: query.page, pageSize: query.pageSize };
  }

  async latest(viewer: AuthUser | undefined): Promise<WeeklyReportDto> {
    const visibleAt = await this.visibleAt(viewer);
    const [row] = await selectLatestRevisions(this.dataSource.manager, visibleAt, { limit: 1, offset: 0 }, true);
    if (!row) throw new ReportNotFoundException();
    return toReport(row);
  }

  async get(weekInput: string, revision: number | undefined, viewer: AuthUser | undefined): Promise<WeeklyReportDto> {
    return toReport(await this.find(weekInput, revision, viewer));
  }

  async revisions(weekInput: string, viewer: AuthUser | undefined): Promise<WeeklyReportRevisionsDto> {
    const weekStart = this.weekOf(weekInput);
    const rows = await selectRevisions(this.dataSource.manager, await this.visibleAt(viewer), weekStart);
    if (rows.length === 0) throw new ReportNotFoundException(weekIdOf(weekStart));
    return { week: weekIdOf(weekStart), items: rows.map(toReport) };
  }

  /** Recomputes the digest from the content as stored now. */
  async verify(
    weekInput: string,
    revision: number | undefined,
    viewer: AuthUser | undefined,
  ): Promise<WeeklyReportVerificationDto> {
    const row = await this.find(weekInput, revision, viewer);
    const recomputed = digestOf(row.content);
    return {
      week: weekIdOf(row.week_starts_on),
      revision: row.revision,
      valid: recomputed === row.digest,
      digest: row.digest,
      recomputed,
    };
  }

  private async find(
    weekInput: string,
    revision: number | undefined,
    viewer: AuthUser | undefined,
  ): Promise<ReportRow> {
    const weekStart = this.weekOf(weekInput);
    const rows = await selectRevisions(this.dataSource.manager, await this.visibleAt(viewer), weekStart);
    const row = revision === undefined ? rows[0] : rows.find((r) => r.revision === revision);
    if (!row) throw new ReportNotFoundException(weekIdOf(weekStart), revision);
    return row;
  }

  private weekOf(input: string): string {
    const weekStart = parseWeek(input);
    if (!weekStart) throw new ReportWeekInvalidException(input);
    return weekStart;
  }

  /**
   * Staff see every published revision (null); the public what is public now, and the data version is set to
   * move when the next embargo ends, so that an answer cached now cannot outlive it.
   */
  private async visibleAt(viewer: AuthUser | undefined): Promise<Date | null> {
    if (viewer) return null;
    const now = new Date();
    const next = await selectNextPublicFrom(this.dataSource.manager, now);
    if (next) this.dataVersion.movesAt(next);
    return now;
  }
}

function toSummary(row: ReportRow): WeeklyReportSummaryDto {
  return {
    id: row.id,
    week: weekIdOf(row.week_starts_on),
    weekStartsOn: row.week_starts_on,
    weekEndsOn: row.week_ends_on,
    cycle: row.cycle_code,
    revision: row.revision,
    supersedes: row.supersedes_id,
    reason: row.revision_reason,
    digest: row.digest,
    publishedAt: row.published_at,
    publicFrom: row.public_from,
  };
}

function toReport(row: ReportRow): WeeklyReportDto {
  return { ...toSummary(row), content: row.content as unknown as WeeklyReportContent };
}
