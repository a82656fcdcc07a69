import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { Overview } from '../api/getOverview';
import { DayText } from '../../../components/DayText';

/** The services on the day: identified, in the agencies' single windows, connected; and the cycle's baseline. */
export function ServiceFigures({ overview, stale }: { overview: Overview; stale: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const { services, cycle } = overview;

  const figures = [
    { key: 'identified', label: t('overview.services.identified'), value: services.identified },
    { key: 'inSingleWindow', label: t('overview.services.inSingleWindow'), value: services.inSingleWindow },
    { key: 'connected', label: t('overview.services.connected'), value: services.connected },
  ];

  return (
    <section aria-labelledby={headingId} className={stale ? 'overview-stale' : undefined} aria-busy={stale}>
      <h2 id={headingId}>{t('overview.services.title')}</h2>
      <dl className="stat-grid overview-stats">
        {figures.map((figure) => (
          <div key={figure.key} className="stat">
            <dt className="stat__label">{figure.label}</dt>
            <dd className="stat__value">{formatInteger(figure.value, language)}</dd>
          </div>
        ))}
        {cycle !== null && (
          <div className="stat">
            <dt className="stat__label">
              {t('overview.services.baseline')}{' '}
              <span>
                (
                <Trans
                  i18nKey="overview.services.baselineOn"
                  components={{ day: <DayText value={cycle.baselineOn} /> }}
                />
                )
              </span>
            </dt>
            <dd className="stat__value">{formatInteger(services.baseline, language)}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
