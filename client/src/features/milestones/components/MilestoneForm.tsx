import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictNotice } from '../../../components/ConflictNotice';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { JalaliDateInput } from '../../../components/JalaliDateInput';
import { inBothLanguages, type Bilingual } from '../../../lib/bilingual';
import type { Language } from '../../../lib/language';
import { localizeDigits } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { useCreateMilestone, type CreateMilestoneInput } from '../api/createMilestone';
import type { Cycle, Milestone, MilestoneRule } from '../api/getCycles';
import { useUpdateMilestone, type UpdateMilestoneInput } from '../api/updateMilestone';
import { useFormProblems, type Problems } from '../../../lib/useFormProblems';
import { titleIn } from '../utils/titles';
import { parseWholeNumber } from '../utils/wholeNumber';
import { TextField } from '../../../components/TextField';

export const MILESTONE_RULES: readonly MilestoneRule[] = [
  'single_window_launched',
  'single_window_service_share',
  'national_window_connected',
];
const SHARE_RULE: MilestoneRule = 'single_window_service_share';

type Field =
  'code' | 'titleFa' | 'titleEn' | 'rule' | 'numerator' | 'denominator' | 'dueOn' | 'atRiskDays' | 'sortOrder';
const FIELDS: readonly Field[] = [
  'code',
  'titleFa',
  'titleEn',
  'rule',
  'numerator',
  'denominator',
  'dueOn',
  'atRiskDays',
  'sortOrder',
];
const CODE_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const TITLE_MAX = 200;
const DEFAULT_AT_RISK_DAYS = 14;

/** The form's field a server field path is about (`share.numerator` → numerator, `share` → the fraction). */
function fieldOfServer(path: string): Field | null {
  if (path === 'share' || path === 'share.numerator') return 'numerator';
  if (path === 'share.denominator') return 'denominator';
  return (FIELDS as readonly string[]).includes(path) ? (path as Field) : null;
}

interface MilestoneFormProps {
  /** The cycle the milestone belongs to. */
  cycle: Cycle;
  /** The milestone to edit, as last read (its `version` goes with the write); absent to add one to the cycle. */
  milestone?: Milestone;
  /** The heading's id, which names the form. */
  headingId: string;
  onDone: (message: Bilingual) => void;
  onCancel: () => void;
  /** Reads the cycles again (after a version conflict). */
  onReload: () => Promise<unknown>;
}

const digits = (value: number | undefined, language: Language) =>
  value === undefined ? '' : localizeDigits(String(value), language);

