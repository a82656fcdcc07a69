import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, type To } from 'react-router-dom';
import { JalaliDateInput } from '../../../components/JalaliDateInput';
import { SearchBox } from '../../../components/SearchBox';
import { localizedName } from '../../../lib/localizedName';
import { formatDecimalString, formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { useRounds } from '../../evaluations';
import { useDelayedCall } from '../hooks/useDelayedCall';
import type { RankingsChanges } from '../hooks/useRankingsParams';
import {
  PAGE_SIZE_CHOICES,
  RANKING_BASES,
  RANKING_BRANCHES,
  RANKING_KINDS,
  RANKING_STATUSES,
  hasAnyFilter,
  parseScoreBound,
  type RankingsView,
} from '../utils/rankingParams';

/** Typing pauses this long before a typed day or score is applied. */
const TYPING_DELAY_MS = 500;

interface RankingsFiltersProps {
  view: RankingsView;
  onChange: (changes: RankingsChanges, options?: { replace?: boolean }) => void;
  clearFiltersLink: To;
}

/**
 * The ranking's filters. Choices (selects, radios, the box) apply at once and add a history entry; typed values
 * (search, day, scores) apply when typing pauses and replace the entry, so the back button is not one keystroke.
 */
export function RankingsFilters({ view, onChange, clearFiltersLink }: RankingsFiltersProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const baseId = useId();
  const rounds = useRounds();
  const dateDelay = useDelayedCall(TYPING_DELAY_MS);
  const knownRound = view.roundId === '' || rounds.data?.some((round) => round.id === view.roundId);

  const select = <K extends keyof RankingsChanges>(key: K, value: RankingsChanges[K]) => onChange({ [key]: value });

  return (
    <section className="rankings-filters" aria-label={t('rankings.filters.label')}>
      <SearchBox
        label={t('rankings.filters.searchLabel')}
        hint={t('rankings.filters.searchHint')}
        value={view.search}
        onSearchChange={(search) => onChange({ search }, { replace: true })}
      />

      <fieldset className="rankings-segmented">
        <legend>{t('rankings.filters.by')}</legend>
        {RANKING_BASES.map((by) => (
          <label key={by} className="rankings-segmented__option">
            <input
              type="radio"
              name={`${baseId}-by`}
              value={by}
              checked={view.by === by}
              onChange={() => select('by', by)}
            />
            <span>{by === 'score' ? t('rankings.filters.byScore') : t('rankings.filters.byProgress')}</span>
          </label>
        ))}
      </fieldset>

      <div className="rankings-filters__row">
        <JalaliDateInput
          id={`${baseId}-asOf`}
          label={t('rankings.filters.asOf')}
          hint={t('rankings.filters.asOfHint')}
          value={view.asOf}
          onChange={(iso, change) => {
            if (change.invalid) {
              dateDelay.cancel();
              return;
            }
            if (iso === view.asOf) {
              dateDelay.cancel();
              return;
            }
            dateDelay.schedule(() => onChange({ asOf: iso }, { replace: true }));
          }}
        />

        <div className="form-field">
          <label htmlFor={`${baseId}-round`}>{t('rankings.filters.round')}</label>
          <select
            id={`${baseId}-round`}
            value={view.roundId}
            onChange={(event) => select('roundId', event.target.value)}
          >
            <option value="">{t('rankings.filters.allRounds')}</option>
            {rounds.data?.map((round) => (
              <option key={round.id} value={round.id}>
                {localizedName({ nameFa: round.titleFa, nameEn: round.titleEn }, language).text}
              </option>
            ))}
            {!knownRound && <option value={view.roundId}>{t('rankings.filters.unknownRound')}</option>}
          </select>
        </div>
      </div>

      <div className="rankings-filters__row">
        <div className="form-field">
          <label htmlFor={`${baseId}-kind`}>{t('rankings.filters.kind')}</label>
          <select
            id={`${baseId}-kind`}
            value={view.kind}
            onChange={(event) => select('kind', event.target.value as RankingsView['kind'])}
          >
            <option value="">{t('rankings.filters.any')}</option>
            {RANKING_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>

        <div className="form-field">
          <label htmlFor={`${baseId}-branch`}>{t('rankings.filters.branch')}</label>
          <select
            id={`${baseId}-branch`}
            value={view.branch}
            onChange={(event) => select('branch', event.target.value as RankingsView['branch'])}
          >
            <option value="">{t('rankings.filters.any')}</option>
            {RANKING_BRANCHES.map((branch) => (
              <option key={branch} value={branch}>
                {t(`branch.${branch}`)}
              </option>
            ))}
          </select>
        </div>

        <div className="form-field">
          <label htmlFor={`${baseId}-status`}>{t('rankings.filters.status')}</label>
          <select
            id={`${baseId}-status`}
            value={view.status}
            onChange={(event) => select('status', event.target.value as RankingsView['status'])}
          >
            <option value="">{t('rankings.filters.any')}</option>
            {RANKING_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`rankings.status.${status}`)}
              </option>
            ))}
          </select>
        </div>

        <ScoreRangeFields
          min={view.minScore}
          max={view.maxScore}
          onCommit={(changes) => onChange(changes, { replace: true })}
        />
      </div>

      <div className="rankings-filters__row rankings-filters__row--end">
        <label className="choice">
          <input
            type="checkbox"
            checked={view.scope === 'all'}
            onChange={(event) => select('scope', event.target.checked ? 'all' : 'main')}
          />
          {t('rankings.filters.scope')}
        </label>

        <div className="form-field rankings-filters__inline-field">
          <label htmlFor={`${baseId}-pageSize`}>{t('rankings.filters.pageSize')}</label>
          <select
            id={`${baseId}-pageSize`}
            value={view.pageSize}
            onChange={(event) => select('pageSize', Number(event.target.value))}
          >
            {[...new Set([...PAGE_SIZE_CHOICES, view.pageSize])]
              .sort((a, b) => a - b)
              .map((size) => (
                <option key={size} value={size}>
                  {formatInteger(size, language)}
                </option>
              ))}
          </select>
        </div>

        {hasAnyFilter(view) && (
          <Link className="rankings-filters__clear" to={clearFiltersLink}>
            {t('rankings.filters.clear')}
          </Link>
        )}
      </div>
    </section>
  );
}

