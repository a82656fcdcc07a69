import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { createDataSource } from '../database/data-source.js';
import { copyIn, copyOut } from './copy-protocol.js';

/**
 * Backups as a consistent logical export through PostgreSQL's COPY: every table of the app's schema (`public`,
 * the migrations table included) read in ONE `REPEATABLE READ READ ONLY` transaction, so the copy is one snapshot
 * even while the server writes. No `pg_dump` needed (the embedded package ships none), and the same works against
 * any PostgreSQL through `DATABASE_URL`.
 *
 * The file is gzip'd text, readable with `zcat`:
 *   E-SERVICES-MONITOR-BACKUP 1
 *   TABLE {"name":"agency","columns":["id",…]}
 *   <the table's rows in COPY text format>
 *   \.
 *   … one section per table …
 *   MANIFEST {"schemaVersion":"…","tables":[{"name","columns","rows","sha256"}],…}
 * A COPY text row never is `\.` (a backslash in data is doubled), so the sections need no lengths. The manifest
 * comes last because the counts and digests are known only then; a restore reads the whole file and checks it
 * before it touches the database.
 */

export const BACKUP_FORMAT = 1;
const HEADER = `E-SERVICES-MONITOR-BACKUP ${BACKUP_FORMAT}`;
const END_OF_TABLE = '\\.';
const MIGRATIONS_TABLE = 'typeorm_migrations';
/** TypeORM's own tables: running the migrations fills them, so a restore checks them instead of loading them. */
const SCHEMA_TABLES = new Set([MIGRATIONS_TABLE, 'typeorm_metadata']);
/**
 * Left out of a backup: data the database derives from other tables (migration ComplianceTotals), rebuilt on
 * restore by the triggers that fire as the services and cycles are loaded; and reference data the migrations fill
 * (CalendarDays).
 */
const DERIVED_TABLES = ['agency_day_total', 'agency_cycle_day_total', 'agency_cycle_baseline', 'calendar_day'];

/** A backup the operator cannot use, or a restore refused: the message says why and what to do. */
export class BackupError extends Error {}

export interface BackupTable {
  name: string;
  columns: string[];
  rows: number;
  /** Hex SHA-256 of the table's COPY text, as written in the file. */
  sha256: string;
}

export interface BackupManifest {
  format: number;
  createdAt: string;
  /** The newest migration applied when the backup was taken: a restore needs a database at the same one. */
  schemaVersion: string;
  migrations: string[];
  postgresVersion: string;
  tables: BackupTable[];
}

interface TableColumns {
  name: string;
  columns: string[];
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The app's tables and their stored columns (generated ones are computed again on restore). */
async function appTables(client: pg.Client): Promise<TableColumns[]> {
  const { rows } = await client.query<TableColumns>(
    `SELECT c.relname::text AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND c.relname <> ALL($1::text[])
     GROUP BY c.relname
     ORDER BY c.relname`,
    [DERIVED_TABLES],
  );
  return rows;
}

async function appliedMigrations(client: pg.Client): Promise<string[]> {
  const found = await client.query<{ t: string | null }>(`SELECT to_regclass($1) AS t`, [`public.${MIGRATIONS_TABLE}`]);
  if (found.rows[0]?.t === null) return [];
  const { rows } = await client.query<{ name: string }>(
    `SELECT name FROM ${ident(MIGRATIONS_TABLE)} ORDER BY "timestamp", id`,
  );
  return rows.map((r) => r.name);
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'e-services-monitor backup' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => (stream.write(text) ? resolve() : stream.once('drain', () => resolve())));
}

/**
 * Writes a backup of the database at `url` to `file` (made readable by its owner only: it holds password hashes);
 * the file appears only when complete. Safe while the server runs.
 */
