import type { components, operations } from '../../../api/schema';

type Schemas = components['schemas'];

/** The OpenAPI document types `jalali` as a bare object; the server writes `{ startsOn, endsOn }` (yyyy/MM/dd). */
export type WeeklyReportContent = Omit<Schemas['WeeklyReportContentDto'], 'jalali'> & {
  jalali: { startsOn: string; endsOn: string };
};
export type WeeklyReport = Omit<Schemas['WeeklyReportDto'], 'content'> & { content: WeeklyReportContent };
export type WeeklyReportSummary = Schemas['WeeklyReportSummaryDto'];
export type WeeklyReportList = Schemas['WeeklyReportListDto'];
export type WeeklyReportRevisions = Omit<Schemas['WeeklyReportRevisionsDto'], 'items'> & { items: WeeklyReport[] };
export type WeeklyReportVerification = Schemas['WeeklyReportVerificationDto'];
export type ReviseWeeklyReportInput = Schemas['ReviseWeeklyReportDto'];
export type WeeklyReportListParams = NonNullable<operations['listWeeklyReports']['parameters']['query']>;

export type ReportAgency = Schemas['ReportAgencyDto'];
export type ReportEntry = Schemas['ReportEntryDto'];
export type ReportMilestone = Schemas['ReportMilestoneDto'];
export type ReportRankingRow = Schemas['ReportRankingRowDto'];

/** The address of a week's report in the API (`week` as the server takes it: a week id or any day of the week). */
export function weeklyReportPath(week: string): string {
  return `/api/v1/weekly-reports/${encodeURIComponent(week)}`;
}
