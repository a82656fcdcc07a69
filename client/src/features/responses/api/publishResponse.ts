import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../api/http';
import { invalidateData } from '../../../api/invalidateData';
import type { AgencyResponse } from '../types';

/** Publishes a received reply beside what it answers (admin). */
export function publishResponse(id: string, version: number): Promise<AgencyResponse> {
  return sendJson<AgencyResponse>('POST', `/api/v1/responses/${encodeURIComponent(id)}/publish`, { version });
}

export function usePublishResponse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => publishResponse(id, version),
    onSuccess: () => invalidateData(queryClient),
  });
}
