import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatWeekId } from '../../../lib/dates';
import { formatDecimalString, formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { PublicResponse } from '../types';

/** What a reply answers, in words: the agency itself, a week's report (linked to its brief) or a score's round. */
export function ResponseSubjectText({
  response,
}: {
  response: Pick<PublicResponse, 'subject' | 'weeklyReport' | 'score'>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { weeklyReport: report, score } = response;
  if (response.subject === 'weekly_report' && report) {
    const week = formatWeekId(report.week, language);
    const text =
      report.revision > 1
        ? t('responses.aboutWeekRevision', { week, revision: formatInteger(report.revision, language) })
        : t('responses.aboutWeek', { week });
    const revision = report.revision > 1 ? `?revision=${report.revision}` : '';
    return <Link to={`/weekly/${encodeURIComponent(report.week)}${revision}`}>{text}</Link>;
  }
  if (response.subject === 'score' && score) {
    return (
      <>
        {t('responses.aboutScore', {
          total: formatDecimalString(score.total, language),
          round: language === 'en' && score.roundTitleEn ? score.roundTitleEn : score.roundTitleFa,
        })}
      </>
    );
  }
  return <>{t('responses.aboutAgency')}</>;
}
