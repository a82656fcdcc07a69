import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/auth-user.js';
import type { AuditAction, AuditEntityType } from './audit-vocabulary.js';

export interface AuditEntry {
  /** Undefined for the system itself (the demo seed, scheduled jobs, the CLI). */
  actor: Actor | undefined;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Rows per statement: each row carries 8 parameters through `unnest`, not 8 placeholders, so this is generous. */
const CHUNK = 5_000;

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/**
 * The one writer of the audit trail. Always pass the manager of the write's own transaction: both commit, or
 * neither. One record or thousands (an import), the same columns and meaning.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await this.recordMany(manager, [entry]);
  }

  async recordMany(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
    for (let start = 0; start < entries.length; start += CHUNK) {
      const part = entries.slice(start, start + CHUNK);
      await manager.query(
        `INSERT INTO audit_record (actor_id, action, entity_type, entity_id, before, after, reason, request_id)
         SELECT e.actor_id, e.action, e.entity_type, e.entity_id, e.before::jsonb, e.after::jsonb, e.reason, e.request_id
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
              WITH ORDINALITY AS e(actor_id, action, entity_type, entity_id, before, after, reason, request_id, n)
         ORDER BY e.n`,
        [
          part.map((e) => e.actor?.user.id ?? null),
          part.map((e) => e.action),
          part.map((e) => e.entityType),
          part.map((e) => e.entityId),
          part.map((e) => json(e.before)),
          part.map((e) => json(e.after)),
          part.map((e) => e.reason ?? null),
          part.map((e) => e.actor?.requestId ?? null),
        ],
      );
    }
  }
}
