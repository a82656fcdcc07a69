import { useMutation, useQueryClient } from '@tanstack/react-query';
import { uploadFile } from '../../../api/upload';
import type { ImportCommitResult } from '../types/imports';
import type { UploadImportInput } from './previewImport';

/**
 * Uploads the same spreadsheet again to import it. The server checks it again and refuses it whole
 * (400 `IMPORT_HAS_PROBLEMS`, problems in `details`) if anything is wrong.
 */
export function commitImport({ kind, file, onProgress }: UploadImportInput): Promise<ImportCommitResult> {
  return uploadFile<ImportCommitResult>(`/api/v1/imports/${kind}/commit`, file, { onProgress });
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: commitImport,
    // Imported scores and dates change what every list and page shows.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
