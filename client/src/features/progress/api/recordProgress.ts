import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../api/http';
import type { AgencyProgress, RecordProgressInput } from '../types/progress';

/** Records a launch or connection date; refused with 409 when `version` is no longer current. */
export function recordProgress(agencyId: string, input: RecordProgressInput): Promise<AgencyProgress> {
  return sendJson<AgencyProgress>('POST', `/api/v1/agencies/${encodeURIComponent(agencyId)}/progress`, input);
}

export function useRecordProgress(agencyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordProgressInput) => recordProgress(agencyId, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['progress', agencyId] }),
        queryClient.invalidateQueries({ queryKey: ['agencies'] }),
      ]),
  });
}
