import type { EntityManager } from 'typeorm';

/** The reads of `dataset_info`: facts about the data set itself. */

/** The `kind` of the loaded data set (`demo` after the demo seed), or undefined when nothing says. */
export async function selectDatasetKind(db: EntityManager): Promise<string | undefined> {
  const rows = await db.query<Array<{ kind: string | null }>>(
    `SELECT value->>'kind' AS kind FROM dataset_info WHERE key = 'dataset'`,
  );
  return rows[0]?.kind ?? undefined;
}
