import {
  pathsApiV1RankingsGetParametersQueryBranchValues as BRANCHES,
  pathsApiV1RankingsGetParametersQueryByValues as BASES,
  pathsApiV1RankingsGetParametersQueryKindValues as KINDS,
  pathsApiV1RankingsGetParametersQueryScopeValues as SCOPES,
  pathsApiV1RankingsGetParametersQuerySortValues as SORTS,
  pathsApiV1RankingsGetParametersQueryStatusValues as STATUSES,
} from '../../../api/schema';
import { isoToJalali, parseTypedDay } from '../../../lib/dates';
import { toLatinDigits } from '../../../lib/numbers';
import { positiveIntegerParam } from '../../../lib/searchParams';
import type { RankingsParams } from '../api/getRankings';

export type RankingBasis = NonNullable<RankingsParams['by']>;
export type RankingSort = NonNullable<RankingsParams['sort']>;
export type RankingKind = NonNullable<RankingsParams['kind']>;
export type RankingBranch = NonNullable<RankingsParams['branch']>;
export type RankingStatus = NonNullable<RankingsParams['status']>;
export type RankingScope = NonNullable<RankingsParams['scope']>;

export const RANKING_KINDS = KINDS as readonly RankingKind[];
export const RANKING_BRANCHES = BRANCHES as readonly RankingBranch[];
export const RANKING_STATUSES = STATUSES as readonly RankingStatus[];
export const RANKING_BASES = BASES as readonly RankingBasis[];

export const DEFAULT_PAGE_SIZE = 50;
/** The server's limit. */
export const MAX_PAGE_SIZE = 1000;
export const PAGE_SIZE_CHOICES = [50, 100, 200] as const;
/** The server refuses a longer search. */
export const MAX_SEARCH_LENGTH = 100;

/** The ranking view as the address describes it, every value checked; what the address gets wrong is left out. */
export interface RankingsView {
  by: RankingBasis;
  /** ISO calendar day, or null for today. */
  asOf: string | null;
  /** '' for the latest final score of any round. */
  roundId: string;
  kind: RankingKind | '';
  branch: RankingBranch | '';
  status: RankingStatus | '';
  search: string;
  /** Canonical decimals in Latin digits ("20", "26.07"), or null. */
  minScore: string | null;
  maxScore: string | null;
  scope: RankingScope;
  sort: RankingSort;
  page: number;
  pageSize: number;
}

/** The filters people set (everything but sort and page), as the keys of the address. */
export const FILTER_KEYS = [
  'by',
  'asOf',
  'roundId',
  'kind',
  'branch',
  'status',
  'search',
  'minScore',
  'maxScore',
  'scope',
] as const;

