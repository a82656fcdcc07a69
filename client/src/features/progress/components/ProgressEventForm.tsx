import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldProblemsOf } from '../../../api/http';
import { JalaliDate } from '../../../components/JalaliDate';
import { JalaliDateInput } from '../../../components/JalaliDateInput';
import { inBothLanguages, type Bilingual } from '../../../lib/bilingual';
import { useLanguage } from '../../../lib/useLanguage';
import { useRecordProgress } from '../api/recordProgress';
import { useConflictState } from '../hooks/useConflictState';
import type { AgencyProgress, ProgressKind, RecordProgressInput } from '../types/progress';
import { progressDayBounds } from '../utils/dayBounds';
import { SaveNotices } from './SaveNotices';

interface ProgressEventFormProps {
  agencyId: string;
  kind: ProgressKind;
  /** The progress as last read: its `version` goes with the write. */
  progress: AgencyProgress;
  /** Reads the current progress again (after a conflict). */
  onReload: () => Promise<unknown>;
}

type Field = 'occurredOn' | 'url' | 'note';

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Records the day an agency launched its single window (with its address) or connected to the national window. */
export function ProgressEventForm({ agencyId, kind, progress, onReload }: ProgressEventFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const baseId = useId();
  const headingId = `${baseId}-heading`;
  const idOf = (field: Field) => `${baseId}-${field}`;
  const record = useRecordProgress(agencyId);

  const [occurredOn, setOccurredOn] = useState<string | null>(null);
  const [dateInvalid, setDateInvalid] = useState(false);
  const [url, setUrl] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Partial<Record<Field, Bilingual>>>({});
  const saveState = useConflictState(onReload);
  const [saved, setSaved] = useState(false);

  const isLaunch = kind === 'single_window_launched';
  const currentDate = isLaunch ? progress.singleWindowLaunchedOn : progress.nationalWindowConnectedOn;
  const problem = (field: Field) => problems[field]?.[language] ?? null;

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const found: Partial<Record<Field, Bilingual>> = {};
    if (dateInvalid) found.occurredOn = inBothLanguages((lng) => t('date.invalid', { lng }));
    else if (!occurredOn) found.occurredOn = inBothLanguages((lng) => t('progress.errors.dateRequired', { lng }));
    if (isLaunch && url.trim() === '') {
      found.url = inBothLanguages((lng) => t('progress.errors.urlRequired', { lng }));
    } else if (isLaunch && !isWebAddress(url.trim())) {
      found.url = inBothLanguages((lng) => t('progress.errors.urlFormat', { lng }));
    }
    setProblems(found);
    saveState.clearFailure();
    if (Object.keys(found).length > 0 || !occurredOn) return;

    const input: RecordProgressInput = {
      version: progress.version,
      kind,
      occurredOn,
      ...(isLaunch && url.trim() ? { url: url.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    record.mutate(input, {
      onSuccess: () => {
        saveState.handleSaved();
        setOccurredOn(null);
        setUrl('');
        setNote('');
        setSaved(true);
      },
      onError: (error) => {
        if (saveState.handleSaveError(error)) return;
        const serverFound: Partial<Record<Field, Bilingual>> = {};
        for (const item of fieldProblemsOf(error)) {
          const field = item.field.split('.')[0];
          if (field === 'occurredOn' || field === 'url' || field === 'note') {
            serverFound[field] = { fa: item.fa, en: item.en };
          }
        }
        setProblems(serverFound);
      },
    });
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{isLaunch ? t('progress.singleWindowTitle') : t('progress.nationalWindowTitle')}</h2>
      <p>
        {t('progress.currentlyRecorded')} <JalaliDate value={currentDate} fallback={t('common.notYet')} />
      </p>
      <SaveNotices
        state={saveState}
        conflictFields={[
          { key: 'singleWindowLaunchedOn', label: t('progress.singleWindowLaunchedOn') },
          { key: 'singleWindowUrl', label: t('progress.url') },
          { key: 'nationalWindowConnectedOn', label: t('progress.nationalWindowConnectedOn') },
          { key: 'version', label: t('progress.version') },
        ]}
      />
      {saved && (
        <p className="state-message state-message--success" role="status">
          {t('progress.saved')}
        </p>
      )}
      <form className="form" onSubmit={handleSubmit} noValidate>
        <JalaliDateInput
          id={idOf('occurredOn')}
          label={isLaunch ? t('progress.launchedOn') : t('progress.connectedOn')}
          value={occurredOn}
          onChange={(iso, change) => {
            setOccurredOn(iso);
            setDateInvalid(change.invalid);
          }}
          showFormat
          {...progressDayBounds()}
          error={problem('occurredOn')}
          required
        />
        {isLaunch && (
          <div className="form-field">
            <label htmlFor={idOf('url')}>
              {t('progress.url')}
              <span aria-hidden="true"> *</span>
            </label>
            <input
              id={idOf('url')}
              type="url"
              dir="ltr"
              inputMode="url"
              autoComplete="url"
              placeholder="https://"
              required
              value={url}
              aria-invalid={problem('url') ? true : undefined}
              aria-describedby={problem('url') ? `${idOf('url')}-error` : undefined}
              onChange={(event) => setUrl(event.target.value)}
            />
            {problem('url') && (
              <p id={`${idOf('url')}-error`} className="field-error">
                {problem('url')}
              </p>
            )}
          </div>
        )}
        <div className="form-field">
          <label htmlFor={idOf('note')}>{t('progress.note')}</label>
          <textarea
            id={idOf('note')}
            rows={2}
            dir="auto"
            value={note}
            aria-invalid={problem('note') ? true : undefined}
            aria-describedby={problem('note') ? `${idOf('note')}-error` : undefined}
            onChange={(event) => setNote(event.target.value)}
          />
          {problem('note') && (
            <p id={`${idOf('note')}-error`} className="field-error">
              {problem('note')}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={record.isPending}>
            {record.isPending ? t('form.saving') : t('progress.record')}
          </button>
        </div>
      </form>
    </section>
  );
}
