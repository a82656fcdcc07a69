import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { Pagination } from '../../../components/Pagination';
import { TableScroll } from '../../../components/TableScroll';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { usePageLinks } from '../../../lib/usePageLinks';
import { usePageTitle } from '../../../lib/usePageTitle';
import { LATEST } from '../api/getWeeklyReport';
import { useWeeklyReports } from '../api/getWeeklyReports';
import type { WeeklyReportSummary } from '../api/types';
import { formatWeekId } from '../../../lib/dates';
import { briefPath } from '../utils/weeks';
import '../weekly.css';
import { DayText } from '../../../components/DayText';
import { TehranDateTime } from './TehranDateTime';

export const WEEKS_PER_PAGE = 20;

function WeekRow({ item }: { item: WeeklyReportSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <tr>
      <th scope="row">
        <Link
          to={briefPath(item.week)}
          aria-label={t('weekly.briefOfWeek', { week: formatWeekId(item.week, language) })}
        >
          <bdi dir="ltr">{formatWeekId(item.week, language)}</bdi>
        </Link>
      </th>
      <td>
        <DayText value={item.weekStartsOn} /> – <DayText value={item.weekEndsOn} />
      </td>
      <td>
        <TehranDateTime instant={item.publishedAt} />
      </td>
      <td>
        {/* Revisions are numbered 1, 2, …: the newest one's number is how many there are. */}
        {t('weekly.revisionCount', { count: item.revision, formattedCount: formatInteger(item.revision, language) })}
      </td>
    </tr>
  );
}

/** Every published week (`/weekly`), newest first, a page at a time (the page is in the address). */
export function WeeklyReportsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('weekly.weeklyReportsPageTitle'));
  const { page, linkToPage } = usePageLinks();
  const reports = useWeeklyReports({ page, pageSize: WEEKS_PER_PAGE });

  let content;
  if (reports.isPending) {
    content = <LoadingMessage />;
  } else if (reports.isError) {
    content = <ErrorMessage error={reports.error} onRetry={() => void reports.refetch()} />;
  } else {
    const { items, total } = reports.data;
    const pageCount = Math.max(1, Math.ceil(total / reports.data.pageSize));
    content = (
      <>
        <p className="result-count" role="status">
          {total === 0
            ? t('weekly.listEmpty')
            : t('weekly.listTotal', { count: total, formattedCount: formatInteger(total, language) })}
        </p>
        {items.length > 0 && (
          <TableScroll label={t('weekly.listCaption')} busy={reports.isPlaceholderData}>
            <table className={reports.isPlaceholderData ? 'data-table data-table--stale' : 'data-table'}>
              <caption>{t('weekly.listCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('weekly.listColumns.week')}</th>
                  <th scope="col">{t('weekly.listColumns.days')}</th>
                  <th scope="col">{t('weekly.listColumns.published')}</th>
                  <th scope="col">{t('weekly.listColumns.revisions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <WeekRow key={item.id} item={item} />
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {(items.length > 0 || page > 1) && <Pagination page={page} pageCount={pageCount} linkToPage={linkToPage} />}
      </>
    );
  }

  return (
    <div className="weekly-list">
      <h1>{t('weekly.weeklyReportsPageTitle')}</h1>
      <p>
        <Link to={`/weekly/${LATEST}`}>{t('weekly.newestBrief')}</Link>
      </p>
      {content}
    </div>
  );
}
