import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { components } from '../../../api/schema';

export type Meta = components['schemas']['MetaDto'];

export function getMeta(signal?: AbortSignal): Promise<Meta> {
  return getJson<Meta>('/api/v1/meta', undefined, { signal });
}

export function metaQueryOptions() {
  return queryOptions({
    queryKey: ['meta'],
    queryFn: ({ signal }) => getMeta(signal),
    staleTime: Infinity, // fixed for the life of a deployment
  });
}

export function useMeta() {
  return useQuery(metaQueryOptions());
}
