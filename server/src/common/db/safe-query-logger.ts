import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** Where the lines go: the application's log (`Database`), or a test's capture. */
export interface LogSink {
  error(message: string): void;
  warn(message: string): void;
}

/** The fields of a PostgreSQL error (node-postgres) that name things in the schema, never values. */
interface PgErrorFields {
  code?: unknown;
  table?: unknown;
  column?: unknown;
  constraint?: unknown;
  schema?: unknown;
  dataType?: unknown;
}

const ELIDED = '…';
/** Parameter values shorter than this are not searched for in the message (a one-letter value would maul it). */
const SHORTEST_SEARCHED = 3;

/**
 * TypeORM's logger for the one DataSource: a failed statement is logged with its SQL text, the PostgreSQL error
 * code, the names it involves (table, column, constraint) and the message, but never the parameters, nor the
 * error's `detail` (`Key (name)=(…)` holds the row's values), nor a quoted value in the message (`invalid input
 * syntax for type uuid: "…"`): parameters carry notes, names and passwords' hashes.
 * Other queries are not logged (as with `logging: ['error']`); TypeORM's warnings are.
 */
export class SafeQueryLogger implements TypeOrmLogger {
  constructor(private readonly sink: LogSink = new NestLogger('Database')) {}

  logQueryError(error: string | Error, query: string, parameters?: unknown[] | object): void {
    const fields = typeof error === 'object' ? (error as PgErrorFields) : {};
    const names = [fields.schema, fields.table, fields.column, fields.constraint, fields.dataType].filter(
      (v): v is string => typeof v === 'string' && v !== '',
    );
    const message = safeMessage(typeof error === 'string' ? error : error.message, names, parameters);
    const code = typeof fields.code === 'string' ? fields.code : 'unknown';
    const where = [
      typeof fields.table === 'string' ? `table ${fields.table}` : undefined,
      typeof fields.column === 'string' ? `column ${fields.column}` : undefined,
      typeof fields.constraint === 'string' ? `constraint ${fields.constraint}` : undefined,
    ].filter(Boolean);
    this.sink.error(
      `query failed (SQLSTATE ${code}${where.length ? `, ${where.join(', ')}` : ''}): ${message} -- ${oneLine(query)}`,
    );
  }

  logQuery(): void {}

  logQuerySlow(time: number, query: string): void {
    this.sink.warn(`slow query (${time} ms): ${oneLine(query)}`);
  }

  logSchemaBuild(): void {}

  logMigration(): void {}

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.sink.warn(String(message));
  }
}

/**
 * The error's message with each double-quoted part elided unless it is a name from the schema, and any
 * parameter's text elided wherever it still appears.
 */
export function safeMessage(message: string, names: readonly string[], parameters?: unknown[] | object): string {
  let safe = message.replace(/"((?:[^"]|"")*)"/g, (whole, inner: string) =>
    names.includes(inner) ? whole : `"${ELIDED}"`,
  );
  for (const value of parameterTexts(parameters)) {
    if (value.length >= SHORTEST_SEARCHED) safe = safe.split(value).join(ELIDED);
  }
  return safe;
}

function parameterTexts(parameters: unknown[] | object | undefined): string[] {
  if (!parameters) return [];
  const values: unknown[] = Array.isArray(parameters) ? parameters : Object.values(parameters);
  return values.flatMap((value): string[] => {
    if (value === null || value === undefined) return [];
    if (Array.isArray(value)) return parameterTexts(value as unknown[]);
    if (value instanceof Date) return [value.toISOString()];
    if (Buffer.isBuffer(value)) return [];
    if (typeof value === 'object') return [JSON.stringify(value), ...parameterTexts(Object.values(value))];
    const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    return scalar || typeof value === 'bigint' ? [String(value)] : [];
  });
}

function oneLine(query: string): string {
  return query.replace(/\s+/g, ' ').trim();
}

/**
 * An unexpected error as the 5xx log shows it: its stack, but for a failed query (TypeORM's `QueryFailedError`,
 * which carries the driver's error and the parameters) the message with every quoted value and parameter text
 * elided, and the SQLSTATE code beside it, so a note or a name that broke a statement never reaches the log.
 */
export function describeErrorForLog(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const failed = error as Error & { parameters?: unknown[]; driverError?: { code?: string } };
  if (!failed.driverError) return error.stack ?? error.message;
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const code = failed.driverError.code ? ` (SQLSTATE ${failed.driverError.code})` : '';
  return [`${error.name}${code}: ${safeMessage(error.message, [], failed.parameters)}`, ...frames].join('\n');
}
