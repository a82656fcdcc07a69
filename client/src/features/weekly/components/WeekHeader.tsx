import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LocalizedName } from '../../../components/LocalizedName';
import { formatGregorianDate, formatJalaliDate } from '../../../lib/dates';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { WeeklyReport } from '../api/types';
import { DayText } from '../../../components/DayText';
import { TehranDateTime } from './TehranDateTime';

interface WeekHeaderProps {
  report: WeeklyReport;
  /** Shown when the page was opened as "the newest brief": the address that will always show this week. */
  permalink: { path: string; absolute: string } | null;
}

/** The brief's heading: the Jalali week (and in English the Gregorian days), the day statuses hold for, the revision. */
export function WeekHeader({ report, permalink }: WeekHeaderProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { weekStartsOn, weekEndsOn, content } = report;
  const jalaliDay = (iso: string) => (
    <time className="nowrap" dateTime={iso} dir="ltr">
      {formatJalaliDate(iso, language)}
    </time>
  );

  return (
    <header className="weekly-print-header">
      <p className="weekly-print-only weekly-print-brand">{t('app.title')}</p>
      <h1>
        <Trans i18nKey="weekly.heading" components={{ start: jalaliDay(weekStartsOn), end: jalaliDay(weekEndsOn) }} />
      </h1>
      <dl className="weekly-meta">
        <div>
          <dt>{t('weekly.weekLabel')}</dt>
          <dd>
            <Trans
              i18nKey="weekly.weekRange"
              components={{
                start: <DayText value={weekStartsOn} jalaliOnly />,
                end: <DayText value={weekEndsOn} jalaliOnly />,
              }}
            />
            {language === 'en' && (
              <>
                {' '}
                <span className="weekly-gregorian">
                  {t('weekly.gregorianRange', {
                    start: formatGregorianDate(weekStartsOn, language),
                    end: formatGregorianDate(weekEndsOn, language),
                  })}
                </span>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('weekly.asOfLabel')}</dt>
          <dd>
            <DayText value={content.asOf} />
          </dd>
        </div>
        <div>
          <dt>{t('weekly.cycleLabel')}</dt>
          <dd>
            <LocalizedName entity={{ nameFa: content.cycle.titleFa, nameEn: content.cycle.titleEn }} />
          </dd>
        </div>
        <div>
          <dt>{t('weekly.revisionLabel')}</dt>
          <dd>{formatInteger(report.revision, language)}</dd>
        </div>
        <div>
          <dt>{t('weekly.publishedLabel')}</dt>
          <dd>
            <TehranDateTime instant={report.publishedAt} />
          </dd>
        </div>
        {report.publicFrom !== report.publishedAt && (
          <div>
            <dt>{t('weekly.publicFromLabel')}</dt>
            <dd>
              <TehranDateTime instant={report.publicFrom} />
            </dd>
          </div>
        )}
      </dl>
      {permalink && (
        <p className="weekly-latest-note weekly-screen-only">
          {t('weekly.latestPermalink')}{' '}
          <Link to={permalink.path} className="weekly-break" dir="ltr">
            {permalink.absolute}
          </Link>
        </p>
      )}
    </header>
  );
}
