import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { components, operations } from '../../../api/schema';

export type AuditList = components['schemas']['AuditListDto'];
export type AuditRecord = components['schemas']['AuditRecordDto'];
export type AuditQuery = NonNullable<operations['listAudit']['parameters']['query']>;

export function getAudit(params: AuditQuery, signal?: AbortSignal): Promise<AuditList> {
  return getJson<AuditList>('/api/v1/audit', params, { signal });
}

export function auditQueryOptions(params: AuditQuery) {
  return queryOptions({
    queryKey: ['audit', params],
    queryFn: ({ signal }) => getAudit(params, signal),
  });
}

/** One page of the audit trail, newest first (admin, cabinet); not asked while `enabled` is false. */
export function useAudit(params: AuditQuery, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...auditQueryOptions(params), placeholderData: keepPreviousData, enabled });
}
