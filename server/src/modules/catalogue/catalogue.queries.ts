import type { EntityManager } from 'typeorm';
import type { ServiceAudience } from './stages.js';

/**
 * The SQL of the catalogue's inventory: services entering an agency's inventory of identified services and leaving
 * it (withdrawn, with a reason). Rows come back in the shape of the response DTOs, calendar days as `YYYY-MM-DD`
 * text. The writes take the manager of the caller's transaction; the service decides what may be written.
 */

const day = (column: string, alias: string) => `to_char(${column}, 'YYYY-MM-DD') AS "${alias}"`;

/** A service as the inventory sees it (its stage days are progress's). */
export interface InventoryServiceRow {
  id: string;
  agencyId: string;
  code: string;
  nameFa: string;
  nameEn: string;
  audience: ServiceAudience;
  identifiedOn: string;
  withdrawnOn: string | null;
  withdrawalReason: string | null;
  version: number;
}

const INVENTORY_COLUMNS = `e.id, e.agency_id AS "agencyId", e.code, e.name_fa AS "nameFa", e.name_en AS "nameEn",
  e.audience, ${day('e.identified_on', 'identifiedOn')}, ${day('e.withdrawn_on', 'withdrawnOn')},
  e.withdrawal_reason AS "withdrawalReason", e.version`;

export async function selectInventoryService(db: EntityManager, id: string): Promise<InventoryServiceRow | undefined> {
  const rows = await db.query<InventoryServiceRow[]>(`SELECT ${INVENTORY_COLUMNS} FROM e_service e WHERE e.id = $1`, [
    id,
  ]);
  return rows[0];
}

/** The service, its row locked until the transaction ends. */
export async function lockInventoryService(db: EntityManager, id: string): Promise<InventoryServiceRow | undefined> {
  const rows = await db.query<InventoryServiceRow[]>(
    `SELECT ${INVENTORY_COLUMNS} FROM e_service e WHERE e.id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0];
}

/** The agency's service whose code is this one in any letter case (`S0001` and `s0001` are one code), if any. */
export async function selectServiceCodeHolder(
  db: EntityManager,
  agencyId: string,
  code: string,
): Promise<{ code: string } | undefined> {
  const rows = await db.query<Array<{ code: string }>>(
    `SELECT code FROM e_service WHERE agency_id = $1 AND lower(code) = lower($2) LIMIT 1`,
    [agencyId, code],
  );
  return rows[0];
}

/** Whether the system is one of the agency's. */
export async function systemOfAgency(db: EntityManager, systemId: string, agencyId: string): Promise<boolean> {
  const rows = await db.query<unknown[]>(`SELECT 1 FROM agency_system WHERE id = $1 AND agency_id = $2`, [
    systemId,
    agencyId,
  ]);
  return rows.length > 0;
}

export interface NewService {
  agencyId: string;
  code: string;
  nameFa: string;
  nameEn: string;
  audience: ServiceAudience;
  identifiedOn: string;
  systemId: string | null;
}

/** A new service of the agency's inventory, with no stage reached yet; returns its id. */
export async function insertService(db: EntityManager, service: NewService): Promise<string> {
  const [row] = await db.query<Array<{ id: string }>>(
    `INSERT INTO e_service (agency_id, code, name_fa, name_en, audience, identified_on, system_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      service.agencyId,
      service.code,
      service.nameFa,
      service.nameEn,
      service.audience,
      service.identifiedOn,
      service.systemId,
    ],
  );
  return row!.id;
}

/** Withdraws the service if its version is still `version`; false when it was not (a stale version). */
export async function withdrawService(
  db: EntityManager,
  id: string,
  version: number,
  withdrawal: { withdrawnOn: string; reason: string },
): Promise<boolean> {
  const rows = await db.query<Array<{ id: string }>>(
    `WITH u AS (
       UPDATE e_service SET withdrawn_on = $3, withdrawal_reason = $4, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING id)
     SELECT id FROM u`,
    [id, version, withdrawal.withdrawnOn, withdrawal.reason],
  );
  return rows.length > 0;
}
