import { useTranslation } from 'react-i18next';
import { localizedName } from '../../../lib/localizedName';
import { formatInteger, localizeDigits } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { AgencyCompliance, AgencyMilestone, MilestoneStatus } from '../api/getAgencyCompliance';
import { daysBetween } from '../utils/days';
import { DayText } from '../../../components/DayText';

/** A mark beside each status's words, so that colour is never the only sign (hidden from screen readers). */
const STATUS_ICONS: Record<MilestoneStatus, string> = {
  met: '✓',
  pending: '○',
  at_risk: '!',
  overdue: '✕',
};

interface MilestoneTimelineProps {
  milestones: AgencyMilestone[];
  services: AgencyCompliance['services'];
}

/** The cycle's milestones in order of their due days, each with its state on the day shown. */
export function MilestoneTimeline({ milestones, services }: MilestoneTimelineProps) {
  const { t } = useTranslation();
  return (
    <ol className="milestone-timeline" aria-label={t('agency.compliance.timeline')}>
      {milestones.map((milestone) => (
        <MilestoneItem key={milestone.code} milestone={milestone} services={services} />
      ))}
    </ol>
  );
}

function MilestoneItem({
  milestone,
  services,
}: {
  milestone: AgencyMilestone;
  services: MilestoneTimelineProps['services'];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const count = (value: number) => formatInteger(value, language);
  const title = localizedName({ nameFa: milestone.titleFa, nameEn: milestone.titleEn }, language).text;

  return (
    <li className={`milestone milestone--${milestone.status}`}>
      <h3 className="milestone__title">{title}</h3>
      <p className="milestone__status">
        <span className={`badge badge--${milestone.status.replace('_', '-')}`}>
          <span aria-hidden="true">{STATUS_ICONS[milestone.status]}</span>
          {t(`agency.compliance.status.${milestone.status}`)}
        </span>
        {milestone.status === 'met' && milestone.late && (
          <>
            {' '}
            <span className="badge badge--at-risk">{t('agency.compliance.late')}</span>
          </>
        )}
      </p>
      <dl className="definition-list agency-dl-compact">
        <div>
          <dt>{t('agency.compliance.dueOn')}</dt>
          <dd>
            <DayText value={milestone.dueOn} />
          </dd>
        </div>
        {milestone.metOn !== null && (
          <div>
            <dt>{t('agency.compliance.metOn')}</dt>
            <dd>
              <DayText value={milestone.metOn} />{' '}
              {milestone.late ? (
                <strong className="milestone__late">
                  {t('agency.compliance.daysLate', {
                    count: daysBetween(milestone.dueOn, milestone.metOn),
                    formattedCount: count(daysBetween(milestone.dueOn, milestone.metOn)),
                  })}
                </strong>
              ) : (
                <span className="muted">{t('agency.compliance.onTime')}</span>
              )}
            </dd>
          </div>
        )}
        {milestone.daysOverdue !== null && (
          <div>
            <dt>{t('agency.compliance.overdueFor')}</dt>
            <dd>
              {t('agency.compliance.days', {
                count: milestone.daysOverdue,
                formattedCount: count(milestone.daysOverdue),
              })}
            </dd>
          </div>
        )}
        {milestone.daysLeft !== null && (
          <div>
            <dt>{t('agency.compliance.timeLeft')}</dt>
            <dd>
              {milestone.daysLeft === 0
                ? t('agency.compliance.dueToday')
                : t('agency.compliance.days', {
                    count: milestone.daysLeft,
                    formattedCount: count(milestone.daysLeft),
                  })}
            </dd>
          </div>
        )}
        {milestone.required !== null && (
          <div>
            <dt>{t('agency.compliance.required')}</dt>
            <dd>
              {t('agency.compliance.requiredOfBaseline', {
                required: count(milestone.required),
                baseline: count(services.baseline),
              })}
              {milestone.share && (
                <>
                  {' '}
                  <bdi className="muted">
                    ({localizeDigits(`${milestone.share.numerator}/${milestone.share.denominator}`, language)})
                  </bdi>
                </>
              )}
              <br />
              <span className="muted">
                {t('agency.compliance.baselineInSingleWindow', {
                  current: count(services.baselineInSingleWindow),
                })}
              </span>
            </dd>
          </div>
        )}
      </dl>
    </li>
  );
}
