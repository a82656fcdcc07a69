import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencyResponses } from '../api/getAgencyResponses';
import '../responses.css';
import { ResponseItem } from './ResponseItem';

/**
 * The agency page's section of official replies: each published reply (what it answers, the day received, its
 * text and letter) and each request not answered yet, newest first. Nothing is shown while the agency has none.
 */
export function AgencyResponsesSection({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const responses = useAgencyResponses(agencyId);

  if (responses.isPending) return null;
  if (responses.isError) {
    return (
      <section className="responses-section" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('responses.sectionTitle')}</h2>
        <p className="state-message" role="status">
          {t('responses.loadFailed')}{' '}
          <button type="button" className="button button--small" onClick={() => void responses.refetch()}>
            {t('responses.retry')}
          </button>
        </p>
      </section>
    );
  }
  if (responses.data.items.length === 0) return null;
  return (
    <section className="responses-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('responses.sectionTitle')}</h2>
      <p className="muted">{t('responses.sectionIntro')}</p>
      <ul className="responses-list">
        {responses.data.items.map((response) => (
          <li key={response.id}>
            <ResponseItem response={response} />
          </li>
        ))}
      </ul>
    </section>
  );
}