export async function backupDatabase(url: string, file: string): Promise<BackupManifest> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const output = createWriteStream(partial, { mode: 0o600 });
  const written = finished(gzip.pipe(output));
  try {
    const manifest = await withClient(url, async (client) => {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const migrations = await appliedMigrations(client);
        if (migrations.length === 0)
          throw new BackupError('the database has no migrations applied: nothing to back up');
        const { rows: version } = await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
        const tables: BackupTable[] = [];
        await write(gzip, `${HEADER}\n`);
        // In dependency order, so that a restore loads the file front to back.
        const all = await appTables(client);
        for (const table of dependencyOrder(all, await referencedTables(client))) {
          await write(gzip, `TABLE ${JSON.stringify(table)}\n`);
          const hash = createHash('sha256');
          const columns = table.columns.map(ident).join(', ');
          const rows = await copyOut(
            client,
            `COPY (SELECT ${columns} FROM public.${ident(table.name)}) TO STDOUT`,
            gzip,
            (chunk) => hash.update(chunk),
          );
          await write(gzip, `${END_OF_TABLE}\n`);
          tables.push({ ...table, rows, sha256: hash.digest('hex') });
        }
        await client.query('COMMIT');
        return {
          format: BACKUP_FORMAT,
          createdAt: new Date().toISOString(),
          schemaVersion: migrations.at(-1)!,
          migrations,
          postgresVersion: version[0]!.v,
          tables,
        } satisfies BackupManifest;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
    gzip.end(`MANIFEST ${JSON.stringify(manifest)}\n`);
    await written;
    const handle = await open(partial, 'r+');
    await handle.sync().finally(() => handle.close());
    await rename(partial, file);
    return manifest;
  } catch (error) {
    gzip.destroy();
    output.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

/** The lines of a backup file, without their `\n`. */
function lines(file: string): AsyncIterableIterator<string> {
  const input = createReadStream(file).pipe(createGunzip());
  return createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
}

function corrupt(file: string, why: string): BackupError {
  return new BackupError(`${file} is not a complete backup of this application (${why})`);
}

/**
 * Reads the whole file and checks it against its own manifest (every table's rows and SHA-256), without touching
 * any database. Returns the manifest; a truncated, altered or foreign file is a BackupError.
 */
export async function verifyBackup(file: string): Promise<BackupManifest> {
  const seen: Array<TableColumns & { rows: number; hash: Hash }> = [];
  let current: (typeof seen)[number] | undefined;
  let manifest: BackupManifest | undefined;
  let first = true;
  try {
    for await (const line of { [Symbol.asyncIterator]: () => lines(file) }) {
      if (first) {
        if (line !== HEADER) throw corrupt(file, 'it does not start with the backup header');
        first = false;
      } else if (manifest) {
        throw corrupt(file, 'there is data after the manifest');
      } else if (current) {
        if (line === END_OF_TABLE) current = undefined;
        else {
          current.hash.update(`${line}\n`);
          current.rows++;
        }
      } else if (line.startsWith('TABLE ')) {
        current = { ...(JSON.parse(line.slice(6)) as TableColumns), rows: 0, hash: createHash('sha256') };
        seen.push(current);
      } else if (line.startsWith('MANIFEST ')) {
        manifest = JSON.parse(line.slice(9)) as BackupManifest;
      } else {
        throw corrupt(file, `unexpected line "${line.slice(0, 40)}"`);
      }
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new BackupError(`${file} does not exist`);
    throw corrupt(file, error instanceof Error ? error.message : String(error));
  }
  if (!manifest) throw corrupt(file, 'it has no manifest: the file is truncated');
  if (manifest.format !== BACKUP_FORMAT) throw corrupt(file, `format ${manifest.format}, expected ${BACKUP_FORMAT}`);
  if (manifest.tables.length !== seen.length) throw corrupt(file, 'its tables do not match its manifest');
  manifest.tables.forEach((table, i) => {
    const found = seen[i]!;
    if (found.name !== table.name || found.columns.join() !== table.columns.join()) {
      throw corrupt(file, `table ${i + 1} is ${found.name}, the manifest says ${table.name}`);
    }
    if (found.rows !== table.rows || found.hash.digest('hex') !== table.sha256) {
      throw corrupt(file, `the rows of ${table.name} do not match their SHA-256 in the manifest`);
    }
  });
  return manifest;
}

/** For each of the app's tables, the other tables its foreign keys reference. */
async function referencedTables(client: pg.Client): Promise<Map<string, Set<string>>> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = 'public' AND c.conrelid <> c.confrelid`,
  );
  const unquote = (name: string) => name.replace(/^public\./, '').replace(/^"(.*)"$/, '$1');
  const parents = new Map<string, Set<string>>();
  for (const r of rows) {
    const child = unquote(r.child);
    parents.set(child, (parents.get(child) ?? new Set()).add(unquote(r.parent)));
  }
  return parents;
}

/** The tables in an order where each comes after those it references (a self-reference is fine within one COPY). */
function dependencyOrder<T extends { name: string }>(tables: T[], parents: Map<string, Set<string>>): T[] {
  const ordered: T[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(t.name) && [...(parents.get(t.name) ?? [])].every((p) => placed.has(p)),
    );
    if (ready.length === 0) throw new BackupError('the tables reference each other in a cycle; cannot order them');
    for (const t of ready) {
      placed.add(t.name);
      ordered.push(t);
    }
  }
  return ordered;
}

/** The section of the open backup that holds `table`'s rows, as COPY input in chunks of about 64 KiB. */
async function* tableData(source: AsyncIterator<string>): AsyncGenerator<Buffer> {
  let batch: string[] = [];
  let size = 0;
  for (let next = await source.next(); !next.done; next = await source.next()) {
    if (next.value === END_OF_TABLE) break;
    batch.push(next.value, '\n');
    size += next.value.length + 1;
    if (size >= 65_536) {
      yield Buffer.from(batch.join(''));
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) yield Buffer.from(batch.join(''));
}

export interface RestoreOptions {
  /** Replace what the database holds (emptied first, in the same transaction). Without it, a non-empty database is refused. */
  force?: boolean;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Whether rows were replaced (`force` on a database that was not empty). */
  replaced: boolean;
}

/**
 * Restores `file` into the database at `url`: checks the file, migrates the database to the backup's schema
 * version (refusing when the code's migrations differ from the backup's), then loads every table in one
 * transaction. A database that holds any row is refused unless `force`. All or nothing.
 */
export async function restoreDatabase(url: string, file: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const manifest = await verifyBackup(file);
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    const known = dataSource.migrations.map((m) => m.name ?? m.constructor.name);
    if (known.join() !== manifest.migrations.join()) {
      throw new BackupError(
        `the backup is of schema version ${manifest.schemaVersion} and this version of the application migrates to ` +
          `${known.at(-1)}; restore it with the version of the application that made it`,
      );
    }
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  return withClient(url, async (client) => {
    const applied = await appliedMigrations(client);
    if (applied.join() !== manifest.migrations.join()) {
      throw new BackupError(
        `the database is at schema version ${applied.at(-1)}, the backup at ${manifest.schemaVersion}: restore refused`,
      );
    }
    const target = new Map((await appTables(client)).map((t) => [t.name, t.columns]));
    const data = manifest.tables.filter((t) => !SCHEMA_TABLES.has(t.name));
    for (const table of data) {
      if (target.get(table.name)?.join() !== table.columns.join()) {
        throw new BackupError(
          `the table ${table.name} of the database does not have the backup's columns: restore refused`,
        );
      }
    }
    const parents = await referencedTables(client);
    const loaded = new Set<string>();
    for (const table of data) {
      const missing = [...(parents.get(table.name) ?? [])].filter((p) => !loaded.has(p));
      if (missing.length > 0)
        throw corrupt(file, `${table.name} comes before ${missing.join(', ')}, which it references`);
      loaded.add(table.name);
    }
    const names = data.map((t) => `public.${ident(t.name)}`).join(', ');
    await client.query('BEGIN');
    try {
      // No writer may slip in between the check for emptiness and the load.
      await client.query(`LOCK TABLE ${names} IN EXCLUSIVE MODE`);
      const { rows: holding } = await client.query<{ name: string }>(
        data
          .map((t, i) => `SELECT $${i + 1}::text AS name WHERE EXISTS (SELECT 1 FROM public.${ident(t.name)})`)
          .join(' UNION ALL '),
        data.map((t) => t.name),
      );
      if (holding.length > 0 && !options.force) {
        throw new BackupError(
          `the database is not empty (${holding.map((r) => r.name).join(', ')} hold rows): restore refused, nothing changed. ` +
            'Restore into an empty database, or pass --force to replace everything it holds with the backup',
        );
      }
      if (holding.length > 0) await client.query(`TRUNCATE ${names}`);
      const source = lines(file);
      try {
        for (let next = await source.next(); !next.done; next = await source.next()) {
          if (!next.value.startsWith('TABLE ')) continue;
          const name = (JSON.parse(next.value.slice(6)) as TableColumns).name;
          const table = data.find((t) => t.name === name);
          if (!table) {
            // TypeORM's own tables: running the migrations has just filled them.
            for await (const chunk of tableData(source)) void chunk;
            continue;
          }
          const rows = await copyIn(
            client,
            `COPY public.${ident(name)} (${table.columns.map(ident).join(', ')}) FROM STDIN`,
            tableData(source),
          );
          if (rows !== table.rows)
            throw new BackupError(`${name}: loaded ${rows} rows, the backup holds ${table.rows}`);
        }
      } finally {
        await source.return?.();
      }
      await resetSequences(client);
      await client.query('COMMIT');
      return { manifest, replaced: holding.length > 0 };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}

/** Sequences owned by the app's columns continue after the restored values. */
async function resetSequences(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ seq: string; tbl: string; col: string }>(
    `SELECT s.oid::regclass::text AS seq, t.relname::text AS tbl, a.attname::text AS col
     FROM pg_depend d
     JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
     JOIN pg_class t ON t.oid = d.refobjid
     JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
     WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
       AND NOT t.relname = ANY($1)`,
    [[...SCHEMA_TABLES]],
  );
  for (const r of rows) {
    await client.query(
      `SELECT setval($1::regclass, coalesce(max(${ident(r.col)}), 1), max(${ident(r.col)}) IS NOT NULL) FROM public.${ident(r.tbl)}`,
      [r.seq],
    );
  }
}
