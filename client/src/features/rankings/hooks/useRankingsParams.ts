import { useCallback, useMemo } from 'react';
import { useLocation, useSearchParams, type To } from 'react-router-dom';
import { searchParamsWith, type SearchParamChanges } from '../../../lib/searchParams';
import { usePageLinks } from '../../../lib/usePageLinks';
import {
  DEFAULT_PAGE_SIZE,
  FILTER_KEYS,
  dayForAddress,
  rankingsRequestOf,
  readRankingsView,
  type RankingsView,
} from '../utils/rankingParams';

/** What a filter control may change: the view's values (defaults and empty values leave the address). */
export type RankingsChanges = Partial<Omit<RankingsView, 'page'>>;

interface ChangeOptions {
  /** Replace the history entry instead of adding one (typing: one entry per search, not per keystroke). */
  replace?: boolean;
}

/** The address's form of some view values: defaults are left out, a day is written as its Jalali date. */
function addressChanges(changes: RankingsChanges): SearchParamChanges {
  const result: SearchParamChanges = {};
  const { asOf, by, scope, sort, pageSize, ...plain } = changes;
  if (asOf !== undefined) result.asOf = asOf === null ? null : dayForAddress(asOf);
  if (by !== undefined) result.by = by === 'score' ? null : by;
  if (scope !== undefined) result.scope = scope === 'main' ? null : scope;
  if (sort !== undefined) result.sort = sort === 'rank' ? null : sort;
  if (pageSize !== undefined) result.pageSize = pageSize === DEFAULT_PAGE_SIZE ? null : String(pageSize);
  for (const [key, value] of Object.entries(plain)) result[key] = value;
  return result;
}

/**
 * The ranking view kept in the query string, so that a link reproduces it exactly: filters, sort and page. What
 * the address gets wrong (an unknown kind, a day that does not exist) is ignored, never sent to the server.
 */
export function useRankingsParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const { pathname } = useLocation();
  const { linkToPage } = usePageLinks();

  const view = useMemo(() => readRankingsView(searchParams), [searchParams]);
  const request = useMemo(() => rankingsRequestOf(view), [view]);

  /** Changes some of the view and goes back to the first page. */
  const change = useCallback(
    (changes: RankingsChanges, { replace = false }: ChangeOptions = {}) => {
      setSearchParams((current) => searchParamsWith(current, { ...addressChanges(changes), page: null }), {
        replace,
      });
    },
    [setSearchParams],
  );

  /** The view without any filter; the sort and the page size stay. */
  const clearFiltersLink: To = useMemo(() => {
    const cleared = Object.fromEntries(FILTER_KEYS.map((key) => [key, null]));
    const query = searchParamsWith(searchParams, { ...cleared, page: null }).toString();
    return { pathname, search: query ? `?${query}` : '' };
  }, [searchParams, pathname]);

  return { view, request, change, linkToPage, clearFiltersLink };
}
