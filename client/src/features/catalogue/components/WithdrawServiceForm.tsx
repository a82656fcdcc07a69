import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/http';
import { ConflictNotice } from '../../../components/ConflictNotice';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { JalaliDateInput } from '../../../components/JalaliDateInput';
import { inBothLanguages, type Bilingual } from '../../../lib/bilingual';
import { formatJalaliDate, todayInTehran } from '../../../lib/dates';
import type { Language } from '../../../lib/language';
import { localizedName } from '../../../lib/localizedName';
import { useLanguage } from '../../../lib/useLanguage';
import { TextField } from '../../../components/TextField';
import { useFormProblems, type Problems } from '../../../lib/useFormProblems';
import type { InventoryService } from '../api/getInventory';
import { useWithdrawService } from '../api/withdrawService';

type Field = 'withdrawnOn' | 'reason' | 'confirmed';
const FIELDS: readonly Field[] = ['withdrawnOn', 'reason', 'confirmed'];
const REASON_MIN = 3;
const REASON_MAX = 1000;

interface WithdrawServiceFormProps {
  /** The service as last read: its `version` goes with the write. */
  service: InventoryService;
  /** The heading's id, which names the form. */
  headingId: string;
  onDone: (message: Bilingual) => void;
  onCancel: () => void;
  /** Reads the inventory again (after a conflict). */
  onReload: () => Promise<unknown>;
}

/**
 * Takes a service out of the agency's inventory, with the day and the reason; it asks for a confirmation first,
 * since a withdrawal cannot be undone.
 */
export function WithdrawServiceForm({ service, headingId, onDone, onCancel, onReload }: WithdrawServiceFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const baseId = useId();
  const idOf = (field: Field) => `${baseId}-${field}`;
  const withdraw = useWithdrawService();
  const name = localizedName(service, language).text;

  const [withdrawnOn, setWithdrawnOn] = useState<string | null>(null);
  const [withdrawnOnInvalid, setWithdrawnOnInvalid] = useState(false);
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);

  const { problems, summary, summaryRef, conflict, reloading, check, handleSaveError, handleSaved, handleReload } =
    useFormProblems<Field>({
      fields: FIELDS,
      idOf,
      fieldOfServer: (path) => (path === 'withdrawnOn' || path === 'reason' ? path : null),
      onReload,
    });
  const problem = (field: Field) => problems[field]?.[language] ?? null;
  const both = (message: (lng: Language) => string) => inBothLanguages(message);

  const findProblems = (): Problems<Field> => {
    const found: Problems<Field> = {};
    if (withdrawnOnInvalid) found.withdrawnOn = both((lng) => t('date.invalid', { lng }));
    else if (!withdrawnOn) found.withdrawnOn = both((lng) => t('catalogue.errors.withdrawnOnRequired', { lng }));
    else if (withdrawnOn < service.identifiedOn) {
      found.withdrawnOn = both((lng) => t('catalogue.errors.withdrawnBeforeIdentified', { lng }));
    } else if (withdrawnOn > todayInTehran()) {
      found.withdrawnOn = both((lng) => t('catalogue.errors.dayInFuture', { lng }));
    }
    const typed = reason.trim();
    if (typed === '') found.reason = both((lng) => t('catalogue.errors.reasonRequired', { lng }));
    else if (typed.length < REASON_MIN) {
      found.reason = both((lng) => t('catalogue.errors.reasonTooShort', { lng, min: REASON_MIN }));
    } else if (typed.length > REASON_MAX) {
      found.reason = both((lng) => t('catalogue.errors.tooLong', { lng, max: REASON_MAX }));
    }
    if (!confirmed) found.confirmed = both((lng) => t('catalogue.errors.confirmRequired', { lng }));
    return found;
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!check(findProblems()) || !withdrawnOn) return;
    withdraw.mutate(
      { id: service.id, input: { version: service.version, withdrawnOn, reason: reason.trim() } },
      {
        onSuccess: (saved) => {
          handleSaved();
          onDone(both((lng) => t('catalogue.withdrawnNotice', { lng, name: localizedName(saved, lng).text })));
        },
        onError: (error) => {
          handleSaveError(error);
          // Someone withdrew it first: the list shows that once read again.
          if (error instanceof ApiError && error.code === 'SERVICE_ALREADY_WITHDRAWN') void onReload();
        },
      },
    );
  };

  const confirmId = idOf('confirmed');

  return (
    <form className="form in-place-form" aria-labelledby={headingId} onSubmit={handleSubmit} noValidate>
      <p className="hint">{t('form.requiredNote')}</p>
      {conflict && (
        <ConflictNotice
          error={conflict}
          onReload={() => void handleReload()}
          reloading={reloading}
          fields={[
            { key: 'withdrawnOn', label: t('catalogue.withdrawnOnLabel') },
            { key: 'withdrawalReason', label: t('catalogue.reasonLabel') },
            { key: 'version', label: t('catalogue.version') },
          ]}
        />
      )}
      {summary && <ErrorSummary ref={summaryRef} message={summary.message} problems={summary.problems} />}
      <JalaliDateInput
        id={idOf('withdrawnOn')}
        label={t('catalogue.withdrawnOnLabel')}
        value={withdrawnOn}
        onChange={(value, change) => {
          setWithdrawnOn(value);
          setWithdrawnOnInvalid(change.invalid);
        }}
        hint={t('catalogue.withdrawnOnHint', { identifiedOn: formatJalaliDate(service.identifiedOn, language) })}
        error={problem('withdrawnOn')}
        required
      />
      <TextField
        id={idOf('reason')}
        label={t('catalogue.reasonLabel')}
        value={reason}
        onChange={setReason}
        hint={t('catalogue.reasonHint')}
        error={problem('reason')}
        rows={2}
        required
      />
      <div className="form-field">
        <div className="choice catalogue-confirm">
          <input
            id={confirmId}
            type="checkbox"
            checked={confirmed}
            required
            aria-invalid={problem('confirmed') ? true : undefined}
            aria-describedby={problem('confirmed') ? `${confirmId}-error` : undefined}
            onChange={(event) => setConfirmed(event.target.checked)}
          />
          <label htmlFor={confirmId}>{t('catalogue.confirm', { name })}</label>
        </div>
        {problem('confirmed') && (
          <p id={`${confirmId}-error`} className="field-error">
            {problem('confirmed')}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={withdraw.isPending}>
          {withdraw.isPending ? t('form.saving') : t('catalogue.confirmWithdrawal')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
