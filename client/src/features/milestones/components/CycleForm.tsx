import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictNotice } from '../../../components/ConflictNotice';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { JalaliDateInput } from '../../../components/JalaliDateInput';
import { inBothLanguages, type Bilingual } from '../../../lib/bilingual';
import { useLanguage } from '../../../lib/useLanguage';
import { useCreateCycle, type CreateCycleInput } from '../api/createCycle';
import type { Cycle } from '../api/getCycles';
import { useUpdateCycle, type UpdateCycleInput } from '../api/updateCycle';
import { useFormProblems, type Problems } from '../../../lib/useFormProblems';
import { titleIn } from '../utils/titles';
import { TextField } from '../../../components/TextField';

type Field = 'code' | 'titleFa' | 'titleEn' | 'startsOn' | 'endsOn' | 'baselineOn';
const FIELDS: readonly Field[] = ['code', 'titleFa', 'titleEn', 'startsOn', 'endsOn', 'baselineOn'];
const CODE_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const TITLE_MAX = 200;

/** A day field's value and whether its text is something that is not a day. */
interface DayState {
  value: string | null;
  invalid: boolean;
}

const dayOf = (value: string | null): DayState => ({ value, invalid: false });

interface CycleFormProps {
  /** The cycle to edit, as last read (its `version` goes with the write); absent to add a new cycle. */
  cycle?: Cycle;
  /** Every cycle, to say before sending that the days overlap another one. */
  cycles: readonly Cycle[];
  /** The heading's id, which names the form. */
  headingId: string;
  onDone: (message: Bilingual) => void;
  onCancel: () => void;
  /** Reads the cycles again (after a version conflict). */
  onReload: () => Promise<unknown>;
}

