import { useCallback } from 'react';
import { useLocation, useSearchParams, type To } from 'react-router-dom';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

function parsePositiveInteger(raw: string | null): number | null {
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value >= 1 ? value : null;
}

/**
 * The agency list's view state, kept in the query string (`?search=…&page=2&pageSize=…`) so a view can be
 * shared by its address. Defaults are left out of the URL.
 */
export function useAgencyListParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const { pathname } = useLocation();

  const search = searchParams.get('search')?.trim() ?? '';
  const page = parsePositiveInteger(searchParams.get('page')) ?? 1;
  const requestedPageSize = parsePositiveInteger(searchParams.get('pageSize'));
  const pageSize =
    requestedPageSize !== null && requestedPageSize <= MAX_PAGE_SIZE ? requestedPageSize : DEFAULT_PAGE_SIZE;

  /** A new search starts again from the first page; typing does not pile up history entries. */
  const setSearch = useCallback(
    (next: string) => {
      setSearchParams(
        (current) => {
          const params = new URLSearchParams(current);
          if (next) params.set('search', next);
          else params.delete('search');
          params.delete('page');
          return params;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );

  const linkToPage = useCallback(
    (target: number): To => {
      const params = new URLSearchParams(searchParams);
      if (target <= 1) params.delete('page');
      else params.set('page', String(target));
      const query = params.toString();
      return { pathname, search: query ? `?${query}` : '' };
    },
    [searchParams, pathname],
  );

  return { search, page, pageSize, setSearch, linkToPage };
}
