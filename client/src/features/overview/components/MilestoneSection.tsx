import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { localizedName } from '../../../lib/localizedName';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { MilestoneCounts, Overview } from '../api/getOverview';
import { rankingsPath, type RankingStatus } from '../utils/overviewLinks';
import { DayText } from '../../../components/DayText';

interface MilestoneSectionProps {
  overview: Overview;
  asOf: string | null;
  stale: boolean;
}

type StatusKey = 'met' | 'atRisk' | 'overdue' | 'pending';

/** Each status: its count's field, word, icon (colour is never the only signal) and the rankings filter it maps to. */
const STATUSES: readonly { key: StatusKey; icon: string; badge: string; ranking: RankingStatus | null }[] = [
  { key: 'met', icon: '✓', badge: 'badge--met', ranking: null },
  { key: 'atRisk', icon: '⚠', badge: 'badge--at-risk', ranking: 'at_risk' },
  { key: 'overdue', icon: '✕', badge: 'badge--overdue', ranking: 'overdue' },
  { key: 'pending', icon: '…', badge: 'badge--pending', ranking: null },
];

/** The cycle's milestones on the day: how many agencies have met each, are at risk, overdue or still pending. */
export function MilestoneSection({ overview, asOf, stale }: MilestoneSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const { cycle, milestones } = overview;

  return (
    <section aria-labelledby={headingId} className={stale ? 'overview-stale' : undefined} aria-busy={stale}>
      <h2 id={headingId}>{t('overview.milestones.title')}</h2>
      {cycle === null ? (
        <p className="state-message">{t('overview.milestones.noCycle')}</p>
      ) : (
        <>
          <p className="muted">
            {t('overview.milestones.cycle', {
              cycle: localizedName({ nameFa: cycle.titleFa, nameEn: cycle.titleEn }, language).text,
            })}
          </p>
          {milestones.length === 0 ? (
            <p className="state-message">{t('overview.milestones.empty')}</p>
          ) : (
            <>
              <ul className="card-list overview-milestones">
                {milestones.map((milestone) => (
                  <MilestoneCard
                    key={milestone.code}
                    milestone={milestone}
                    total={overview.agencies.total}
                    day={overview.asOf}
                    asOf={asOf}
                  />
                ))}
              </ul>
              <p className="hint">{t('overview.milestones.linkNote')}</p>
            </>
          )}
        </>
      )}
    </section>
  );
}

interface MilestoneCardProps {
  milestone: MilestoneCounts;
  total: number;
  /** The day counted (ISO). */
  day: string;
  asOf: string | null;
}

function MilestoneCard({ milestone, total, day, asOf }: MilestoneCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = localizedName({ nameFa: milestone.titleFa, nameEn: milestone.titleEn }, language);
  const metShare = total > 0 ? (milestone.met / total) * 100 : 0;
  const metText = t('overview.milestones.metBar', {
    met: formatInteger(milestone.met, language),
    total: formatInteger(total, language),
  });

  return (
    <li className="card overview-milestone">
      <h3 lang={title.lang === language ? undefined : title.lang}>{title.text}</h3>
      <p className="overview-milestone__due">
        <Trans i18nKey="overview.milestones.dueOn" components={{ day: <DayText value={milestone.dueOn} /> }} />
        {day > milestone.dueOn && <span className="muted"> ({t('overview.milestones.duePassed')})</span>}
      </p>
      <div
        className="progress-bar progress-bar--met"
        role="progressbar"
        aria-label={t('overview.milestones.met')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={milestone.met}
        aria-valuetext={metText}
      >
        <span className="progress-bar__fill" style={{ inlineSize: `${metShare}%` }} />
      </div>
      <p className="overview-milestone__met">{metText}</p>
      <ul className="overview-statuses" aria-label={t('overview.milestones.countsLabel', { milestone: title.text })}>
        {STATUSES.map((status) => {
          const count = milestone[status.key];
          const text = t('overview.milestones.count', {
            status: t(`overview.milestones.${status.key}`),
            value: formatInteger(count, language),
          });
          const badge = (
            <>
              <span aria-hidden="true">{status.icon}</span> {text}
            </>
          );
          return (
            <li key={status.key}>
              {status.ranking !== null && count > 0 ? (
                <Link className={`badge ${status.badge} overview-status-link`} to={rankingsPath(status.ranking, asOf)}>
                  {badge}
                </Link>
              ) : (
                <span className={`badge ${status.badge}`}>{badge}</span>
              )}
            </li>
          );
        })}
      </ul>
    </li>
  );
}
