import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/http';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { inBothLanguages, type Bilingual } from '../../../lib/bilingual';
import { localizedName } from '../../../lib/localizedName';
import { formatDecimalString } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { Me } from '../../auth';
import { invalidateScoreViews, reviewKeys } from '../api/keys';
import { useTransitionScore } from '../api/transitionScore';
import type { Round, Score, ScoreTransition } from '../types/review';
import { ConfirmPanel } from './ConfirmPanel';
import { ScoreConflict } from './ScoreConflict';

const STEP_OF: Partial<Record<Score['status'], ScoreTransition>> = {
  draft: 'submit',
  submitted: 'review',
  reviewed: 'finalise',
};

/** Whether the server would refuse this user's review: nobody reviews their own submission. */
export function isOwnSubmission(score: Score, user: Me | null): boolean {
  return score.status === 'submitted' && user !== null && score.submittedBy === user.username;
}

/** A 409 that a reload answers: the score changed (version) or moved on (another step was taken). */
function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}

interface ScoreActionsProps {
  score: Score;
  round: Round | undefined;
  user: Me | null;
  /** Called after a step was taken, with what to tell the user. */
  onDone: (message: Bilingual) => void;
}

/**
 * The next step for the score — submit, review or finalise — asked for with what it means; or why there is none
 * (the round is closed, the score is final, or it is the user's own submission).
 */
export function ScoreActions({ score, round, user, onDone }: ScoreActionsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const transition = useTransitionScore();
  const [confirming, setConfirming] = useState(false);
  const [reloading, setReloading] = useState(false);
  const actionRef = useRef<HTMLButtonElement>(null);

  const step = STEP_OF[score.status];
  const agency = { nameFa: score.agencyNameFa, nameEn: score.agencyNameEn };
  const agencyName = localizedName(agency, language).text;

  if (round?.status === 'closed') {
    return (
      <p className="review-explain">
        <span aria-hidden="true">🔒 </span>
        {t('review.explain.roundClosed')}
      </p>
    );
  }
  if (score.status === 'final') {
    return (
      <p className="review-explain">
        <span aria-hidden="true">✓ </span>
        {t('review.explain.final')}
      </p>
    );
  }
  if (isOwnSubmission(score, user)) {
    return (
      <p className="review-explain review-explain--own">
        <span aria-hidden="true">ⓘ </span>
        {t('review.explain.ownSubmission')}
      </p>
    );
  }
  if (!step) return null;

  const handleConfirm = () => {
    transition.mutate(
      { id: score.id, step, version: score.version },
      {
        onSuccess: (after) => {
          setConfirming(false);
          onDone(
            inBothLanguages((lng) =>
              t(`review.done.${step}`, {
                lng,
                agency: localizedName(agency, lng).text,
                total: formatDecimalString(after.total, lng),
              }),
            ),
          );
        },
        onError: () => setConfirming(false),
      },
    );
  };

  const handleReload = async () => {
    setReloading(true);
    try {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewKeys.score(score.id) }),
        invalidateScoreViews(queryClient),
      ]);
      transition.reset();
    } finally {
      setReloading(false);
    }
  };

  return (
    <div className="review-actions">
      {confirming ? (
        <ConfirmPanel
          title={t(`review.confirm.${step}.title`, { agency: agencyName })}
          meaning={<p>{t(`review.confirm.${step}.meaning`)}</p>}
          confirmLabel={t(`review.confirm.${step}.yes`)}
          busy={transition.isPending}
          onConfirm={handleConfirm}
          onCancel={() => {
            setConfirming(false);
            requestAnimationFrame(() => actionRef.current?.focus());
          }}
        />
      ) : (
        <button
          ref={actionRef}
          type="button"
          className="button button--primary"
          onClick={() => {
            transition.reset();
            setConfirming(true);
          }}
        >
          {t(`review.actions.${step}`)}
        </button>
      )}
      {transition.isError &&
        (isConflict(transition.error) ? (
          <ScoreConflict error={transition.error} onReload={() => void handleReload()} reloading={reloading} />
        ) : (
          <ErrorMessage error={transition.error} />
        ))}
    </div>
  );
}
