import type { EntityManager } from 'typeorm';

/** Whether the database answers at all. */
export function pingDatabase(db: EntityManager): Promise<boolean> {
  return db.query('SELECT 1').then(
    () => true,
    () => false,
  );
}
