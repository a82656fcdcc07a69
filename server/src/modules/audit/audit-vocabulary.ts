/**
 * What the audit trail can say, in one place: every action and every entity type the server writes. The OpenAPI
 * document publishes both lists (as the enums `AuditAction` and `AuditEntityType`), and the client's audit filter
 * is built from them, so the two cannot drift.
 */
export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_out',
  'create_user',
  'create_round',
  'close_round',
  'create_session',
  'update_session',
  'correct_session',
  'create_score',
  'update_score',
  'correct_score',
  'submit_score',
  'review_score',
  'finalise_score',
  'record_progress',
  'record_service_stage',
  'record_system_stage',
  'carry_system_stage',
  'create_cycle',
  'update_cycle',
  'create_milestone',
  'update_milestone',
  'create_service',
  'withdraw_service',
  'publish_weekly_report',
  'revise_weekly_report',
  'request_response',
  'record_response',
  'update_response',
  'publish_response',
  'withdraw_response',
  'import',
  'seed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITY_TYPES = [
  'user_session',
  'app_user',
  'evaluation_round',
  'evaluation_session',
  'score',
  'agency',
  'e_service',
  'agency_system',
  'programme_cycle',
  'milestone_definition',
  'weekly_report',
  'agency_response',
  'import',
  'dataset',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];
