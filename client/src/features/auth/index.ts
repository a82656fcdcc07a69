/** What other parts of the app may use from the auth feature. */
export { useMe, type Me, type Role } from './api/getMe';
export { RequireRole } from './components/RequireRole';
export { SignInPage } from './components/SignInPage';
export { UserMenu } from './components/UserMenu';
export { ADMIN_ROLES, AUDIT_ROLES, EDITOR_ROLES, hasRole, STAFF_ROLES } from './utils/roles';
