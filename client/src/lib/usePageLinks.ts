import { useCallback } from 'react';
import { useLocation, useSearchParams, type To } from 'react-router-dom';
import { positiveIntegerParam, searchParamsWith } from './searchParams';

/**
 * The page of a paged view, kept in the query string (`?page=2`; the first page leaves it out), and the link to
 * any other page with every other parameter kept, for `Pagination`.
 */
export function usePageLinks() {
  const [searchParams] = useSearchParams();
  const { pathname } = useLocation();
  const page = positiveIntegerParam(searchParams.get('page')) ?? 1;

  const linkToPage = useCallback(
    (target: number): To => {
      const query = searchParamsWith(searchParams, { page: target <= 1 ? null : String(target) }).toString();
      return { pathname, search: query ? `?${query}` : '' };
    },
    [searchParams, pathname],
  );

  return { page, linkToPage };
}
