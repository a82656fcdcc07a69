/**
 * The addresses of a weekly report revision: its permalink (the stored canonical bytes, forever), how to verify
 * it, its exports pinned to that revision, and the client's page. Paths from the site's root, so they hold on any
 * host the server is reached by.
 */

/** `/api/v1/weekly-reports/1401-06-26/revisions/1`: always the same bytes, those whose SHA-256 is the digest. */
export function permalinkOf(week: string, revision: number): string {
  return `/api/v1/weekly-reports/${week}/revisions/${revision}`;
}

/** The route that recomputes the digest of the stored content of that revision. */
export function verifyUrlOf(week: string, revision: number): string {
  return `/api/v1/weekly-reports/${week}/verify?revision=${revision}`;
}

export const REPORT_EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ReportExportFormat = (typeof REPORT_EXPORT_FORMATS)[number];

/** The export of that very revision (Persian headers; add `&lang=en` for English), reproducible byte for byte. */
export function exportUrlOf(week: string, revision: number, format: ReportExportFormat): string {
  return `/api/v1/weekly-reports/${week}/export?format=${format}&revision=${revision}`;
}

export function exportUrlsOf(week: string, revision: number): Record<ReportExportFormat, string> {
  return {
    csv: exportUrlOf(week, revision, 'csv'),
    xlsx: exportUrlOf(week, revision, 'xlsx'),
    json: exportUrlOf(week, revision, 'json'),
  };
}

/** The client's page of that revision. */
export function pageUrlOf(week: string, revision: number): string {
  return `/weekly/${week}?revision=${revision}`;
}

/** The Atom feed of published weekly reports. */
export const FEED_PATH = '/api/v1/weekly-reports.atom';
