import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/auth-user.js';
import type { AuditEntry } from '../audit/audit.service.js';

/**
 * Many audit records in one statement, for imports that write thousands of rows: the same columns and meaning as
 * `AuditService.record`, in the caller's transaction. (A candidate for `AuditService.recordMany`.)
 */
export async function recordAuditBatch(
  manager: EntityManager,
  actor: Actor,
  entries: Array<Omit<AuditEntry, 'actor'>>,
): Promise<void> {
  const chunk = 5_000;
  for (let start = 0; start < entries.length; start += chunk) {
    const part = entries.slice(start, start + chunk);
    const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
    await manager.query(
      `INSERT INTO audit_record (actor_id, action, entity_type, entity_id, before, after, reason, request_id)
       SELECT $1::uuid, e.action, e.entity_type, e.entity_id, e.before::jsonb, e.after::jsonb, e.reason, $2::text
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
            AS e(action, entity_type, entity_id, before, after, reason)`,
      [
        actor.user.id,
        actor.requestId,
        part.map((e) => e.action),
        part.map((e) => e.entityType),
        part.map((e) => e.entityId),
        part.map((e) => json(e.before)),
        part.map((e) => json(e.after)),
        part.map((e) => e.reason ?? null),
      ],
    );
  }
}
