import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldProblemsOf } from '../../../api/http';
import { ErrorSummary, type SummaryProblem } from '../../../components/ErrorSummary';
import { JalaliDateInput } from '../../../components/JalaliDateInput';
import { inBothLanguages, type Bilingual } from '../../../lib/bilingual';
import { localizedName } from '../../../lib/localizedName';
import { formatDecimalString, formatInteger, toLatinDigits } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { useCreateRound } from '../api/createRound';
import type { fa as reviewStrings } from '../i18n';
import type { CreateRoundInput, Round } from '../types/review';
import { formatHundredths, parseWeight, WEIGHTS_TOTAL } from '../../../lib/scores';

/** The server's rule for codes (`CODE_PATTERN`), after it lower-cases them. */
const CODE_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const MAX_TITLE = 200;

const FIELD = {
  code: 'round-code',
  titleFa: 'round-title-fa',
  titleEn: 'round-title-en',
  startsOn: 'round-starts-on',
  endsOn: 'round-ends-on',
  criteria: 'round-criteria',
  criterion: (key: number, part: CriterionPart) => `round-criterion-${key}-${part}`,
} as const;

type CriterionPart = 'code' | 'title-fa' | 'title-en' | 'weight';

interface CriterionRow {
  key: number;
  code: string;
  titleFa: string;
  titleEn: string;
  weight: string;
}

type Problems = Record<string, Bilingual>;

let nextRowKey = 1;
const newRow = (values: Partial<Omit<CriterionRow, 'key'>> = {}): CriterionRow => ({
  key: nextRowKey++,
  code: '',
  titleFa: '',
  titleEn: '',
  weight: '',
  ...values,
});

/** A code as the server will store it: digits unified, trimmed, lower-case. */
const normalizeCode = (text: string) => toLatinDigits(text).trim().toLowerCase();

interface NewRoundFormProps {
  /** The rounds there are, newest first: the newest one's criteria can be copied. */
  rounds: Round[];
  onCreated: (round: Round) => void;
}

/**
 * Opens a new evaluation round with its criteria (admin). The weights' running total is shown as they are typed;
 * the form refuses to send unless they add up to exactly 100, as the server would.
 */
