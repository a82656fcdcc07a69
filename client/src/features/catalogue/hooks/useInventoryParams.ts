import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { searchParamsWith } from '../../../lib/searchParams';
import { usePageLinks } from '../../../lib/usePageLinks';

/** Services a page of the inventory holds; the server allows up to 500. */
export const INVENTORY_PAGE_SIZE = 100;

/**
 * The inventory's view state, kept in the query string (`?search=…&page=2&withdrawn=hide`) so a view can be shared
 * by its address. Withdrawn services are shown unless `withdrawn=hide`; defaults are left out of the URL.
 */
export function useInventoryParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const { page, linkToPage } = usePageLinks();
  const search = searchParams.get('search')?.trim() ?? '';
  const showWithdrawn = searchParams.get('withdrawn') !== 'hide';

  /** A new search starts again from the first page; typing does not pile up history entries. */
  const setSearch = useCallback(
    (next: string) => {
      setSearchParams((current) => searchParamsWith(current, { search: next, page: null }), { replace: true });
    },
    [setSearchParams],
  );

  const setShowWithdrawn = useCallback(
    (show: boolean) => {
      setSearchParams((current) => searchParamsWith(current, { withdrawn: show ? null : 'hide' }), { replace: true });
    },
    [setSearchParams],
  );

  return { search, page, pageSize: INVENTORY_PAGE_SIZE, showWithdrawn, setSearch, setShowWithdrawn, linkToPage };
}
