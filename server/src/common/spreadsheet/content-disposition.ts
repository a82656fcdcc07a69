/** A file to download: an ASCII name for old clients and the name people read (often Persian). */
export interface DownloadName {
  /** ASCII file name, the `filename` fallback. */
  fileName: string;
  /** The real (Persian) file name, sent as RFC 5987 `filename*`. */
  fileNameFa: string;
}

/** `Content-Disposition: attachment` with an ASCII fallback and the Persian name per RFC 5987 / 6266. */
export function contentDisposition(file: DownloadName): string {
  const encoded = encodeURIComponent(file.fileNameFa).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}
