import { createContext, useContext, useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJalaliDate } from '../../../lib/dates';
import { useLanguage } from '../../../lib/useLanguage';
import { useWeekResponses } from '../api/getWeekResponses';
import '../responses.css';
import type { PublicResponse } from '../types';
import { responseAnchor, ResponseItem } from './ResponseItem';

/** The week's replies and open requests, by agency id; empty until they are read (or when they cannot be). */
const WeekResponsesContext = createContext<{ byAgency: Map<string, PublicResponse[]>; items: PublicResponse[] }>({
  byAgency: new Map(),
  items: [],
});

/**
 * Reads the replies to a week's report once for the whole brief, so that each place an agency is listed can say
 * whether it answered (`AgencyResponseMark`) and the replies can be read in one section (`WeekResponsesSection`).
 * If they cannot be read, the brief shows as it would without them.
 */
export function WeekResponsesProvider({ week, children }: { week: string; children: ReactNode }) {
  const responses = useWeekResponses(week);
  const value = useMemo(() => {
    const items = responses.data?.items ?? [];
    const byAgency = new Map<string, PublicResponse[]>();
    for (const item of items) {
      const list = byAgency.get(item.agency.id);
      if (list) list.push(item);
      else byAgency.set(item.agency.id, [item]);
    }
    return { byAgency, items };
  }, [responses.data]);
  return <WeekResponsesContext.Provider value={value}>{children}</WeekResponsesContext.Provider>;
}

/**
 * Beside an agency's name in the brief: a link to its published reply to this report, or, when it was asked and
 * has not answered, a "no response yet" link to the request (which gives the day asked). Nothing otherwise.
 */
export function AgencyResponseMark({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { byAgency } = useContext(WeekResponsesContext);
  const items = byAgency.get(agencyId);
  if (!items || items.length === 0) return null;
  const published = items.find((item) => item.status === 'published');
  if (published) {
    return (
      <a className="response-mark response-mark--published" href={`#${responseAnchor(published.id)}`}>
        <span aria-hidden="true">✉ </span>
        {t('responses.markResponse')}
      </a>
    );
  }
  const asked = items[0]!;
  return (
    <a
      className="response-mark response-mark--open"
      href={`#${responseAnchor(asked.id)}`}
      title={asked.requestedOn ? `${t('responses.asked')} ${formatJalaliDate(asked.requestedOn, language)}` : undefined}
    >
      {t('responses.markNoResponse')}
    </a>
  );
}

/** The brief's section of replies to this week's report and of requests not answered yet, by agency. */
export function WeekResponsesSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const { items } = useContext(WeekResponsesContext);
  if (items.length === 0) return null;
  return (
    <section className="weekly-section responses-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('responses.weekSectionTitle')}</h2>
      <p className="muted">{t('responses.weekSectionIntro')}</p>
      <ul className="responses-list">
        {items.map((response) => (
          <li key={response.id}>
            <ResponseItem response={response} showAgency />
          </li>
        ))}
      </ul>
    </section>
  );
}
