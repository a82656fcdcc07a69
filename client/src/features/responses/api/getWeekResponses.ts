import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { WeekResponses } from '../types';

/** The replies to a week's report (any revision) and the requests about it not answered yet. */
export function getWeekResponses(week: string, signal?: AbortSignal): Promise<WeekResponses> {
  return getJson<WeekResponses>(`/api/v1/weekly-reports/${encodeURIComponent(week)}/responses`, undefined, {
    signal,
  });
}

export function weekResponsesQueryOptions(week: string) {
  return queryOptions({
    queryKey: ['responses', 'week', week],
    queryFn: ({ signal }) => getWeekResponses(week, signal),
  });
}

export function useWeekResponses(week: string) {
  return useQuery(weekResponsesQueryOptions(week));
}
