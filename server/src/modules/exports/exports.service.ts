import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { tehranToday } from '../../common/dates/calendar-day.js';
import { isoToJalali } from '../../common/dates/jalali.js';
import { parseWeek, weekIdOf } from '../../common/dates/week.js';
import { matchesEtag } from '../../common/cache/read-cache.js';
import { DataVersion } from '../../common/db/data-version.js';
import { normalizeForSearch } from '../../common/text/normalize-text.js';
import { AgencyNotFoundException } from '../agencies/agencies.exception.js';
import { takeSnapshot, type AgencyCompliance } from '../compliance/compliance.snapshot.js';
import { ComplianceService } from '../compliance/compliance.service.js';
import type { RankingRowDto } from '../compliance/dto/compliance.dto.js';
import { selectDatasetKind } from '../meta/meta.queries.js';
import { DEMO_NOTICE } from '../meta/meta.service.js';
import { ReportNotFoundException, ReportWeekInvalidException } from '../reports/reports.exception.js';
import { publicNow } from '../reports/report-visibility.js';
import { selectRevisions } from '../reports/reports.queries.js';
import type { WeeklyReportContent } from '../reports/weekly-report.content.js';
import { permalinkOf } from '../reports/weekly-report.links.js';
import type {
  AgenciesExportQuery,
  AgencyServicesExportQuery,
  ExportLanguage,
  RankingsExportQuery,
  ServicesExportQuery,
  WeeklyReportExportQuery,
} from './dto/export.query.js';
import {
  AUDIENCE_LABELS,
  BRANCH_LABELS,
  ColumnSet,
  H,
  KIND_LABELS,
  MILESTONE_PARTS,
  milestoneHeader,
  STAGE_LABELS,
  STATUS_LABELS,
} from './exports.columns.js';
import {
  LICENCE,
  renderCopiedCsv,
  renderExport,
  renderExportBytes,
  type ExportAbout,
  type ExportBytes,
  type ExportFile,
} from './exports.format.js';
import {
  agencyServicesSql,
  nationalServicesCopySql,
  nationalServicesSql,
  selectAgencyHeader,
  selectAgencyIdsInListOrder,
  selectLatestResponses,
  selectReportInForce,
  streamCopy,
  streamRows,
  type LatestResponseRow,
  type NationalServiceExportRow,
  type ServiceExportRow,
} from './exports.queries.js';

/**
 * This process, in the tags of the national services export: the data version is a counter of this process, so a
 * tag from another instance, or from before a restart, never matches by chance.
 */
const INSTANCE = randomUUID();

/** Every row, whatever the list's usual page size. */
const ALL_ROWS = Number.MAX_SAFE_INTEGER;

type RankingExportRow = RankingRowDto & { response: LatestResponseRow | undefined };
type AgencyExportRow = AgencyCompliance & { response: LatestResponseRow | undefined };
interface ReportExportRow {
  entry: WeeklyReportContent['ranking'][number];
  overdue: string[];
  atRisk: string[];
  metLate: string[];
}

