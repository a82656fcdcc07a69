import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { DataVersion } from './data-version.js';

/**
 * Read replicas (`DATABASE_REPLICA_URLS`) for the anonymous public reads, and why they never serve old data.
 *
 * The read cache keys an answer by the data version. A streaming replica replays the primary's commits a little
 * after the primary made them, so a replica that has not yet replayed a commit the version already counts would
 * compute the old answer, and the cache would keep it under the new version until the next write. So:
 *
 * 1. When the data version moves, the primary's WAL position is taken (`DataVersion.primaryPosition`, asked once
 *    per version): every commit the version counts ends at or before it.
 * 2. A public read that the cache has to compute takes one connection to a replica and asks it whether it has
 *    replayed that far (`pg_last_wal_replay_lsn() >= position`, one cheap query). If it has, the whole computation
 *    runs on that connection: a replica only moves forward, so it cannot fall behind the position afterwards.
 * 3. Otherwise (it lags, it is down or slow to answer, the position is unknown, or this instance cannot hear other
 *    instances' writes), the read runs on the primary, as it would with no replicas. A replica that failed is left
 *    alone for a few seconds, so that a dead one does not cost every read a connection attempt.
 *
 * Only the read cache's computations of `@PublicRead()` routes for requests without credentials enter a replica
 * scope; writes, staff reads, transactions (`Transactions.run` leaves the scope), migrations and LISTEN stay on the
 * primary.
 */
export class ReplicaReads {
  private readonly logger = new Logger('ReplicaReads');
  /** While a replica is considered down (after a failed connection or check): until this instant, none is tried. */
  private restAt = 0;
  private down = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly dataVersion: DataVersion,
  ) {}

  /** Whether the DataSource has replicas at all. */
  get enabled(): boolean {
    return isReplicated(this.dataSource);
  }

  /**
   * A connection to a replica that has replayed every commit the current data version counts, for one public
   * read's computation (release it when the answer is made), or `undefined`: compute on the primary.
   */
  async open(): Promise<QueryRunner | undefined> {
    if (!this.enabled || !this.dataVersion.trusted || Date.now() < this.restAt) return undefined;
    const position = await this.dataVersion.primaryPosition();
    if (position === undefined) return undefined;
    const runner = this.dataSource.createQueryRunner('slave');
    const check = (async () => {
      await runner.connect();
      const rows = (await runner.query('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS replayed', [
        position,
      ])) as Array<{ replayed: boolean | null }>;
      // NULL: not a standby at all (a URL that points at a primary); treated as lagging, so never trusted.
      return rows[0]?.replayed === true ? 'replayed' : 'lagging';
    })().catch(() => 'down' as const);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'down'>((resolve) => {
      timer = setTimeout(() => resolve('down'), CHECK_TIMEOUT_MS);
      timer.unref();
    });
    const outcome = await Promise.race([check, timeout]);
    clearTimeout(timer);
    if (outcome === 'replayed') {
      if (this.down) this.logger.log('a read replica answers again; public reads use the replicas');
      this.down = false;
      return oneQueryAtATime(runner);
    }
    // Hand the connection back once whatever it was doing is over (a late connection included).
    void check.then(() => runner.release());
    if (outcome === 'down') {
      if (!this.down) this.logger.warn(`a read replica did not answer; public reads use the primary for a while`);
      this.down = true;
      this.restAt = Date.now() + REST_MS;
    }
    return undefined;
  }

  /** The replicas of this data version's application (set up by DbModule), if any. */
  static of(dataVersion: DataVersion): ReplicaReads | undefined {
    return byDataVersion.get(dataVersion);
  }

  static attach(dataSource: DataSource, dataVersion: DataVersion): ReplicaReads {
    const reads = new ReplicaReads(dataSource, dataVersion);
    byDataVersion.set(dataVersion, reads);
    return reads;
  }
}

/**
 * The read's queries all go to this one connection (the one that was checked), and services start several at once
 * (`Promise.all`): they are sent one after another, as pg would queue them, without relying on its deprecated
 * queueing. The price: a public read computed on a replica runs its queries in sequence, not side by side.
 */
function oneQueryAtATime(runner: QueryRunner): QueryRunner {
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  const serial = (...args: unknown[]): Promise<unknown> => {
    const next = tail.then(() => query(...args));
    tail = next.catch(() => undefined);
    return next;
  };
  runner.query = serial as QueryRunner['query'];
  return runner;
}

/** How long a replica may take to hand over a connection and say how far it has replayed. */
const CHECK_TIMEOUT_MS = 1000;
/** How long a replica that failed is left alone. */
const REST_MS = 5000;

/**
 * The read cache is made before the Nest application that knows the DataSource, and both share the DataVersion:
 * it is the key by which the read cache finds the replicas.
 */
const byDataVersion = new WeakMap<DataVersion, ReplicaReads>();

/** The EntityManager of the replica connection the current public read was given, if it was given one. */
export const publicReadScope = new AsyncLocalStorage<EntityManager>();

function isReplicated(dataSource: DataSource): boolean {
  return 'replication' in dataSource.options && dataSource.options.replication !== undefined;
}

/**
 * Makes `dataSource.manager` the current public read's replica connection inside a `publicReadScope`, and the
 * primary's everywhere else. The services read through `dataSource.manager`; this way each of them reads from the
 * replica on the public path without knowing it, and none of them can reach a replica off that path.
 */
export function routePublicReads(dataSource: DataSource): void {
  const primary = dataSource.manager;
  Object.defineProperty(dataSource, 'manager', {
    configurable: true,
    enumerable: true,
    get: () => publicReadScope.getStore() ?? primary,
  });
}
