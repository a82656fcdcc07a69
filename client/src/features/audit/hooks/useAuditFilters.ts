import { useCallback } from 'react';
import { useLocation, useSearchParams, type To } from 'react-router-dom';
import { addDaysIso, parseIsoDate, tehranStartOfDay } from '../../../lib/dates';
import type { AuditQuery } from '../api/getAudit';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  entityType: string;
  action: string;
  /** The actor's user id. */
  actor: string;
  /** ISO calendar days (Tehran), inclusive. */
  from: string | null;
  to: string | null;
}

const FILTER_KEYS = ['entityType', 'action', 'actor', 'from', 'to'] as const;

function isoDayOrNull(raw: string | null): string | null {
  if (!raw) return null;
  try {
    parseIsoDate(raw);
    return raw;
  } catch {
    return null;
  }
}

/**
 * The audit view's filters and page, kept in the query string so a view can be shared. Days are whole days in
 * Tehran: `from` starts at its midnight, `to` runs to the next midnight.
 */
export function useAuditFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const { pathname } = useLocation();

  const filters: AuditFilters = {
    entityType: searchParams.get('entityType')?.trim() ?? '',
    action: searchParams.get('action')?.trim() ?? '',
    actor: searchParams.get('actor')?.trim() ?? '',
    from: isoDayOrNull(searchParams.get('from')),
    to: isoDayOrNull(searchParams.get('to')),
  };
  const rawPage = Number(searchParams.get('page'));
  const page = Number.isSafeInteger(rawPage) && rawPage >= 1 ? rawPage : 1;

  const query: AuditQuery = {
    entityType: filters.entityType || undefined,
    action: filters.action || undefined,
    actorId: filters.actor || undefined,
    from: filters.from ? tehranStartOfDay(filters.from) : undefined,
    to: filters.to ? tehranStartOfDay(addDaysIso(filters.to, 1)) : undefined,
    page,
    pageSize: AUDIT_PAGE_SIZE,
  };

  /** Applies a new set of filters (or some of them) and goes back to the first page. */
  const setFilters = useCallback(
    (next: Partial<AuditFilters>) => {
      setSearchParams((current) => {
        const params = new URLSearchParams(current);
        for (const key of FILTER_KEYS) {
          if (!(key in next)) continue;
          const value = next[key];
          if (value) params.set(key, value);
          else params.delete(key);
        }
        params.delete('page');
        return params;
      });
    },
    [setSearchParams],
  );

  const linkToPage = useCallback(
    (target: number): To => {
      const params = new URLSearchParams(searchParams);
      if (target <= 1) params.delete('page');
      else params.set('page', String(target));
      const queryString = params.toString();
      return { pathname, search: queryString ? `?${queryString}` : '' };
    },
    [searchParams, pathname],
  );

  return { filters, page, query, setFilters, linkToPage };
}
