import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { JalaliDateInput } from '../../../components/JalaliDateInput';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { todayInTehran } from '../../../lib/dates';
import { localizedName } from '../../../lib/localizedName';
import { formatDecimalString, formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { useAgencyCompliance, type AgencyCompliance } from '../api/getAgencyCompliance';
import { asOfParamOf, useAsOfParam } from '../hooks/useAsOfParam';
import { DayText } from '../../../components/DayText';
import { MilestoneTimeline } from './MilestoneTimeline';

interface ComplianceSectionProps {
  agencyId: string;
}

/**
 * The agency as it stood on a day (today unless the URL names another, `?asOf=1401-05-31`): its score and progress
 * on that day, its services against the cycle's baseline, and each milestone of the cycle with its state.
 */
export function ComplianceSection({ agencyId }: ComplianceSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const inputId = useId();
  const { asOf, invalid, setAsOf } = useAsOfParam();
  const compliance = useAgencyCompliance(agencyId, asOf);

  let content: ReactNode;
  if (compliance.isPending) {
    content = <LoadingMessage />;
  } else if (compliance.isError) {
    content = <ErrorMessage error={compliance.error} onRetry={() => void compliance.refetch()} />;
  } else {
    content = <ComplianceOnDay compliance={compliance.data} isStale={compliance.isPlaceholderData} />;
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('agency.compliance.title')}</h2>
      <div className="agency-asof">
        <JalaliDateInput
          id={inputId}
          label={t('agency.compliance.asOf')}
          hint={t('agency.compliance.asOfHint')}
          value={asOf ?? todayInTehran()}
          onChange={(iso) => {
            if (iso !== null) setAsOf(iso);
          }}
        />
        {asOf !== null && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setAsOf(null);
              // The button goes once the page is back on today: the day's field keeps the focus.
              document.getElementById(inputId)?.focus();
            }}
          >
            {t('agency.compliance.backToToday')}
          </button>
        )}
      </div>
      {invalid && <p className="state-message">{t('agency.compliance.asOfInvalid')}</p>}
      {content}
    </section>
  );
}

function ComplianceOnDay({ compliance, isStale }: { compliance: AgencyCompliance; isStale: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { cycle, services } = compliance;
  const count = (value: number) => formatInteger(value, language);

  return (
    <div className={isStale ? 'agency-standing agency-standing--stale' : 'agency-standing'} aria-busy={isStale}>
      <p className="agency-standing__day" role="status">
        {t('agency.compliance.standingOn')} <DayText value={compliance.asOf} />
      </p>
      <p className="agency-standing__links">
        <Link to={`/rankings?asOf=${asOfParamOf(compliance.asOf)}`}>{t('agency.compliance.rankingsLink')}</Link>
      </p>
      <p className="agency-standing__cycle">
        <span className="muted">{t('agency.compliance.cycle')}:</span>{' '}
        {cycle ? (
          <>
            {localizedName({ nameFa: cycle.titleFa, nameEn: cycle.titleEn }, language).text}{' '}
            <span className="muted">
              (<DayText value={cycle.startsOn} /> – <DayText value={cycle.endsOn} />)
            </span>
          </>
        ) : (
          <span className="muted">{t('agency.compliance.noCycle')}</span>
        )}
      </p>
      <dl className="stat-grid">
        <Stat label={t('agency.compliance.score')}>
          {compliance.score === null ? (
            <span className="muted">{t('agencies.noScore')}</span>
          ) : (
            formatDecimalString(compliance.score, language)
          )}
        </Stat>
        <Stat label={t('agency.compliance.progress')}>
          {compliance.progress === null
            ? t('common.none')
            : t('agency.compliance.percent', { value: formatDecimalString(compliance.progress, language) })}
        </Stat>
        <Stat label={t('agency.compliance.identified')}>{count(services.identified)}</Stat>
        <Stat label={t('agency.compliance.inSingleWindow')}>{count(services.inSingleWindow)}</Stat>
        <Stat label={t('agency.compliance.connected')}>{count(services.connected)}</Stat>
        {cycle && (
          <Stat
            label={t('agency.compliance.baseline')}
            note={
              <>
                {t('agency.compliance.baselineOn')} <DayText value={cycle.baselineOn} />
              </>
            }
          >
            {count(services.baseline)}
          </Stat>
        )}
      </dl>
      {cycle &&
        (compliance.milestones.length === 0 ? (
          <p className="muted">{t('agency.compliance.noMilestones')}</p>
        ) : (
          <MilestoneTimeline milestones={compliance.milestones} services={services} />
        ))}
    </div>
  );
}

function Stat({ label, note, children }: { label: string; note?: ReactNode; children: ReactNode }) {
  return (
    <div className="stat">
      <dt className="stat__label">{label}</dt>
      <dd className="stat__value">{children}</dd>
      {note && <dd className="stat__label">{note}</dd>}
    </div>
  );
}
