import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldProblemsOf } from '../../../api/http';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { inBothLanguages, type Bilingual } from '../../../lib/bilingual';
import { localizedName } from '../../../lib/localizedName';
import { formatDecimalString } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { invalidateScoreViews, reviewKeys } from '../api/keys';
import { useUpdateScore } from '../api/updateScore';
import type { Criterion, Score } from '../types/review';
import { formatHundredths, parseScoreValue, weightedTotal } from '../../../lib/scores';
import { ScoreConflict } from './ScoreConflict';

interface EditScoreFormProps {
  score: Score;
  /** The round's criteria, in display order. */
  criteria: Criterion[];
  onSaved: (message: Bilingual) => void;
  /**
   * An administrator's correction (a reviewed or final score, or a score of a closed round): says what it changes,
   * asks for the reason and sends it. The corrected score is final, flagged, and audited.
   */
  correction?: { roundClosed: boolean };
}

/** The longest reason the server takes. */
const REASON_MAX = 1000;
const REASON_KEY = '#reason';

/**
 * New criterion values for a draft or submitted score (a submitted one goes back to draft), or an administrator's
 * correction with its reason, sent with the version read. The total is worked out exactly as the values are typed.
 * After a conflict, what was typed stays.
 */
export function EditScoreForm({ score, criteria, onSaved, correction }: EditScoreFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const update = useUpdateScore(score.id);
  const formId = useId();
  const totalLabelId = useId();
  const inputIdOf = (criterionId: string) => `${formId}-${criterionId}`;

  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      score.criterionScores.map((entry) => [entry.criterionId, formatDecimalString(entry.value, language)]),
    ),
  );
  const [reason, setReason] = useState('');
  const reasonId = `${formId}-reason`;
  const [problems, setProblems] = useState<Record<string, Bilingual>>({});
  const [reloading, setReloading] = useState(false);

  const entries = criteria.map((criterion) => ({ weight: criterion.weight, value: values[criterion.id] ?? '' }));
  const total = weightedTotal(entries);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, Bilingual> = {};
    for (const criterion of criteria) {
      if (parseScoreValue(values[criterion.id] ?? '') === null) {
        found[criterion.id] = inBothLanguages((lng) => t('review.edit.valueInvalid', { lng }));
      }
    }
    if (correction && reason.trim() === '') {
      found[REASON_KEY] = inBothLanguages((lng) => t('review.correct.reasonRequired', { lng }));
    } else if (correction && reason.trim().length > REASON_MAX) {
      found[REASON_KEY] = inBothLanguages((lng) => t('review.correct.reasonTooLong', { lng }));
    }
    setProblems(found);
    const firstProblem = Object.keys(found)[0];
    if (firstProblem !== undefined) {
      document.getElementById(firstProblem === REASON_KEY ? reasonId : inputIdOf(firstProblem))?.focus();
      return;
    }
    update.mutate(
      {
        version: score.version,
        criterionScores: criteria.map((criterion) => ({
          criterionId: criterion.id,
          value: formatHundredths(parseScoreValue(values[criterion.id] ?? '')!),
        })),
        ...(correction ? { reason: reason.trim() } : {}),
      },
      {
        onSuccess: (after) => {
          const agency = { nameFa: after.agencyNameFa, nameEn: after.agencyNameEn };
          if (correction) setReason('');
          onSaved(
            inBothLanguages((lng) =>
              t(correction ? 'review.correct.saved' : 'review.edit.saved', {
                lng,
                agency: localizedName(agency, lng).text,
                total: formatDecimalString(after.total, lng),
              }),
            ),
          );
        },
        onError: (error) => {
          const serverFound: Record<string, Bilingual> = {};
          for (const problem of fieldProblemsOf(error)) {
            const [head, index] = problem.field.split('.');
            const criterion = head === 'criterionScores' ? criteria[Number(index)] : undefined;
            if (criterion) serverFound[criterion.id] = { fa: problem.fa, en: problem.en };
            if (head === 'reason') serverFound[REASON_KEY] = { fa: problem.fa, en: problem.en };
          }
          setProblems(serverFound);
        },
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
      update.reset();
    } finally {
      setReloading(false);
    }
  };

  const isConflict = update.error instanceof ApiError && update.error.status === 409;

  return (
    <details className={correction ? 'review-edit review-edit--correction' : 'review-edit'}>
      <summary>{correction ? t('review.correct.open') : t('review.edit.open')}</summary>
      <form className="form review-edit__form" onSubmit={handleSubmit} noValidate>
        {correction && (
          <p className="review-explain review-explain--warning">
            <span aria-hidden="true">⚠ </span>
            {correction.roundClosed && score.status !== 'final'
              ? t('review.correct.explainClosed')
              : score.status === 'final'
                ? t('review.correct.explainFinal')
                : t('review.correct.explainReviewed')}
          </p>
        )}
        <p className="hint">
          {score.status === 'submitted' && !correction ? t('review.edit.hintSubmitted') : t('review.edit.hintDraft')}
        </p>
        <div className="score-grid">
          {criteria.map((criterion) => {
            const inputId = inputIdOf(criterion.id);
            const problem = problems[criterion.id]?.[language];
            return (
              <div className="form-field" key={criterion.id}>
                <label htmlFor={inputId}>
                  {localizedName({ nameFa: criterion.titleFa, nameEn: criterion.titleEn }, language).text}{' '}
                  <span className="muted">
                    {t('review.edit.weight', { weight: formatDecimalString(criterion.weight, language) })}
                  </span>
                </label>
                <input
                  id={inputId}
                  type="text"
                  inputMode="decimal"
                  dir="ltr"
                  className="score-input"
                  autoComplete="off"
                  value={values[criterion.id] ?? ''}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? `${inputId}-error` : undefined}
                  onChange={(event) => setValues((current) => ({ ...current, [criterion.id]: event.target.value }))}
                />
                {problem && (
                  <p id={`${inputId}-error`} className="field-error">
                    {problem}
                  </p>
                )}
              </div>
            );
          })}
        </div>
        <p className="live-total">
          <span id={totalLabelId}>{t('review.edit.liveTotal')}</span>{' '}
          <output
            aria-labelledby={totalLabelId}
            aria-live="polite"
            htmlFor={criteria.map((criterion) => inputIdOf(criterion.id)).join(' ')}
            className="live-total__value"
          >
            {total === null ? '—' : formatDecimalString(total, language)}
          </output>
        </p>
        {correction && (
          <div className="form-field">
            <label htmlFor={reasonId}>
              {t('review.correct.reason')}
              <span aria-hidden="true"> *</span>
            </label>
            <textarea
              id={reasonId}
              dir="auto"
              rows={3}
              required
              aria-required="true"
              value={reason}
              aria-invalid={problems[REASON_KEY] ? true : undefined}
              aria-describedby={`${reasonId}-hint${problems[REASON_KEY] ? ` ${reasonId}-error` : ''}`}
              onChange={(event) => setReason(event.target.value)}
            />
            <p id={`${reasonId}-hint`} className="hint">
              {t('review.correct.reasonHint')}
            </p>
            {problems[REASON_KEY] && (
              <p id={`${reasonId}-error`} className="field-error">
                {problems[REASON_KEY][language]}
              </p>
            )}
          </div>
        )}
        {update.isError &&
          (isConflict ? (
            <ScoreConflict error={update.error} onReload={() => void handleReload()} reloading={reloading} />
          ) : Object.keys(problems).length === 0 ? (
            <ErrorMessage error={update.error} />
          ) : null)}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={update.isPending}>
            {update.isPending ? t('form.saving') : correction ? t('review.correct.save') : t('review.edit.save')}
          </button>
        </div>
      </form>
    </details>
  );
}
