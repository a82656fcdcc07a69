import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../api/http';
import { invalidateData } from '../../../api/invalidateData';

/** Withdraws a request made in error, or deletes a draft (admin); the audit trail keeps it. */
export function withdrawResponse(id: string, version: number, reason?: string): Promise<void> {
  return sendJson<void>('POST', `/api/v1/responses/${encodeURIComponent(id)}/withdraw`, {
    version,
    ...(reason ? { reason } : {}),
  });
}

export function useWithdrawResponse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, reason }: { id: string; version: number; reason?: string }) =>
      withdrawResponse(id, version, reason),
    onSuccess: () => invalidateData(queryClient),
  });
}