/**
 * The exports: the rankings, the agency list with its milestone status, an agency's services and a weekly report,
 * as CSV, XLSX or JSON. Published data only (what the public reads), whoever asks. The rankings and the agency
 * list come from the compliance engine, the very computation of `GET /rankings` (so an export has the same rows,
 * order and figures); an agency's services are streamed from a database cursor; a weekly report's export is a
 * function of its stored revision alone, byte for byte.
 */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly compliance: ComplianceService,
    @Inject(DataVersion) private readonly dataVersion: DataVersion,
  ) {}

  async rankings(query: RankingsExportQuery, apiUrl: string): Promise<ExportBytes> {
    const { format, lang, ...filters } = query;
    const result = await this.compliance.rankings({ ...filters, page: 1, pageSize: ALL_ROWS });
    const responses = await this.latestResponses(
      result.asOf,
      result.items.map((row) => row.agency.id),
    );
    const rows: RankingExportRow[] = result.items.map((row) => ({ ...row, response: responses.get(row.agency.id) }));
    const c = new ColumnSet<RankingExportRow>(lang)
      .number('rank', H.rank, (r) => r.rank)
      .text('agency_code', H.agencyCode, (r) => r.agency.code, 14)
      .text('name_fa', H.nameFa, (r) => r.agency.nameFa, 40)
      .text('name_en', H.nameEn, (r) => r.agency.nameEn, 40)
      .label('kind', H.kind, KIND_LABELS, (r) => r.agency.kind)
      .label('branch', H.branch, BRANCH_LABELS, (r) => r.agency.branch)
      .decimal('score', H.score, (r) => r.score)
      .decimal('progress', H.progress, (r) => r.progress)
      .number('previous_rank', H.previousRank, (r) => r.movement.previousRank)
      .number('rank_change', H.change, (r) => r.movement.change)
      .text('overdue_milestones', H.overdue, (r) => r.flags.overdue.join(', ') || null, 24)
      .text('at_risk_milestones', H.atRisk, (r) => r.flags.atRisk.join(', ') || null, 24);
    responseColumns(c);
    const day = jalaliDashed(result.asOf);
    return renderExportBytes(
      {
        name: { ascii: `rankings-${day}`, fa: `رتبه‌بندی-${day}` },
        sheetName: { fa: 'رتبه‌بندی', en: 'rankings' },
        columns: c.columns,
        rows,
        about: await this.about({
          dataset: { fa: 'رتبه‌بندی دستگاه‌های اجرایی', en: 'Rankings of the executive agencies' },
          asOf: result.asOf,
          filters: { ...filters, asOf: result.asOf },
          source: await this.reportInForce(result.asOf),
          apiUrl,
        }),
      },
      format,
      lang,
    );
  }

  async agencies(query: AgenciesExportQuery, apiUrl: string): Promise<ExportBytes> {
    const { format, lang, ...filters } = query;
    const asOf = query.asOf ?? tehranToday();
    const db = this.dataSource.manager;
    const ids = await selectAgencyIdsInListOrder(db, {
      mainOnly: query.scope === 'main',
      searchTerm: query.search ? normalizeForSearch(query.search) || undefined : undefined,
    });
    const snapshot = await takeSnapshot(db, { asOf, all: query.scope === 'all', agencyIds: ids });
    const responses = await this.latestResponses(asOf, ids);
    const byId = new Map(snapshot.agencies.map((a) => [a.agency.id, a]));
    const rows: AgencyExportRow[] = ids.flatMap((id) => {
      const entry = byId.get(id);
      return entry ? [{ ...entry, response: responses.get(id) }] : [];
    });
    const c = new ColumnSet<AgencyExportRow>(lang)
      .text('agency_code', H.agencyCode, (r) => r.agency.code, 14)
      .text('name_fa', H.nameFa, (r) => r.agency.nameFa, 40)
      .text('name_en', H.nameEn, (r) => r.agency.nameEn, 40)
      .label('kind', H.kind, KIND_LABELS, (r) => r.agency.kind)
      .label('branch', H.branch, BRANCH_LABELS, (r) => r.agency.branch)
      .boolean('is_main', H.isMain, (r) => r.isMain)
      .day('single_window_launched_on', H.singleWindow, (r) => r.singleWindowLaunchedOn)
      .day('national_window_connected_on', H.nationalWindow, (r) => r.nationalWindowConnectedOn)
      .number('services_baseline', H.baseline, (r) => r.services.baseline)
      .number('services_identified', H.identified, (r) => r.services.identified)
      .number('services_in_single_window', H.inSingleWindow, (r) => r.services.inSingleWindow)
      .number('services_connected', H.connected, (r) => r.services.connected)
      .decimal('score', H.score, (r) => r.score)
      .decimal('progress', H.progress, (r) => r.progress);
    snapshot.milestones.forEach((m, i) => {
      const title = { fa: m.titleFa, en: m.titleEn };
      c.label(
        `milestone_${m.code}_status`,
        milestoneHeader(title, MILESTONE_PARTS.status),
        STATUS_LABELS,
        (r) => r.milestones[i]!.status,
      ).day(`milestone_${m.code}_met_on`, milestoneHeader(title, MILESTONE_PARTS.metOn), (r) => r.milestones[i]!.metOn);
    });
    responseColumns(c);
    const day = jalaliDashed(asOf);
    return renderExportBytes(
      {
        name: { ascii: `agencies-${day}`, fa: `دستگاه‌ها-${day}` },
        sheetName: { fa: 'دستگاه‌ها', en: 'agencies' },
        columns: c.columns,
        rows,
        about: await this.about({
          dataset: {
            fa: 'دستگاه‌های اجرایی و وضعیت مهلت‌ها',
            en: 'Executive agencies and their milestone status',
          },
          asOf,
          filters: { ...filters, asOf },
          source: await this.reportInForce(asOf),
          apiUrl,
        }),
      },
      format,
      lang,
    );
  }

  async agencyServices(agencyId: string, query: AgencyServicesExportQuery, apiUrl: string): Promise<ExportFile> {
    const { format, lang, ...filters } = query;
    const db = this.dataSource.manager;
    const agency = await selectAgencyHeader(db, agencyId);
    if (!agency) throw new AgencyNotFoundException(agencyId);
    const asOf = tehranToday();
    const about = await this.about({
      dataset: { fa: 'خدمات الکترونیکی دستگاه', en: "The agency's e-services" },
      asOf,
      filters,
      apiUrl,
    });
    const { sql, params } = agencyServicesSql(agencyId, {
      stage: query.stage,
      systemId: query.systemId,
      searchTerm: query.search ? normalizeForSearch(query.search) || undefined : undefined,
    });
    const rows = await streamRows(this.dataSource, sql, params);
    const c = serviceColumns(new ColumnSet<ServiceExportRow>(lang), lang);
    const day = jalaliDashed(asOf);
    return renderExport(
      {
        name: { ascii: `services-${agency.code}-${day}`, fa: `خدمات-${agency.code}-${day}` },
        sheetName: { fa: 'خدمات', en: 'services' },
        columns: c.columns,
        rows,
        about: { ...about, agency: { code: agency.code, nameFa: agency.name_fa, nameEn: agency.name_en } },
      },
      format,
      lang,
    );
  }

  /**
   * Every service of every agency (up to 1.25 million at national scale), by agency code then service code,
   * streamed from one cursor like an agency's services. Too big for the read cache, but tagged all the same: the
   * tag names this process, the data version, the day in Tehran and the normalised URL, so it changes whenever the
   * file could, and a client that has the file gets `304` without a row being read (`file` is then null). Taken
   * before the cursor opens, the tag is never newer than the rows: a write it has heard of is in them. No tag while
   * the data version cannot be trusted (another instance's writes might go unheard).
   */
  async nationalServices(
    query: ServicesExportQuery,
    apiUrl: string,
    ifNoneMatch: string | string[] | undefined,
  ): Promise<{ etag: string | undefined; file: ExportFile | null }> {
    const { format, lang, ...filters } = query;
    const asOf = tehranToday();
    const etag = this.dataVersion.trusted
      ? `"${createHash('sha256')
          .update(`services-export\n${INSTANCE}\n${this.dataVersion.current}\n${asOf}\n${apiUrl}`)
          .digest('base64url')
          .slice(0, 32)}"`
      : undefined;
    if (etag && matchesEtag(ifNoneMatch, etag)) return { etag, file: null };
    const about = await this.about({
      dataset: { fa: 'خدمات الکترونیکی همه دستگاه‌ها', en: 'The e-services of every agency' },
      asOf,
      filters,
      apiUrl,
    });
    const filter = {
      mainOnly: query.scope === 'main',
      stage: query.stage,
      searchTerm: query.search ? normalizeForSearch(query.search) || undefined : undefined,
    };
    const c = new ColumnSet<NationalServiceExportRow>(lang)
      .text('agency_code', H.agencyCode, (r) => r.agency_code, 14)
      .text('agency_name', H.agencyName, (r) => (lang === 'fa' ? r.agency_name_fa : r.agency_name_en), 40);
    serviceColumns(c, lang);
    const day = jalaliDashed(asOf);
    const name = { ascii: `services-${day}`, fa: `خدمات-${day}` };
    if (format === 'csv') {
      // A million rows: PostgreSQL writes the CSV itself (COPY), the same columns and values as the column set.
      const copied = await streamCopy(this.dataSource, (client) =>
        nationalServicesCopySql(filter, lang, { audience: AUDIENCE_LABELS, stage: STAGE_LABELS }, (value) =>
          client.escapeLiteral(value),
        ),
      );
      return { etag, file: renderCopiedCsv({ name, columns: c.columns }, copied, lang) };
    }
    const { sql, params } = nationalServicesSql(filter);
    const rows = await streamRows(this.dataSource, sql, params);
    const file = renderExport(
      {
        name,
        sheetName: { fa: 'خدمات', en: 'services' },
        columns: c.columns,
        rows,
        about,
      },
      format,
      lang,
    );
    return { etag, file };
  }

  /**
   * A weekly report's rows (its ranking, with each agency's overdue, at-risk and met-late milestones that week),
   * as bytes that depend only on the stored revision and the URL's format and language: no responses, no time of
   * generation; the XLSX's document dates and zip entry dates are the revision's publication instant.
   */
  async weeklyReport(weekInput: string, query: WeeklyReportExportQuery): Promise<ExportBytes> {
    const { format, lang, revision } = query;
    const weekStart = parseWeek(weekInput);
    if (!weekStart) throw new ReportWeekInvalidException(weekInput);
    const db = this.dataSource.manager;
    // A cached "newest revision" must not outlive the embargo of the next one.
    const now = await publicNow(db, this.dataVersion);
    const revisions = await selectRevisions(db, now, weekStart);
    const report = revision === undefined ? revisions[0] : revisions.find((r) => r.revision === revision);
    if (!report) throw new ReportNotFoundException(weekIdOf(weekStart), revision);
    const content = report.content as unknown as WeeklyReportContent;
    const week = weekIdOf(weekStart);

    const listed = (section: 'overdue' | 'atRisk' | 'metLate') => {
      const codes = new Map<string, string[]>();
      for (const m of content.milestones) {
        for (const e of m[section]) codes.set(e.agency.id, [...(codes.get(e.agency.id) ?? []), m.code]);
      }
      return codes;
    };
    const [overdue, atRisk, metLate] = [listed('overdue'), listed('atRisk'), listed('metLate')];
    const rows: ReportExportRow[] = content.ranking.map((entry) => ({
      entry,
      overdue: overdue.get(entry.agency.id) ?? [],
      atRisk: atRisk.get(entry.agency.id) ?? [],
      metLate: metLate.get(entry.agency.id) ?? [],
    }));
    const c = new ColumnSet<ReportExportRow>(lang)
      .number('rank', H.rank, (r) => r.entry.rank)
      .text('agency_code', H.agencyCode, (r) => r.entry.agency.code, 14)
      .text('name_fa', H.nameFa, (r) => r.entry.agency.nameFa, 40)
      .text('name_en', H.nameEn, (r) => r.entry.agency.nameEn, 40)
      .decimal('score', H.score, (r) => r.entry.score)
      .decimal('progress', H.progress, (r) => r.entry.progress)
      .number('previous_rank', H.previousRank, (r) => r.entry.movement.previousRank)
      .number('rank_change', H.change, (r) => r.entry.movement.change)
      .text('overdue_milestones', H.overdue, (r) => r.overdue.join(', ') || null, 24)
      .text('at_risk_milestones', H.atRisk, (r) => r.atRisk.join(', ') || null, 24)
      .text('met_late_milestones', H.metLate, (r) => r.metLate.join(', ') || null, 24);
    const query_ = `format=${format}&lang=${lang}&revision=${report.revision}`;
    return renderExportBytes(
      {
        name: {
          ascii: `weekly-report-${week}-r${report.revision}`,
          fa: `گزارش-هفتگی-${week}-ویرایش-${report.revision}`,
        },
        sheetName: { fa: 'گزارش هفتگی', en: 'weekly report' },
        columns: c.columns,
        rows,
        about: await this.about({
          dataset: {
            fa: `گزارش هفتگی هفته ${week} (ویرایش ${report.revision})`,
            en: `Weekly report of the week ${week} (revision ${report.revision})`,
          },
          asOf: content.asOf,
          filters: { week, revision: report.revision },
          source: {
            week,
            revision: report.revision,
            permalink: permalinkOf(week, report.revision),
            digest: report.digest,
          },
          // The canonical address of these bytes, whatever way the week was typed.
          apiUrl: `/api/v1/weekly-reports/${week}/export?${query_}`,
        }),
        fixedDate: new Date(report.published_at),
      },
      format,
      lang,
    );
  }

  /**
   * The weekly list the cabinet had on `asOf` (the newest public revision of a week ended by then), cited in the
   * "about" block of a rankings or agency-list export beside the live figures; none before the first report.
   */
  private async reportInForce(asOf: string): Promise<ExportAbout['source']> {
    const db = this.dataSource.manager;
    // A cached file must not outlive the embargo of the next report.
    const report = await selectReportInForce(db, asOf, await publicNow(db, this.dataVersion));
    if (!report) return null;
    const week = weekIdOf(report.week_starts_on);
    return { week, revision: report.revision, permalink: permalinkOf(week, report.revision), digest: report.digest };
  }

  /** Each agency's newest published response by `asOf`. */
  private async latestResponses(asOf: string, agencyIds: string[]): Promise<Map<string, LatestResponseRow>> {
    const rows = await selectLatestResponses(this.dataSource.manager, asOf, agencyIds);
    return new Map(rows.map((r) => [r.agency_id, r]));
  }

  private async about(input: {
    dataset: ExportAbout['dataset'];
    asOf: string;
    filters: Record<string, unknown>;
    source?: ExportAbout['source'];
    apiUrl: string;
  }): Promise<ExportAbout> {
    const demo = (await selectDatasetKind(this.dataSource.manager)) === 'demo';
    const filters: ExportAbout['filters'] = {};
    for (const [key, value] of Object.entries(input.filters)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') filters[key] = value;
    }
    return {
      dataset: input.dataset,
      asOf: { iso: input.asOf, jalali: isoToJalali(input.asOf) },
      filters,
      source: input.source ?? null,
      licence: { ...LICENCE },
      demo,
      ...(demo ? { notice: DEMO_NOTICE } : {}),
      apiUrl: input.apiUrl,
    };
  }
}

