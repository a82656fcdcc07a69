import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { Pagination } from '../../../components/Pagination';
import { SearchBox } from '../../../components/SearchBox';
import type { Bilingual } from '../../../lib/bilingual';
import { localizedName } from '../../../lib/localizedName';
import { formatInteger } from '../../../lib/numbers';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useLanguage } from '../../../lib/useLanguage';
import { useAgency, type AgencyDetail } from '../../agencies';
import { FormPanel } from '../../../components/FormPanel';
import { useInventory, type InventoryService } from '../api/getInventory';
import '../catalogue.css';
import { useInventoryParams } from '../hooks/useInventoryParams';
import { AddServiceForm } from './AddServiceForm';
import { InventoryTable } from './InventoryTable';
import { WithdrawServiceForm } from './WithdrawServiceForm';

/** An agency's inventory of identified services (admin): what is in it, what left it and why, and the forms. */
export function ServiceInventoryPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const agency = useAgency(id);
  const name = agency.data ? localizedName(agency.data, language).text : null;
  usePageTitle(name ? t('catalogue.titleFor', { name }) : t('catalogue.serviceInventoryPageTitle'));

  return (
    <>
      <p className="back-link">
        <Link to={`/agencies/${encodeURIComponent(id)}`}>{t('catalogue.backToAgency')}</Link>
      </p>
      {agency.isPending ? (
        <>
          <h1>{t('catalogue.serviceInventoryPageTitle')}</h1>
          <LoadingMessage />
        </>
      ) : agency.isError ? (
        <>
          <h1>{t('catalogue.serviceInventoryPageTitle')}</h1>
          <ErrorMessage error={agency.error} onRetry={() => void agency.refetch()} />
        </>
      ) : (
        <Inventory agency={agency.data} />
      )}
    </>
  );
}

function Inventory({ agency }: { agency: AgencyDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const servicesHeadingId = useId();
  const { search, page, pageSize, showWithdrawn, setSearch, setShowWithdrawn, linkToPage } = useInventoryParams();
  const services = useInventory(agency.id, { page, pageSize, ...(search ? { search } : {}) });
  const [notice, setNotice] = useState<Bilingual | null>(null);
  const [adding, setAdding] = useState(false);
  const [withdrawingId, setWithdrawingId] = useState<string | null>(null);
  // The button that opened a form, which takes the focus back when it closes.
  const openerRef = useRef<HTMLButtonElement | null>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);

  const withdrawing = services.data?.items.find((service) => service.id === withdrawingId && !service.withdrawnOn);

  const closeAdd = () => {
    setAdding(false);
    addButtonRef.current?.focus();
  };

  const closeWithdraw = () => {
    setWithdrawingId(null);
    openerRef.current?.focus();
  };

  const handleToggleWithdraw = (service: InventoryService, opener: HTMLButtonElement) => {
    openerRef.current = opener;
    setWithdrawingId((current) => (current === service.id ? null : service.id));
  };

  const renderServices = () => {
    if (services.isPending) return <LoadingMessage />;
    if (services.isError) return <ErrorMessage error={services.error} onRetry={() => void services.refetch()} />;
    const { items, total } = services.data;
    const shown = showWithdrawn ? items : items.filter((service) => !service.withdrawnOn);
    const hidden = items.length - shown.length;
    const pageCount = Math.max(1, Math.ceil(total / services.data.pageSize));
    return (
      <>
        <p className="result-count" role="status">
          {items.length === 0
            ? search
              ? t('catalogue.emptyForSearch', { search })
              : t('catalogue.empty')
            : t('catalogue.total', { count: total, formattedCount: formatInteger(total, language) })}
          {hidden > 0 && (
            <> {t('catalogue.hiddenWithdrawn', { count: hidden, formattedCount: formatInteger(hidden, language) })}</>
          )}
        </p>
        {items.length > 0 && shown.length === 0 && <p className="muted">{t('catalogue.allWithdrawnHidden')}</p>}
        {shown.length > 0 && (
          <InventoryTable
            services={shown}
            isStale={services.isPlaceholderData}
            withdrawingId={withdrawing?.id ?? null}
            onToggleWithdraw={handleToggleWithdraw}
          />
        )}
        {withdrawing && (
          <FormPanel
            title={t('catalogue.withdrawTitle', { name: localizedName(withdrawing, language).text })}
            level={3}
          >
            {(headingId) => (
              <WithdrawServiceForm
                key={withdrawing.id}
                service={withdrawing}
                headingId={headingId}
                onDone={(message) => {
                  setNotice(message);
                  closeWithdraw();
                }}
                onCancel={closeWithdraw}
                onReload={() => services.refetch()}
              />
            )}
          </FormPanel>
        )}
        {(items.length > 0 || page > 1) && <Pagination page={page} pageCount={pageCount} linkToPage={linkToPage} />}
      </>
    );
  };

  return (
    <>
      <h1>{t('catalogue.titleFor', { name: localizedName(agency, language).text })}</h1>
      <p className="catalogue-note">
        {t('catalogue.baselineNote')} <Link to="/cycles">{t('catalogue.cyclesLink')}</Link>
      </p>
      <div role="status" className="catalogue-notice">
        {notice && <p className="state-message state-message--success">{notice[language]}</p>}
      </div>
      <p>
        <button
          ref={addButtonRef}
          type="button"
          className="button"
          aria-expanded={adding}
          onClick={() => setAdding((was) => !was)}
        >
          {t('catalogue.addService')}
        </button>
      </p>
      {adding && (
        <FormPanel title={t('catalogue.addServiceTitle')} level={2}>
          {(headingId) => (
            <AddServiceForm
              agency={agency}
              headingId={headingId}
              onDone={(message) => {
                setNotice(message);
                closeAdd();
              }}
              onCancel={closeAdd}
            />
          )}
        </FormPanel>
      )}
      <section aria-labelledby={servicesHeadingId}>
        <h2 id={servicesHeadingId}>{t('catalogue.services')}</h2>
        <div className="filters">
          <SearchBox
            label={t('catalogue.searchLabel')}
            hint={t('catalogue.searchHint')}
            value={search}
            onSearchChange={setSearch}
          />
          <div className="choice catalogue-filter">
            <input
              id={`${servicesHeadingId}-withdrawn`}
              type="checkbox"
              checked={showWithdrawn}
              onChange={(event) => setShowWithdrawn(event.target.checked)}
            />
            <label htmlFor={`${servicesHeadingId}-withdrawn`}>{t('catalogue.showWithdrawn')}</label>
          </div>
        </div>
        {renderServices()}
      </section>
    </>
  );
}
