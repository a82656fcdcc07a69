import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLanguage } from '../../../lib/useLanguage';
import { LATEST } from '../api/getWeeklyReport';
import { usePublishedWeekRange } from '../hooks/usePublishedWeekRange';
import { formatWeekId } from '../../../lib/dates';
import { briefPath, weekIdAfter } from '../utils/weeks';

interface WeekNavigationProps {
  week: string;
  weekStartsOn: string;
  /** Whether the page is the newest brief's own address (`/weekly/latest`). */
  isLatestAddress: boolean;
}

/** Links to the weeks before and after (when published), the newest brief and the list of every week. */
export function WeekNavigation({ week, weekStartsOn, isLatestAddress }: WeekNavigationProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const { newest, oldest } = usePublishedWeekRange();
  const previous = weekIdAfter(weekStartsOn, -1);
  const next = weekIdAfter(weekStartsOn, 1);
  const weekLink = (target: string, label: string, rel: 'prev' | 'next') => (
    <Link to={briefPath(target)} rel={rel}>
      {label}{' '}
      <bdi className="nowrap" dir="ltr">
        {formatWeekId(target, language)}
      </bdi>
    </Link>
  );

  return (
    <nav className="weekly-section weekly-weeks" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('weekly.otherWeeksTitle')}</h2>
      <ul className="weekly-weeks__list">
        {oldest !== null && previous >= oldest && <li>{weekLink(previous, t('weekly.previousWeek'), 'prev')}</li>}
        {newest !== null && next <= newest && <li>{weekLink(next, t('weekly.nextWeek'), 'next')}</li>}
        {!isLatestAddress && newest !== week && (
          <li>
            <Link to={`/weekly/${LATEST}`}>{t('weekly.newestBrief')}</Link>
          </li>
        )}
        <li>
          <Link to="/weekly">{t('weekly.allWeeks')}</Link>
        </li>
      </ul>
    </nav>
  );
}
