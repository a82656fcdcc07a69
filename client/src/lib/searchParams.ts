/**
 * Views people share keep their filters, sort and page in the query string. These helpers read and change it the
 * same way everywhere: an empty value is left out of the URL, so defaults never show in an address.
 */

/** Values to set in a query string; an empty string, null or undefined removes the key. */
export type SearchParamChanges = Record<string, string | null | undefined>;

/** A copy of `current` with `changes` applied (`current` itself is left alone). */
export function searchParamsWith(current: URLSearchParams, changes: SearchParamChanges): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/** A whole number from 1 up written in plain digits (`2`, not `2.0`, `+2` or `1e1`), or null. */
export function positiveIntegerParam(raw: string | null): number | null {
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value >= 1 ? value : null;
}