/** Adds a programme cycle, or edits one's titles and days (its code stays). */
export function CycleForm({ cycle, cycles, headingId, onDone, onCancel, onReload }: CycleFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const baseId = useId();
  const idOf = (field: Field) => `${baseId}-${field}`;
  const create = useCreateCycle();
  const update = useUpdateCycle();
  const saving = create.isPending || update.isPending;

  const [code, setCode] = useState('');
  const [titleFa, setTitleFa] = useState(cycle?.titleFa ?? '');
  const [titleEn, setTitleEn] = useState(cycle?.titleEn ?? '');
  const [startsOn, setStartsOn] = useState<DayState>(dayOf(cycle?.startsOn ?? null));
  const [endsOn, setEndsOn] = useState<DayState>(dayOf(cycle?.endsOn ?? null));
  const [baselineOn, setBaselineOn] = useState<DayState>(dayOf(cycle?.baselineOn ?? null));
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
    fieldOfServer: (path) => ((FIELDS as readonly string[]).includes(path) ? (path as Field) : null),
    fieldOfCode: { CYCLE_CODE_TAKEN: 'code', CYCLE_OVERLAP: 'startsOn' },
    onReload,
  });
  const problem = (field: Field) => problems[field]?.[language] ?? null;
  const both = (message: (lng: 'fa' | 'en') => string) => inBothLanguages(message);

  const findProblems = (): Problems<Field> => {
    const found: Problems<Field> = {};
    if (!cycle) {
      const typed = code.trim().toLowerCase();
      if (typed === '') found.code = both((lng) => t('milestones.errors.codeRequired', { lng }));
      else if (!CODE_PATTERN.test(typed)) found.code = both((lng) => t('milestones.errors.codeFormat', { lng }));
    }
    if (titleFa.trim() === '') found.titleFa = both((lng) => t('milestones.errors.titleFaRequired', { lng }));
    else if (titleFa.trim().length > TITLE_MAX) {
      found.titleFa = both((lng) => t('milestones.errors.tooLong', { lng, max: TITLE_MAX }));
    }
    if (titleEn.trim() === '') found.titleEn = both((lng) => t('milestones.errors.titleEnRequired', { lng }));
    else if (titleEn.trim().length > TITLE_MAX) {
      found.titleEn = both((lng) => t('milestones.errors.tooLong', { lng, max: TITLE_MAX }));
    }
    const invalidDay = both((lng) => t('date.invalid', { lng }));
    if (startsOn.invalid) found.startsOn = invalidDay;
    else if (!startsOn.value) found.startsOn = both((lng) => t('milestones.errors.startsOnRequired', { lng }));
    if (endsOn.invalid) found.endsOn = invalidDay;
    else if (!endsOn.value) found.endsOn = both((lng) => t('milestones.errors.endsOnRequired', { lng }));
    if (baselineOn.invalid) found.baselineOn = invalidDay;
    else if (cycle && !baselineOn.value) {
      found.baselineOn = both((lng) => t('milestones.errors.baselineOnRequired', { lng }));
    }
    if (startsOn.value && endsOn.value && !found.startsOn && !found.endsOn) {
      if (endsOn.value < startsOn.value) {
        found.endsOn = both((lng) => t('milestones.errors.endBeforeStart', { lng }));
      } else {
        const other = cycles.find(
          (item) => item.id !== cycle?.id && item.startsOn <= endsOn.value! && startsOn.value! <= item.endsOn,
        );
        if (other) {
          found.startsOn = both((lng) => t('milestones.errors.overlap', { lng, title: titleIn(other, lng) }));
        }
      }
      if (baselineOn.value && !found.baselineOn && baselineOn.value > endsOn.value && !found.endsOn) {
        found.baselineOn = both((lng) => t('milestones.errors.baselineAfterEnd', { lng }));
      }
    }
    return found;
  };

  const handleSaved = (saved: Cycle, key: 'cycleCreated' | 'cycleUpdated') => {
    clearProblems();
    onDone(both((lng) => t(`milestones.${key}`, { lng, title: titleIn(saved, lng) })));
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNothingChanged(false);
    if (!check(findProblems())) return;
    const days = { startsOn: startsOn.value!, endsOn: endsOn.value! };

    if (!cycle) {
      const input: CreateCycleInput = {
        code: code.trim().toLowerCase(),
        titleFa: titleFa.trim(),
        titleEn: titleEn.trim(),
        ...days,
        ...(baselineOn.value ? { baselineOn: baselineOn.value } : {}),
      };
      create.mutate(input, {
        onSuccess: (saved) => handleSaved(saved, 'cycleCreated'),
        onError: handleSaveError,
      });
      return;
    }

    const changes: Omit<UpdateCycleInput, 'version'> = {
      ...(titleFa.trim() !== cycle.titleFa ? { titleFa: titleFa.trim() } : {}),
      ...(titleEn.trim() !== cycle.titleEn ? { titleEn: titleEn.trim() } : {}),
      ...(days.startsOn !== cycle.startsOn ? { startsOn: days.startsOn } : {}),
      ...(days.endsOn !== cycle.endsOn ? { endsOn: days.endsOn } : {}),
      ...(baselineOn.value !== cycle.baselineOn ? { baselineOn: baselineOn.value! } : {}),
    };
    if (Object.keys(changes).length === 0) {
      setNothingChanged(true);
      return;
    }
    update.mutate(
      { id: cycle.id, input: { version: cycle.version, ...changes } },
      {
        onSuccess: (saved) => handleSaved(saved, 'cycleUpdated'),
        onError: handleSaveError,
      },
    );
  };

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
            { key: 'startsOn', label: t('milestones.startsOn') },
            { key: 'endsOn', label: t('milestones.endsOn') },
            { key: 'baselineOn', label: t('milestones.baselineOn') },
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
      {!cycle && (
        <TextField
          id={idOf('code')}
          label={t('milestones.code')}
          value={code}
          onChange={setCode}
          hint={t('milestones.cycleCodeHint')}
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
      <div className="in-place-form__row">
        <JalaliDateInput
          id={idOf('startsOn')}
          label={t('milestones.startsOn')}
          value={startsOn.value}
          onChange={(value, change) => setStartsOn({ value, invalid: change.invalid })}
          hint={t('date.format')}
          error={problem('startsOn')}
          required
        />
        <JalaliDateInput
          id={idOf('endsOn')}
          label={t('milestones.endsOn')}
          value={endsOn.value}
          onChange={(value, change) => setEndsOn({ value, invalid: change.invalid })}
          hint={t('date.format')}
          error={problem('endsOn')}
          required
        />
      </div>
      <JalaliDateInput
        id={idOf('baselineOn')}
        label={t('milestones.baselineOn')}
        value={baselineOn.value}
        onChange={(value, change) => setBaselineOn({ value, invalid: change.invalid })}
        hint={cycle ? t('milestones.editBaselineHint') : t('milestones.baselineHint')}
        error={problem('baselineOn')}
        required={Boolean(cycle)}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('form.saving') : cycle ? t('milestones.saveCycle') : t('milestones.createCycle')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
