import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../api/http';
import { LATEST, weeklyReportQueryKey } from './getWeeklyReport';
import { weeklyReportPath, type ReviseWeeklyReportInput, type WeeklyReport } from './types';

/**
 * Publishes a correction of a week's report (admin): the week computed again from today's data, as its next
 * revision, with the reason.
 */
export function reviseWeeklyReport(week: string, input: ReviseWeeklyReportInput): Promise<WeeklyReport> {
  return sendJson<WeeklyReport>('POST', `${weeklyReportPath(week)}/revisions`, input);
}

export function useReviseWeeklyReport(week: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviseWeeklyReportInput) => reviseWeeklyReport(week, input),
    onSuccess: (report) => {
      // The new revision is the week's newest: shown at once, without asking again.
      queryClient.setQueryData(weeklyReportQueryKey(report.week, null), report);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['weekly', 'revisions', report.week] }),
        queryClient.invalidateQueries({ queryKey: ['weekly', 'list'] }),
        queryClient.invalidateQueries({ queryKey: weeklyReportQueryKey(LATEST, null) }),
      ]);
    },
  });
}
