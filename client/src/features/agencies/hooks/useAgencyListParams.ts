import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { positiveIntegerParam, searchParamsWith } from '../../../lib/searchParams';
import { usePageLinks } from '../../../lib/usePageLinks';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/**
 * The agency list's view state, kept in the query string (`?search=…&page=2&pageSize=…`) so a view can be
 * shared by its address. Defaults are left out of the URL.
 */
export function useAgencyListParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const { page, linkToPage } = usePageLinks();

  const search = searchParams.get('search')?.trim() ?? '';
  const requestedPageSize = positiveIntegerParam(searchParams.get('pageSize'));
  const pageSize =
    requestedPageSize !== null && requestedPageSize <= MAX_PAGE_SIZE ? requestedPageSize : DEFAULT_PAGE_SIZE;

  /** A new search starts again from the first page; typing does not pile up history entries. */
  const setSearch = useCallback(
    (next: string) => {
      setSearchParams((current) => searchParamsWith(current, { search: next, page: null }), { replace: true });
    },
    [setSearchParams],
  );

  return { search, page, pageSize, setSearch, linkToPage };
}
