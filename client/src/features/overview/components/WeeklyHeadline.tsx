import type { UseQueryResult } from '@tanstack/react-query';
import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../../api/http';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { LocalizedName } from '../../../components/LocalizedName';
import { formatInteger } from '../../../lib/numbers';
import { localizedName } from '../../../lib/localizedName';
import { useLanguage } from '../../../lib/useLanguage';
import type { ReportAgency, WeeklyHeadlineReport } from '../api/getWeeklyHeadline';
import { weeklyPath } from '../utils/overviewLinks';
import { formatWeekId } from '../../../lib/dates';
import { DayText } from '../../../components/DayText';

/** How many names the headline quotes before "and N more". */
const JOINED_NAMES = 5;
const DELAYED_NAMES = 3;

interface WeeklyHeadlineProps {
  query: UseQueryResult<WeeklyHeadlineReport>;
  /** The overview's day (ISO), or null for today: the report is then the newest published one. */
  asOf: string | null;
}

/**
 * The headline of a weekly report: who connected that week and who is still overdue on each milestone (counts and
 * the first names), linking to the full brief. The report of the week holding the chosen day, or the newest one.
 */
export function WeeklyHeadline({ query, asOf }: WeeklyHeadlineProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const notPublished = query.isError && query.error instanceof ApiError && query.error.status === 404;

  return (
    <section aria-labelledby={headingId} className="overview-weekly">
      <h2 id={headingId}>{asOf === null ? t('overview.weekly.titleLatest') : t('overview.weekly.titleOfWeek')}</h2>
      {query.isPending ? (
        <LoadingMessage />
      ) : notPublished ? (
        <>
          <p className="state-message">
            {asOf === null ? (
              t('overview.weekly.noneYet')
            ) : (
              <Trans i18nKey="overview.weekly.notPublished" components={{ day: <DayText value={asOf} /> }} />
            )}
          </p>
          <ul className="overview-links">
            {asOf !== null && (
              <li>
                <Link to={weeklyPath('latest')}>{t('overview.weekly.latestLink')}</Link>
              </li>
            )}
            <li>
              <Link to="/weekly">{t('overview.weekly.allReports')}</Link>
            </li>
          </ul>
        </>
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ReportHeadline report={query.data} stale={query.isPlaceholderData} />
      )}
    </section>
  );
}

function ReportHeadline({ report, stale }: { report: WeeklyHeadlineReport; stale: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const delayedId = useId();
  const { content } = report;
  const count = (value: number) => ({ count: value, formattedCount: formatInteger(value, language) });
  const overdueCounts = new Map(content.overview.milestones.map((milestone) => [milestone.code, milestone.overdue]));

  return (
    <div className={stale ? 'overview-stale' : undefined} aria-busy={stale}>
      <p className="muted">
        <Trans
          i18nKey="overview.weekly.week"
          components={{
            start: <DayText value={report.weekStartsOn} />,
            end: <DayText value={report.weekEndsOn} />,
            asOf: <DayText value={content.asOf} />,
          }}
        />
      </p>

      <div className="overview-weekly__joined">
        {content.joined.length === 0 ? (
          <p>{t('overview.weekly.joinedNone')}</p>
        ) : (
          <>
            <p>{t('overview.weekly.joined', count(content.joined.length))}</p>
            <ul className="overview-names">
              {content.joined.slice(0, JOINED_NAMES).map((entry) => (
                <li key={entry.agency.id}>
                  <AgencyName agency={entry.agency} />{' '}
                  <span className="muted">
                    (<DayText value={entry.connectedOn} />)
                  </span>
                </li>
              ))}
              {content.joined.length > JOINED_NAMES && (
                <li className="muted">{t('overview.weekly.andMore', count(content.joined.length - JOINED_NAMES))}</li>
              )}
            </ul>
          </>
        )}
        <p>{t('overview.weekly.laggards', count(content.laggards.count))}</p>
      </div>

      {content.milestones.length > 0 && (
        <>
          <h3 id={delayedId}>{t('overview.weekly.delayedTitle')}</h3>
          <ul className="overview-delayed" aria-labelledby={delayedId}>
            {content.milestones.map((milestone) => {
              const overdue = overdueCounts.get(milestone.code) ?? milestone.overdue.length;
              const shown = milestone.overdue.slice(0, DELAYED_NAMES);
              const title = localizedName({ nameFa: milestone.titleFa, nameEn: milestone.titleEn }, language);
              return (
                <li key={milestone.code}>
                  <strong lang={title.lang === language ? undefined : title.lang}>{title.text}</strong>{' '}
                  <span className="muted">
                    (
                    <Trans
                      i18nKey="overview.milestones.dueOn"
                      components={{ day: <DayText value={milestone.dueOn} /> }}
                    />
                    )
                  </span>
                  {': '}
                  {overdue === 0 ? (
                    <span>
                      <span aria-hidden="true">✓ </span>
                      {t('overview.weekly.noneDelayed')}
                    </span>
                  ) : (
                    <>
                      <span className="badge badge--overdue">
                        <span aria-hidden="true">✕</span> {t('overview.weekly.delayed', count(overdue))}
                      </span>{' '}
                      {shown.map((entry, index) => (
                        <span key={entry.agency.id}>
                          {index > 0 && (language === 'fa' ? '، ' : ', ')}
                          <AgencyName agency={entry.agency} />
                        </span>
                      ))}
                      {overdue > shown.length && (
                        <span className="muted"> {t('overview.weekly.andMore', count(overdue - shown.length))}</span>
                      )}
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}

      <ul className="overview-links">
        <li>
          <Link to={weeklyPath(report.week)}>
            {t('overview.weekly.readReport', { week: formatWeekId(report.week, language) })}
          </Link>
        </li>
        <li>
          <Link to={weeklyPath('latest')}>{t('overview.weekly.latestLink')}</Link>
        </li>
      </ul>
    </div>
  );
}

function AgencyName({ agency }: { agency: ReportAgency }) {
  return (
    <Link to={`/agencies/${encodeURIComponent(agency.id)}`}>
      <LocalizedName entity={agency} />
    </Link>
  );
}
