import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { auditActionValues, auditEntityTypeValues } from '../../../api/schema';
import { addDaysIso, parseTypedDay, tehranStartOfDay } from '../../../lib/dates';
import { searchParamsWith, type SearchParamChanges } from '../../../lib/searchParams';
import { usePageLinks } from '../../../lib/usePageLinks';
import type { AuditQuery } from '../api/getAudit';

export const AUDIT_PAGE_SIZE = 50;

export type AuditEntityType = (typeof auditEntityTypeValues)[number];
export type AuditAction = (typeof auditActionValues)[number];

/** Signing in and out: frequent, and rarely what an auditor looks for, so hidden unless asked for. */
export const SIGN_IN_ACTIONS: readonly AuditAction[] = ['sign_in', 'sign_out'];

export interface AuditFilters {
  /** '' for any. */
  entityType: AuditEntityType | '';
  action: AuditAction | '';
  /** The actor's user id. */
  actor: string;
  /** ISO calendar days (Tehran), inclusive. */
  from: string | null;
  to: string | null;
  /** Show sign-ins and sign-outs too (`?signIns=show`). */
  signIns: boolean;
}

export const NO_FILTERS: AuditFilters = { entityType: '', action: '', actor: '', from: null, to: null, signIns: false };

/** A value the server's vocabulary has (the lists come from its OpenAPI document); anything else is no filter. */
function known<T extends string>(raw: string | null, values: readonly T[]): T | '' {
  const value = raw?.trim() ?? '';
  return values.find((v) => v === value) ?? '';
}

/** A day in the address, read by the one rule for typed days: `1401-08-20` is Jalali, `2022-11-11` Gregorian. */
function dayOrNull(raw: string | null): string | null {
  return raw ? parseTypedDay(raw) : null;
}

/** A range whose end comes before its start: nothing can fall in it. */
export function isReversedRange(from: string | null, to: string | null): boolean {
  return from !== null && to !== null && to < from;
}

/**
 * Whether sign-ins and sign-outs are hidden from the list: by default, unless asked for, or unless the filters
 * themselves ask for them (the action sign_in, the entity type user_session).
 */
export function hidesSignIns(filters: AuditFilters): boolean {
  if (filters.signIns) return false;
  if (filters.action && SIGN_IN_ACTIONS.includes(filters.action)) return false;
  return filters.entityType !== 'user_session';
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
    signIns: searchParams.get('signIns') === 'show',
  };

  const query: AuditQuery = {
    entityType: filters.entityType || undefined,
    action: filters.action || undefined,
    actorId: filters.actor || undefined,
    signIns: hidesSignIns(filters) ? 'exclude' : undefined,
    from: filters.from ? tehranStartOfDay(filters.from) : undefined,
    to: filters.to ? tehranStartOfDay(addDaysIso(filters.to, 1)) : undefined,
    page,
    pageSize: AUDIT_PAGE_SIZE,
  };

  /** Applies a new set of filters (or some of them) and goes back to the first page. */
  const setFilters = useCallback(
    (next: Partial<AuditFilters>) => {
      const changes: SearchParamChanges = { page: null };
      if ('entityType' in next) changes.entityType = next.entityType;
      if ('action' in next) changes.action = next.action;
      if ('actor' in next) changes.actor = next.actor;
      if ('from' in next) changes.from = next.from;
      if ('to' in next) changes.to = next.to;
      if ('signIns' in next) changes.signIns = next.signIns ? 'show' : null;
      setSearchParams((current) => searchParamsWith(current, changes));
    },
    [setSearchParams],
  );

  return { filters, page, query, setFilters, linkToPage };
}
