import { useTranslation } from 'react-i18next';
import { ApiError, conflictCurrentOf } from '../../../api/http';
import { formatDecimalString } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { ScoreStatus } from '../types/review';

const STATUSES: readonly string[] = ['draft', 'submitted', 'reviewed', 'final'];

interface ScoreConflictProps {
  /** The 409 error: a version conflict (with `details.current`) or a step the score is no longer at. */
  error: unknown;
  onReload: () => void;
  reloading?: boolean;
}

/**
 * Someone changed the score first: says so in the server's words, shows its current status and total (in the
 * active language, unlike raw values), and offers to load it. A form keeps what was typed.
 */
export function ScoreConflict({ error, onReload, reloading = false }: ScoreConflictProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const message = error instanceof ApiError ? error.serverMessage?.[language] : undefined;
  const current = conflictCurrentOf(error);
  const status = typeof current?.status === 'string' && STATUSES.includes(current.status) ? current.status : null;
  const total = typeof current?.total === 'string' ? current.total : null;
  const submittedBy = typeof current?.submittedBy === 'string' ? current.submittedBy : null;
  const reviewedBy = typeof current?.reviewedBy === 'string' ? current.reviewedBy : null;

  return (
    <div className="state-message state-message--error conflict" role="alert">
      <p>{message ?? t('conflict.message')}</p>
      {current && (
        <>
          <p className="conflict__title">{t('conflict.currentValues')}</p>
          <dl className="conflict__values">
            {status && (
              <div className="detail-row">
                <dt>{t('review.detail.status')}</dt>
                <dd>{t(`scoreStatus.${status as ScoreStatus}`)}</dd>
              </div>
            )}
            {total && (
              <div className="detail-row">
                <dt>{t('review.detail.total')}</dt>
                <dd>{formatDecimalString(total, language)}</dd>
              </div>
            )}
            {submittedBy && (
              <div className="detail-row">
                <dt>{t('review.detail.submittedBy')}</dt>
                <dd>
                  <bdi>{submittedBy}</bdi>
                </dd>
              </div>
            )}
            {reviewedBy && (
              <div className="detail-row">
                <dt>{t('review.detail.reviewedBy')}</dt>
                <dd>
                  <bdi>{reviewedBy}</bdi>
                </dd>
              </div>
            )}
          </dl>
        </>
      )}
      <button type="button" className="button" onClick={onReload} disabled={reloading}>
        {t('conflict.reload')}
      </button>
    </div>
  );
}
