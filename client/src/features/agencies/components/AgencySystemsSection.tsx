import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { LocalizedName } from '../../../components/LocalizedName';
import { TableScroll } from '../../../components/TableScroll';
import { localizedName } from '../../../lib/localizedName';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { useAgencyServices, type AgencyService } from '../api/getAgencyServices';
import { useAgencySystems, type AgencySystemDetail } from '../api/getAgencySystems';
import { DayText } from '../../../components/DayText';

interface AgencySystemsSectionProps {
  agencyId: string;
}

/**
 * The agency's systems (e.g. the Omid platform, its service desk): each with its stage, the days it reached each
 * stage, and the services it carries. The systems and the services are two requests: either may fail alone.
 */
export function AgencySystemsSection({ agencyId }: AgencySystemsSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const systems = useAgencySystems(agencyId);
  const services = useAgencyServices(agencyId);

  let content: ReactNode;
  if (systems.isPending) {
    content = <LoadingMessage />;
  } else if (systems.isError) {
    content = <ErrorMessage error={systems.error} onRetry={() => void systems.refetch()} />;
  } else if (systems.data.length === 0) {
    content = <p className="muted">{t('agency.noSystems')}</p>;
  } else {
    const bySystem = new Map<string, AgencyService[]>();
    for (const service of services.data ?? []) {
      if (service.systemId === null) continue;
      bySystem.set(service.systemId, [...(bySystem.get(service.systemId) ?? []), service]);
    }
    const unassigned = (services.data ?? []).filter((service) => service.systemId === null).length;
    content = (
      <>
        {services.isError && <ErrorMessage error={services.error} onRetry={() => void services.refetch()} />}
        <ul className="agency-systems">
          {systems.data.map((system) => (
            <li key={system.id}>
              <SystemDetails
                system={system}
                services={services.isSuccess ? (bySystem.get(system.id) ?? []) : null}
                servicesLoading={services.isPending}
              />
            </li>
          ))}
        </ul>
        {unassigned > 0 && (
          <p className="hint">
            {t('agency.systemsSection.unassigned', {
              count: unassigned,
              formattedCount: formatInteger(unassigned, language),
            })}
          </p>
        )}
      </>
    );
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('agency.systemsSection.title')}</h2>
      {content}
    </section>
  );
}

interface SystemDetailsProps {
  system: AgencySystemDetail;
  /** The services it carries; null while they load or when they could not be read. */
  services: AgencyService[] | null;
  servicesLoading: boolean;
}

function SystemDetails({ system, services, servicesLoading }: SystemDetailsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = localizedName(system, language).text;

  return (
    <details className="agency-system">
      <summary>
        <span className="agency-system__name">
          <LocalizedName entity={system} />
        </span>{' '}
        <span className="agency-system__stage">{t(`stage.${system.stage}`)}</span>{' '}
        <span className="muted">
          {t('agency.systemsSection.serviceCount', {
            count: system.serviceCount,
            formattedCount: formatInteger(system.serviceCount, language),
            connected: formatInteger(system.connectedServiceCount, language),
          })}
        </span>
      </summary>
      <dl className="definition-list agency-dl-compact">
        <div>
          <dt>{t('agency.systemsSection.electronicOn')}</dt>
          <dd>
            <DayText value={system.electronicOn} fallback={t('common.notYet')} />
          </dd>
        </div>
        <div>
          <dt>{t('agency.systemsSection.singleWindowOn')}</dt>
          <dd>
            <DayText value={system.singleWindowOn} fallback={t('common.notYet')} />
          </dd>
        </div>
        <div>
          <dt>{t('agency.systemsSection.nationalWindowOn')}</dt>
          <dd>
            <DayText value={system.nationalWindowOn} fallback={t('common.notYet')} />
          </dd>
        </div>
      </dl>
      {servicesLoading ? (
        <LoadingMessage />
      ) : services === null ? null : services.length === 0 ? (
        <p className="muted">{t('agency.systemsSection.noServices')}</p>
      ) : (
        <TableScroll label={t('agency.systemsSection.servicesCaption', { name })}>
          <table className="data-table">
            <caption className="visually-hidden">{t('agency.systemsSection.servicesCaption', { name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agency.systemsSection.service')}</th>
                <th scope="col">{t('agency.systemsSection.code')}</th>
                <th scope="col">{t('agency.systemsSection.audience')}</th>
                <th scope="col">{t('agency.stage')}</th>
              </tr>
            </thead>
            <tbody>
              {services.map((service) => (
                <tr key={service.id}>
                  <th scope="row">
                    <LocalizedName entity={service} />
                    {service.withdrawnOn !== null && (
                      <span className="muted"> ({t('agency.systemsSection.withdrawn')})</span>
                    )}
                  </th>
                  <td>
                    <bdi>{service.code}</bdi>
                  </td>
                  <td>{t(`audience.${service.audience}`)}</td>
                  <td>{t(`stage.${service.stage}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </details>
  );
}
