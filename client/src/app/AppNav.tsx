import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { ADMIN_ROLES, AUDIT_ROLES, EDITOR_ROLES, hasRole, useMe } from '../features/auth';

interface AppNavProps {
  /** The id the header's menu button points at (`aria-controls`). */
  id?: string;
  /** On a narrow screen the links show only while the menu is open; on a wide one they always show. */
  open?: boolean;
}

/** The header's links, by role: everyone sees the overview, rankings, weekly brief and agencies; evaluators and
 * admins their forms and the review queue; admins the cycles and agencies' responses; admins and the cabinet the audit log. (Hiding a link
 * is a convenience: the server checks every request.) */
export function AppNav({ id, open = false }: AppNavProps) {
  const { t } = useTranslation();
  const me = useMe();
  const user = me.data ?? null;
  return (
    <nav id={id} className={open ? 'app-nav app-nav--open' : 'app-nav'} aria-label={t('nav.label')}>
      <ul>
        <li>
          <NavLink to="/" end>
            {t('nav.overview')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/rankings">{t('nav.rankings')}</NavLink>
        </li>
        <li>
          <NavLink to="/weekly/latest">{t('nav.weekly')}</NavLink>
        </li>
        <li>
          <NavLink to="/agencies">{t('nav.agencies')}</NavLink>
        </li>
        {hasRole(user, EDITOR_ROLES) && (
          <>
            <li>
              <NavLink to="/review">{t('nav.review')}</NavLink>
            </li>
            <li>
              <NavLink to="/evaluations/new">{t('nav.newSession')}</NavLink>
            </li>
            <li>
              <NavLink to="/imports">{t('nav.imports')}</NavLink>
            </li>
            <li>
              <NavLink to="/rounds">{t('nav.rounds')}</NavLink>
            </li>
          </>
        )}
        {hasRole(user, ADMIN_ROLES) && (
          <>
            <li>
              <NavLink to="/cycles">{t('nav.cycles')}</NavLink>
            </li>
            <li>
              <NavLink to="/responses">{t('nav.responses')}</NavLink>
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
