import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { JalaliDateInput } from '../../../components/JalaliDateInput';
import { inBothLanguages, type Bilingual } from '../../../lib/bilingual';
import { todayInTehran } from '../../../lib/dates';
import type { Language } from '../../../lib/language';
import { localizedName } from '../../../lib/localizedName';
import { useLanguage } from '../../../lib/useLanguage';
import type { AgencyDetail } from '../../agencies';
import { TextField } from '../../../components/TextField';
import { useFormProblems, type Problems } from '../../../lib/useFormProblems';
import { useCreateService, type CreateServiceInput } from '../api/createService';
import type { Audience } from '../api/getInventory';

export const AUDIENCES: readonly Audience[] = ['g2c', 'g2b', 'g2g'];

type Field = 'code' | 'nameFa' | 'nameEn' | 'audience' | 'identifiedOn' | 'systemId' | 'note';
const FIELDS: readonly Field[] = ['code', 'nameFa', 'nameEn', 'audience', 'identifiedOn', 'systemId', 'note'];
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const NAME_MAX = 300;
const NOTE_MAX = 2000;

interface AddServiceFormProps {
  agency: AgencyDetail;
  /** The heading's id, which names the form. */
  headingId: string;
  onDone: (message: Bilingual) => void;
  onCancel: () => void;
}

