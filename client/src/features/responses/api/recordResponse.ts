import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../api/http';
import { invalidateData } from '../../../api/invalidateData';
import type { AgencyResponse, RecordResponseInput } from '../types';

/** Records a reply received without an open request, as a draft (admin). */
export function recordResponse(input: RecordResponseInput): Promise<AgencyResponse> {
  return sendJson<AgencyResponse>('POST', '/api/v1/responses', input);
}

export function useRecordResponse() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: recordResponse, onSuccess: () => invalidateData(queryClient) });
}
