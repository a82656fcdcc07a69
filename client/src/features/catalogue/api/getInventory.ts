import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { components, operations } from '../../../api/schema';

export type InventoryList = components['schemas']['ServiceListDto'];
export type InventoryService = InventoryList['items'][number];
export type Audience = InventoryService['audience'];
export type InventoryParams = Pick<
  NonNullable<operations['listAgencyServices']['parameters']['query']>,
  'page' | 'pageSize' | 'search'
>;

/** One page of the agency's services, withdrawn ones included (they carry `withdrawnOn` and the reason). */
export function getInventory(agencyId: string, params: InventoryParams, signal?: AbortSignal): Promise<InventoryList> {
  return getJson<InventoryList>(`/api/v1/agencies/${encodeURIComponent(agencyId)}/services`, { ...params }, { signal });
}

/** Under the agency's `services` key, so writes by the progress page refresh it too (and the other way round). */
export function inventoryQueryOptions(agencyId: string, params: InventoryParams) {
  return queryOptions({
    queryKey: ['services', agencyId, params],
    queryFn: ({ signal }) => getInventory(agencyId, params, signal),
  });
}

/** One page of the inventory; the previous page stays on screen while the next one loads. */
export function useInventory(agencyId: string, params: InventoryParams) {
  return useQuery({ ...inventoryQueryOptions(agencyId, params), placeholderData: keepPreviousData });
}