/** Adds a service to the agency's inventory of identified services, dated the day it was identified. */
export function AddServiceForm({ agency, headingId, onDone, onCancel }: AddServiceFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const baseId = useId();
  const idOf = (field: Field) => `${baseId}-${field}`;
  const create = useCreateService(agency.id);

  const [code, setCode] = useState('');
  const [nameFa, setNameFa] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [audience, setAudience] = useState<Audience | ''>('');
  const [identifiedOn, setIdentifiedOn] = useState<string | null>(null);
  const [identifiedOnInvalid, setIdentifiedOnInvalid] = useState(false);
  const [systemId, setSystemId] = useState('');
  const [note, setNote] = useState('');

  const { problems, summary, summaryRef, check, handleSaveError, handleSaved } = useFormProblems<Field>({
    fields: FIELDS,
    idOf,
    fieldOfServer: (path) => ((FIELDS as readonly string[]).includes(path) ? (path as Field) : null),
    fieldOfCode: { SERVICE_CODE_TAKEN: 'code', SYSTEM_NOT_IN_AGENCY: 'systemId' },
  });
  const problem = (field: Field) => problems[field]?.[language] ?? null;
  const both = (message: (lng: Language) => string) => inBothLanguages(message);

  const findProblems = (): Problems<Field> => {
    const found: Problems<Field> = {};
    const typedCode = code.trim();
    if (typedCode === '') found.code = both((lng) => t('catalogue.errors.codeRequired', { lng }));
    else if (!CODE_PATTERN.test(typedCode)) found.code = both((lng) => t('catalogue.errors.codeFormat', { lng }));
    if (nameFa.trim() === '') found.nameFa = both((lng) => t('catalogue.errors.nameFaRequired', { lng }));
    else if (nameFa.trim().length > NAME_MAX) {
      found.nameFa = both((lng) => t('catalogue.errors.tooLong', { lng, max: NAME_MAX }));
    }
    if (nameEn.trim() === '') found.nameEn = both((lng) => t('catalogue.errors.nameEnRequired', { lng }));
    else if (nameEn.trim().length > NAME_MAX) {
      found.nameEn = both((lng) => t('catalogue.errors.tooLong', { lng, max: NAME_MAX }));
    }
    if (audience === '') found.audience = both((lng) => t('catalogue.errors.audienceRequired', { lng }));
    if (identifiedOnInvalid) found.identifiedOn = both((lng) => t('date.invalid', { lng }));
    else if (!identifiedOn) found.identifiedOn = both((lng) => t('catalogue.errors.identifiedOnRequired', { lng }));
    else if (identifiedOn > todayInTehran()) {
      found.identifiedOn = both((lng) => t('catalogue.errors.dayInFuture', { lng }));
    }
    if (note.trim().length > NOTE_MAX)
      found.note = both((lng) => t('catalogue.errors.tooLong', { lng, max: NOTE_MAX }));
    return found;
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!check(findProblems()) || !identifiedOn || audience === '') return;
    const input: CreateServiceInput = {
      code: code.trim(),
      nameFa: nameFa.trim(),
      nameEn: nameEn.trim(),
      audience,
      identifiedOn,
      ...(systemId ? { systemId } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    create.mutate(input, {
      onSuccess: (saved) => {
        handleSaved();
        onDone(both((lng) => t('catalogue.created', { lng, name: localizedName(saved, lng).text })));
      },
      onError: handleSaveError,
    });
  };

  const selectField = (field: 'audience' | 'systemId') => ({
    id: idOf(field),
    'aria-invalid': problem(field) ? true : undefined,
    'aria-describedby': problem(field) ? `${idOf(field)}-error` : undefined,
  });

  const fieldError = (field: 'audience' | 'systemId') =>
    problem(field) && (
      <p id={`${idOf(field)}-error`} className="field-error">
        {problem(field)}
      </p>
    );

  return (
    <form className="form in-place-form" aria-labelledby={headingId} onSubmit={handleSubmit} noValidate>
      <p className="hint">{t('form.requiredNote')}</p>
      {summary && <ErrorSummary ref={summaryRef} message={summary.message} problems={summary.problems} />}
      <TextField
        id={idOf('code')}
        label={t('catalogue.code')}
        value={code}
        onChange={setCode}
        hint={t('catalogue.codeHint')}
        error={problem('code')}
        dir="ltr"
        lang="en"
        required
      />
      <div className="in-place-form__row">
        <TextField
          id={idOf('nameFa')}
          label={t('catalogue.nameFa')}
          value={nameFa}
          onChange={setNameFa}
          error={problem('nameFa')}
          dir="rtl"
          lang="fa"
          required
        />
        <TextField
          id={idOf('nameEn')}
          label={t('catalogue.nameEn')}
          value={nameEn}
          onChange={setNameEn}
          error={problem('nameEn')}
          dir="ltr"
          lang="en"
          required
        />
      </div>
      <div className="in-place-form__row">
        <div className="form-field">
          <label htmlFor={idOf('audience')}>
            {t('catalogue.audience')}
            <span aria-hidden="true"> *</span>
          </label>
          <select
            {...selectField('audience')}
            required
            value={audience}
            onChange={(event) => setAudience(event.target.value as Audience | '')}
          >
            <option value="">{t('catalogue.chooseAudience')}</option>
            {AUDIENCES.map((option) => (
              <option key={option} value={option}>
                {t(`audience.${option}`)}
              </option>
            ))}
          </select>
          {fieldError('audience')}
        </div>
        {agency.systems.length > 0 && (
          <div className="form-field">
            <label htmlFor={idOf('systemId')}>{t('catalogue.system')}</label>
            <select {...selectField('systemId')} value={systemId} onChange={(event) => setSystemId(event.target.value)}>
              <option value="">{t('catalogue.noSystem')}</option>
              {agency.systems.map((system) => (
                <option key={system.id} value={system.id}>
                  {localizedName(system, language).text}
                </option>
              ))}
            </select>
            {fieldError('systemId')}
          </div>
        )}
      </div>
      <JalaliDateInput
        id={idOf('identifiedOn')}
        label={t('catalogue.identifiedOn')}
        value={identifiedOn}
        onChange={(value, change) => {
          setIdentifiedOn(value);
          setIdentifiedOnInvalid(change.invalid);
        }}
        hint={`${t('catalogue.identifiedOnHint')} ${t('date.format')}`}
        error={problem('identifiedOn')}
        required
      />
      <TextField
        id={idOf('note')}
        label={t('catalogue.note')}
        value={note}
        onChange={setNote}
        hint={t('catalogue.noteHint')}
        error={problem('note')}
        rows={2}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? t('form.saving') : t('catalogue.create')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
