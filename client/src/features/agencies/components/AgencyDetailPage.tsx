import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { LocalizedName } from '../../../components/LocalizedName';
import { localizedName } from '../../../lib/localizedName';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useLanguage } from '../../../lib/useLanguage';
import { useAgency, type AgencyDetail } from '../api/getAgency';
import '../agencies.css';
import { AgencyProfile } from './AgencyProfile';
import { AgencySystemsSection } from './AgencySystemsSection';
import { ComplianceSection } from './ComplianceSection';
import { SectionBoundary } from './SectionBoundary';
import { ServicesByAudienceSection } from './ServicesByAudienceSection';

export interface AgencyDetailPageProps {
  /** Links to act on the agency (from the app, by the user's role), shown under its name. */
  renderActions?: (agency: AgencyDetail) => ReactNode;
  /** More sections about the agency from other features (composed by the app), shown after its milestones. */
  renderSections?: (agency: AgencyDetail) => ReactNode;
}

/**
 * The agency's full picture: who it is, where it stood on a day against its milestones (`?asOf=`), what the app
 * adds (its scores and sessions), its services by audience and stage, and its systems with their services. Each
 * section asks for its own data, so one failing request leaves the others on screen.
 */
export function AgencyDetailPage({ renderActions, renderSections }: AgencyDetailPageProps = {}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const agency = useAgency(id);
  usePageTitle(agency.data ? localizedName(agency.data, language).text : null);

  return (
    <>
      <p className="back-link">
        <Link to="/agencies">{t('agency.back')}</Link>
      </p>
      {agency.isPending ? (
        <LoadingMessage />
      ) : agency.isError ? (
        <ErrorMessage error={agency.error} onRetry={() => void agency.refetch()} />
      ) : (
        // Keyed by the agency: moving to another one (its parent, a subordinate body) starts every section afresh.
        <AgencySections
          key={agency.data.id}
          agency={agency.data}
          actions={renderActions?.(agency.data)}
          extra={renderSections?.(agency.data)}
        />
      )}
    </>
  );
}

interface AgencySectionsProps {
  agency: AgencyDetail;
  actions?: ReactNode;
  extra?: ReactNode;
}

function AgencySections({ agency, actions, extra }: AgencySectionsProps) {
  const language = useLanguage();
  return (
    <div className="agency-page">
      <h1>
        <LocalizedName entity={agency} />
      </h1>
      {actions}
      <SectionBoundary>
        <AgencyProfile agency={agency} />
      </SectionBoundary>
      <SectionBoundary>
        <ComplianceSection agencyId={agency.id} />
      </SectionBoundary>
      {extra}
      <SectionBoundary>
        <ServicesByAudienceSection agencyId={agency.id} agencyName={localizedName(agency, language).text} />
      </SectionBoundary>
      <SectionBoundary>
        <AgencySystemsSection agencyId={agency.id} />
      </SectionBoundary>
    </div>
  );
}
