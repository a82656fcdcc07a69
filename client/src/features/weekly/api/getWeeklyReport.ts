import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import { weeklyReportPath, type WeeklyReport } from './types';

/** The `week` of the address that stands for the newest published report. */
export const LATEST = 'latest';

/**
 * A week's report: its newest revision, or `revision` when given. `week` is `latest`, a week id (`1401-06-26`) or
 * any day of the week in either calendar (the server finds the week).
 */
export function getWeeklyReport(week: string, revision: number | null, signal?: AbortSignal): Promise<WeeklyReport> {
  if (week === LATEST) {
    return getJson<WeeklyReport>('/api/v1/weekly-reports/latest', undefined, { signal });
  }
  return getJson<WeeklyReport>(weeklyReportPath(week), { revision }, { signal });
}

export function weeklyReportQueryKey(week: string, revision: number | null) {
  return ['weekly', 'report', week, revision] as const;
}

export function weeklyReportQueryOptions(queryClient: QueryClient, week: string, revision: number | null) {
  const asked = week === LATEST ? null : revision;
  return queryOptions({
    queryKey: weeklyReportQueryKey(week, asked),
    queryFn: async ({ signal }) => {
      const report = await getWeeklyReport(week, asked, signal);
      // Reached by another name (`latest`, another day of the week): its own address opens it at once.
      if (report.week !== week) {
        queryClient.setQueryData(weeklyReportQueryKey(report.week, asked), report);
      }
      return report;
    },
  });
}

export function useWeeklyReport(week: string, revision: number | null) {
  const queryClient = useQueryClient();
  return useQuery(weeklyReportQueryOptions(queryClient, week, revision));
}
