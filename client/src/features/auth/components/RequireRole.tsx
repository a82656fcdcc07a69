import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useMe, type Role } from '../api/getMe';
import { isSigningOut } from '../api/signOut';
import { signInPathFor } from '../utils/returnPath';
import { hasRole } from '../utils/roles';

interface RequireRoleProps {
  roles: readonly Role[];
  children: ReactNode;
}

/**
 * Shows `children` to a signed-in user with one of `roles`; sends a signed-out visitor to the sign-in page (and
 * back here afterwards); tells anyone else that the page is not for them. The server checks every request anyway.
 */
export function RequireRole({ roles, children }: RequireRoleProps) {
  const location = useLocation();
  const me = useMe();

  if (me.isPending) return <LoadingMessage />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data === null) return isSigningOut() ? null : <Navigate to={signInPathFor(location)} replace />;
  if (!hasRole(me.data, roles)) return <Forbidden />;
  return <>{children}</>;
}

function Forbidden() {
  const { t } = useTranslation();
  usePageTitle(t('auth.forbiddenTitle'));
  return (
    <>
      <h1>{t('auth.forbiddenTitle')}</h1>
      <p>{t('auth.forbidden')}</p>
    </>
  );
}
