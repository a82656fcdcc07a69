import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/auth-user.js';

export interface AuditEntry {
  /** Undefined for the system itself (the demo seed, scheduled jobs, the CLI). */
  actor: Actor | undefined;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Writes audit records. Always pass the manager of the write's own transaction: both commit, or neither. */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_record (actor_id, action, entity_type, entity_id, before, after, reason, request_id)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8)`,
      [
        entry.actor?.user.id ?? null,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
        entry.reason ?? null,
        entry.actor?.requestId ?? null,
      ],
    );
  }
}
