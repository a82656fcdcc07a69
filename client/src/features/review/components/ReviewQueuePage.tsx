import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadingMessage } from '../../../components/LoadingMessage';
import type { Bilingual } from '../../../lib/bilingual';
import { localizedName } from '../../../lib/localizedName';
import { searchParamsWith } from '../../../lib/searchParams';
import { useLanguage } from '../../../lib/useLanguage';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useMe } from '../../auth';
import { useRounds } from '../../evaluations';
import { QUEUE_STEPS, type Round } from '../types/review';
import { QueueSection } from './QueueSection';
import { ScoreDetail } from './ScoreDetail';
import '../review.css';

/**
 * The evaluators' queue: drafts to submit, submissions to review (by someone other than the submitter) and
 * reviewed scores to finalise, and for administrators the final scores (to correct), optionally of one round
 * (`?roundId=`). A chosen score (`?scoreId=`) opens beside
 * the lists with its criteria, its session and its next step.
 */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('review.reviewQueuePageTitle'));
  const [searchParams, setSearchParams] = useSearchParams();
  const roundId = searchParams.get('roundId') || null;
  const scoreId = searchParams.get('scoreId') || null;
  const me = useMe();
  const user = me.data ?? null;
  const rounds = useRounds();
  const [notice, setNotice] = useState<Bilingual | null>(null);
  // A score chosen from a list takes the focus to its heading (not when the page opens on one).
  const [lastScoreId, setLastScoreId] = useState(scoreId);
  const [focusDetail, setFocusDetail] = useState(false);
  if (lastScoreId !== scoreId) {
    setLastScoreId(scoreId);
    setFocusDetail(scoreId !== null);
  }

  // Leaving a score ("back to the lists") puts the focus back on its link, when nothing else holds it.
  const previousScoreId = useRef(scoreId);
  useEffect(() => {
    const previous = previousScoreId.current;
    previousScoreId.current = scoreId;
    const focusIsLost = document.activeElement === null || document.activeElement === document.body;
    if (scoreId === null && previous !== null && focusIsLost) {
      document.querySelector<HTMLElement>(`[data-score-id="${CSS.escape(previous)}"]`)?.focus();
    }
  }, [scoreId]);

  const linkWith = (changes: Record<string, string | null>) => ({
    search: `?${searchParamsWith(searchParams, changes).toString()}`.replace(/\?$/, ''),
  });

  let body;
  if (rounds.isPending) {
    body = <LoadingMessage />;
  } else if (rounds.isError) {
    body = <ErrorMessage error={rounds.error} onRetry={() => void rounds.refetch()} />;
  } else {
    body = (
      <>
        <RoundFilter
          rounds={rounds.data}
          value={roundId}
          onChange={(next) => setSearchParams(searchParamsWith(searchParams, { roundId: next, scoreId: null }))}
        />
        <div className={scoreId ? 'review-layout review-layout--with-detail' : 'review-layout'}>
          <div className="review-queues">
            {QUEUE_STEPS.map(({ status }) => (
              <QueueSection
                key={status}
                status={status}
                roundId={roundId}
                rounds={rounds.data}
                user={user}
                selectedId={scoreId}
                linkTo={(id) => linkWith({ scoreId: id })}
              />
            ))}
            {user?.role === 'admin' && (
              <QueueSection
                status="final"
                roundId={roundId}
                rounds={rounds.data}
                user={user}
                selectedId={scoreId}
                linkTo={(id) => linkWith({ scoreId: id })}
              />
            )}
          </div>
          {scoreId ? (
            <ScoreDetail
              key={scoreId}
              id={scoreId}
              rounds={rounds.data}
              user={user}
              backTo={linkWith({ scoreId: null })}
              onNotice={setNotice}
              focusOnShow={focusDetail}
            />
          ) : (
            <p className="review-detail review-detail--empty muted">{t('review.detail.choose')}</p>
          )}
        </div>
      </>
    );
  }

  return (
    <>
      <h1>{t('review.reviewQueuePageTitle')}</h1>
      <p className="hint">{t('review.intro')}</p>
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
      {body}
    </>
  );
}

interface RoundFilterProps {
  rounds: Round[];
  value: string | null;
  onChange: (roundId: string | null) => void;
}

/** Which round's scores to list; all rounds by default. Kept in the URL. */
function RoundFilter({ rounds, value, onChange }: RoundFilterProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const known = value === null || rounds.some((round) => round.id === value);
  return (
    <div className="filters">
      <div className="form-field">
        <label htmlFor={id}>{t('review.filter.round')}</label>
        <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
          <option value="">{t('review.filter.allRounds')}</option>
          {!known && <option value={value}>{t('review.filter.unknownRound')}</option>}
          {rounds.map((round) => (
            <option key={round.id} value={round.id}>
              {localizedName({ nameFa: round.titleFa, nameEn: round.titleEn }, language).text}
              {round.status === 'closed' ? ` ${t('review.filter.closed')}` : ''}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
