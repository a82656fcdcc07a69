import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { auditActionValues, auditEntityTypeValues } from '../../../api/schema';
import { addDaysIso, parseTypedDay, tehranStartOfDay } from '../../../lib/dates';
import { searchParamsWith, type SearchParamChanges } from '../../../lib/searchParams';
import { usePageLinks } from '../../../lib/usePageLinks';
import type { AuditQuery } from '../api/getAudit';

export const AUDIT_PAGE_SIZE = 50;

type AuditEntityType = (typeof auditEntityTypeValues)[number];
type AuditAction = (typeof auditActionValues)[number];

export interface AuditFilters {
  /** '' for any. */
  entityType: AuditEntityType | '';
  action: AuditAction | '';
  /** The actor's user id. */
  actor: string;
  /** ISO calendar days (Tehran), inclusive. */
  from: string | null;
  to: string | null;
}

const FILTER_KEYS = ['entityType', 'action', 'actor', 'from', 'to'] as const;

/** A value the server's vocabulary has (the lists come from its OpenAPI document); anything else is no filter. */
function known<T extends string>(raw: string | null, values: readonly T[]): T | '' {
  const value = raw?.trim() ?? '';
  return values.find((v) => v === value) ?? '';
}

/** A day in the address, read by the one rule for typed days: `1401-08-20` is Jalali, `2022-11-11` Gregorian. */
function dayOrNull(raw: string | null): string | null {
  return raw ? parseTypedDay(raw) : null;
}

/**
 * The audit view's filters and page, kept in the query string so a view can be shared. Days are whole days in
 * Tehran: `from` starts at its midnight, `to` runs to the next midnight.
 */
export function useAuditFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const { page, linkToPage } = usePageLinks();

  const filters: AuditFilters = {
    entityType: known(searchParams.get('entityType'), auditEntityTypeValues),
    action: known(searchParams.get('action'), auditActionValues),
    actor: searchParams.get('actor')?.trim() ?? '',
    from: dayOrNull(searchParams.get('from')),
    to: dayOrNull(searchParams.get('to')),
  };

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
      const changes: SearchParamChanges = { page: null };
      for (const key of FILTER_KEYS) {
        if (key in next) changes[key] = next[key];
      }
      setSearchParams((current) => searchParamsWith(current, changes));
    },
    [setSearchParams],
  );

  return { filters, page, query, setFilters, linkToPage };
}
