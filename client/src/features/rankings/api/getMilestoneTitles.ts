import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { components } from '../../../api/schema';

type Overview = components['schemas']['OverviewDto'];
export type MilestoneTitle = Pick<Overview['milestones'][number], 'code' | 'titleFa' | 'titleEn' | 'dueOn'>;

/** The milestones in force on a day (from the overview), by code: the titles of the ranking's flags. */
export async function getMilestoneTitles(asOf: string, signal?: AbortSignal): Promise<Map<string, MilestoneTitle>> {
  const overview = await getJson<Overview>('/api/v1/overview', { asOf }, { signal });
  return new Map(
    overview.milestones.map(({ code, titleFa, titleEn, dueOn }) => [code, { code, titleFa, titleEn, dueOn }]),
  );
}

export function milestoneTitlesQueryOptions(asOf: string) {
  return queryOptions({
    // Under `overview`, so that whatever refreshes the overview refreshes these titles too.
    queryKey: ['overview', 'milestone-titles', asOf],
    queryFn: ({ signal }) => getMilestoneTitles(asOf, signal),
  });
}

/**
 * Milestone titles for the day a ranking was computed for; asked only when some row carries a flag (`asOf` null
 * otherwise).
 */
export function useMilestoneTitles(asOf: string | null) {
  return useQuery({ ...milestoneTitlesQueryOptions(asOf ?? ''), enabled: asOf !== null });
}
