import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { AgencyDetailPage, type AgencyDetail } from '../features/agencies';
import { ADMIN_ROLES, EDITOR_ROLES, hasRole, useMe } from '../features/auth';
import { AgencyScoresSection } from '../features/evaluations';
import { AgencyResponsesSection } from '../features/responses';

/**
 * The agency page as the app composes it: the agency's own picture (profile, milestones on a day, services,
 * systems), its quality scores and evaluation sessions (drafts too for staff, as the server decides), its official
 * replies (right of reply) and, by role,
 * links to record a session or progress (evaluators and admins) and to its service inventory (admins).
 */
export function AgencyPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const canEdit = hasRole(me.data, EDITOR_ROLES);
  const isAdmin = hasRole(me.data, ADMIN_ROLES);
  const state = location.state as { notice?: string } | null;

  const renderActions = (agency: AgencyDetail) => {
    if (!canEdit && !isAdmin) return null;
    const id = encodeURIComponent(agency.id);
    return (
      <ul className="action-links" aria-label={t('agency.actions')}>
        {canEdit && (
          <>
            <li>
              <Link to={`/evaluations/new?agencyId=${id}`}>{t('agency.recordSession')}</Link>
            </li>
            <li>
              <Link to={`/agencies/${id}/progress`}>{t('agency.recordProgress')}</Link>
            </li>
          </>
        )}
        {isAdmin && (
          <li>
            <Link to={`/agencies/${id}/inventory`}>{t('agency.serviceInventory')}</Link>
          </li>
        )}
      </ul>
    );
  };

  return (
    <>
      {state?.notice === 'sessionSaved' && (
        <p className="state-message state-message--success" role="status">
          {t('agency.sessionSaved')}
        </p>
      )}
      <AgencyDetailPage
        renderActions={renderActions}
        renderSections={(agency) => (
          <>
            <AgencyScoresSection agencyId={agency.id} />
            <AgencyResponsesSection agencyId={agency.id} />
          </>
        )}
      />
    </>
  );
}
