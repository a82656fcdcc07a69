import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import { weeklyReportPath, type WeeklyReportRevisions } from './types';

/** Every revision of a week's report, newest first. */
export function getWeeklyReportRevisions(week: string, signal?: AbortSignal): Promise<WeeklyReportRevisions> {
  return getJson<WeeklyReportRevisions>(`${weeklyReportPath(week)}/revisions`, undefined, { signal });
}

export function weeklyReportRevisionsQueryOptions(week: string) {
  return queryOptions({
    queryKey: ['weekly', 'revisions', week],
    queryFn: ({ signal }) => getWeeklyReportRevisions(week, signal),
  });
}

/** The week's revisions; asked only when `enabled` (a report never corrected has one, and says so itself). */
export function useWeeklyReportRevisions(week: string, enabled: boolean) {
  return useQuery({ ...weeklyReportRevisionsQueryOptions(week), enabled });
}
