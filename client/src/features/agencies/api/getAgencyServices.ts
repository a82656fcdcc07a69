import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { components } from '../../../api/schema';

export type AgencyService = components['schemas']['ServiceDto'];
export type ServiceList = components['schemas']['ServiceListDto'];
export type Audience = AgencyService['audience'];

/** The largest page the server gives (`pageSize` ≤ 500). */
const PAGE_SIZE = 500;
/** A guard against a server that keeps answering: 20 pages of 500 are far more services than any agency has. */
const MAX_PAGES = 20;

/**
 * Every service of the agency (withdrawn ones too, as the server lists them), read page by page: the page counts
 * them by audience and stage and lists them under the system that carries them.
 */
export async function getAllAgencyServices(id: string, signal?: AbortSignal): Promise<AgencyService[]> {
  const path = `/api/v1/agencies/${encodeURIComponent(id)}/services`;
  const items: AgencyService[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const body = await getJson<ServiceList>(path, { page, pageSize: PAGE_SIZE }, { signal });
    items.push(...body.items);
    if (body.items.length === 0 || items.length >= body.total) break;
  }
  return items;
}

export function agencyServicesQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['agencies', 'services', id],
    queryFn: ({ signal }) => getAllAgencyServices(id, signal),
  });
}

export function useAgencyServices(id: string) {
  return useQuery(agencyServicesQueryOptions(id));
}
