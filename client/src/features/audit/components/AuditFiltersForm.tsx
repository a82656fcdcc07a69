import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActionValues, auditEntityTypeValues } from '../../../api/schema';
import { JalaliDateInput } from '../../../components/JalaliDateInput';
import { isReversedRange, NO_FILTERS, type AuditFilters } from '../hooks/useAuditFilters';

interface AuditFiltersFormProps {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

/**
 * The audit log's filters, applied together: what the record concerns and what was done (in words; the lists are
 * the server's own vocabulary), a range of Tehran days, and whether sign-ins are shown. A day that does not exist
 * or a range that ends before it starts is refused here, with the reason under the field.
 */
export function AuditFiltersForm({ filters, onApply }: AuditFiltersFormProps) {
  const { t } = useTranslation();
  const baseId = useId();
  const [draft, setDraft] = useState(filters);
  const [invalidDates, setInvalidDates] = useState({ from: false, to: false });
  const reversed = isReversedRange(draft.from, draft.to);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (invalidDates.from || invalidDates.to) return;
    if (reversed) {
      document.getElementById(`${baseId}-to`)?.focus();
      return;
    }
    onApply(draft);
  };

  return (
    <form className="filters audit-filters" onSubmit={handleSubmit} aria-label={t('audit.filters')} noValidate>
      <div className="form-field">
        <label htmlFor={`${baseId}-entity`}>{t('audit.entityType')}</label>
        <select
          id={`${baseId}-entity`}
          value={draft.entityType}
          onChange={(event) => setDraft({ ...draft, entityType: event.target.value as AuditFilters['entityType'] })}
        >
          <option value="">{t('audit.any')}</option>
          {auditEntityTypeValues.map((type) => (
            <option key={type} value={type}>
              {t(`audit.entityTypes.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={`${baseId}-action`}>{t('audit.action')}</label>
        <select
          id={`${baseId}-action`}
          value={draft.action}
          onChange={(event) => setDraft({ ...draft, action: event.target.value as AuditFilters['action'] })}
        >
          <option value="">{t('audit.any')}</option>
          {auditActionValues.map((action) => (
            <option key={action} value={action}>
              {t(`audit.actions.${action}`)}
            </option>
          ))}
        </select>
      </div>
      <JalaliDateInput
        id={`${baseId}-from`}
        label={t('audit.from')}
        value={draft.from}
        onChange={(iso, change) => {
          setDraft((current) => ({ ...current, from: iso }));
          setInvalidDates((current) => ({ ...current, from: change.invalid }));
        }}
      />
      <JalaliDateInput
        id={`${baseId}-to`}
        label={t('audit.to')}
        value={draft.to}
        error={reversed ? t('audit.rangeReversed') : null}
        onChange={(iso, change) => {
          setDraft((current) => ({ ...current, to: iso }));
          setInvalidDates((current) => ({ ...current, to: change.invalid }));
        }}
      />
      <label className="choice audit-filters__sign-ins">
        <input
          type="checkbox"
          checked={draft.signIns}
          onChange={(event) => setDraft({ ...draft, signIns: event.target.checked })}
        />{' '}
        {t('audit.showSignIns')}
      </label>
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          {t('audit.apply')}
        </button>
        <button type="button" className="button" onClick={() => onApply(NO_FILTERS)}>
          {t('audit.clear')}
        </button>
      </div>
    </form>
  );
}
