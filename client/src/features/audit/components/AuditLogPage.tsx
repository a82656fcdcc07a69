import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { Pagination } from '../../../components/Pagination';
import { formatInteger } from '../../../lib/numbers';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useLanguage } from '../../../lib/useLanguage';
import { useAudit, type AuditRecord } from '../api/getAudit';
import { hidesSignIns, isReversedRange, useAuditFilters } from '../hooks/useAuditFilters';
import { AuditChanges } from './AuditChanges';
import { AuditEntity } from './AuditEntity';
import { AuditFiltersForm } from './AuditFiltersForm';
import { AuditTime } from './AuditTime';
import '../audit.css';

/** The audit trail (admin, cabinet): who changed what and when, in words, with the values before and after. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('audit.title'));
  const [searchParams] = useSearchParams();
  const { filters, page, query, setFilters, linkToPage } = useAuditFilters();
  // A reversed range (from a shared or hand-edited address) can hold nothing: it is not asked for, but explained.
  const reversed = isReversedRange(filters.from, filters.to);
  const audit = useAudit(query, { enabled: !reversed });

  let content;
  if (reversed) {
    content = (
      <p className="state-message state-message--error" role="alert">
        <span aria-hidden="true">⚠ </span>
        {t('audit.rangeReversedInAddress')}
      </p>
    );
  } else if (audit.isPending) {
    content = <LoadingMessage />;
  } else if (audit.isError) {
    content = <ErrorMessage error={audit.error} onRetry={() => void audit.refetch()} />;
  } else {
    const { items, total, pageSize } = audit.data;
    // Sign-ins and sign-outs are left out by the server (`signIns=exclude`) unless asked for.
    const hidden = hidesSignIns(filters);
    content = (
      <>
        <p className="result-count" role="status">
          {total === 0
            ? t('audit.empty')
            : t('audit.total', { count: total, formattedCount: formatInteger(total, language) })}
        </p>
        {hidden && (
          <p className="audit-hidden-note">
            {t('audit.signInsHidden')}{' '}
            <button type="button" className="button button--small" onClick={() => setFilters({ signIns: true })}>
              {t('audit.showThem')}
            </button>
          </p>
        )}
        {items.length > 0 && (
          <AuditList
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
      <p className="hint">{t('audit.intro')}</p>
      {/* Remounted when the URL changes from outside (back button, a shared link), so the fields follow it. */}
      <AuditFiltersForm key={searchParams.toString()} filters={filters} onApply={setFilters} />
      {filters.actor && (
        <p className="filter-chip">
          {t('audit.actorFilter', { actor: actorName })}{' '}
          <button type="button" className="button button--small" onClick={() => setFilters({ actor: '' })}>
            {t('audit.clearActor')}
          </button>
        </p>
      )}
      {content}
    </>
  );
}

interface AuditListProps {
  items: AuditRecord[];
  isStale: boolean;
  onActorFilter: (actorId: string) => void;
}

/** The records, newest first, each a card that reads as a sentence: when, who, what was done, to what, why. */
function AuditList({ items, isStale, onActorFilter }: AuditListProps) {
  const { t } = useTranslation();
  return (
    <ol
      className={isStale ? 'audit-list audit-list--stale' : 'audit-list'}
      aria-label={t('audit.caption')}
      aria-busy={isStale || undefined}
    >
      {items.map((item) => (
        <li key={item.id} className="audit-entry">
          <AuditEntry item={item} onActorFilter={onActorFilter} />
        </li>
      ))}
    </ol>
  );
}

function AuditEntry({ item, onActorFilter }: { item: AuditRecord; onActorFilter: (actorId: string) => void }) {
  const { t } = useTranslation();
  const actor = item.actorUsername ?? t('audit.system');
  return (
    <>
      <p className="audit-entry__head">
        <AuditTime instant={item.occurredAt} />
        <span className="audit-entry__actor">
          <span className="visually-hidden">{t('audit.actor')}: </span>
          <bdi>{actor}</bdi>
          {item.actorId && (
            <button
              type="button"
              className="button button--small"
              onClick={() => onActorFilter(item.actorId!)}
              aria-label={t('audit.onlyActor', { actor })}
            >
              {t('audit.filterShort')}
            </button>
          )}
        </span>
      </p>
      <p className="audit-entry__what">
        <strong className="audit-entry__action">{t(`audit.actions.${item.action}`)}</strong>
        <span aria-hidden="true"> — </span>
        <AuditEntity item={item} />
      </p>
      {item.reason && (
        <p className="audit-entry__reason">
          <span className="muted">{t('audit.reason')}</span> {item.reason}
        </p>
      )}
      <AuditChanges item={item} />
    </>
  );
}