export function NewRoundForm({ rounds, onCreated }: NewRoundFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const createRound = useCreateRound();
  const summaryRef = useRef<HTMLDivElement>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const totalId = useId();

  const [code, setCode] = useState('');
  const [titleFa, setTitleFa] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [startsOn, setStartsOn] = useState<string | null>(null);
  const [startsInvalid, setStartsInvalid] = useState(false);
  const [endsOn, setEndsOn] = useState<string | null>(null);
  const [endsInvalid, setEndsInvalid] = useState(false);
  const [rows, setRows] = useState<CriterionRow[]>(() => [newRow()]);
  const [problems, setProblems] = useState<Problems>({});
  const [summary, setSummary] = useState<{ message: Bilingual | null; problems: SummaryProblem[] } | null>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);

  useEffect(() => {
    if (summary) summaryRef.current?.focus();
  }, [summary]);

  useEffect(() => {
    if (focusRow !== null) document.getElementById(FIELD.criterion(focusRow, 'code'))?.focus();
  }, [focusRow]);

  const weights = rows.map((row) => parseWeight(row.weight));
  const typedWeights = rows.filter((row) => row.weight.trim() !== '');
  const invalidWeights = typedWeights.filter((row) => parseWeight(row.weight) === null).length;
  const sum = weights.reduce<number>((total, weight) => total + (weight ?? 0), 0);
  const difference = WEIGHTS_TOTAL - sum;
  const problemText = (fieldId: string) => problems[fieldId]?.[language] ?? null;
  const problemOf = (key: keyof (typeof reviewStrings)['newRound']['errors']) =>
    inBothLanguages((lng) => t(`review.newRound.errors.${key}`, { lng }));

  const totalText = () => {
    const formattedSum = formatDecimalString(formatHundredths(sum), language);
    if (difference === 0) return t('review.newRound.totalExact', { sum: formattedSum });
    const gap = formatDecimalString(formatHundredths(Math.abs(difference)), language);
    return difference > 0
      ? t('review.newRound.totalShort', { sum: formattedSum, gap })
      : t('review.newRound.totalOver', { sum: formattedSum, gap });
  };

  const validate = (): Problems => {
    const found: Problems = {};
    const normalizedCode = normalizeCode(code);
    if (!normalizedCode) found[FIELD.code] = problemOf('codeRequired');
    else if (!CODE_PATTERN.test(normalizedCode)) found[FIELD.code] = problemOf('codeFormat');
    if (!titleFa.trim()) found[FIELD.titleFa] = problemOf('titleRequired');
    else if (titleFa.trim().length > MAX_TITLE) found[FIELD.titleFa] = problemOf('titleTooLong');
    if (!titleEn.trim()) found[FIELD.titleEn] = problemOf('titleRequired');
    else if (titleEn.trim().length > MAX_TITLE) found[FIELD.titleEn] = problemOf('titleTooLong');
    if (startsInvalid) found[FIELD.startsOn] = inBothLanguages((lng) => t('date.invalid', { lng }));
    else if (!startsOn) found[FIELD.startsOn] = problemOf('dateRequired');
    if (endsInvalid) found[FIELD.endsOn] = inBothLanguages((lng) => t('date.invalid', { lng }));
    else if (!endsOn) found[FIELD.endsOn] = problemOf('dateRequired');
    else if (startsOn && endsOn < startsOn) found[FIELD.endsOn] = problemOf('endsBeforeStart');

    const codes = rows.map((row) => normalizeCode(row.code));
    rows.forEach((row, index) => {
      const rowCode = codes[index]!;
      if (!rowCode) found[FIELD.criterion(row.key, 'code')] = problemOf('codeRequired');
      else if (!CODE_PATTERN.test(rowCode)) {
        found[FIELD.criterion(row.key, 'code')] = problemOf('codeFormat');
      } else if (codes.indexOf(rowCode) !== index) {
        found[FIELD.criterion(row.key, 'code')] = problemOf('codeRepeated');
      }
      if (!row.titleFa.trim()) found[FIELD.criterion(row.key, 'title-fa')] = problemOf('titleRequired');
      if (!row.titleEn.trim()) found[FIELD.criterion(row.key, 'title-en')] = problemOf('titleRequired');
      if (!row.weight.trim()) found[FIELD.criterion(row.key, 'weight')] = problemOf('weightRequired');
      else if (parseWeight(row.weight) === null) {
        found[FIELD.criterion(row.key, 'weight')] = problemOf('weightFormat');
      }
    });
    if (weights.every((weight) => weight !== null) && sum !== WEIGHTS_TOTAL) {
      found[FIELD.criteria] = inBothLanguages((lng) =>
        t('review.newRound.errors.weightsTotal', {
          lng,
          sum: formatDecimalString(formatHundredths(sum), lng),
        }),
      );
    }
    return found;
  };

  const labelOf = (fieldId: string): string | null => {
    if (fieldId === FIELD.criteria) return null;
    const label = document.querySelector(`label[for="${CSS.escape(fieldId)}"]`);
    return label?.textContent?.replace(/\s*\*$/, '').trim() ?? null;
  };

  const showProblems = (found: Problems, message: Bilingual | null, general: Bilingual[] = []) => {
    setProblems(found);
    setSummary({
      message,
      problems: [
        ...general.map((text) => ({ message: text })),
        ...Object.entries(found).map(([fieldId, text]) => {
          const label = labelOf(fieldId);
          return {
            fieldId,
            message: label ? { fa: `${label}: ${text.fa}`, en: `${label}: ${text.en}` } : text,
          };
        }),
      ],
    });
  };

  /** The server's field path (`criteria.2.weight`) as the id of the field on this form. */
  const fieldIdForServerPath = (path: string, sentRows: CriterionRow[]): string | undefined => {
    const [head, index, leaf] = path.split('.');
    switch (head) {
      case 'code':
        return FIELD.code;
      case 'titleFa':
        return FIELD.titleFa;
      case 'titleEn':
        return FIELD.titleEn;
      case 'startsOn':
        return FIELD.startsOn;
      case 'endsOn':
        return FIELD.endsOn;
      case 'criteria': {
        const row = sentRows[Number(index)];
        if (!row) return FIELD.criteria;
        const part: CriterionPart =
          leaf === 'titleFa' ? 'title-fa' : leaf === 'titleEn' ? 'title-en' : leaf === 'weight' ? 'weight' : 'code';
        return FIELD.criterion(row.key, part);
      }
      default:
        return undefined;
    }
  };

  const reset = () => {
    setCode('');
    setTitleFa('');
    setTitleEn('');
    setStartsOn(null);
    setStartsInvalid(false);
    setEndsOn(null);
    setEndsInvalid(false);
    setRows([newRow()]);
    setProblems({});
    setSummary(null);
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate();
    if (Object.keys(found).length > 0 || !startsOn || !endsOn) {
      showProblems(found, null);
      return;
    }
    const sentRows = rows;
    const input: CreateRoundInput = {
      code: normalizeCode(code),
      titleFa: titleFa.trim(),
      titleEn: titleEn.trim(),
      startsOn,
      endsOn,
      criteria: sentRows.map((row) => ({
        code: normalizeCode(row.code),
        titleFa: row.titleFa.trim(),
        titleEn: row.titleEn.trim(),
        weight: formatHundredths(parseWeight(row.weight)!),
      })),
    };
    setProblems({});
    setSummary(null);
    createRound.mutate(input, {
      onSuccess: (round) => {
        reset();
        onCreated(round);
      },
      onError: (error) => {
        const serverFound: Problems = {};
        const general: Bilingual[] = [];
        for (const problem of fieldProblemsOf(error)) {
          const fieldId = fieldIdForServerPath(problem.field, sentRows);
          const text = { fa: problem.fa, en: problem.en };
          if (fieldId && !serverFound[fieldId]) serverFound[fieldId] = text;
          else general.push(text);
        }
        const message =
          error instanceof ApiError && error.serverMessage
            ? error.serverMessage
            : inBothLanguages((lng) => t('form.saveFailed', { lng }));
        if (error instanceof ApiError && error.code === 'ROUND_CODE_TAKEN' && error.serverMessage) {
          serverFound[FIELD.code] = error.serverMessage;
        }
        if (error instanceof ApiError && error.code === 'CRITERIA_WEIGHTS_NOT_100' && error.serverMessage) {
          serverFound[FIELD.criteria] = error.serverMessage;
        }
        showProblems(serverFound, message, general);
      },
    });
  };

  const newest = rounds[0];
  const handleCopy = () => {
    if (!newest) return;
    setRows(
      [...newest.criteria]
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((criterion) =>
          newRow({
            code: criterion.code,
            titleFa: criterion.titleFa,
            titleEn: criterion.titleEn,
            weight: formatDecimalString(criterion.weight, language),
          }),
        ),
    );
  };

  const textField = (
    id: string,
    label: string,
    value: string,
    onChange: (value: string) => void,
    options: { dir?: 'ltr' | 'rtl'; lang?: string; hint?: string } = {},
  ) => {
    const problem = problemText(id);
    const hintId = options.hint ? `${id}-hint` : null;
    const describedBy = [hintId, problem ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
    return (
      <div className="form-field">
        <label htmlFor={id}>
          {label}
          <span aria-hidden="true"> *</span>
        </label>
        <input
          id={id}
          type="text"
          dir={options.dir}
          lang={options.lang}
          autoComplete="off"
          value={value}
          required
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
        {options.hint && (
          <p id={hintId!} className="hint">
            {options.hint}
          </p>
        )}
        {problem && (
          <p id={`${id}-error`} className="field-error">
            {problem}
          </p>
        )}
      </div>
    );
  };

  const updateRow = (key: number, changes: Partial<CriterionRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...changes } : row)));

  const position = (index: number) => formatInteger(index + 1, language);
  const criteriaProblem = problemText(FIELD.criteria);

  return (
    <form className="form new-round" onSubmit={handleSubmit} noValidate>
      {summary && <ErrorSummary ref={summaryRef} message={summary.message} problems={summary.problems} />}
      <p className="hint">{t('form.requiredNote')}</p>

      {textField(FIELD.code, t('review.newRound.code'), code, setCode, {
        dir: 'ltr',
        hint: t('review.newRound.codeHint'),
      })}
      <div className="new-round__pair">
        {textField(FIELD.titleFa, t('review.newRound.titleFa'), titleFa, setTitleFa, { dir: 'rtl', lang: 'fa' })}
        {textField(FIELD.titleEn, t('review.newRound.titleEn'), titleEn, setTitleEn, { dir: 'ltr', lang: 'en' })}
      </div>
      <div className="new-round__pair">
        <JalaliDateInput
          id={FIELD.startsOn}
          label={t('review.newRound.startsOn')}
          value={startsOn}
          onChange={(iso, change) => {
            setStartsOn(iso);
            setStartsInvalid(change.invalid);
          }}
          hint={t('date.format')}
          error={problemText(FIELD.startsOn)}
          required
        />
        <JalaliDateInput
          id={FIELD.endsOn}
          label={t('review.newRound.endsOn')}
          value={endsOn}
          onChange={(iso, change) => {
            setEndsOn(iso);
            setEndsInvalid(change.invalid);
          }}
          hint={t('date.format')}
          error={problemText(FIELD.endsOn)}
          required
        />
      </div>

      <fieldset
        id={FIELD.criteria}
        tabIndex={-1}
        className="fieldset"
        aria-describedby={criteriaProblem ? `${FIELD.criteria}-error` : undefined}
      >
        <legend>{t('review.newRound.criteria')}</legend>
        <p className="hint">{t('review.newRound.criteriaHint')}</p>
        {newest && (
          <p>
            <button type="button" className="button button--small" onClick={handleCopy}>
              {t('review.newRound.copyFrom', {
                round: localizedName({ nameFa: newest.titleFa, nameEn: newest.titleEn }, language).text,
              })}
            </button>
          </p>
        )}
        <ol className="criteria-rows">
          {rows.map((row, index) => (
            <li key={row.key} className="criteria-row">
              {textField(
                FIELD.criterion(row.key, 'code'),
                t('review.newRound.criterionCode', { position: position(index) }),
                row.code,
                (value) => updateRow(row.key, { code: value }),
                { dir: 'ltr' },
              )}
              {textField(
                FIELD.criterion(row.key, 'title-fa'),
                t('review.newRound.criterionTitleFa', { position: position(index) }),
                row.titleFa,
                (value) => updateRow(row.key, { titleFa: value }),
                { dir: 'rtl', lang: 'fa' },
              )}
              {textField(
                FIELD.criterion(row.key, 'title-en'),
                t('review.newRound.criterionTitleEn', { position: position(index) }),
                row.titleEn,
                (value) => updateRow(row.key, { titleEn: value }),
                { dir: 'ltr', lang: 'en' },
              )}
              <div className="criteria-row__weight">
                {textField(
                  FIELD.criterion(row.key, 'weight'),
                  t('review.newRound.criterionWeight', { position: position(index) }),
                  row.weight,
                  (value) => updateRow(row.key, { weight: value }),
                  { dir: 'ltr' },
                )}
              </div>
              {rows.length > 1 && (
                <button
                  type="button"
                  className="button button--small criteria-row__remove"
                  onClick={() => {
                    setRows((current) => current.filter((candidate) => candidate.key !== row.key));
                    addButtonRef.current?.focus();
                  }}
                >
                  {t('review.newRound.removeCriterion', { position: position(index) })}
                </button>
              )}
            </li>
          ))}
        </ol>
        <p>
          <button
            ref={addButtonRef}
            type="button"
            className="button"
            onClick={() => {
              const row = newRow();
              setRows((current) => [...current, row]);
              setFocusRow(row.key);
            }}
          >
            {t('review.newRound.addCriterion')}
          </button>
        </p>
        <p className={difference === 0 ? 'weights-total weights-total--exact' : 'weights-total'}>
          <span id={totalId}>{t('review.newRound.totalLabel')}</span>{' '}
          <output aria-labelledby={totalId} aria-live="polite" className="weights-total__value">
            <span aria-hidden="true">{difference === 0 ? '✓ ' : '⚠ '}</span>
            {totalText()}
            {invalidWeights > 0 && ` ${t('review.newRound.totalSkipsInvalid')}`}
          </output>
        </p>
        {criteriaProblem && (
          <p id={`${FIELD.criteria}-error`} className="field-error">
            {criteriaProblem}
          </p>
        )}
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={createRound.isPending}>
          {createRound.isPending ? t('form.saving') : t('review.newRound.submit')}
        </button>
      </div>
    </form>
  );
}
