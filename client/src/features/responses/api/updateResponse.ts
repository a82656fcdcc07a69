import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../api/http';
import { invalidateData } from '../../../api/invalidateData';
import type { AgencyResponse, UpdateResponseInput } from '../types';

/** Records the reply received to a request, or edits a draft, at the version read (admin). */
export function updateResponse(id: string, input: UpdateResponseInput): Promise<AgencyResponse> {
  return sendJson<AgencyResponse>('PATCH', `/api/v1/responses/${encodeURIComponent(id)}`, input);
}

export function useUpdateResponse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateResponseInput }) => updateResponse(id, input),
    onSuccess: () => invalidateData(queryClient),
  });
}
