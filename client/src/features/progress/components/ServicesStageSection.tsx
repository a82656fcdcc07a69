import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { JalaliDate } from '../../../components/JalaliDate';
import { LocalizedName } from '../../../components/LocalizedName';
import { Pagination } from '../../../components/Pagination';
import { SearchBox } from '../../../components/SearchBox';
import { formatInteger } from '../../../lib/numbers';
import { searchParamsWith } from '../../../lib/searchParams';
import { usePageLinks } from '../../../lib/usePageLinks';
import { useLanguage } from '../../../lib/useLanguage';
import { useAgencyServices } from '../api/getAgencyServices';
import type { ServiceList, ServiceStage } from '../types/progress';
import { StageSection } from './StageSection';

const STAGES: readonly ServiceStage[] = ['not_electronic', 'electronic', 'single_window', 'national_window'];
const PAGE_SIZE = 25;

function isStage(value: string | null): value is ServiceStage {
  return value !== null && (STAGES as readonly string[]).includes(value);
}

/** The agency's services with their stage dates; each row can record a newly reached stage. Filters live in the URL. */
export function ServicesStageSection({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const stageSelectId = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const { page, linkToPage } = usePageLinks();
  const stageParam = searchParams.get('stage');
  const stage = isStage(stageParam) ? stageParam : undefined;
  const search = searchParams.get('search')?.trim() ?? '';
  const services = useAgencyServices(agencyId, { stage, search: search || undefined, page, pageSize: PAGE_SIZE });

  /** A new filter starts again from the first page. */
  const setParam = (key: string, value: string) =>
    setSearchParams((current) => searchParamsWith(current, { [key]: value, page: null }), { replace: true });

  return (
    <StageSection
      title={t('progress.servicesTitle')}
      target="services"
      agencyId={agencyId}
      query={services}
      itemsOf={(data: ServiceList) => data.items}
      emptyMessage={t('progress.noServices')}
      busy={services.isPlaceholderData}
      filters={
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
      }
      summary={(data) => (
        <p className="result-count" role="status">
          {t('progress.serviceCount', { count: data.total, formattedCount: formatInteger(data.total, language) })}
        </p>
      )}
      nameColumn={{
        header: t('progress.service'),
        cell: (service) => (
          <>
            <LocalizedName entity={service} /> <span className="muted">{service.code}</span>
          </>
        ),
      }}
      columns={[
        { header: t('progress.audience'), cell: (service) => t(`audience.${service.audience}`) },
        { header: t('agency.stage'), cell: (service) => t(`stage.${service.stage}`) },
        {
          header: t('progress.electronicOn'),
          cell: (service) => <JalaliDate value={service.electronicOn} fallback="—" />,
        },
        {
          header: t('progress.singleWindowOn'),
          cell: (service) => <JalaliDate value={service.singleWindowOn} fallback="—" />,
        },
        {
          header: t('progress.nationalWindowOn'),
          cell: (service) => <JalaliDate value={service.nationalWindowOn} fallback="—" />,
        },
      ]}
      footer={(data) => (
        <Pagination
          page={page}
          pageCount={Math.max(1, Math.ceil(data.total / data.pageSize))}
          linkToPage={linkToPage}
        />
      )}
    />
  );
}
