import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { inBothLanguages, type Bilingual } from '../../../lib/bilingual';
import { localizedName } from '../../../lib/localizedName';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { usePageTitle } from '../../../lib/usePageTitle';
import { ADMIN_ROLES, hasRole, useMe } from '../../auth';
import { useRounds } from '../../evaluations';
import type { Round } from '../types/review';
import { NewRoundForm } from './NewRoundForm';
import { RoundCard } from './RoundCard';
import '../review.css';

/**
 * Every evaluation round with its criteria, dates and state. Admins open new rounds (the server lets only them)
 * and close open ones.
 */
export function RoundsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('review.roundsPageTitle'));
  const me = useMe();
  const isAdmin = hasRole(me.data, ADMIN_ROLES);
  const rounds = useRounds();
  const [notice, setNotice] = useState<Bilingual | null>(null);
  const listHeadingId = useId();
  const formHeadingId = useId();

  const handleCreated = (round: Round) => {
    const title = { nameFa: round.titleFa, nameEn: round.titleEn };
    setNotice(
      inBothLanguages((lng) =>
        t('review.newRound.created', {
          lng,
          round: localizedName(title, lng).text,
          count: round.criteria.length,
          formattedCount: formatInteger(round.criteria.length, lng),
        }),
      ),
    );
  };

  let list;
  if (rounds.isPending) {
    list = <LoadingMessage />;
  } else if (rounds.isError) {
    list = <ErrorMessage error={rounds.error} onRetry={() => void rounds.refetch()} />;
  } else if (rounds.data.length === 0) {
    list = <p className="state-message">{t('review.rounds.empty')}</p>;
  } else {
    list = (
      <div className="round-list">
        {rounds.data.map((round) => (
          <RoundCard key={round.id} round={round} canClose={isAdmin} onNotice={setNotice} />
        ))}
      </div>
    );
  }

  return (
    <>
      <h1>{t('review.roundsPageTitle')}</h1>
      <p className="hint">{isAdmin ? t('review.rounds.introAdmin') : t('review.rounds.intro')}</p>
      <p
        role="status"
        className={notice ? 'state-message state-message--success review-notice' : 'review-notice--empty'}
      >
        {notice ? (
          <>
            <span aria-hidden="true">✓ </span>
            {notice[language]}
          </>
        ) : null}
      </p>
      <section aria-labelledby={listHeadingId}>
        <h2 id={listHeadingId}>{t('review.rounds.listTitle')}</h2>
        {list}
      </section>
      {isAdmin && (
        <section aria-labelledby={formHeadingId} className="new-round-section">
          <h2 id={formHeadingId}>{t('review.newRound.title')}</h2>
          <NewRoundForm rounds={rounds.data ?? []} onCreated={handleCreated} />
        </section>
      )}
    </>
  );
}
