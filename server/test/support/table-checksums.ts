import type { DataSource } from 'typeorm';

/** Every table of the application's schema: its row count and a digest of all its rows, by table name. */
export type TableChecksums = Record<string, { rows: number; digest: string }>;

/**
 * What is in the database, table by table, to compare before and after requests that must write nothing.
 * Each row is read as its text form (every column) and hashed; the digest is the sum of the row hashes (so the
 * order rows come in does not matter and nothing is sorted). Tables listed in `except` are left out.
 */
export async function tableChecksums(sql: DataSource, except: readonly string[] = []): Promise<TableChecksums> {
  const tables: Array<{ name: string }> = await sql.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
      ORDER BY table_name`,
  );
  const selects = tables
    .filter(({ name }) => !except.includes(name))
    .map(({ name }) => {
      const quoted = `"${name.replaceAll('"', '""')}"`;
      return `SELECT '${name.replaceAll("'", "''")}' AS name, count(*)::int AS rows,
                     coalesce(sum(hashtextextended(t::text, 0)::numeric), 0)::text AS digest FROM ${quoted} t`;
    });
  const rows = (await sql.query(selects.join(' UNION ALL '))) as Array<{ name: string; rows: number; digest: string }>;
  const result: TableChecksums = {};
  for (const { name, ...row } of rows) result[name] = row;
  return result;
}
