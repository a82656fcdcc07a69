import { useQuery } from '@tanstack/react-query';
import { weeklyReportsQueryOptions } from '../api/getWeeklyReports';

/**
 * The newest and the oldest published week (null until known), so that a brief links only to neighbouring weeks
 * that exist. Two one-item pages of the list: the first, then the last.
 */
export function usePublishedWeekRange(): { newest: string | null; oldest: string | null } {
  const first = useQuery(weeklyReportsQueryOptions({ page: 1, pageSize: 1 }));
  const total = first.data?.total ?? 0;
  const last = useQuery({ ...weeklyReportsQueryOptions({ page: total, pageSize: 1 }), enabled: total > 1 });
  const newest = first.data?.items[0]?.week ?? null;
  const oldest = total === 1 ? newest : (last.data?.items[0]?.week ?? null);
  return { newest, oldest };
}
