import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '../api/getMe';
import { useSignOut } from '../api/signOut';
import { signInPathFor } from '../utils/returnPath';

/** The header's account corner: who is signed in, in which role, and a sign-out button; or a sign-in link. */
export function UserMenu() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const signOut = useSignOut({ onSignedOut: () => navigate('/') });

  if (me.isPending) return null;
  const user = me.data ?? null;
  if (user === null) {
    if (location.pathname === '/signin') return null;
    return (
      <Link className="user-menu__sign-in" to={signInPathFor(location)}>
        {t('auth.signIn')}
      </Link>
    );
  }

  const handleSignOut = () => signOut.mutate();

  return (
    <div className="user-menu">
      <span className="user-menu__who">
        <bdi className="user-menu__name">{user.displayName}</bdi>{' '}
        <span className="user-menu__role">({t(`role.${user.role}`)})</span>
      </span>
      <button type="button" className="button" onClick={handleSignOut} disabled={signOut.isPending}>
        {t('auth.signOut')}
      </button>
    </div>
  );
}
