import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { AUDIT_ROLES, EDITOR_ROLES, hasRole, useMe } from '../features/auth';

/** The header's links, by role: everyone sees the agencies; evaluators and admins their forms; admins and the
 * cabinet the audit log. (Hiding a link is a convenience: the server checks every request.) */
export function AppNav() {
  const { t } = useTranslation();
  const me = useMe();
  const user = me.data ?? null;
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        <li>
          <NavLink to="/" end>
            {t('nav.agencies')}
          </NavLink>
        </li>
        {hasRole(user, EDITOR_ROLES) && (
          <>
            <li>
              <NavLink to="/evaluations/new">{t('nav.newSession')}</NavLink>
            </li>
            <li>
              <NavLink to="/imports">{t('nav.imports')}</NavLink>
            </li>
          </>
        )}
        {hasRole(user, AUDIT_ROLES) && (
          <li>
            <NavLink to="/audit">{t('nav.audit')}</NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
