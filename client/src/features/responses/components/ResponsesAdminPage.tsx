import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { FormPanel } from '../../../components/FormPanel';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { Pagination } from '../../../components/Pagination';
import { ApiError } from '../../../api/http';
import { inBothLanguages, type Bilingual } from '../../../lib/bilingual';
import { localizedName } from '../../../lib/localizedName';
import { formatInteger } from '../../../lib/numbers';
import { positiveIntegerParam } from '../../../lib/searchParams';
import { useLanguage } from '../../../lib/useLanguage';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useResponses } from '../api/getResponses';
import { usePublishResponse } from '../api/publishResponse';
import { useAgencyOptions } from '../api/subjectOptions';
import { useWithdrawResponse } from '../api/withdrawResponse';
import '../responses.css';
import type { AgencyResponse, ResponseStatus } from '../types';
import { ResponseForm, type ResponseFormMode } from './ResponseForm';
import { ResponseItem } from './ResponseItem';

const STATUSES: readonly ResponseStatus[] = ['requested', 'draft', 'published'];
const PAGE_SIZE = 20;

const isStatus = (value: string | null): value is ResponseStatus =>
  value !== null && (STATUSES as readonly string[]).includes(value);

/**
 * The right of reply, for admins (`/responses`): every request and reply in every state, filtered by status and
 * agency (kept in the address), with forms to record a request, enter the reply received, edit a draft, publish it,
 * or withdraw a request made in error. Each outcome is announced in the status line at the top.
 */
