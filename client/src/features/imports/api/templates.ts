import type { ImportKind, TemplateFormat } from '../types/imports';

/** Where the empty spreadsheet for an import kind is downloaded (a plain link: the session cookie goes along). */
export function templateUrl(kind: ImportKind, format: TemplateFormat): string {
  return `/api/v1/imports/templates/${kind}.${format}`;
}
