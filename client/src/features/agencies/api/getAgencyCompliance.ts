import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { components } from '../../../api/schema';

export type AgencyCompliance = components['schemas']['AgencyComplianceDto'];
export type AgencyMilestone = AgencyCompliance['milestones'][number];
export type MilestoneStatus = AgencyMilestone['status'];

/**
 * Where the agency stood on a day (`asOf`, ISO; the server's today in Tehran when null): its milestones with their
 * state, its services against the cycle's baseline, its latest final score and its progress on that day.
 */
export function getAgencyCompliance(id: string, asOf: string | null, signal?: AbortSignal): Promise<AgencyCompliance> {
  return getJson<AgencyCompliance>(`/api/v1/agencies/${encodeURIComponent(id)}/compliance`, { asOf }, { signal });
}

export function agencyComplianceQueryOptions(id: string, asOf: string | null) {
  return queryOptions({
    queryKey: ['agencies', 'compliance', id, asOf],
    queryFn: ({ signal }) => getAgencyCompliance(id, asOf, signal),
  });
}

/** The agency on a day; the previous day's answer stays on screen while another day loads. */
export function useAgencyCompliance(id: string, asOf: string | null) {
  return useQuery({ ...agencyComplianceQueryOptions(id, asOf), placeholderData: keepPreviousData });
}
