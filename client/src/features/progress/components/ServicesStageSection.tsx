import { Fragment, useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams, type To } from 'react-router-dom';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { JalaliDate } from '../../../components/JalaliDate';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { LocalizedName } from '../../../components/LocalizedName';
import { Pagination } from '../../../components/Pagination';
import { SearchBox } from '../../../components/SearchBox';
import { localizedName } from '../../../lib/localizedName';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { useAgencyServices } from '../api/getAgencyServices';
import type { ServiceStage } from '../types/progress';
import { StageUpdateForm } from './StageUpdateForm';

const STAGES: readonly ServiceStage[] = ['not_electronic', 'electronic', 'single_window', 'national_window'];
const PAGE_SIZE = 25;
const COLUMN_COUNT = 7;

function isStage(value: string | null): value is ServiceStage {
  return value !== null && (STAGES as readonly string[]).includes(value);
}

/** The agency's services with their stage dates; each row can record a newly reached stage. Filters live in the URL. */
export function ServicesStageSection({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const stageSelectId = useId();
  const { pathname } = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  const stageParam = searchParams.get('stage');
  const stage = isStage(stageParam) ? stageParam : undefined;
  const search = searchParams.get('search')?.trim() ?? '';
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const services = useAgencyServices(agencyId, { stage, search: search || undefined, page, pageSize: PAGE_SIZE });
  const [editingId, setEditingId] = useState<string | null>(null);

  const setParam = (key: string, value: string) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        next.delete('page');
        return next;
      },
      { replace: true },
    );

  const linkToPage = useCallback(
    (target: number): To => {
      const params = new URLSearchParams(searchParams);
      if (target <= 1) params.delete('page');
      else params.set('page', String(target));
      const query = params.toString();
      return { pathname, search: query ? `?${query}` : '' };
    },
    [searchParams, pathname],
  );

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('progress.servicesTitle')}</h2>
      <div className="filters">
        <SearchBox
          label={t('progress.searchServices')}
          value={search}
          onSearchChange={(value) => setParam('search', value)}
        />
        <div className="form-field">
          <label htmlFor={stageSelectId}>{t('agency.stage')}</label>
          <select id={stageSelectId} value={stage ?? ''} onChange={(event) => setParam('stage', event.target.value)}>
            <option value="">{t('progress.allStages')}</option>
            {STAGES.map((option) => (
              <option key={option} value={option}>
                {t(`stage.${option}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {services.isPending ? (
        <LoadingMessage />
      ) : services.isError ? (
        <ErrorMessage error={services.error} onRetry={() => void services.refetch()} />
      ) : services.data.items.length === 0 ? (
        <p className="muted">{t('progress.noServices')}</p>
      ) : (
        <>
          <p className="result-count" role="status">
            {t('progress.serviceCount', {
              count: services.data.total,
              formattedCount: formatInteger(services.data.total, language),
            })}
          </p>
          <div className="table-scroll" aria-busy={services.isPlaceholderData}>
            <table className="data-table">
              <caption className="visually-hidden">{t('progress.servicesTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('progress.service')}</th>
                  <th scope="col">{t('progress.audience')}</th>
                  <th scope="col">{t('agency.stage')}</th>
                  <th scope="col">{t('progress.electronicOn')}</th>
                  <th scope="col">{t('progress.singleWindowOn')}</th>
                  <th scope="col">{t('progress.nationalWindowOn')}</th>
                  <th scope="col">{t('progress.action')}</th>
                </tr>
              </thead>
              <tbody>
                {services.data.items.map((service) => {
                  const name = localizedName(service, language).text;
                  return (
                    <Fragment key={service.id}>
                      <tr>
                        <th scope="row">
                          <LocalizedName entity={service} /> <span className="muted">{service.code}</span>
                        </th>
                        <td>{t(`audience.${service.audience}`)}</td>
                        <td>{t(`stage.${service.stage}`)}</td>
                        <td>
                          <JalaliDate value={service.electronicOn} fallback="—" />
                        </td>
                        <td>
                          <JalaliDate value={service.singleWindowOn} fallback="—" />
                        </td>
                        <td>
                          <JalaliDate value={service.nationalWindowOn} fallback="—" />
                        </td>
                        <td>
                          <button
                            type="button"
                            className="button"
                            aria-expanded={editingId === service.id}
                            onClick={() => setEditingId(editingId === service.id ? null : service.id)}
                          >
                            {t('progress.recordStage')}
                            <span className="visually-hidden"> {t('progress.stageOf', { name })}</span>
                          </button>
                        </td>
                      </tr>
                      {editingId === service.id && (
                        <tr>
                          <td colSpan={COLUMN_COUNT}>
                            <StageUpdateForm
                              target="services"
                              agencyId={agencyId}
                              item={{ id: service.id, name, stage: service.stage, version: service.version }}
                              onDone={() => setEditingId(null)}
                              onCancel={() => setEditingId(null)}
                              onReload={() => services.refetch()}
                            />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pagination
            page={page}
            pageCount={Math.max(1, Math.ceil(services.data.total / services.data.pageSize))}
            linkToPage={linkToPage}
          />
        </>
      )}
    </section>
  );
}
