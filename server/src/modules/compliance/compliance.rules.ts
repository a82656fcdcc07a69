import { daysBetween } from '../../common/dates/calendar-day.js';

/**
 * The compliance engine's rules, pure: a milestone's status on a day, competition ranks and the movement between
 * two weeks. The SQL (compliance.queries.ts) finds the day each agency met each milestone; these decide the rest.
 */

export const MILESTONE_STATUSES = ['met', 'pending', 'at_risk', 'overdue'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export interface MilestoneTerms {
  dueOn: string;
  atRiskDays: number;
}

export interface StatusOnDay {
  status: MilestoneStatus;
  /** The day it was met (on or before the as-of day), else null. */
  metOn: string | null;
  /** Met after its due day. */
  late: boolean;
  /** Overdue: days since the due day (1 on the day after it). */
  daysOverdue: number | null;
  /** Not met and not yet overdue: days left until the due day (0 on the due day itself). */
  daysLeft: number | null;
}

/**
 * A milestone's status on `asOf`, given the day it was met (null if not met by then):
 * - `met` once met, on any day (late if after the due day);
 * - `overdue` from the day after the due day while not met;
 * - `at_risk` while not met and the due day is at most `atRiskDays` away (the due day itself included);
 * - `pending` before that.
 */
export function milestoneStatus(terms: MilestoneTerms, metOn: string | null, asOf: string): StatusOnDay {
  if (metOn !== null && metOn <= asOf) {
    return { status: 'met', metOn, late: metOn > terms.dueOn, daysOverdue: null, daysLeft: null };
  }
  const left = daysBetween(asOf, terms.dueOn);
  if (left < 0) return { status: 'overdue', metOn: null, late: false, daysOverdue: -left, daysLeft: null };
  return {
    status: left <= terms.atRiskDays ? 'at_risk' : 'pending',
    metOn: null,
    late: false,
    daysOverdue: null,
    daysLeft: left,
  };
}

/**
 * Competition ranks ("1, 2, 2, 4") of decimal values, highest first; null values are unranked (null). Values are
 * exact decimals with the same number of decimals (scores "26.07", shares "33.33"), compared as numbers.
 */
export function competitionRanks(values: ReadonlyArray<string | null>): Array<number | null> {
  const ranked = values
    .map((value, index) => ({ value: value === null ? null : Number(value), index }))
    .filter((v): v is { value: number; index: number } => v.value !== null)
    .sort((a, b) => b.value - a.value);
  const ranks: Array<number | null> = values.map(() => null);
  ranked.forEach((v, i) => {
    ranks[v.index] = i > 0 && ranked[i - 1]!.value === v.value ? ranks[ranked[i - 1]!.index]! : i + 1;
  });
  return ranks;
}

export interface Movement {
  /** Last week's rank, or null if unranked then. */
  previousRank: number | null;
  /** Places gained since last week (positive = up), or null when either week is unranked. */
  change: number | null;
  /** Of `change`, the places the agency's own change explains: its rank had nobody else moved. */
  own: number | null;
  /** Of `change`, the rest: the others' changes (agencies passing it or falling behind it, entering or leaving). */
  others: number | null;
}

/**
 * Each row's movement since last week. `own` is measured against the others' values as they were last week: the
 * rank the agency would have now if only its own value had changed. Rows are aligned: `current[i]` and
 * `previous[i]` are the same agency's values (null when unranked).
 */
export function movements(current: ReadonlyArray<string | null>, previous: ReadonlyArray<string | null>): Movement[] {
  const rankNow = competitionRanks(current);
  const rankThen = competitionRanks(previous);
  // Last week's ranked values, highest first, to count how many would be above a value (binary search).
  const then = previous
    .filter((v): v is string => v !== null)
    .map(Number)
    .sort((a, b) => b - a);
  const above = (value: number): number => {
    let lo = 0;
    let hi = then.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (then[mid]! > value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return current.map((value, i) => {
    const previousRank = rankThen[i] ?? null;
    const now = rankNow[i] ?? null;
    if (previousRank === null || now === null || value === null) {
      return { previousRank, change: null, own: null, others: null };
    }
    const prior = Number(previous[i]);
    const own = Number(value);
    // Others above it if it alone had moved: last week's values above its new value, not counting its own.
    const othersAbove = above(own) - (prior > own ? 1 : 0);
    const ownOnlyRank = othersAbove + 1;
    const change = previousRank - now;
    const ownPart = previousRank - ownOnlyRank;
    return { previousRank, change, own: ownPart, others: change - ownPart };
  });
}