export function ResponsesAdminPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('responses.pageTitle'));
  const statusId = useId();
  const agencyFilterId = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const status = isStatus(searchParams.get('status')) ? (searchParams.get('status') as ResponseStatus) : undefined;
  const agencyId = searchParams.get('agencyId') ?? undefined;
  const page = positiveIntegerParam(searchParams.get('page')) ?? 1;
  const responses = useResponses({ status, agencyId, page, pageSize: PAGE_SIZE });
  const agencies = useAgencyOptions();
  const [notice, setNotice] = useState<Bilingual | null>(null);
  const [adding, setAdding] = useState<'request' | 'record' | null>(null);

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setSearchParams(next);
  };

  const handleDone = (message: Bilingual) => {
    setNotice(message);
    setAdding(null);
  };

  return (
    <div className="responses-admin">
      <h1>{t('responses.pageTitle')}</h1>
      <p>{t('responses.pageIntro')}</p>
      <div role="status">{notice && <p className="state-message state-message--success">{notice[language]}</p>}</div>

      <p className="form-actions">
        <button
          type="button"
          className="button"
          aria-expanded={adding === 'request'}
          onClick={() => setAdding((was) => (was === 'request' ? null : 'request'))}
        >
          {t('responses.newRequest')}
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={adding === 'record'}
          onClick={() => setAdding((was) => (was === 'record' ? null : 'record'))}
        >
          {t('responses.newResponse')}
        </button>
      </p>
      {adding && (
        <FormPanel
          key={adding}
          title={adding === 'request' ? t('responses.newRequestTitle') : t('responses.newResponseTitle')}
          level={2}
        >
          {(headingId) => (
            <ResponseForm
              mode={adding}
              headingId={headingId}
              onDone={handleDone}
              onCancel={() => setAdding(null)}
              onReload={() => responses.refetch()}
            />
          )}
        </FormPanel>
      )}

      <div className="toolbar responses-admin__filters">
        <div className="form-field">
          <label htmlFor={statusId}>{t('responses.filterStatus')}</label>
          <select id={statusId} value={status ?? ''} onChange={(event) => setFilter('status', event.target.value)}>
            <option value="">{t('responses.allStatuses')}</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`responses.statuses.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={agencyFilterId}>{t('responses.filterAgency')}</label>
          <select
            id={agencyFilterId}
            value={agencyId ?? ''}
            onChange={(event) => setFilter('agencyId', event.target.value)}
          >
            <option value="">{t('responses.allAgencies')}</option>
            {(agencies.data?.items ?? []).map((option) => (
              <option key={option.id} value={option.id}>
                {localizedName(option, language).text}
              </option>
            ))}
          </select>
        </div>
      </div>

      {responses.isPending ? (
        <LoadingMessage />
      ) : responses.isError ? (
        <ErrorMessage error={responses.error} onRetry={() => void responses.refetch()} />
      ) : responses.data.items.length === 0 ? (
        <p className="state-message">{t('responses.empty')}</p>
      ) : (
        <>
          <p className="result-count">
            {t('responses.count', {
              count: responses.data.total,
              formattedCount: formatInteger(responses.data.total, language),
            })}
          </p>
          <ul className="responses-list">
            {responses.data.items.map((item) => (
              <li key={item.id}>
                <AdminResponseItem item={item} onDone={setNotice} onReload={() => responses.refetch()} />
              </li>
            ))}
          </ul>
          <Pagination
            page={responses.data.page}
            pageCount={Math.max(1, Math.ceil(responses.data.total / responses.data.pageSize))}
            linkToPage={(to) => {
              const next = new URLSearchParams(searchParams);
              next.set('page', String(to));
              return `?${next.toString()}`;
            }}
          />
        </>
      )}
    </div>
  );
}

interface AdminResponseItemProps {
  item: AgencyResponse;
  onDone: (message: Bilingual) => void;
  onReload: () => Promise<unknown>;
}

/** One request or reply with its state in words, who recorded it, and the actions its state allows. */
function AdminResponseItem({ item, onDone, onReload }: AdminResponseItemProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [editing, setEditing] = useState<ResponseFormMode | null>(null);
  const [confirming, setConfirming] = useState<'publish' | 'withdraw' | null>(null);
  const [failure, setFailure] = useState<Bilingual | null>(null);
  const publish = usePublishResponse();
  const withdraw = useWithdrawResponse();
  const agencyName = localizedName(item.agency, language).text;
  const both = (key: 'responses.published' | 'responses.withdrawn' | 'responses.actionFailed') =>
    inBothLanguages((lng) => t(key, { lng, agency: localizedName(item.agency, lng).text }));
  const failed = (error: unknown) =>
    setFailure(error instanceof ApiError && error.serverMessage ? error.serverMessage : both('responses.actionFailed'));

  const handleConfirm = () => {
    setFailure(null);
    if (confirming === 'publish') {
      publish.mutate(
        { id: item.id, version: item.version },
        { onSuccess: () => onDone(both('responses.published')), onError: failed },
      );
    } else if (confirming === 'withdraw') {
      withdraw.mutate(
        { id: item.id, version: item.version },
        { onSuccess: () => onDone(both('responses.withdrawn')), onError: failed },
      );
    }
    setConfirming(null);
  };

  // The staff view shows a draft's text too: the public item component is given it as if published.
  const shown = { ...item, status: item.status === 'requested' ? ('requested' as const) : ('published' as const) };

  return (
    <div className="card">
      <p className="responses-admin__status">
        {agencyName} — {t(`responses.statuses.${item.status}`)}
      </p>
      <ResponseItem response={shown} level={3} />
      <p className="muted">
        {item.createdBy && t('responses.recordedBy', { name: item.createdBy.displayName })}
        {item.publishedBy && <> · {t('responses.publishedBy', { name: item.publishedBy.displayName })}</>}
      </p>
      {failure && (
        <p className="state-message state-message--error" role="alert">
          {failure[language]}
        </p>
      )}
      {item.status !== 'published' && !editing && (
        <div className="responses-admin__item-actions">
          {confirming ? (
            <div className="responses-admin__confirm" role="group" aria-label={t('responses.actions')}>
              <span>
                {confirming === 'publish'
                  ? t('responses.confirmPublish', { agency: agencyName })
                  : t('responses.confirmWithdraw')}
              </span>
              <button type="button" className="button button--primary button--small" onClick={handleConfirm}>
                {confirming === 'publish'
                  ? t('responses.publish')
                  : item.status === 'requested'
                    ? t('responses.withdraw')
                    : t('responses.deleteDraft')}
              </button>
              <button type="button" className="button button--small" onClick={() => setConfirming(null)}>
                {t('form.cancel')}
              </button>
            </div>
          ) : item.status === 'requested' ? (
            <>
              <button type="button" className="button button--small" onClick={() => setEditing('receive')}>
                {t('responses.receive')}
              </button>
              <button type="button" className="button button--small" onClick={() => setConfirming('withdraw')}>
                {t('responses.withdraw')}
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button button--small" onClick={() => setEditing('edit')}>
                {t('responses.edit')}
              </button>
              <button
                type="button"
                className="button button--primary button--small"
                onClick={() => setConfirming('publish')}
              >
                {t('responses.publish')}
              </button>
              <button type="button" className="button button--small" onClick={() => setConfirming('withdraw')}>
                {t('responses.deleteDraft')}
              </button>
            </>
          )}
        </div>
      )}
      {editing && (
        <FormPanel
          title={
            editing === 'receive'
              ? t('responses.receiveTitle', { agency: agencyName })
              : t('responses.editTitle', { agency: agencyName })
          }
          level={3}
        >
          {(headingId) => (
            <ResponseForm
              mode={editing}
              response={item}
              headingId={headingId}
              onDone={(message) => {
                setEditing(null);
                onDone(message);
              }}
              onCancel={() => setEditing(null)}
              onReload={onReload}
            />
          )}
        </FormPanel>
      )}
    </div>
  );
}
