import type { Me, Role } from '../api/getMe';

/** Who may do what in the interface (the server checks every request again). */
export const STAFF_ROLES = ['admin', 'evaluator', 'cabinet'] as const satisfies readonly Role[];
export const EDITOR_ROLES = ['evaluator', 'admin'] as const satisfies readonly Role[];
export const ADMIN_ROLES = ['admin'] as const satisfies readonly Role[];
export const AUDIT_ROLES = ['admin', 'cabinet'] as const satisfies readonly Role[];

export function hasRole(user: Me | null | undefined, roles: readonly Role[]): boolean {
  return user != null && roles.includes(user.role);
}
