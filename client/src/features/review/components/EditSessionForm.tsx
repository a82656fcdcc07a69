import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ApiError, fieldProblemsOf } from '../../../api/http';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { JalaliDateInput } from '../../../components/JalaliDateInput';
import { inBothLanguages, type Bilingual } from '../../../lib/bilingual';
import { formatJalaliDate } from '../../../lib/dates';
import { localizedName } from '../../../lib/localizedName';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { useUpdateSession } from '../api/updateSession';
import type { Representative, Round, Session, UpdateSessionInput } from '../types/review';
import { DayText } from '../../../components/DayText';
import { SessionConflict } from './SessionConflict';

const NOTES_MAX = 10_000;
const NAME_MAX = 200;
const REASON_MAX = 1000;

interface Row {
  /** Stable identity of the row while rows are added and removed. */
  key: number;
  name: string;
  title: string;
}

interface EditSessionFormProps {
  session: Session;
  round: Round;
  /** Called after the session was saved, with what to tell the user. */
  onSaved: (message: Bilingual) => void;
  onCancel: () => void;
}

/** The representatives as the server takes them: trimmed, rows left empty dropped, no empty title. */
function representativesFrom(rows: Row[]): Representative[] {
  return rows
    .map((row) => ({ name: row.name.trim(), title: row.title.trim() }))
    .filter((row) => row.name !== '' || row.title !== '')
    .map(({ name, title }) => (title ? { name, title } : { name }));
}

function sameRepresentatives(a: Representative[], b: Session['representatives']): boolean {
  return (
    a.length === b.length &&
    a.every((person, index) => person.name === b[index]!.name && (person.title ?? '') === (b[index]!.title ?? ''))
  );
}

/**
 * Changes a session: its day (within the round), the agency's representatives, the public summary and the internal
 * notes. Only the fields changed are sent, with the version read; after a conflict the current session is shown and
 * what was typed stays. In a closed round it is an administrator's correction and asks for the reason.
 */
