import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { components } from '../../../api/schema';

export type Overview = components['schemas']['OverviewDto'];
export type MilestoneCounts = components['schemas']['MilestoneCountsDto'];
export type ScoreBin = components['schemas']['ScoreBinDto'];

/** The country on a day (`asOf`, ISO; null: today in Tehran): connections, milestones, services and scores. */
export function getOverview(asOf: string | null, signal?: AbortSignal): Promise<Overview> {
  return getJson<Overview>('/api/v1/overview', { asOf }, { signal });
}

export function overviewQueryOptions(asOf: string | null) {
  return queryOptions({
    queryKey: ['overview', 'summary', asOf],
    queryFn: ({ signal }) => getOverview(asOf, signal),
  });
}

/** The overview of a day; the previous day's figures stay on screen (marked busy) while another day loads. */
export function useOverview(asOf: string | null) {
  return useQuery({ ...overviewQueryOptions(asOf), placeholderData: keepPreviousData });
}
