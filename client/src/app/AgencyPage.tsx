import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { AgencyDetailPage } from '../features/agencies';
import { EDITOR_ROLES, hasRole, useMe } from '../features/auth';
import { AgencyScoresSection } from '../features/evaluations';

/**
 * The agency page as the app composes it: the agency's details, its quality scores (drafts too for staff, as the
 * server decides) and, for evaluators and admins, links to record a session or progress.
 */
export function AgencyPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const canEdit = hasRole(me.data, EDITOR_ROLES);
  const state = location.state as { notice?: string } | null;

  return (
    <>
      {state?.notice === 'sessionSaved' && (
        <p className="state-message state-message--success" role="status">
          {t('agency.sessionSaved')}
        </p>
      )}
      <AgencyDetailPage
        renderSections={(agency) => (
          <>
            {canEdit && (
              <ul className="action-links">
                <li>
                  <Link to={`/evaluations/new?agencyId=${encodeURIComponent(agency.id)}`}>
                    {t('agency.recordSession')}
                  </Link>
                </li>
                <li>
                  <Link to={`/agencies/${encodeURIComponent(agency.id)}/progress`}>{t('agency.recordProgress')}</Link>
                </li>
              </ul>
            )}
            <AgencyScoresSection agencyId={agency.id} />
          </>
        )}
      />
    </>
  );
}
