import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { components } from '../../../api/schema';

type Schemas = components['schemas'];

export type HistoryStageCounts = Schemas['ServicesByStageDto'];
export type HistoryWeek = Schemas['HistoryPointDto'];
export type OverviewHistory = Schemas['HistoryDto'];

export interface OverviewHistoryParams {
  /** The last day counted (ISO); null: today in Tehran. */
  asOf: string | null;
  /** The first day of the series (ISO): its week is the first point. */
  from: string;
}

/** One point per week from `from` to `asOf`, oldest first: agencies connected and with a single window, services by stage. */
export function getOverviewHistory(
  { asOf, from }: OverviewHistoryParams,
  signal?: AbortSignal,
): Promise<OverviewHistory> {
  return getJson<OverviewHistory>('/api/v1/overview/history', { asOf, from }, { signal });
}

export function overviewHistoryQueryOptions(params: OverviewHistoryParams) {
  return queryOptions({
    queryKey: ['overview', 'history', params],
    queryFn: ({ signal }) => getOverviewHistory(params, signal),
  });
}

export function useOverviewHistory(params: OverviewHistoryParams) {
  return useQuery({ ...overviewHistoryQueryOptions(params), placeholderData: keepPreviousData });
}
