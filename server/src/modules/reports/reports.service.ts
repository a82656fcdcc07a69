import { createHash } from 'node:crypto';
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
import { publicNow } from './report-visibility.js';
import { buildAtomFeed, FEED_LIMIT } from './reports.feed.js';
import {
  ReportContentAlteredException,
  ReportNotFoundException,
  ReportOutsideCycleException,
  ReportWeekInvalidException,
} from './reports.exception.js';
import { dueWeeks, produceWeeklyReport, reviseWeeklyReport, type ProduceResult } from './reports.production.js';
import {
  countWeeks,
  selectLatestRevisions,
  selectFeedRevisions,
  selectRevisions,
  type ReportRow,
} from './reports.queries.js';
import { canonicalBytesOf, digestOf, type WeeklyReportContent } from './weekly-report.content.js';
import { exportUrlsOf, permalinkOf } from './weekly-report.links.js';

/** A revision's permalink answer: the stored canonical bytes and what its headers say about them. */
export interface PermalinkFile {
  week: string;
  revision: number;
  /** Hex SHA-256 of `body`: the published digest. */
  digest: string;
  body: Buffer;
  /** Public now (and so forever): a shared cache may keep it; otherwise only the signed-in viewer sees it. */
  isPublic: boolean;
}

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

  /**
   * The revision's permanent bytes: the canonical JSON (RFC 8785) of its stored content, exactly the bytes its
   * digest was computed from. If the stored content no longer hashes to the digest, no bytes are given (409).
   */
  async permalink(weekInput: string, revision: number, viewer: AuthUser | undefined): Promise<PermalinkFile> {
    const row = await this.find(weekInput, revision, viewer);
    const body = canonicalBytesOf(row.content);
    const week = weekIdOf(row.week_starts_on);
    if (createHash('sha256').update(body).digest('hex') !== row.digest)
      throw new ReportContentAlteredException(week, row.revision);
    return {
      week,
      revision: row.revision,
      digest: row.digest,
      body,
      isPublic: Date.parse(row.public_from) <= Date.now(),
    };
  }

  /** The Atom feed of what the public can read now (staff included: a feed is for the public). */
  async feed(): Promise<string> {
    const visibleAt = (await this.visibleAt(undefined))!;
    const rows = await selectFeedRevisions(this.dataSource.manager, visibleAt, FEED_LIMIT);
    return buildAtomFeed(rows, this.config.publicUrl);
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
    return viewer ? null : publicNow(this.dataSource.manager, this.dataVersion);
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
    permalink: permalinkOf(weekIdOf(row.week_starts_on), row.revision),
    exports: exportUrlsOf(weekIdOf(row.week_starts_on), row.revision),
  };
}

function toReport(row: ReportRow): WeeklyReportDto {
  return { ...toSummary(row), content: row.content as unknown as WeeklyReportContent };
}
