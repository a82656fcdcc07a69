import { jalaliToIso } from '../../../lib/dates';
import { jalaliParamOf } from '../hooks/useOverviewAsOf';

/** The history starts with the week of 1 Mordad 1401 (2022-07-23), where the question begins. */
export const HISTORY_FROM = jalaliToIso(1401, 5, 1)!;

/** The statuses the rankings page filters by (`/rankings?status=`). */
export type RankingStatus = 'overdue' | 'at_risk' | 'on_track' | 'connected' | 'not_connected';

/** The rankings filtered by a status, on the overview's day (`asOf`, ISO; null: today). */
export function rankingsPath(status: RankingStatus, asOf: string | null): string {
  const params = new URLSearchParams({ status });
  if (asOf !== null) params.set('asOf', jalaliParamOf(asOf));
  return `/rankings?${params.toString()}`;
}

/** A week's brief (`week`: its id, `1401-05-29`, or `latest`). */
export function weeklyPath(week: string): string {
  return `/weekly/${encodeURIComponent(week)}`;
}
