import type { QueryParams } from '../../../api/http';
import { dayForAddress, rankingsRequestOf, type RankingsView } from './rankingParams';

/** The ranking's export in the API (`format=` and `lang=` are added by the export links). */
export const RANKINGS_EXPORT_PATH = '/api/v1/rankings/export';

/**
 * The export's parameters for a view: every filter and the sort, exactly as the page asks for its rows, but no page
 * or page size (the file holds every row). The day is written as in the page's address (`1401-05-31`).
 */
export function rankingsExportParams(view: RankingsView): QueryParams {
  const { page: _page, pageSize: _pageSize, ...filters } = rankingsRequestOf(view);
  return { ...filters, asOf: view.asOf === null ? undefined : dayForAddress(view.asOf) };
}
