import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { localizedName } from '../../../lib/localizedName';
import { formatDecimalString, formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { Criterion } from '../types/evaluations';
import { parseScoreValue, weightedTotal } from '../../../lib/scores';

interface CriterionScoresFieldsetProps {
  criteria: Criterion[];
  /** Typed values by criterion id. */
  values: Record<string, string>;
  onValueChange: (criterionId: string, value: string) => void;
  /** Problems by criterion id, in the active language. */
  errors: Record<string, string | undefined>;
  inputIdOf: (criterionId: string) => string;
}

/** One score field per criterion with its weight, and the weighted total worked out exactly as people type. */
export function CriterionScoresFieldset({
  criteria,
  values,
  onValueChange,
  errors,
  inputIdOf,
}: CriterionScoresFieldsetProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const totalLabelId = useId();

  const entered = criteria.filter((criterion) => (values[criterion.id] ?? '').trim() !== '');
  const invalid = entered.filter((criterion) => parseScoreValue(values[criterion.id] ?? '') === null);
  const total =
    invalid.length === 0 && entered.length > 0
      ? weightedTotal(entered.map((criterion) => ({ weight: criterion.weight, value: values[criterion.id] ?? '' })))
      : null;

  return (
    <fieldset className="fieldset">
      <legend>{t('evaluations.scoresLegend')}</legend>
      <p className="hint">{t('evaluations.scoresHint')}</p>
      <div className="score-grid">
        {criteria.map((criterion) => {
          const inputId = inputIdOf(criterion.id);
          const error = errors[criterion.id];
          const value = values[criterion.id] ?? '';
          const showInvalid = value.trim() !== '' && parseScoreValue(value) === null;
          const message = error ?? (showInvalid ? t('evaluations.errors.scoreFormat') : undefined);
          return (
            <div className="form-field" key={criterion.id}>
              <label htmlFor={inputId}>
                {localizedName({ nameFa: criterion.titleFa, nameEn: criterion.titleEn }, language).text}{' '}
                <span className="muted">
                  {t('evaluations.weight', { weight: formatDecimalString(criterion.weight, language) })}
                </span>
              </label>
              <input
                id={inputId}
                type="text"
                inputMode="decimal"
                dir="ltr"
                className="score-input"
                autoComplete="off"
                value={value}
                aria-invalid={message ? true : undefined}
                aria-describedby={message ? `${inputId}-error` : undefined}
                onChange={(event) => onValueChange(criterion.id, event.target.value)}
              />
              {message && (
                <p id={`${inputId}-error`} className="field-error">
                  {message}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <p className="live-total">
        <span id={totalLabelId}>{t('evaluations.liveTotal')}</span>{' '}
        <output
          aria-labelledby={totalLabelId}
          aria-live="polite"
          htmlFor={criteria.map((criterion) => inputIdOf(criterion.id)).join(' ')}
          className="live-total__value"
        >
          {total === null ? '—' : formatDecimalString(total, language)}
        </output>{' '}
        <span className="muted">
          {invalid.length > 0
            ? t('evaluations.totalNeedsValidScores')
            : t('evaluations.criteriaEntered', {
                entered: formatInteger(entered.length, language),
                count: criteria.length,
                formattedCount: formatInteger(criteria.length, language),
              })}
        </span>
      </p>
    </fieldset>
  );
}
