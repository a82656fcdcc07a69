import type { EntityManager } from 'typeorm';
import { Conditions } from '../../common/db/conditions.js';
import type { AuditAction, AuditEntityType } from './audit-vocabulary.js';

/**
 * The reads of the audit trail, as raw SQL rows. (Its one writer is `AuditService`.) Instants come back as ISO
 * text in UTC (`2022-11-11T08:30:00.000Z`).
 */

export interface AuditRecordRow {
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorUsername: string | null;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
}

/**
 * One end of the time window: a calendar day in Tehran (ISO `YYYY-MM-DD`: from its first moment, or up to its
 * last one), or an instant as given (an ISO date-time).
 */
export type AuditTimeBound = { day: string } | { instant: string };

export interface AuditFilter {
  entityType?: AuditEntityType;
  entityId?: string;
  actorId?: string;
  action?: AuditAction;
  /** Leave out the records of these actions. */
  excludeActions?: AuditAction[];
  /** Records at or after it. */
  from?: AuditTimeBound;
  /** Records before it (a day: up to the end of that day). */
  to?: AuditTimeBound;
}

export interface AuditPage {
  limit: number;
  offset: number;
}

function auditConditions(filter: AuditFilter): Conditions {
  const conditions = new Conditions();
  if (filter.entityType) conditions.add('r.entity_type = ?', filter.entityType);
  if (filter.entityId) conditions.add('r.entity_id = ?', filter.entityId);
  if (filter.actorId) conditions.add('r.actor_id = ?', filter.actorId);
  if (filter.action) conditions.add('r.action = ?', filter.action);
  if (filter.excludeActions?.length) conditions.add('r.action <> ALL(?::text[])', filter.excludeActions);
  if (filter.from) {
    if ('day' in filter.from) {
      conditions.add(`r.occurred_at >= ((?::date)::timestamp AT TIME ZONE 'Asia/Tehran')`, filter.from.day);
    } else conditions.add('r.occurred_at >= ?', filter.from.instant);
  }
  if (filter.to) {
    if ('day' in filter.to) {
      conditions.add(`r.occurred_at < ((?::date + 1)::timestamp AT TIME ZONE 'Asia/Tehran')`, filter.to.day);
    } else conditions.add('r.occurred_at < ?', filter.to.instant);
  }
  return conditions;
}

export async function countAuditRecords(db: EntityManager, filter: AuditFilter): Promise<number> {
  const { where, params } = auditConditions(filter);
  const rows = await db.query<Array<{ total: number }>>(
    `SELECT count(*)::int AS total FROM audit_record r ${where}`,
    params,
  );
  return rows[0]?.total ?? 0;
}

/** Newest first, with the actor's username. */
export function selectAuditRecords(db: EntityManager, filter: AuditFilter, page: AuditPage): Promise<AuditRecordRow[]> {
  const conditions = auditConditions(filter);
  return db.query<AuditRecordRow[]>(
    `SELECT r.id, to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt",
            r.actor_id AS "actorId", u.username AS "actorUsername", r.action, r.entity_type AS "entityType",
            r.entity_id AS "entityId", r.before, r.after, r.reason, r.request_id AS "requestId"
     FROM audit_record r LEFT JOIN app_user u ON u.id = r.actor_id
     ${conditions.where}
     ORDER BY r.occurred_at DESC, r.id
     LIMIT ${conditions.next()} OFFSET ${conditions.next(2)}`,
    [...conditions.params, page.limit, page.offset],
  );
}
