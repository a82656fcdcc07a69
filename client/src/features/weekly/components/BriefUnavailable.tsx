import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../../api/http';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LATEST } from '../api/getWeeklyReport';

interface BriefUnavailableProps {
  error: unknown;
  week: string;
  revision: number | null;
  onRetry: () => void;
}

/**
 * A brief that could not be shown. A 404 is not a failure but an answer (nothing published yet, not for this week,
 * no such revision) and says so plainly, with the way on; anything else is an error with the server's words.
 */
export function BriefUnavailable({ error, week, revision, onRetry }: BriefUnavailableProps) {
  const { t } = useTranslation();
  const notFound = error instanceof ApiError && error.status === 404;

  if (!notFound) {
    return (
      <>
        <h1>{t('weekly.weeklyBriefPageTitle')}</h1>
        <ErrorMessage error={error} onRetry={onRetry} />
      </>
    );
  }

  if (week === LATEST) {
    return (
      <>
        <h1>{t('weekly.noReportTitle')}</h1>
        <p className="state-message">{t('weekly.noReport')}</p>
      </>
    );
  }

  return (
    <>
      <h1>{t('weekly.weekNotFoundTitle')}</h1>
      <p className="state-message">{revision === null ? t('weekly.weekNotFound') : t('weekly.revisionNotFound')}</p>
      <ul className="weekly-weeks__list">
        {revision !== null && (
          <li>
            <Link to={`/weekly/${encodeURIComponent(week)}`}>{t('weekly.newestOfWeek')}</Link>
          </li>
        )}
        <li>
          <Link to={`/weekly/${LATEST}`}>{t('weekly.newestBrief')}</Link>
        </li>
        <li>
          <Link to="/weekly">{t('weekly.allWeeks')}</Link>
        </li>
      </ul>
    </>
  );
}
