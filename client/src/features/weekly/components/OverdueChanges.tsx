import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { ReportAgency, WeeklyReportContent } from '../api/types';
import { AgencyLink } from './AgencyLink';
import { DayText } from '../../../components/DayText';

function AgencyList({ agencies, empty }: { agencies: ReportAgency[]; empty: string }) {
  if (agencies.length === 0) return <p className="weekly-empty">{empty}</p>;
  return (
    <ul className="weekly-agency-list">
      {agencies.map((agency) => (
        <li key={agency.id}>
          <AgencyLink agency={agency} />
        </li>
      ))}
    </ul>
  );
}

/** Which agencies entered the overdue list since the week before, and which left it. */
export function OverdueChanges({ content }: { content: WeeklyReportContent }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const { entered, left, count } = content.laggards;
  return (
    <section className="weekly-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('weekly.changesTitle')}</h2>
      <p>
        <Trans
          i18nKey="weekly.changesIntro"
          values={{ laggards: formatInteger(count, language) }}
          components={{ date: <DayText value={content.comparedWith} /> }}
        />
      </p>
      <div className="weekly-changes">
        <section aria-labelledby={`${headingId}-entered`}>
          <h3 id={`${headingId}-entered`}>
            {t('weekly.entered', { number: formatInteger(entered.length, language) })}
          </h3>
          <AgencyList agencies={entered} empty={t('weekly.enteredEmpty')} />
        </section>
        <section aria-labelledby={`${headingId}-left`}>
          <h3 id={`${headingId}-left`}>{t('weekly.left', { number: formatInteger(left.length, language) })}</h3>
          <AgencyList agencies={left} empty={t('weekly.leftEmpty')} />
        </section>
      </div>
    </section>
  );
}
