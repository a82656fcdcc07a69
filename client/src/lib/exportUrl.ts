import { buildUrl, type QueryParams } from '../api/http';
import type { Language } from './language';

/** The formats every export endpoint writes (`format=` in its address). */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What each format is sent as: the `type` hint of a link to it. */
export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};

/**
 * The address of an export: `path` (e.g. `/api/v1/rankings/export`) with the format, the language of its headers
 * and sheet direction, then the view's own parameters. Empty parameters are left out (the server's defaults apply);
 * a `format` or `lang` among `params` cannot override the two given.
 */
export function exportUrl(path: string, format: ExportFormat, language: Language, params: QueryParams = {}): string {
  const query: QueryParams = { format, lang: language };
  for (const [key, value] of Object.entries(params)) {
    if (key !== 'format' && key !== 'lang') query[key] = value;
  }
  return buildUrl(path, query);
}
