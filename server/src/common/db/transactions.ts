import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppException } from '../errors/app-exception.js';
import { DataVersion } from './data-version.js';
import { publicReadScope } from './replica-reads.js';

/** PostgreSQL's codes for "someone else wrote the same rows meanwhile". */
const CONCURRENCY_CODES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available (lock_timeout)
]);

/** A constraint that fired anyway (two requests racing past the service's own check), by constraint name. */
export type ConstraintErrors = Record<string, () => Error>;

export interface TransactionOptions {
  /** The feature's error for each named constraint it checks itself first. */
  constraints?: ConstraintErrors;
  /** The feature's error for a concurrency failure; by default 409 CONCURRENT_CHANGE. */
  concurrent?: () => Error;
  /** False for writes that no public answer shows (sign-in, sign-out): the read cache is left as it is. */
  publicData?: boolean;
}

interface PgError {
  code?: string;
  constraint?: string;
}

/** 409: the same rows changed in the meantime and nothing was written; try again. */
export class ConcurrentChangeException extends AppException {
  constructor() {
    super('CONCURRENT_CHANGE', HttpStatus.CONFLICT, {
      fa: 'همین داده‌ها هم‌زمان تغییر کرد و چیزی ثبت نشد؛ دوباره تلاش کنید.',
      en: 'The same records changed at the same moment and nothing was saved; please try again.',
    });
  }
}

/** The PostgreSQL error inside whatever TypeORM wrapped it in. */
function pgErrorOf(error: unknown): PgError {
  const wrapped = error as { driverError?: PgError } | null | undefined;
  return wrapped?.driverError ?? (error as PgError | null | undefined) ?? {};
}

/**
 * The one way a write runs: one transaction (the write and its audit records commit together or not at all); a
 * constraint violation or a concurrency failure the database caught becomes the feature's coded 4xx, never a 500;
 * after the commit the data version moves, so the next read on this instance computes afresh (other instances hear
 * of it through PostgreSQL, see DataVersion).
 */
@Injectable()
export class Transactions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DataVersion) private readonly dataVersion: DataVersion,
  ) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    let result: T;
    try {
      // Always on the primary, even if called while a public read holds a replica (replica-reads.ts).
      result = await publicReadScope.exit(() => this.dataSource.transaction(work));
    } catch (error) {
      throw translateDatabaseError(error, options);
    }
    if (options.publicData !== false) this.dataVersion.moved();
    return result;
  }
}

/** A database error as the feature's domain error, when it is one of those the feature names; else as it is. */
function translateDatabaseError(error: unknown, options: TransactionOptions = {}): unknown {
  if (error instanceof AppException) return error;
  const pg = pgErrorOf(error);
  const named = pg.constraint ? options.constraints?.[pg.constraint] : undefined;
  if (named && (pg.code === '23505' || pg.code === '23514' || pg.code === '23503' || pg.code === '23P01')) {
    return named();
  }
  if (pg.code && CONCURRENCY_CODES.has(pg.code))
    return (options.concurrent ?? (() => new ConcurrentChangeException()))();
  return error;
}