export function EditSessionForm({ session, round, onSaved, onCancel }: EditSessionFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const update = useUpdateSession(session.id);
  const formId = useId();
  const ids = {
    heldOn: `${formId}-heldOn`,
    representatives: `${formId}-representatives`,
    notes: `${formId}-notes`,
    internalNotes: `${formId}-internalNotes`,
    reason: `${formId}-reason`,
    nameOf: (key: number) => `${formId}-name-${key}`,
    titleOf: (key: number) => `${formId}-title-${key}`,
  };
  const closed = round.status === 'closed';

  const [nextKey, setNextKey] = useState(session.representatives.length);
  const [heldOn, setHeldOn] = useState<string | null>(session.heldOn);
  const [heldOnInvalid, setHeldOnInvalid] = useState(false);
  const [rows, setRows] = useState<Row[]>(() =>
    session.representatives.map((person, index) => ({ key: index, name: person.name, title: person.title ?? '' })),
  );
  const [notes, setNotes] = useState(session.notes);
  const [internalNotes, setInternalNotes] = useState(session.internalNotes ?? '');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Record<string, Bilingual>>({});
  const [nothingChanged, setNothingChanged] = useState(false);
  const [reloading, setReloading] = useState(false);

  // The session the form started from. When a newer version arrives (the current values loaded after a conflict),
  // the fields left untouched take its values; what was typed stays, to be saved on top of the new version.
  const [base, setBase] = useState(session);
  if (base.version !== session.version) {
    setBase(session);
    if (heldOn === base.heldOn) setHeldOn(session.heldOn);
    if (sameRepresentatives(representativesFrom(rows), base.representatives)) {
      setRows(
        session.representatives.map((person, index) => ({
          key: nextKey + index,
          name: person.name,
          title: person.title ?? '',
        })),
      );
      setNextKey(nextKey + session.representatives.length);
    }
    if (notes === base.notes) setNotes(session.notes);
    if (internalNotes === (base.internalNotes ?? '')) setInternalNotes(session.internalNotes ?? '');
  }

  // A new row takes the focus, so keyboard users can type straight away.
  const previousCount = useRef(rows.length);
  useEffect(() => {
    if (rows.length > previousCount.current) {
      const last = rows[rows.length - 1];
      if (last) document.getElementById(ids.nameOf(last.key))?.focus();
    }
    previousCount.current = rows.length;
  });

  /** A day inside a sentence of an error message, kept left to right. */
  const isolated = (iso: string, lng: 'fa' | 'en') => `\u2066${formatJalaliDate(iso, lng)}\u2069`;
  const problemOf = (id: string) => problems[id]?.[language] ?? null;
  const both = (key: 'heldOnRequired' | 'nameRequired' | 'reasonRequired') =>
    inBothLanguages((lng) => t(`review.sessionEdit.errors.${key}`, { lng }));
  const tooLong = (max: number) =>
    inBothLanguages((lng) => t('review.sessionEdit.errors.tooLong', { lng, max: formatInteger(max, lng) }));

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNothingChanged(false);
    const found: Record<string, Bilingual> = {};
    if (heldOn === null) {
      if (!heldOnInvalid) found[ids.heldOn] = both('heldOnRequired');
    } else if (heldOn < round.startsOn || heldOn > round.endsOn) {
      found[ids.heldOn] = inBothLanguages((lng) =>
        t('review.sessionEdit.errors.heldOnOutside', {
          lng,
          from: isolated(round.startsOn, lng),
          to: isolated(round.endsOn, lng),
        }),
      );
    }
    for (const row of rows) {
      const name = row.name.trim();
      if (name === '' && row.title.trim() !== '') {
        found[ids.nameOf(row.key)] = both('nameRequired');
      } else if (name.length > NAME_MAX) {
        found[ids.nameOf(row.key)] = tooLong(NAME_MAX);
      }
      if (row.title.trim().length > NAME_MAX) {
        found[ids.titleOf(row.key)] = tooLong(NAME_MAX);
      }
    }
    if (notes.length > NOTES_MAX) found[ids.notes] = tooLong(NOTES_MAX);
    if (internalNotes.length > NOTES_MAX) {
      found[ids.internalNotes] = tooLong(NOTES_MAX);
    }
    if (closed && reason.trim() === '') found[ids.reason] = both('reasonRequired');
    else if (closed && reason.trim().length > REASON_MAX) {
      found[ids.reason] = tooLong(REASON_MAX);
    }
    setProblems(found);
    const first = Object.keys(found)[0] ?? (heldOnInvalid ? ids.heldOn : undefined);
    if (first !== undefined) {
      document.getElementById(first)?.focus();
      return;
    }

    const representatives = representativesFrom(rows);
    const changes: Omit<UpdateSessionInput, 'version'> = {};
    if (heldOn !== null && heldOn !== session.heldOn) changes.heldOn = heldOn;
    if (!sameRepresentatives(representatives, session.representatives)) changes.representatives = representatives;
    if (notes !== session.notes) changes.notes = notes;
    if (internalNotes !== (session.internalNotes ?? '')) changes.internalNotes = internalNotes;
    if (Object.keys(changes).length === 0) {
      setNothingChanged(true);
      return;
    }

    update.mutate(
      { version: session.version, ...changes, ...(closed ? { reason: reason.trim() } : {}) },
      {
        onSuccess: (after) => {
          const agency = { nameFa: after.agencyNameFa, nameEn: after.agencyNameEn };
          onSaved(
            inBothLanguages((lng) => t('review.sessionEdit.saved', { lng, agency: localizedName(agency, lng).text })),
          );
        },
        onError: (error) => {
          const serverFound: Record<string, Bilingual> = {};
          for (const problem of fieldProblemsOf(error)) {
            const [head, index, part] = problem.field.split('.');
            const row = head === 'representatives' && index !== undefined ? rows[Number(index)] : undefined;
            const id =
              head === 'heldOn' || head === 'notes' || head === 'internalNotes' || head === 'reason'
                ? ids[head]
                : row
                  ? part === 'title'
                    ? ids.titleOf(row.key)
                    : ids.nameOf(row.key)
                  : head === 'representatives'
                    ? ids.representatives
                    : null;
            if (id) serverFound[id] = { fa: problem.fa, en: problem.en };
          }
          setProblems(serverFound);
        },
      },
    );
  };

  const handleReload = async () => {
    setReloading(true);
    try {
      await queryClient.invalidateQueries({ queryKey: ['evaluation-sessions'] });
      update.reset();
    } finally {
      setReloading(false);
    }
  };

  const isConflict = update.error instanceof ApiError && update.error.status === 409;
  const describedBy = (id: string, hint = false) =>
    [hint ? `${id}-hint` : '', problemOf(id) ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const fieldError = (id: string) => {
    const problem = problemOf(id);
    return problem ? (
      <p id={`${id}-error`} className="field-error">
        {problem}
      </p>
    ) : null;
  };

  return (
    <form className="form review-edit__form review-session-form" onSubmit={handleSubmit} noValidate>
      <p className="hint">{t('review.sessionEdit.hint')}</p>
      {closed && (
        <p className="review-explain review-explain--warning">
          <span aria-hidden="true">⚠ </span>
          {t('review.sessionEdit.closedHint')}
        </p>
      )}
      <JalaliDateInput
        id={ids.heldOn}
        label={t('review.sessionEdit.heldOn')}
        value={heldOn}
        min={round.startsOn}
        max={round.endsOn}
        openTo={session.heldOn}
        required
        hint={
          <Trans
            i18nKey="review.sessionEdit.heldOnHint"
            components={{ from: <DayText value={round.startsOn} />, to: <DayText value={round.endsOn} /> }}
          />
        }
        error={problemOf(ids.heldOn)}
        onChange={(value, change) => {
          setHeldOn(value);
          setHeldOnInvalid(change.invalid);
        }}
      />

      <fieldset className="fieldset" id={ids.representatives} tabIndex={-1}>
        <legend>{t('review.sessionEdit.representatives')}</legend>
        {fieldError(ids.representatives)}
        {rows.length === 0 && <p className="muted">{t('review.sessionEdit.noRepresentatives')}</p>}
        <ol className="representatives">
          {rows.map((row, index) => {
            const position = formatInteger(index + 1, language);
            const nameId = ids.nameOf(row.key);
            const titleId = ids.titleOf(row.key);
            const change = (patch: Partial<Row>) =>
              setRows((current) => current.map((other) => (other.key === row.key ? { ...other, ...patch } : other)));
            return (
              <li key={row.key} className="representatives__row">
                <div className="form-field">
                  <label htmlFor={nameId}>{t('review.sessionEdit.representativeName', { position })}</label>
                  <input
                    id={nameId}
                    type="text"
                    dir="auto"
                    autoComplete="off"
                    value={row.name}
                    aria-invalid={problemOf(nameId) ? true : undefined}
                    aria-describedby={describedBy(nameId)}
                    onChange={(event) => change({ name: event.target.value })}
                  />
                  {fieldError(nameId)}
                </div>
                <div className="form-field">
                  <label htmlFor={titleId}>{t('review.sessionEdit.representativeTitle', { position })}</label>
                  <input
                    id={titleId}
                    type="text"
                    dir="auto"
                    autoComplete="off"
                    value={row.title}
                    aria-invalid={problemOf(titleId) ? true : undefined}
                    aria-describedby={describedBy(titleId)}
                    onChange={(event) => change({ title: event.target.value })}
                  />
                  {fieldError(titleId)}
                </div>
                <button
                  type="button"
                  className="button representatives__remove"
                  onClick={() => {
                    setRows((current) => current.filter((other) => other.key !== row.key));
                    document.getElementById(ids.representatives)?.focus();
                  }}
                >
                  {t('review.sessionEdit.removeRepresentative', { position })}
                </button>
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          className="button"
          onClick={() => {
            setRows((current) => [...current, { key: nextKey, name: '', title: '' }]);
            setNextKey(nextKey + 1);
          }}
        >
          {t('review.sessionEdit.addRepresentative')}
        </button>
      </fieldset>

      <div className="form-field">
        <label htmlFor={ids.notes}>{t('review.sessionEdit.notes')}</label>
        <textarea
          id={ids.notes}
          dir="auto"
          rows={4}
          value={notes}
          aria-invalid={problemOf(ids.notes) ? true : undefined}
          aria-describedby={describedBy(ids.notes)}
          onChange={(event) => setNotes(event.target.value)}
        />
        {fieldError(ids.notes)}
      </div>
      <div className="form-field">
        <label htmlFor={ids.internalNotes}>{t('review.sessionEdit.internalNotes')}</label>
        <textarea
          id={ids.internalNotes}
          dir="auto"
          rows={3}
          value={internalNotes}
          aria-invalid={problemOf(ids.internalNotes) ? true : undefined}
          aria-describedby={describedBy(ids.internalNotes)}
          onChange={(event) => setInternalNotes(event.target.value)}
        />
        {fieldError(ids.internalNotes)}
      </div>
      {closed && (
        <div className="form-field">
          <label htmlFor={ids.reason}>
            {t('review.sessionEdit.reason')}
            <span aria-hidden="true"> *</span>
          </label>
          <textarea
            id={ids.reason}
            dir="auto"
            rows={2}
            required
            aria-required="true"
            value={reason}
            aria-invalid={problemOf(ids.reason) ? true : undefined}
            aria-describedby={describedBy(ids.reason, true)}
            onChange={(event) => setReason(event.target.value)}
          />
          <p id={`${ids.reason}-hint`} className="hint">
            {t('review.sessionEdit.reasonHint')}
          </p>
          {fieldError(ids.reason)}
        </div>
      )}

      {nothingChanged && (
        <p className="state-message" role="status">
          {t('review.sessionEdit.nothingChanged')}
        </p>
      )}
      {update.isError &&
        (isConflict ? (
          <SessionConflict error={update.error} onReload={() => void handleReload()} reloading={reloading} />
        ) : Object.keys(problems).length === 0 ? (
          <ErrorMessage error={update.error} />
        ) : null)}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? t('form.saving') : t('review.sessionEdit.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('review.sessionEdit.cancel')}
        </button>
      </div>
    </form>
  );
}
