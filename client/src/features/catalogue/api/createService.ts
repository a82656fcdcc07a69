import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../api/http';
import type { components } from '../../../api/schema';
import { invalidateData } from '../../../api/invalidateData';

export type CreateServiceInput = components['schemas']['CreateServiceDto'];
export type InventoryEntry = components['schemas']['InventoryServiceDto'];

/** Adds a service to an agency's inventory of identified services, with no stage reached yet (admin). */
export function createService(agencyId: string, input: CreateServiceInput): Promise<InventoryEntry> {
  return sendJson<InventoryEntry>('POST', `/api/v1/agencies/${encodeURIComponent(agencyId)}/services`, input);
}

export function useCreateService(agencyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateServiceInput) => createService(agencyId, input),
    onSuccess: () => invalidateData(queryClient),
  });
}
