import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { WeeklyReportList, WeeklyReportListParams } from './types';

/** One page of the published weeks, newest first (each with its newest revision). */
export function getWeeklyReports(params: WeeklyReportListParams, signal?: AbortSignal): Promise<WeeklyReportList> {
  return getJson<WeeklyReportList>('/api/v1/weekly-reports', params, { signal });
}

export function weeklyReportsQueryOptions(params: WeeklyReportListParams) {
  return queryOptions({
    queryKey: ['weekly', 'list', params],
    queryFn: ({ signal }) => getWeeklyReports(params, signal),
  });
}

/** One page of the published weeks; the previous page stays on screen while the next one loads. */
export function useWeeklyReports(params: WeeklyReportListParams) {
  return useQuery({ ...weeklyReportsQueryOptions(params), placeholderData: keepPreviousData });
}