/** Adds a milestone to a cycle, or edits one (its code and rule stay). */
export function MilestoneForm({ cycle, milestone, headingId, onDone, onCancel, onReload }: MilestoneFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const baseId = useId();
  const idOf = (field: Field) => `${baseId}-${field}`;
  const create = useCreateMilestone();
  const update = useUpdateMilestone();
  const saving = create.isPending || update.isPending;
  const nextSortOrder = Math.min(9999, Math.max(0, ...cycle.milestones.map((item) => item.sortOrder)) + 1);

  const [code, setCode] = useState('');
  const [titleFa, setTitleFa] = useState(milestone?.titleFa ?? '');
  const [titleEn, setTitleEn] = useState(milestone?.titleEn ?? '');
  const [rule, setRule] = useState<MilestoneRule | ''>(milestone?.rule ?? '');
  const [numerator, setNumerator] = useState(() => digits(milestone?.share?.numerator, language));
  const [denominator, setDenominator] = useState(() => digits(milestone?.share?.denominator, language));
  const [dueOn, setDueOn] = useState<string | null>(milestone?.dueOn ?? null);
  const [dueOnInvalid, setDueOnInvalid] = useState(false);
  const [atRiskDays, setAtRiskDays] = useState(() => digits(milestone?.atRiskDays ?? DEFAULT_AT_RISK_DAYS, language));
  const [sortOrder, setSortOrder] = useState(() => digits(milestone?.sortOrder ?? nextSortOrder, language));
  const [nothingChanged, setNothingChanged] = useState(false);

  const {
    problems,
    summary,
    summaryRef,
    conflict,
    reloading,
    check,
    handleSaveError,
    handleSaved: clearProblems,
    handleReload,
  } = useFormProblems<Field>({
    fields: FIELDS,
    idOf,
    fieldOfServer,
    fieldOfCode: { MILESTONE_CODE_TAKEN: 'code' },
    onReload,
  });
  const problem = (field: Field) => problems[field]?.[language] ?? null;
  const both = (message: (lng: Language) => string) => inBothLanguages(message);
  const needsShare = rule === SHARE_RULE;

  const findProblems = (): Problems<Field> => {
    const found: Problems<Field> = {};
    if (!milestone) {
      const typed = code.trim().toLowerCase();
      if (typed === '') found.code = both((lng) => t('milestones.errors.codeRequired', { lng }));
      else if (!CODE_PATTERN.test(typed)) found.code = both((lng) => t('milestones.errors.codeFormat', { lng }));
      if (rule === '') found.rule = both((lng) => t('milestones.errors.ruleRequired', { lng }));
    }
    if (titleFa.trim() === '') found.titleFa = both((lng) => t('milestones.errors.titleFaRequired', { lng }));
    else if (titleFa.trim().length > TITLE_MAX) {
      found.titleFa = both((lng) => t('milestones.errors.tooLong', { lng, max: TITLE_MAX }));
    }
    if (titleEn.trim() === '') found.titleEn = both((lng) => t('milestones.errors.titleEnRequired', { lng }));
    else if (titleEn.trim().length > TITLE_MAX) {
      found.titleEn = both((lng) => t('milestones.errors.tooLong', { lng, max: TITLE_MAX }));
    }
    if (needsShare) {
      const top = parseWholeNumber(numerator, 1, 1000);
      const bottom = parseWholeNumber(denominator, 0, 1000);
      if (top === null) found.numerator = both((lng) => t('milestones.errors.numeratorRange', { lng }));
      if (bottom === 0) found.denominator = both((lng) => t('milestones.errors.denominatorPositive', { lng }));
      else if (bottom === null) found.denominator = both((lng) => t('milestones.errors.denominatorRange', { lng }));
      if (top !== null && bottom !== null && bottom > 0 && top > bottom) {
        found.numerator = both((lng) => t('milestones.errors.numeratorAboveDenominator', { lng }));
      }
    }
    if (dueOnInvalid) found.dueOn = both((lng) => t('date.invalid', { lng }));
    else if (!dueOn) found.dueOn = both((lng) => t('milestones.errors.dueOnRequired', { lng }));
    if (parseWholeNumber(atRiskDays, 0, 365) === null) {
      found.atRiskDays = both((lng) => t('milestones.errors.atRiskRange', { lng }));
    }
    if (parseWholeNumber(sortOrder, 0, 9999) === null) {
      found.sortOrder = both((lng) => t('milestones.errors.sortOrderRange', { lng }));
    }
    return found;
  };

  const handleSaved = (saved: Milestone, key: 'milestoneCreated' | 'milestoneUpdated') => {
    clearProblems();
    onDone(both((lng) => t(`milestones.${key}`, { lng, title: titleIn(saved, lng) })));
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNothingChanged(false);
    if (!check(findProblems()) || !dueOn) return;
    const share = needsShare
      ? { numerator: parseWholeNumber(numerator, 1, 1000)!, denominator: parseWholeNumber(denominator, 1, 1000)! }
      : null;
    const days = parseWholeNumber(atRiskDays, 0, 365)!;
    const order = parseWholeNumber(sortOrder, 0, 9999)!;

    if (!milestone) {
      const input: CreateMilestoneInput = {
        code: code.trim().toLowerCase(),
        titleFa: titleFa.trim(),
        titleEn: titleEn.trim(),
        rule: rule as MilestoneRule,
        ...(share ? { share } : {}),
        dueOn,
        atRiskDays: days,
        sortOrder: order,
      };
      create.mutate(
        { cycleId: cycle.id, input },
        { onSuccess: (saved) => handleSaved(saved, 'milestoneCreated'), onError: handleSaveError },
      );
      return;
    }

    const shareChanged =
      share !== null &&
      (share.numerator !== milestone.share?.numerator || share.denominator !== milestone.share?.denominator);
    const changes: Omit<UpdateMilestoneInput, 'version'> = {
      ...(titleFa.trim() !== milestone.titleFa ? { titleFa: titleFa.trim() } : {}),
      ...(titleEn.trim() !== milestone.titleEn ? { titleEn: titleEn.trim() } : {}),
      ...(shareChanged ? { share } : {}),
      ...(dueOn !== milestone.dueOn ? { dueOn } : {}),
      ...(days !== milestone.atRiskDays ? { atRiskDays: days } : {}),
      ...(order !== milestone.sortOrder ? { sortOrder: order } : {}),
    };
    if (Object.keys(changes).length === 0) {
      setNothingChanged(true);
      return;
    }
    update.mutate(
      { id: milestone.id, input: { version: milestone.version, ...changes } },
      { onSuccess: (saved) => handleSaved(saved, 'milestoneUpdated'), onError: handleSaveError },
    );
  };

  const ruleId = idOf('rule');
  const shareHintId = `${baseId}-share-hint`;

  return (
    <form className="form in-place-form" aria-labelledby={headingId} onSubmit={handleSubmit} noValidate>
      <p className="hint">{t('form.requiredNote')}</p>
      {conflict && (
        <ConflictNotice
          error={conflict}
          onReload={() => void handleReload()}
          reloading={reloading}
          fields={[
            { key: 'titleFa', label: t('milestones.titleFa') },
            { key: 'titleEn', label: t('milestones.titleEn') },
            { key: 'dueOn', label: t('milestones.dueOn') },
            { key: 'atRiskDays', label: t('milestones.atRiskDaysLabel') },
            { key: 'sortOrder', label: t('milestones.sortOrderLabel') },
            { key: 'version', label: t('milestones.version') },
          ]}
        />
      )}
      {summary && <ErrorSummary ref={summaryRef} message={summary.message} problems={summary.problems} />}
      {nothingChanged && (
        <p className="state-message" role="status">
          {t('milestones.nothingChanged')}
        </p>
      )}
      {!milestone && (
        <TextField
          id={idOf('code')}
          label={t('milestones.code')}
          value={code}
          onChange={setCode}
          hint={t('milestones.milestoneCodeHint')}
          error={problem('code')}
          dir="ltr"
          lang="en"
          required
        />
      )}
      <div className="in-place-form__row">
        <TextField
          id={idOf('titleFa')}
          label={t('milestones.titleFa')}
          value={titleFa}
          onChange={setTitleFa}
          error={problem('titleFa')}
          lang="fa"
          dir="rtl"
          required
        />
        <TextField
          id={idOf('titleEn')}
          label={t('milestones.titleEn')}
          value={titleEn}
          onChange={setTitleEn}
          error={problem('titleEn')}
          lang="en"
          dir="ltr"
          required
        />
      </div>
      {milestone ? (
        <p>
          <strong>{t('milestones.ruleFixed')}</strong> {t(`milestones.rules.${milestone.rule}`)}
        </p>
      ) : (
        <div className="form-field">
          <label htmlFor={ruleId}>
            {t('milestones.rule')}
            <span aria-hidden="true"> *</span>
          </label>
          <select
            id={ruleId}
            value={rule}
            required
            aria-invalid={problem('rule') ? true : undefined}
            aria-describedby={[`${ruleId}-hint`, problem('rule') ? `${ruleId}-error` : null].filter(Boolean).join(' ')}
            onChange={(event) => setRule(event.target.value as MilestoneRule | '')}
          >
            <option value="">{t('milestones.chooseRule')}</option>
            {MILESTONE_RULES.map((option) => (
              <option key={option} value={option}>
                {t(`milestones.rules.${option}`)}
              </option>
            ))}
          </select>
          <p id={`${ruleId}-hint`} className="hint">
            {t('milestones.ruleHint')}
          </p>
          {problem('rule') && (
            <p id={`${ruleId}-error`} className="field-error">
              {problem('rule')}
            </p>
          )}
        </div>
      )}
      {needsShare && (
        <fieldset className="fieldset" aria-describedby={shareHintId}>
          <legend>
            {t('milestones.shareLegend')}
            <span aria-hidden="true"> *</span>
          </legend>
          <p id={shareHintId} className="hint">
            {t('milestones.shareHint')}
          </p>
          <div className="in-place-form__row in-place-form__row--numbers">
            <TextField
              id={idOf('numerator')}
              label={t('milestones.numerator')}
              value={numerator}
              onChange={setNumerator}
              error={problem('numerator')}
              inputMode="numeric"
              dir="ltr"
              required
            />
            <TextField
              id={idOf('denominator')}
              label={t('milestones.denominator')}
              value={denominator}
              onChange={setDenominator}
              error={problem('denominator')}
              inputMode="numeric"
              dir="ltr"
              required
            />
          </div>
        </fieldset>
      )}
      <JalaliDateInput
        id={idOf('dueOn')}
        label={t('milestones.dueOn')}
        value={dueOn}
        onChange={(value, change) => {
          setDueOn(value);
          setDueOnInvalid(change.invalid);
        }}
        hint={t('date.format')}
        error={problem('dueOn')}
        required
      />
      <div className="in-place-form__row in-place-form__row--numbers">
        <TextField
          id={idOf('atRiskDays')}
          label={t('milestones.atRiskDaysLabel')}
          value={atRiskDays}
          onChange={setAtRiskDays}
          hint={t('milestones.atRiskHint')}
          error={problem('atRiskDays')}
          inputMode="numeric"
          dir="ltr"
          required
        />
        <TextField
          id={idOf('sortOrder')}
          label={t('milestones.sortOrderLabel')}
          value={sortOrder}
          onChange={setSortOrder}
          hint={t('milestones.sortOrderHint')}
          error={problem('sortOrder')}
          inputMode="numeric"
          dir="ltr"
          required
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('form.saving') : milestone ? t('milestones.saveMilestone') : t('milestones.createMilestone')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
