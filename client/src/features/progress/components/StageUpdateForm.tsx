import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldProblemsOf } from '../../../api/http';
import { JalaliDateInput } from '../../../components/JalaliDateInput';
import { inBothLanguages, type Bilingual } from '../../../lib/bilingual';
import { useLanguage } from '../../../lib/useLanguage';
import { useUpdateStage, type StageTarget } from '../api/updateStage';
import { useConflictState } from '../hooks/useConflictState';
import type { ReachableStage, ServiceStage } from '../types/progress';
import { progressDayBounds } from '../utils/dayBounds';
import { SaveNotices } from './SaveNotices';

export const REACHABLE_STAGES: readonly ReachableStage[] = ['electronic', 'single_window', 'national_window'];

function nextStage(stage: ServiceStage): ReachableStage {
  const index = REACHABLE_STAGES.indexOf(stage as ReachableStage);
  return REACHABLE_STAGES[Math.min(index + 1, REACHABLE_STAGES.length - 1)] ?? 'electronic';
}

interface StageUpdateFormProps {
  target: StageTarget;
  agencyId: string;
  item: { id: string; name: string; stage: ServiceStage; version: number };
  onDone: () => void;
  onCancel: () => void;
  onReload: () => Promise<unknown>;
}

/** "This service (or system) reached stage X on day Y": one row's action. */
export function StageUpdateForm({ target, agencyId, item, onDone, onCancel, onReload }: StageUpdateFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const baseId = useId();
  const update = useUpdateStage(target, agencyId);
  const [stage, setStage] = useState<ReachableStage>(() => nextStage(item.stage));
  const [reachedOn, setReachedOn] = useState<string | null>(null);
  const [dateInvalid, setDateInvalid] = useState(false);
  const [note, setNote] = useState('');
  const [dateProblem, setDateProblem] = useState<Bilingual | null>(null);
  const saveState = useConflictState(onReload);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    saveState.clearFailure();
    if (dateInvalid || !reachedOn) {
      setDateProblem(
        inBothLanguages((lng) =>
          dateInvalid ? t('date.invalid', { lng }) : t('progress.errors.dateRequired', { lng }),
        ),
      );
      return;
    }
    setDateProblem(null);
    update.mutate(
      {
        id: item.id,
        input: { version: item.version, stage, reachedOn, ...(note.trim() ? { note: note.trim() } : {}) },
      },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (saveState.handleSaveError(error)) return;
          const reached = fieldProblemsOf(error).find((problem) => problem.field === 'reachedOn');
          setDateProblem(reached ? { fa: reached.fa, en: reached.en } : null);
        },
      },
    );
  };

  return (
    <form
      className="form form--inline"
      onSubmit={handleSubmit}
      noValidate
      aria-label={t('progress.stageFormLabel', { name: item.name })}
    >
      <SaveNotices
        state={saveState}
        conflictFields={[
          { key: 'stage', label: t('agency.stage') },
          { key: 'electronicOn', label: t('progress.electronicOn') },
          { key: 'singleWindowOn', label: t('progress.singleWindowOn') },
          { key: 'nationalWindowOn', label: t('progress.nationalWindowOn') },
          { key: 'version', label: t('progress.version') },
        ]}
      />
      <div className="form-field">
        <label htmlFor={`${baseId}-stage`}>{t('progress.reachedStage')}</label>
        <select
          id={`${baseId}-stage`}
          value={stage}
          onChange={(event) => setStage(event.target.value as ReachableStage)}
        >
          {REACHABLE_STAGES.map((option) => (
            <option key={option} value={option}>
              {t(`stage.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <JalaliDateInput
        id={`${baseId}-reached-on`}
        label={t('progress.reachedOn')}
        value={reachedOn}
        onChange={(iso, change) => {
          setReachedOn(iso);
          setDateInvalid(change.invalid);
        }}
        {...progressDayBounds()}
        error={dateProblem?.[language] ?? null}
        required
      />
      <div className="form-field">
        <label htmlFor={`${baseId}-note`}>{t('progress.note')}</label>
        <input
          id={`${baseId}-note`}
          type="text"
          dir="auto"
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? t('form.saving') : t('progress.saveStage')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
