import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isoToJalali, parseTypedDay } from '../../../lib/dates';
import { searchParamsWith } from '../../../lib/searchParams';

/** A day as the URL keeps it: the Jalali day with dashes (`1401-05-31`), readable and free of escaping. */
export function asOfParamOf(iso: string): string {
  const { year, month, day } = isoToJalali(iso);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The day the agency page shows the agency as it stood on, kept in the query string (`?asOf=1401-05-31`) so the
 * view can be shared. Read by the one rule for typed days (Jalali or Gregorian, any digits); absent means today.
 */
export function useAsOfParam() {
  const [searchParams, setSearchParams] = useSearchParams();
  const raw = searchParams.get('asOf')?.trim() ?? '';
  const asOf = raw === '' ? null : parseTypedDay(raw);
  /** The URL names a day that is not one (`?asOf=1401-13-01`): the page shows today and says so. */
  const invalid = raw !== '' && asOf === null;

  /** Moves to another day (null: back to today) without piling up history entries or scrolling the page. */
  const setAsOf = useCallback(
    (iso: string | null) => {
      setSearchParams((current) => searchParamsWith(current, { asOf: iso === null ? null : asOfParamOf(iso) }), {
        replace: true,
        preventScrollReset: true,
      });
    },
    [setSearchParams],
  );

  return { asOf, invalid, setAsOf };
}
