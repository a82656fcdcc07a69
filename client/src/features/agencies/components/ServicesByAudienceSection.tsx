import { lazy, Suspense, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { ExportMenu } from '../../../components/ExportMenu';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { TableScroll } from '../../../components/TableScroll';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { useAgencyServices } from '../api/getAgencyServices';
import { SectionBoundary } from './SectionBoundary';
import { AUDIENCES, countServices, STAGE_COLOURS, STAGES, type ServiceCounts } from '../utils/serviceCounts';

/** chart.js comes with this chunk only, fetched when the section draws its chart. */
const ServicesByAudienceChart = lazy(async () => ({
  default: (await import('./ServicesByAudienceChart')).ServicesByAudienceChart,
}));

interface ServicesByAudienceSectionProps {
  agencyId: string;
  agencyName: string;
}

/** The agency's services by audience (g2c, g2b, g2g) and stage: a stacked bar chart with the same figures as a table. */
export function ServicesByAudienceSection({ agencyId, agencyName }: ServicesByAudienceSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const services = useAgencyServices(agencyId);
  const title = t('agency.servicesByAudience.title');

  let content: ReactNode;
  if (services.isPending) {
    content = <LoadingMessage />;
  } else if (services.isError) {
    content = <ErrorMessage error={services.error} onRetry={() => void services.refetch()} />;
  } else if (services.data.length === 0) {
    content = <p className="muted">{t('agency.servicesByAudience.empty')}</p>;
  } else {
    const counts = countServices(services.data);
    content = (
      <>
        <div className="agency-services">
          <SectionBoundary fallback={<p className="muted">{t('agency.servicesByAudience.chartFailed')}</p>}>
            <Suspense fallback={<LoadingMessage />}>
              <ServicesByAudienceChart
                counts={counts}
                label={t('agency.servicesByAudience.chartLabel', { name: agencyName })}
              />
            </Suspense>
          </SectionBoundary>
          <ServicesTable counts={counts} caption={title} />
        </div>
        {counts.withdrawn > 0 && (
          <p className="hint">
            {t('agency.servicesByAudience.withdrawn', {
              count: counts.withdrawn,
              formattedCount: formatInteger(counts.withdrawn, language),
            })}
          </p>
        )}
      </>
    );
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {content}
      {services.isSuccess && services.data.length > 0 && (
        <ExportMenu
          label={t('exports.services')}
          path={`/api/v1/agencies/${encodeURIComponent(agencyId)}/services/export`}
        />
      )}
    </section>
  );
}

function ServicesTable({ counts, caption }: { counts: ServiceCounts; caption: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const count = (value: number) => formatInteger(value, language);

  return (
    <TableScroll label={caption}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agency.stage')}</th>
            {AUDIENCES.map((audience) => (
              <th key={audience} scope="col" className="numeric">
                {t(`audience.${audience}`)}
              </th>
            ))}
            <th scope="col" className="numeric">
              {t('agency.servicesByAudience.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {STAGES.map((stage) => (
            <tr key={stage}>
              <th scope="row">
                <span className="stage-swatch" style={{ backgroundColor: STAGE_COLOURS[stage] }} aria-hidden="true" />
                {t(`stage.${stage}`)}
              </th>
              {AUDIENCES.map((audience) => (
                <td key={audience} className="numeric">
                  {count(counts.byAudience[audience][stage])}
                </td>
              ))}
              <td className="numeric">{count(counts.byStage[stage])}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('agency.servicesByAudience.total')}</th>
            {AUDIENCES.map((audience) => (
              <td key={audience} className="numeric">
                {count(counts.audienceTotals[audience])}
              </td>
            ))}
            <td className="numeric">{count(counts.total)}</td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
