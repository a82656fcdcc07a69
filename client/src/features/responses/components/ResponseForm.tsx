import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictNotice } from '../../../components/ConflictNotice';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { JalaliDateInput } from '../../../components/JalaliDateInput';
import { TextField } from '../../../components/TextField';
import { inBothLanguages, type Bilingual } from '../../../lib/bilingual';
import { formatWeekId, todayInTehran } from '../../../lib/dates';
import { localizedName } from '../../../lib/localizedName';
import { formatDecimalString, formatInteger } from '../../../lib/numbers';
import { useFormProblems, type Problems } from '../../../lib/useFormProblems';
import { useLanguage } from '../../../lib/useLanguage';
import { useRecordResponse } from '../api/recordResponse';
import { useRequestResponse } from '../api/requestResponse';
import { useAgencyOptions, useReportOptions, useScoreOptions } from '../api/subjectOptions';
import { useUpdateResponse } from '../api/updateResponse';
import type { fa } from '../i18n';
import type { AgencyResponse, ResponseSubject, UpdateResponseInput } from '../types';

/** `request`: ask an agency; `record`: a reply received unasked; `receive`: the reply to a request; `edit`: a draft. */
export type ResponseFormMode = 'request' | 'record' | 'receive' | 'edit';

type Field =
  'agencyId' | 'weeklyReportId' | 'scoreId' | 'requestedOn' | 'receivedOn' | 'bodyFa' | 'bodyEn' | 'documentUrl';
const FIELDS: readonly Field[] = [
  'agencyId',
  'weeklyReportId',
  'scoreId',
  'requestedOn',
  'receivedOn',
  'bodyFa',
  'bodyEn',
  'documentUrl',
];
const BODY_MAX = 20_000;
const HTTP_URL = /^https?:\/\/[^\s/]+\.[^\s]+$/i;

interface DayState {
  value: string | null;
  invalid: boolean;
}

interface ResponseFormProps {
  mode: ResponseFormMode;
  /** The request or draft, as last read (`receive`, `edit`). */
  response?: AgencyResponse;
  headingId: string;
  onDone: (message: Bilingual) => void;
  onCancel: () => void;
  /** Reads the list again (after a version conflict). */
  onReload: () => Promise<unknown>;
}

/**
 * Records a request, a reply received, or edits a draft. Checks what it can before sending (required fields, days
 * not after today, received not before asked, an http(s) letter address); the server has the last word, and its
 * refusals show beside the fields they are about.
 */