/** A value from the server's list (its OpenAPI document), or `fallback`. */
function oneOf<T extends string, F>(raw: string | null, values: readonly T[], fallback: F): T | F {
  return values.find((value) => value === raw) ?? fallback;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Bidi marks, ZWNJ/ZWJ and white space: what typing and pasting leave inside a number. */
const NUMBER_NOISE = /[\s\u061c\u200c-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * A score bound as people type it, by the server's rule (`parseDecimal`): 0 to 100 with at most two decimals, in
 * Persian, Arabic-Indic or Latin digits, with `.` or the Persian decimal separator `٫`. Returned in its shortest
 * Latin form ("۲۰٫۵۰" → "20.5"), which the server reads as the same number; null when it is not such a number.
 */
export function parseScoreBound(text: string): string | null {
  const cleaned = toLatinDigits(text).replace(NUMBER_NOISE, '');
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const integer = match[1]!.replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (Number(integer) > 100 || (Number(integer) === 100 && fraction !== '')) return null;
  return fraction ? `${integer}.${fraction}` : integer;
}

/** A day for the address, as the journalists' calendar writes it: `1401-05-31` (Latin digits). */
export function dayForAddress(iso: string): string {
  const { year, month, day } = isoToJalali(iso);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Reads the ranking view from the query string. */
export function readRankingsView(searchParams: URLSearchParams): RankingsView {
  const get = (key: string) => searchParams.get(key)?.trim() ?? null;
  const search = get('search') ?? '';
  const roundId = get('roundId') ?? '';
  const asOf = get('asOf');
  const minScore = get('minScore');
  const maxScore = get('maxScore');
  const pageSize = positiveIntegerParam(get('pageSize'));
  return {
    by: oneOf(get('by'), BASES, 'score'),
    asOf: asOf ? parseTypedDay(asOf) : null,
    roundId: UUID.test(roundId) ? roundId.toLowerCase() : '',
    kind: oneOf(get('kind'), KINDS, ''),
    branch: oneOf(get('branch'), BRANCHES, ''),
    status: oneOf(get('status'), STATUSES, ''),
    search: search.length <= MAX_SEARCH_LENGTH ? search : '',
    minScore: minScore ? parseScoreBound(minScore) : null,
    maxScore: maxScore ? parseScoreBound(maxScore) : null,
    scope: oneOf(get('scope'), SCOPES, 'main'),
    sort: oneOf(get('sort'), SORTS, 'rank'),
    page: positiveIntegerParam(get('page')) ?? 1,
    pageSize: pageSize !== null && pageSize <= MAX_PAGE_SIZE ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** The request for a view: only what differs from the server's defaults. */
export function rankingsRequestOf(view: RankingsView): RankingsParams {
  return {
    by: view.by === 'score' ? undefined : view.by,
    asOf: view.asOf ?? undefined,
    roundId: view.roundId || undefined,
    kind: view.kind || undefined,
    branch: view.branch || undefined,
    status: view.status || undefined,
    search: view.search || undefined,
    minScore: view.minScore ?? undefined,
    maxScore: view.maxScore ?? undefined,
    scope: view.scope === 'main' ? undefined : view.scope,
    sort: view.sort === 'rank' ? undefined : view.sort,
    page: view.page,
    pageSize: view.pageSize,
  };
}

/** Whether the view keeps some agencies out (the rows are a part of the ranking). */
export function hasRowFilters(view: RankingsView): boolean {
  return Boolean(
    view.kind || view.branch || view.status || view.search || view.minScore !== null || view.maxScore !== null,
  );
}

/** Whether any filter (including the day, the basis, the round and the scope) differs from the default view. */
export function hasAnyFilter(view: RankingsView): boolean {
  return (
    hasRowFilters(view) || view.by !== 'score' || view.asOf !== null || view.roundId !== '' || view.scope !== 'main'
  );
}

/** The sortable columns and the server's sort keys for each. */
export type SortColumn = 'rank' | 'name' | 'kind' | 'score' | 'progress' | 'movement';

/** The direction a column is sorted in first: best rank, A to Z, highest score and progress, most places gained. */
const FIRST_SORT: Record<SortColumn, RankingSort> = {
  rank: 'rank',
  name: 'name',
  kind: 'kind',
  score: '-score',
  progress: '-progress',
  movement: '-movement',
};

export function sortColumnOf(sort: RankingSort): SortColumn {
  return sort.replace(/^-/, '') as SortColumn;
}

/** `aria-sort` of a column: the server's order without `-` is ascending (rank 1 first, lowest score first). */
export function ariaSortOf(sort: RankingSort, column: SortColumn): 'ascending' | 'descending' | undefined {
  if (sortColumnOf(sort) !== column) return undefined;
  return sort.startsWith('-') ? 'descending' : 'ascending';
}

/** The sort after a click on a column's header: its first direction, or the other one when it is sorted already. */
export function nextSort(current: RankingSort, column: SortColumn): RankingSort {
  if (sortColumnOf(current) !== column) return FIRST_SORT[column];
  return current.startsWith('-') ? column : `-${column}`;
}
