import { useMutation } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import { weeklyReportPath, type WeeklyReportVerification } from './types';

/** Has the server recompute the digest of a revision's stored content and compare it with the published one. */
export function verifyWeeklyReport(week: string, revision: number): Promise<WeeklyReportVerification> {
  return getJson<WeeklyReportVerification>(`${weeklyReportPath(week)}/verify`, { revision });
}

/** Verification on request (a button), never in the background: the answer is for the moment it was asked. */
export function useVerifyWeeklyReport(week: string, revision: number) {
  return useMutation({ mutationFn: () => verifyWeeklyReport(week, revision) });
}
