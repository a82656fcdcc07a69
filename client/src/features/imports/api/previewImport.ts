import { useMutation } from '@tanstack/react-query';
import { uploadFile, type UploadProgress } from '../../../api/upload';
import type { ImportKind, ImportPreview } from '../types/imports';

export interface UploadImportInput {
  kind: ImportKind;
  file: File;
  onProgress?: (progress: UploadProgress) => void;
}

/** Uploads the spreadsheet and gets back what importing it would do: rows, valid rows and every problem found. */
export function previewImport({ kind, file, onProgress }: UploadImportInput): Promise<ImportPreview> {
  return uploadFile<ImportPreview>(`/api/v1/imports/${kind}/preview`, file, { onProgress });
}

export function usePreviewImport() {
  return useMutation({ mutationFn: previewImport });
}
