import { Logger } from '@nestjs/common';
import pg from 'pg';

/** The channel the `app_notify_data_changed()` triggers notify on (migration DataChangeNotify). */
export const DATA_CHANGED_CHANNEL = 'monitor_data_changed';

/**
 * The version of the public data as this instance knows it: a counter that moves whenever a transaction that
 * changed public data commits, on this instance (`moved()`, called by `Transactions` right after its commit, so a
 * read that follows a write never sees the old answer) or on any other (PostgreSQL `LISTEN`: the tables' triggers
 * notify from the writing transaction, delivered at its commit). Cached reads are keyed by it.
 *
 * While the listening connection is down this instance cannot hear other instances' writes, so `trusted` is false
 * and the read cache steps aside until it is back (each reconnection moves the version too).
 */
export class DataVersion {
  private version = 0;
  private client: pg.Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private scheduled: { at: number; timer: NodeJS.Timeout } | undefined;
  /** The primary's WAL position asked for at a version (see primaryPosition). */
  private position: { version: number; lsn: Promise<string | undefined> } | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly logger = new Logger('DataVersion');

  /** `connectionString`: undefined when nothing listens (OpenAPI preview, caching off). */
  constructor(private readonly connectionString: string | undefined) {}

  get current(): number {
    return this.version;
  }

  /** True while changes made elsewhere reach this instance. */
  get trusted(): boolean {
    return this.client !== undefined;
  }

  /** The public data changed (or may have): every answer cached before now is out of date. */
  moved(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /**
   * Public data that changes with time rather than with a commit (a weekly report whose embargo ends): the version
   * moves at that instant, so no answer cached before it outlives it. The earliest pending instant is kept.
   */
  movesAt(instant: Date): void {
    const delay = instant.getTime() - Date.now();
    if (this.stopped || delay <= 0 || (this.scheduled && this.scheduled.at <= instant.getTime())) return;
    clearTimeout(this.scheduled?.timer);
    // Timers hold at most ~24.8 days; a later instant is looked at again when the shorter timer fires.
    const timer = setTimeout(
      () => {
        this.scheduled = undefined;
        this.moved();
      },
      Math.min(delay, 2 ** 31 - 1),
    );
    timer.unref();
    this.scheduled = { at: instant.getTime(), timer };
  }

  /**
   * The primary's WAL insert position, taken after the version last moved (at most once per version, on the
   * listening connection, which is the primary's): every commit the version counts ends at or before it, so a
   * replica that has replayed this far holds all of them (common/db/replica-reads.ts). The insert position rather
   * than `pg_current_wal_lsn()` (the written one): with `synchronous_commit = off` a commit may be counted before
   * its record is written, and the insert position is past it all the same. `undefined` while not listening.
   */
  primaryPosition(): Promise<string | undefined> {
    const client = this.client;
    if (!client) return Promise.resolve(undefined);
    if (this.position?.version !== this.version) {
      // After the previous question is answered: one query at a time on this connection.
      const lsn = (this.position?.lsn ?? Promise.resolve(undefined))
        .then(() => client.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn'))
        .then((result) => result.rows[0]?.lsn)
        .catch(() => undefined);
      this.position = { version: this.version, lsn };
    }
    return this.position.lsn;
  }

  onMove(listener: () => void): void {
    this.listeners.add(listener);
  }

  async start(): Promise<void> {
    if (!this.connectionString) return;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    clearTimeout(this.scheduled?.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'monitor-listen' });
    const lost = (why: string) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.moved();
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn(`listening connection lost (${why}); the read cache is off until it is back`);
      this.retry = setTimeout(() => void this.connect().catch(() => this.scheduleRetry()), 1000);
    };
    client.on('notification', () => this.moved());
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('closed'));
    await client.connect();
    await client.query(`LISTEN ${DATA_CHANGED_CHANNEL}`);
    if (this.stopped) {
      await client.end();
      return;
    }
    this.client = client;
    // Whatever happened while nobody listened is unknown: start from a new version.
    this.moved();
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    this.retry = setTimeout(() => void this.connect().catch(() => this.scheduleRetry()), 2000);
  }
}
