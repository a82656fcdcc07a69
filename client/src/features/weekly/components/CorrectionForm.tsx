import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldProblemsOf } from '../../../api/http';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { inBothLanguages, type Bilingual } from '../../../lib/bilingual';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { useReviseWeeklyReport } from '../api/reviseWeeklyReport';
import type { WeeklyReport } from '../api/types';
import { formatWeekId } from '../../../lib/dates';

const REASON_MIN = 3;
const REASON_MAX = 2000;

interface CorrectionFormProps {
  week: string;
  /** The number the correction will get (the newest revision's plus one), when known. */
  nextRevision: number;
  onPublished: (report: WeeklyReport) => void;
}

/**
 * An admin publishes a correction: the week computed again from today's data as its next revision, with a reason.
 * Two steps (write the reason, then confirm), since a published revision cannot be taken back.
 */
export function CorrectionForm({ week, nextRevision, onPublished }: CorrectionFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const baseId = useId();
  const reasonId = `${baseId}-reason`;
  const revise = useReviseWeeklyReport(week);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Bilingual | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [published, setPublished] = useState<number | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const revisionText = formatInteger(nextRevision, language);

  const handleReview = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPublished(null);
    revise.reset();
    const trimmed = reason.trim();
    let found: Bilingual | null = null;
    if (trimmed === '') found = inBothLanguages((lng) => t('weekly.reasonRequired', { lng }));
    else if (trimmed.length < REASON_MIN) found = inBothLanguages((lng) => t('weekly.reasonTooShort', { lng }));
    else if (trimmed.length > REASON_MAX) found = inBothLanguages((lng) => t('weekly.reasonTooLong', { lng }));
    setProblem(found);
    if (found) {
      reasonRef.current?.focus();
      return;
    }
    setConfirming(true);
  };

  const handleConfirm = () => {
    revise.mutate(
      { reason: reason.trim() },
      {
        onSuccess: (report) => {
          setConfirming(false);
          setReason('');
          setPublished(report.revision);
          reasonRef.current?.focus();
          onPublished(report);
        },
        onError: (error) => {
          setConfirming(false);
          const reasonProblem = fieldProblemsOf(error).find((item) => item.field === 'reason');
          if (reasonProblem) setProblem({ fa: reasonProblem.fa, en: reasonProblem.en });
          reasonRef.current?.focus();
        },
      },
    );
  };

  const handleCancel = () => {
    setConfirming(false);
    reasonRef.current?.focus();
  };

  const problemText = problem?.[language] ?? null;
  const showServerError = revise.isError && fieldProblemsOf(revise.error).every((item) => item.field !== 'reason');

  return (
    <section className="weekly-section weekly-correction" aria-labelledby={`${baseId}-heading`}>
      <h2 id={`${baseId}-heading`}>{t('weekly.correctionTitle')}</h2>
      <p>{t('weekly.correctionIntro', { revision: revisionText })}</p>
      <div role="status">
        {published !== null && (
          <p className="state-message state-message--success">
            {t('weekly.published', { revision: formatInteger(published, language) })}
          </p>
        )}
      </div>
      {showServerError && <ErrorMessage error={revise.error} />}
      <form className="form" onSubmit={handleReview} noValidate>
        <div className="form-field">
          <label htmlFor={reasonId}>
            {t('weekly.reason')}
            <span aria-hidden="true"> *</span>
          </label>
          <p id={`${reasonId}-hint`} className="hint">
            {t('weekly.reasonHint')}
          </p>
          <textarea
            ref={reasonRef}
            id={reasonId}
            rows={3}
            dir="auto"
            required
            maxLength={REASON_MAX}
            value={reason}
            readOnly={confirming || revise.isPending}
            aria-invalid={problemText ? true : undefined}
            aria-describedby={problemText ? `${reasonId}-hint ${reasonId}-error` : `${reasonId}-hint`}
            onChange={(event) => setReason(event.target.value)}
          />
          {problemText && (
            <p id={`${reasonId}-error`} className="field-error">
              {problemText}
            </p>
          )}
        </div>
        {!confirming && (
          <div className="form-actions">
            <button type="submit" className="button">
              {t('weekly.review')}
            </button>
          </div>
        )}
      </form>
      {confirming && (
        <div
          ref={confirmRef}
          className="weekly-confirm"
          role="group"
          aria-labelledby={`${baseId}-confirm-title`}
          aria-describedby={`${baseId}-confirm-body`}
          tabIndex={-1}
        >
          <p id={`${baseId}-confirm-title`} className="weekly-confirm__title">
            {t('weekly.confirmTitle', { revision: revisionText, week: formatWeekId(week, language) })}
          </p>
          <p id={`${baseId}-confirm-body`}>{t('weekly.confirmBody')}</p>
          <p>
            <strong>{t('weekly.confirmReason')}</strong> <span dir="auto">{reason.trim()}</span>
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button button--primary"
              onClick={handleConfirm}
              disabled={revise.isPending}
            >
              {revise.isPending ? t('weekly.publishing') : t('weekly.confirm')}
            </button>
            <button type="button" className="button" onClick={handleCancel} disabled={revise.isPending}>
              {t('weekly.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
