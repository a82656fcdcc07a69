import { useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';

/**
 * What the admin forms offer as a reply's subject: the published weekly reports (newest week first) and one
 * agency's final scores. Minimal shapes of `GET /weekly-reports` and `GET /scores` items.
 */

export interface ReportOption {
  id: string;
  week: string;
  revision: number;
}

export interface ScoreOption {
  id: string;
  roundCode: string;
  total: string;
  status: string;
}

export function useReportOptions() {
  return useQuery({
    queryKey: ['responses', 'options', 'reports'],
    queryFn: ({ signal }) =>
      getJson<{ items: ReportOption[] }>('/api/v1/weekly-reports', { page: 1, pageSize: 100 }, { signal }),
  });
}

export function useScoreOptions(agencyId: string | null) {
  const params = { agencyId: agencyId ?? '', status: 'final', pageSize: 100 };
  return useQuery({
    queryKey: ['responses', 'options', 'scores', params],
    queryFn: ({ signal }) => getJson<{ items: ScoreOption[] }>('/api/v1/scores', params, { signal }),
    enabled: Boolean(agencyId),
  });
}

export interface AgencyOption {
  id: string;
  code: string;
  nameFa: string;
  nameEn: string;
}

export function useAgencyOptions() {
  return useQuery({
    queryKey: ['responses', 'options', 'agencies'],
    queryFn: ({ signal }) =>
      getJson<{ items: AgencyOption[] }>('/api/v1/agencies', { page: 1, pageSize: 200 }, { signal }),
  });
}
