import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, type To } from 'react-router-dom';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { LocalizedName } from '../../../components/LocalizedName';
import { localizedName } from '../../../lib/localizedName';
import { formatDecimalString, formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { Me } from '../../auth';
import { useQueue } from '../api/getQueue';
import type { ListStatus, Round, Score } from '../types/review';
import { InstantText } from './InstantText';
import { isOwnSubmission } from './ScoreActions';

interface QueueSectionProps {
  status: ListStatus;
  roundId: string | null;
  rounds: Round[];
  user: Me | null;
  selectedId: string | null;
  /** The link that opens a score (the page's filters kept). */
  linkTo: (scoreId: string) => To;
}

/** When a score came into its queue: the oldest waiting first. */
function waitingSince(score: Score): string {
  if (score.status === 'submitted') return score.submittedAt ?? score.updatedAt;
  if (score.status === 'reviewed') return score.reviewedAt ?? score.updatedAt;
  if (score.status === 'final') return score.finalisedAt ?? score.updatedAt;
  return score.updatedAt;
}

/**
 * One queue: the scores in one status, each with its agency, round, total and who did what when; the oldest waiting
 * first. The final scores (for an administrator's corrections) come newest first.
 */
export function QueueSection({ status, roundId, rounds, user, selectedId, linkTo }: QueueSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const queue = useQueue(status, roundId);

  let content;
  if (queue.isPending) {
    content = <LoadingMessage />;
  } else if (queue.isError) {
    content = <ErrorMessage error={queue.error} onRetry={() => void queue.refetch()} />;
  } else if (queue.data.items.length === 0) {
    content = <p className="review-empty">{t(`review.queues.${status}.empty`)}</p>;
  } else {
    const items = [...queue.data.items].sort((a, b) =>
      status === 'final'
        ? waitingSince(b).localeCompare(waitingSince(a))
        : waitingSince(a).localeCompare(waitingSince(b)),
    );
    content = (
      <>
        <ul className="review-list">
          {items.map((score) => (
            <QueueItem
              key={score.id}
              score={score}
              round={rounds.find((candidate) => candidate.id === score.roundId)}
              user={user}
              selected={score.id === selectedId}
              to={linkTo(score.id)}
            />
          ))}
        </ul>
        {queue.data.total > items.length && (
          <p className="hint">
            {t('review.queues.more', {
              shown: formatInteger(items.length, language),
              count: queue.data.total,
              formattedCount: formatInteger(queue.data.total, language),
            })}
          </p>
        )}
      </>
    );
  }

  return (
    <section className="review-queue" aria-labelledby={headingId} aria-busy={queue.isFetching || undefined}>
      <h2 id={headingId}>
        {t(`review.queues.${status}.title`)}
        {queue.isSuccess && (
          <span className="review-queue__count">
            {' '}
            {t('review.queues.count', {
              count: queue.data.total,
              formattedCount: formatInteger(queue.data.total, language),
            })}
          </span>
        )}
      </h2>
      <p className="hint">{t(`review.queues.${status}.hint`)}</p>
      {content}
    </section>
  );
}

interface QueueItemProps {
  score: Score;
  round: Round | undefined;
  user: Me | null;
  selected: boolean;
  to: To;
}

function QueueItem({ score, round, user, selected, to }: QueueItemProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const who = (username: string) => (
    <>
      <bdi>{username}</bdi>
      {user && username === user.username ? ` ${t('review.you')}` : ''}
    </>
  );

  return (
    <li className={selected ? 'review-item review-item--selected' : 'review-item'}>
      <Link
        to={to}
        className="review-item__agency"
        aria-current={selected ? 'true' : undefined}
        data-score-id={score.id}
      >
        <LocalizedName entity={{ nameFa: score.agencyNameFa, nameEn: score.agencyNameEn }} />
      </Link>
      <span className="review-item__total">
        {t('review.item.total')} <bdi>{formatDecimalString(score.total, language)}</bdi>
      </span>
      <span className="review-item__round">
        {round ? localizedName({ nameFa: round.titleFa, nameEn: round.titleEn }, language).text : score.roundCode}
      </span>
      <span className="review-item__meta">
        {score.status === 'draft' && (
          <>
            {t('review.item.changed')} <InstantText instant={score.updatedAt} />
          </>
        )}
        {score.submittedBy && score.status !== 'draft' && score.status !== 'final' && (
          <>
            {t('review.item.submittedBy')} {who(score.submittedBy)}
            {score.submittedAt && (
              <>
                {' · '}
                <InstantText instant={score.submittedAt} />
              </>
            )}
          </>
        )}
        {score.status === 'final' && score.finalisedAt && (
          <>
            {t('review.item.finalisedAt')} <InstantText instant={score.finalisedAt} />
            {score.isCorrection && <> · {t('review.item.correction')}</>}
          </>
        )}
        {score.reviewedBy && score.status === 'reviewed' && (
          <>
            <br />
            {t('review.item.reviewedBy')} {who(score.reviewedBy)}
            {score.reviewedAt && (
              <>
                {' · '}
                <InstantText instant={score.reviewedAt} />
              </>
            )}
          </>
        )}
      </span>
      {round?.status === 'closed' && (
        <span className="review-item__note">
          <span aria-hidden="true">🔒 </span>
          {t('review.item.roundClosed')}
        </span>
      )}
      {isOwnSubmission(score, user) && (
        <span className="review-item__note">
          <span aria-hidden="true">ⓘ </span>
          {t('review.item.ownSubmission')}
        </span>
      )}
    </li>
  );
}