interface ScoreRangeFieldsProps {
  min: string | null;
  max: string | null;
  onCommit: (changes: { minScore?: string | null; maxScore?: string | null }) => void;
}

/** The score range: two numbers typed in any digits, applied when typing pauses, on Enter or on leaving the field. */
function ScoreRangeFields({ min, max, onCommit }: ScoreRangeFieldsProps) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <fieldset className="rankings-score-range" aria-describedby={hintId}>
      <legend>{t('rankings.filters.scoreRange')}</legend>
      <div className="rankings-score-range__fields">
        <ScoreBoundField
          label={t('rankings.filters.minScore')}
          value={min}
          hintId={hintId}
          onCommit={(minScore) => onCommit({ minScore })}
        />
        <ScoreBoundField
          label={t('rankings.filters.maxScore')}
          value={max}
          hintId={hintId}
          onCommit={(maxScore) => onCommit({ maxScore })}
        />
      </div>
      <p id={hintId} className="hint">
        {t('rankings.filters.scoreHint')}
      </p>
    </fieldset>
  );
}

interface ScoreBoundFieldProps {
  label: string;
  /** The bound in effect (from the address), canonical Latin digits. */
  value: string | null;
  hintId: string;
  onCommit: (value: string | null) => void;
}

function ScoreBoundField({ label, value, hintId, onCommit }: ScoreBoundFieldProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const delay = useDelayedCall(TYPING_DELAY_MS);
  const format = (bound: string | null) => (bound === null ? '' : formatDecimalString(bound, language, 0));

  const [text, setText] = useState(() => format(value));
  const [touched, setTouched] = useState(false);
  // The value and language the text was last written for: a change from outside (a link, the back button, the
  // language switch) rewrites the text; our own commits leave what was typed alone.
  const [agreed, setAgreed] = useState({ value, language });
  if (agreed.value !== value || agreed.language !== language) {
    const keepTyped = agreed.language === language && parseScoreBound(text) === value;
    setAgreed({ value, language });
    if (!keepTyped) setText(format(value));
  }

  const invalid = text.trim() !== '' && parseScoreBound(text) === null;
  const showError = invalid && touched;

  const commit = (next: string | null) => {
    setAgreed({ value: next, language });
    if (next !== value) onCommit(next);
  };

  const handleChange = (next: string) => {
    setText(next);
    const parsed = parseScoreBound(next);
    if (next.trim() === '') delay.schedule(() => commit(null));
    else if (parsed !== null) delay.schedule(() => commit(parsed));
    else delay.cancel();
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      setTouched(true);
      delay.flush();
    }
  };

  return (
    <div className="form-field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="text"
        inputMode="decimal"
        dir="ltr"
        className="rankings-score-input"
        value={text}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={showError ? true : undefined}
        aria-describedby={showError ? `${errorId} ${hintId}` : hintId}
        onChange={(event) => handleChange(event.target.value)}
        onKeyDown={handleKeyDown}
        onBlur={() => {
          setTouched(true);
          delay.flush();
        }}
      />
      {showError && (
        <p id={errorId} className="field-error">
          {t('rankings.filters.scoreInvalid')}
        </p>
      )}
    </div>
  );
}
