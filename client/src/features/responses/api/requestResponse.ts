import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../api/http';
import { invalidateData } from '../../../api/invalidateData';
import type { AgencyResponse, RequestResponseInput } from '../types';

/** Records that an agency was asked for its reply (admin); 409 when a request about the same subject is open. */
export function requestResponse(input: RequestResponseInput): Promise<AgencyResponse> {
  return sendJson<AgencyResponse>('POST', '/api/v1/responses/requests', input);
}

export function useRequestResponse() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: requestResponse, onSuccess: () => invalidateData(queryClient) });
}
