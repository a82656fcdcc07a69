import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { components } from '../../../api/schema';

type AgencyDetail = components['schemas']['AgencyDetailDto'];

/** An agency's names, for an audit record that names the agency by its id only. */
export interface AgencyNames {
  nameFa: string;
  nameEn: string;
}

export async function getAgencyNames(id: string, signal?: AbortSignal): Promise<AgencyNames> {
  const agency = await getJson<AgencyDetail>(`/api/v1/agencies/${encodeURIComponent(id)}`, undefined, { signal });
  return { nameFa: agency.nameFa, nameEn: agency.nameEn };
}

export function agencyNamesQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['audit', 'agency-names', id],
    queryFn: ({ signal }) => getAgencyNames(id, signal),
    // Names hardly ever change: one request per agency per visit is plenty.
    staleTime: 30 * 60 * 1000,
  });
}

/**
 * The names of an agency the audit trail names by id only (its progress records). The audit API does not carry
 * names, so each agency on the page is asked for once (and cached); an error leaves the id shown.
 */
export function useAgencyNames(id: string) {
  return useQuery(agencyNamesQueryOptions(id));
}
