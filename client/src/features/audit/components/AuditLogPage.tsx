import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { JalaliDateInput } from '../../../components/JalaliDateInput';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { Pagination } from '../../../components/Pagination';
import { TableScroll } from '../../../components/TableScroll';
import { formatTehranDateTime } from '../../../lib/dates';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { auditActionValues, auditEntityTypeValues } from '../../../api/schema';
import { useAudit, type AuditRecord } from '../api/getAudit';
import { useAuditFilters, type AuditFilters } from '../hooks/useAuditFilters';
import { AuditDiff } from './AuditDiff';

/** The audit trail (admin, cabinet): who changed what and when, with the values before and after. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [searchParams] = useSearchParams();
  const { filters, page, query, setFilters, linkToPage } = useAuditFilters();
  const audit = useAudit(query);

  let content;
  if (audit.isPending) {
    content = <LoadingMessage />;
  } else if (audit.isError) {
    content = <ErrorMessage error={audit.error} onRetry={() => void audit.refetch()} />;
  } else {
    const { items, total, pageSize } = audit.data;
    content = (
      <>
        <p className="result-count" role="status">
          {t('audit.total', { count: total, formattedCount: formatInteger(total, language) })}
        </p>
        {items.length > 0 && (
          <AuditTable
            items={items}
            isStale={audit.isPlaceholderData}
            onActorFilter={(actorId) => setFilters({ actor: actorId })}
          />
        )}
        {(items.length > 0 || page > 1) && (
          <Pagination page={page} pageCount={Math.max(1, Math.ceil(total / pageSize))} linkToPage={linkToPage} />
        )}
      </>
    );
  }

  const actorName = audit.data?.items.find((item) => item.actorId === filters.actor)?.actorUsername ?? filters.actor;

  return (
    <>
      <h1>{t('audit.title')}</h1>
      {/* Remounted when the URL changes from outside (back button, a shared link), so the fields follow it. */}
      <AuditFiltersForm key={searchParams.toString()} filters={filters} onApply={setFilters} />
      {filters.actor && (
        <p className="filter-chip">
          {t('audit.actorFilter', { actor: actorName })}{' '}
          <button type="button" className="button" onClick={() => setFilters({ actor: '' })}>
            {t('audit.clearActor')}
          </button>
        </p>
      )}
      {content}
    </>
  );
}

interface AuditFiltersFormProps {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

function AuditFiltersForm({ filters, onApply }: AuditFiltersFormProps) {
  const { t } = useTranslation();
  const baseId = useId();
  const [draft, setDraft] = useState(filters);
  const [invalidDates, setInvalidDates] = useState({ from: false, to: false });

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (invalidDates.from || invalidDates.to) return;
    onApply(draft);
  };

  return (
    <form className="filters" onSubmit={handleSubmit} aria-label={t('audit.filters')}>
      <div className="form-field">
        <label htmlFor={`${baseId}-entity`}>{t('audit.entityType')}</label>
        <select
          id={`${baseId}-entity`}
          dir="ltr"
          value={draft.entityType}
          onChange={(event) => setDraft({ ...draft, entityType: event.target.value as AuditFilters['entityType'] })}
        >
          <option value="">{t('audit.any')}</option>
          {auditEntityTypeValues.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={`${baseId}-action`}>{t('audit.action')}</label>
        <select
          id={`${baseId}-action`}
          dir="ltr"
          value={draft.action}
          onChange={(event) => setDraft({ ...draft, action: event.target.value as AuditFilters['action'] })}
        >
          <option value="">{t('audit.any')}</option>
          {auditActionValues.map((action) => (
            <option key={action} value={action}>
              {action}
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
        onChange={(iso, change) => {
          setDraft((current) => ({ ...current, to: iso }));
          setInvalidDates((current) => ({ ...current, to: change.invalid }));
        }}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          {t('audit.apply')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => onApply({ entityType: '', action: '', actor: '', from: null, to: null })}
        >
          {t('audit.clear')}
        </button>
      </div>
    </form>
  );
}

interface AuditTableProps {
  items: AuditRecord[];
  isStale: boolean;
  onActorFilter: (actorId: string) => void;
}

function AuditTable({ items, isStale, onActorFilter }: AuditTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <TableScroll label={t('audit.caption')} busy={isStale}>
      <table className={isStale ? 'data-table data-table--stale' : 'data-table'}>
        <caption>{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.time')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.entity')}</th>
            <th scope="col">{t('audit.reason')}</th>
            <th scope="col">{t('audit.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const when = formatTehranDateTime(item.occurredAt, language);
            const actor = item.actorUsername ?? t('audit.system');
            return (
              <tr key={item.id}>
                <td>
                  <time dateTime={item.occurredAt}>
                    <span className="nowrap">{when.date}</span> <span className="nowrap">{when.time}</span>
                  </time>
                </td>
                <td>
                  <bdi>{actor}</bdi>
                  {item.actorId && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => onActorFilter(item.actorId!)}
                        aria-label={t('audit.onlyActor', { actor })}
                      >
                        {t('audit.filterShort')}
                      </button>
                    </>
                  )}
                </td>
                <td>
                  <code>{item.action}</code>
                </td>
                <td>
                  <code>{item.entityType}</code> <bdi className="muted entity-id">{item.entityId}</bdi>
                </td>
                <td>{item.reason ?? ''}</td>
                <td>
                  <AuditDiff before={item.before} after={item.after} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
