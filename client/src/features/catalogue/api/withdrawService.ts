import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../api/http';
import type { components } from '../../../api/schema';
import type { InventoryEntry } from './createService';
import { invalidateData } from '../../../api/invalidateData';

export type WithdrawServiceInput = components['schemas']['WithdrawServiceDto'];

/**
 * Withdraws a service from its agency's inventory with a reason, at the version read (admin); 409 when stale or
 * when it was already withdrawn.
 */
export function withdrawService(id: string, input: WithdrawServiceInput): Promise<InventoryEntry> {
  return sendJson<InventoryEntry>('POST', `/api/v1/services/${encodeURIComponent(id)}/withdrawal`, input);
}

export function useWithdrawService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: WithdrawServiceInput }) => withdrawService(id, input),
    onSuccess: () => invalidateData(queryClient),
  });
}