/** A service's columns, the same in an agency's export and the national one. */
function serviceColumns<Row extends ServiceExportRow>(c: ColumnSet<Row>, lang: ExportLanguage): ColumnSet<Row> {
  return c
    .text('service_code', H.serviceCode, (r) => r.code, 16)
    .text('name_fa', H.nameFa, (r) => r.name_fa, 40)
    .text('name_en', H.nameEn, (r) => r.name_en, 40)
    .label('audience', H.audience, AUDIENCE_LABELS, (r) => r.audience)
    .text('system_code', H.systemCode, (r) => r.system_code, 16)
    .text('system_name', H.systemName, (r) => (lang === 'fa' ? r.system_name_fa : r.system_name_en), 30)
    .label('stage', H.stage, STAGE_LABELS, (r) => r.stage)
    .day('identified_on', H.identifiedOn, (r) => r.identified_on)
    .day('electronic_on', H.electronicOn, (r) => r.electronic_on)
    .day('single_window_on', H.singleWindowOn, (r) => r.single_window_on)
    .day('national_window_on', H.nationalWindowOn, (r) => r.national_window_on)
    .day('withdrawn_on', H.withdrawnOn, (r) => r.withdrawn_on)
    .text('withdrawal_reason', H.withdrawalReason, (r) => r.withdrawal_reason, 30);
}

/** The latest published official response: its day (Jalali and real) and its Persian text. */
function responseColumns<Row extends { response: LatestResponseRow | undefined }>(c: ColumnSet<Row>): void {
  c.day('latest_response_on', H.responseOn, (r) => r.response?.received_on ?? null).text(
    'latest_response',
    H.response,
    (r) => r.response?.body_fa ?? null,
    50,
  );
}

/** `2022-08-22` → `1401-05-31`: the Jalali day in a file name. */
function jalaliDashed(iso: string): string {
  return isoToJalali(iso).replaceAll('/', '-');
}
