import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, type To } from 'react-router-dom';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { LocalizedName } from '../../../components/LocalizedName';
import type { Bilingual } from '../../../lib/bilingual';
import { localizedName } from '../../../lib/localizedName';
import { useLanguage } from '../../../lib/useLanguage';
import type { Me } from '../../auth';
import { useScore } from '../api/getScore';
import type { Round } from '../types/review';
import { CriteriaBreakdown } from './CriteriaBreakdown';
import { InstantText } from './InstantText';
import { EditScoreForm } from './EditScoreForm';
import { ScoreActions } from './ScoreActions';
import { SessionPanel } from './SessionPanel';
import { StatusBadge } from './StatusBadge';

interface ScoreDetailProps {
  id: string;
  rounds: Round[];
  user: Me | null;
  /** Where "back to the lists" goes (the same filters, no score chosen). */
  backTo: To;
  /** Called after a step or an edit, with what to tell the user. */
  onNotice: (message: Bilingual) => void;
  /** Take the focus to the heading once the score is shown (it was just chosen from a list). */
  focusOnShow?: boolean;
}

/** The chosen score: its criteria breakdown beside its session, who did what and when, and its next step. */
export function ScoreDetail({ id, rounds, user, backTo, onNotice, focusOnShow = false }: ScoreDetailProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const score = useScore(id);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusOnShow && score.isSuccess) headingRef.current?.focus();
  }, [focusOnShow, score.isSuccess]);

  if (score.isPending) return <LoadingMessage />;
  if (score.isError) {
    return (
      <div className="review-detail">
        <ErrorMessage error={score.error} onRetry={() => void score.refetch()} />
        <p>
          <Link to={backTo}>{t('review.detail.back')}</Link>
        </p>
      </div>
    );
  }

  const data = score.data;
  const round = rounds.find((candidate) => candidate.id === data.roundId);
  const criteria = round ? [...round.criteria].sort((a, b) => a.sortOrder - b.sortOrder) : [];
  const who = (username: string) => (
    <>
      <bdi>{username}</bdi>
      {user && username === user.username ? ` ${t('review.you')}` : ''}
    </>
  );
  const editable =
    round?.status === 'open' && (data.status === 'draft' || data.status === 'submitted') && criteria.length > 0;
  // An administrator's correction: a reviewed or final score, or any score of a closed round.
  const correctable =
    user?.role === 'admin' &&
    round !== undefined &&
    criteria.length > 0 &&
    (round.status === 'closed' || data.status === 'reviewed' || data.status === 'final');

  const handleDone = (message: Bilingual) => {
    onNotice(message);
    headingRef.current?.focus();
  };

  return (
    <section className="review-detail" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="review-detail__title">
        <LocalizedName entity={{ nameFa: data.agencyNameFa, nameEn: data.agencyNameEn }} />
      </h2>
      <p className="review-detail__sub">
        {round ? localizedName({ nameFa: round.titleFa, nameEn: round.titleEn }, language).text : data.roundCode}{' '}
        <StatusBadge status={data.status} />
        {data.isCorrection && <span className="status-badge"> {t('scores.correction')}</span>}
      </p>

      <dl className="review-people">
        {data.status === 'draft' && (
          <div>
            <dt>{t('review.detail.changedAt')}</dt>
            <dd>
              <InstantText instant={data.updatedAt} />
            </dd>
          </div>
        )}
        {data.submittedBy && (
          <div>
            <dt>{t('review.detail.submittedBy')}</dt>
            <dd>
              {who(data.submittedBy)}
              {data.submittedAt && (
                <>
                  {' · '}
                  <InstantText instant={data.submittedAt} />
                </>
              )}
            </dd>
          </div>
        )}
        {data.reviewedBy && (
          <div>
            <dt>{t('review.detail.reviewedBy')}</dt>
            <dd>
              {who(data.reviewedBy)}
              {data.reviewedAt && (
                <>
                  {' · '}
                  <InstantText instant={data.reviewedAt} />
                </>
              )}
            </dd>
          </div>
        )}
        {data.finalisedAt && (
          <div>
            <dt>{t('review.detail.finalisedAt')}</dt>
            <dd>
              <InstantText instant={data.finalisedAt} />
            </dd>
          </div>
        )}
        {data.correctionReason && (
          <div>
            <dt>{t('review.detail.correctionReason')}</dt>
            <dd dir="auto">{data.correctionReason}</dd>
          </div>
        )}
      </dl>

      <div className="review-detail__grid">
        <CriteriaBreakdown score={data} criteria={criteria} />
        <SessionPanel score={data} round={round} user={user} onSaved={handleDone} />
      </div>

      <ScoreActions score={data} round={round} user={user} onDone={handleDone} />
      {editable && <EditScoreForm key={data.id} score={data} criteria={criteria} onSaved={handleDone} />}
      {correctable && (
        <EditScoreForm
          key={`${data.id}-correction`}
          score={data}
          criteria={criteria}
          onSaved={handleDone}
          correction={{ roundClosed: round.status === 'closed' }}
        />
      )}

      <p className="review-detail__back">
        <Link to={backTo}>{t('review.detail.back')}</Link>
      </p>
    </section>
  );
}
