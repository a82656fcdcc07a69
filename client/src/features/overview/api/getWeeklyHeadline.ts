import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { components } from '../../../api/schema';

type Schemas = components['schemas'];

/** The OpenAPI document types `content.jalali` as a bare object; the server writes `{ startsOn, endsOn }`. */
export type WeeklyHeadlineReport = Omit<Schemas['WeeklyReportDto'], 'content'> & {
  content: Omit<Schemas['WeeklyReportContentDto'], 'jalali'> & { jalali: { startsOn: string; endsOn: string } };
};
export type ReportAgency = Schemas['ReportAgencyDto'];

/**
 * The weekly report the overview quotes: the one of the week holding `day` (the Jalali day with dashes,
 * `1401-05-31`; the server finds its week), or the newest published one when `day` is null.
 * @throws ApiError 404 (`REPORT_NOT_FOUND`) when that week's report (or any report) is not published yet.
 */
export function getWeeklyHeadline(day: string | null, signal?: AbortSignal): Promise<WeeklyHeadlineReport> {
  const path = day === null ? '/api/v1/weekly-reports/latest' : `/api/v1/weekly-reports/${encodeURIComponent(day)}`;
  return getJson<WeeklyHeadlineReport>(path, undefined, { signal });
}

export function weeklyHeadlineQueryOptions(day: string | null) {
  return queryOptions({
    queryKey: ['overview', 'weekly-report', day],
    queryFn: ({ signal }) => getWeeklyHeadline(day, signal),
  });
}

export function useWeeklyHeadline(day: string | null) {
  return useQuery({ ...weeklyHeadlineQueryOptions(day), placeholderData: keepPreviousData });
}