export function ResponseForm({ mode, response, headingId, onDone, onCancel, onReload }: ResponseFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const baseId = useId();
  const idOf = (field: Field | 'subject') => `${baseId}-${field}`;
  const request = useRequestResponse();
  const record = useRecordResponse();
  const update = useUpdateResponse();
  const saving = request.isPending || record.isPending || update.isPending;
  const choosesSubject = mode === 'request' || mode === 'record';
  const hasBody = mode !== 'request';

  const [agencyId, setAgencyId] = useState(response?.agency.id ?? '');
  const [subject, setSubject] = useState<ResponseSubject>(response?.subject ?? 'agency');
  const [reportId, setReportId] = useState(response?.weeklyReport?.id ?? '');
  const [scoreId, setScoreId] = useState(response?.score?.id ?? '');
  const [requestedOn, setRequestedOn] = useState<DayState>({ value: response?.requestedOn ?? null, invalid: false });
  const [receivedOn, setReceivedOn] = useState<DayState>({ value: response?.receivedOn ?? null, invalid: false });
  const [bodyFa, setBodyFa] = useState(response?.bodyFa ?? '');
  const [bodyEn, setBodyEn] = useState(response?.bodyEn ?? '');
  const [documentUrl, setDocumentUrl] = useState(response?.documentUrl ?? '');

  const agencies = useAgencyOptions();
  const reports = useReportOptions();
  const scores = useScoreOptions(choosesSubject && subject === 'score' && agencyId ? agencyId : null);

  const { problems, summary, summaryRef, conflict, reloading, check, handleSaveError, handleSaved, handleReload } =
    useFormProblems<Field>({
      fields: FIELDS,
      idOf,
      fieldOfServer: (path) => ((FIELDS as readonly string[]).includes(path) ? (path as Field) : null),
      onReload,
    });
  const problem = (field: Field) => problems[field]?.[language] ?? null;
  const both = (key: `responses.errors.${keyof typeof fa.errors}` | 'date.invalid', options: { max?: number } = {}) =>
    inBothLanguages((lng) => t(key, { lng, ...options }));

  const findProblems = (): Problems<Field> => {
    const found: Problems<Field> = {};
    const today = todayInTehran();
    if (choosesSubject) {
      if (!agencyId) found.agencyId = both('responses.errors.agencyRequired');
      if (subject === 'weekly_report' && !reportId) found.weeklyReportId = both('responses.errors.reportRequired');
      if (subject === 'score' && !scoreId) found.scoreId = both('responses.errors.scoreRequired');
    }
    const invalidDay = both('date.invalid');
    if (requestedOn.invalid) found.requestedOn = invalidDay;
    else if (mode === 'request' && !requestedOn.value) found.requestedOn = both('responses.errors.requestedOnRequired');
    else if (requestedOn.value && requestedOn.value > today) found.requestedOn = both('responses.errors.inFuture');
    if (hasBody) {
      if (receivedOn.invalid) found.receivedOn = invalidDay;
      else if (!receivedOn.value) found.receivedOn = both('responses.errors.receivedOnRequired');
      else if (receivedOn.value > today) found.receivedOn = both('responses.errors.inFuture');
      else if (requestedOn.value && !found.requestedOn && receivedOn.value < requestedOn.value) {
        found.receivedOn = both('responses.errors.receivedBeforeRequested');
      }
      if (bodyFa.trim() === '') found.bodyFa = both('responses.errors.bodyFaRequired');
      else if (bodyFa.trim().length > BODY_MAX) found.bodyFa = both('responses.errors.tooLong', { max: BODY_MAX });
      if (bodyEn.trim().length > BODY_MAX) found.bodyEn = both('responses.errors.tooLong', { max: BODY_MAX });
      if (documentUrl.trim() !== '' && !HTTP_URL.test(documentUrl.trim())) {
        found.documentUrl = both('responses.errors.documentUrl');
      }
    }
    return found;
  };

  const agencyNameOf = (saved: AgencyResponse, lng: 'fa' | 'en') => localizedName(saved.agency, lng).text;
  const handleSuccess = (saved: AgencyResponse) => {
    handleSaved();
    const key = mode === 'request' ? 'responses.requestSaved' : 'responses.responseSaved';
    onDone(inBothLanguages((lng) => t(key, { lng, agency: agencyNameOf(saved, lng) })));
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!check(findProblems())) return;
    const subjectIds = {
      agencyId,
      ...(subject === 'weekly_report' ? { weeklyReportId: reportId } : {}),
      ...(subject === 'score' ? { scoreId } : {}),
    };
    const callbacks = { onSuccess: handleSuccess, onError: handleSaveError };
    if (mode === 'request') {
      request.mutate({ ...subjectIds, requestedOn: requestedOn.value! }, callbacks);
    } else if (mode === 'record') {
      record.mutate(
        {
          ...subjectIds,
          ...(requestedOn.value ? { requestedOn: requestedOn.value } : {}),
          receivedOn: receivedOn.value!,
          bodyFa: bodyFa.trim(),
          ...(bodyEn.trim() ? { bodyEn: bodyEn.trim() } : {}),
          ...(documentUrl.trim() ? { documentUrl: documentUrl.trim() } : {}),
        },
        callbacks,
      );
    } else if (response) {
      const input: UpdateResponseInput = {
        version: response.version,
        ...(requestedOn.value && requestedOn.value !== response.requestedOn ? { requestedOn: requestedOn.value } : {}),
        receivedOn: receivedOn.value!,
        bodyFa: bodyFa.trim(),
        bodyEn: bodyEn.trim() || null,
        documentUrl: documentUrl.trim() || null,
      };
      update.mutate({ id: response.id, input }, callbacks);
    }
  };

  const agencyName = (option: { nameFa: string; nameEn: string }) => localizedName(option, language).text;

  return (
    <form className="form in-place-form" aria-labelledby={headingId} onSubmit={handleSubmit} noValidate>
      <p className="hint">{t('form.requiredNote')}</p>
      {conflict && (
        <ConflictNotice
          error={conflict}
          onReload={() => void handleReload()}
          reloading={reloading}
          fields={[
            { key: 'status', label: t('responses.filterStatus') },
            { key: 'receivedOn', label: t('responses.receivedOn') },
            { key: 'bodyFa', label: t('responses.bodyFa') },
            { key: 'version', label: 'version' },
          ]}
        />
      )}
      {summary && <ErrorSummary ref={summaryRef} message={summary.message} problems={summary.problems} />}

      {choosesSubject && (
        <>
          <div className="form-field">
            <label htmlFor={idOf('agencyId')}>
              {t('responses.agency')}
              <span aria-hidden="true"> *</span>
            </label>
            <select
              id={idOf('agencyId')}
              value={agencyId}
              required
              aria-invalid={problem('agencyId') ? true : undefined}
              aria-describedby={problem('agencyId') ? `${idOf('agencyId')}-error` : undefined}
              onChange={(event) => {
                setAgencyId(event.target.value);
                setScoreId('');
              }}
            >
              <option value="">{t('responses.chooseAgency')}</option>
              {(agencies.data?.items ?? []).map((option) => (
                <option key={option.id} value={option.id}>
                  {agencyName(option)}
                </option>
              ))}
            </select>
            {problem('agencyId') && (
              <p id={`${idOf('agencyId')}-error`} className="field-error">
                {problem('agencyId')}
              </p>
            )}
          </div>

          <fieldset>
            <legend>{t('responses.subject')}</legend>
            {(['agency', 'weekly_report', 'score'] as const).map((value) => (
              <label key={value} className="radio-option">
                <input
                  type="radio"
                  name={idOf('subject')}
                  value={value}
                  checked={subject === value}
                  onChange={() => setSubject(value)}
                />{' '}
                {t(`responses.subjects.${value}`)}
              </label>
            ))}
          </fieldset>

          {subject === 'weekly_report' && (
            <div className="form-field">
              <label htmlFor={idOf('weeklyReportId')}>
                {t('responses.report')}
                <span aria-hidden="true"> *</span>
              </label>
              <select
                id={idOf('weeklyReportId')}
                value={reportId}
                required
                aria-invalid={problem('weeklyReportId') ? true : undefined}
                aria-describedby={problem('weeklyReportId') ? `${idOf('weeklyReportId')}-error` : undefined}
                onChange={(event) => setReportId(event.target.value)}
              >
                <option value="">{t('responses.chooseReport')}</option>
                {(reports.data?.items ?? []).map((option) => (
                  <option key={option.id} value={option.id}>
                    {t('responses.reportOption', {
                      week: formatWeekId(option.week, language),
                      revision: formatInteger(option.revision, language),
                    })}
                  </option>
                ))}
              </select>
              {problem('weeklyReportId') && (
                <p id={`${idOf('weeklyReportId')}-error`} className="field-error">
                  {problem('weeklyReportId')}
                </p>
              )}
            </div>
          )}

          {subject === 'score' && (
            <div className="form-field">
              <label htmlFor={idOf('scoreId')}>
                {t('responses.score')}
                <span aria-hidden="true"> *</span>
              </label>
              <select
                id={idOf('scoreId')}
                value={scoreId}
                required
                disabled={!agencyId}
                aria-invalid={problem('scoreId') ? true : undefined}
                aria-describedby={problem('scoreId') ? `${idOf('scoreId')}-error` : undefined}
                onChange={(event) => setScoreId(event.target.value)}
              >
                <option value="">{t('responses.chooseScore')}</option>
                {(scores.data?.items ?? []).map((option) => (
                  <option key={option.id} value={option.id}>
                    {t('responses.scoreOption', {
                      total: formatDecimalString(option.total, language),
                      round: option.roundCode,
                    })}
                  </option>
                ))}
              </select>
              {scores.data && scores.data.items.length === 0 && <p className="hint">{t('responses.noScores')}</p>}
              {problem('scoreId') && (
                <p id={`${idOf('scoreId')}-error`} className="field-error">
                  {problem('scoreId')}
                </p>
              )}
            </div>
          )}
        </>
      )}

      {mode !== 'receive' && (
        <JalaliDateInput
          id={idOf('requestedOn')}
          label={t('responses.requestedOn')}
          value={requestedOn.value}
          onChange={(value, change) => setRequestedOn({ value, invalid: change.invalid })}
          hint={t('date.format')}
          error={problem('requestedOn')}
          max={todayInTehran()}
          required={mode === 'request'}
        />
      )}

      {hasBody && (
        <>
          <JalaliDateInput
            id={idOf('receivedOn')}
            label={t('responses.receivedOn')}
            value={receivedOn.value}
            onChange={(value, change) => setReceivedOn({ value, invalid: change.invalid })}
            hint={t('date.format')}
            error={problem('receivedOn')}
            min={requestedOn.value}
            max={todayInTehran()}
            required
          />
          <TextField
            id={idOf('bodyFa')}
            label={t('responses.bodyFa')}
            value={bodyFa}
            onChange={setBodyFa}
            hint={t('responses.bodyFaHint')}
            error={problem('bodyFa')}
            lang="fa"
            dir="rtl"
            rows={8}
            required
          />
          <TextField
            id={idOf('bodyEn')}
            label={t('responses.bodyEn')}
            value={bodyEn}
            onChange={setBodyEn}
            error={problem('bodyEn')}
            lang="en"
            dir="ltr"
            rows={4}
          />
          <TextField
            id={idOf('documentUrl')}
            label={t('responses.documentUrl')}
            value={documentUrl}
            onChange={setDocumentUrl}
            hint={t('responses.documentUrlHint')}
            error={problem('documentUrl')}
            dir="ltr"
            inputMode="url"
          />
        </>
      )}

      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('form.saving') : mode === 'request' ? t('responses.saveRequest') : t('responses.saveResponse')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
