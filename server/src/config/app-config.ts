import { isAbsolute, resolve } from 'node:path';
import { isTrustProxyEntry, type TrustProxy } from '../common/http/trust-proxy.js';

/** The whole configuration, read and validated once at start-up. Nothing else reads `process.env`. */
export class AppConfig {
  readonly port!: number;
  readonly host!: string;
  /** `undefined`: start the embedded PostgreSQL under `dataDir`. */
  readonly databaseUrl!: string | undefined;
  /**
   * Streaming replicas of `databaseUrl` (`DATABASE_REPLICA_URLS`) that anonymous public reads may be served from
   * when they have replayed every commit the data version counts (common/db/replica-reads.ts); empty or unset: none.
   */
  readonly databaseReplicaUrls?: readonly string[];
  readonly dataDir!: string;
  readonly seed!: 'demo' | 'none';
  readonly nodeEnv!: 'development' | 'production' | 'test';
  /** Where the built client is; served at `/` when it exists. */
  readonly clientDir!: string;
  /** The most the public read cache holds, in bytes; 0 turns it off. */
  readonly readCacheBytes!: number;
  /** Hours after publication before the public sees a weekly report (staff see it at once); 0: no embargo. */
  readonly reportEmbargoHours!: number;
  /** `on`: produce the weekly report every Saturday 08:00 Tehran, and missed weeks at start; `off`: only by hand. */
  readonly weeklyReports!: 'on' | 'off';
  /** Requests a minute one client address may make to `/api` (cached answers included); 0 turns the limit off. */
  readonly rateLimitPerMinute!: number;
  /**
   * Which proxies in front of the server to believe about the client's address (`X-Forwarded-For`), protocol and
   * host (`TRUST_PROXY`). `false` (the default): none, the client is the socket's peer, so nobody can choose the
   * address their requests are counted under.
   */
  readonly trustProxy?: TrustProxy;
  /**
   * The public address of the site (`https://monitor.example.ir`), when known: the Atom feed then carries it as
   * `xml:base`, so feed readers resolve its links without guessing. Unset: links are paths from the site's root.
   */
  readonly publicUrl?: string;
  /** The nightly backup (`BACKUP_DIR`, `BACKUP_KEEP`, `BACKUP_AT`); unset: off (modules/backups). */
  readonly backup?: BackupSchedule;

  constructor(values: AppConfig) {
    Object.assign(this, values);
  }
}

export class ConfigError extends Error {}

export interface BackupSchedule {
  /** Absolute folder the nightly files are written to. */
  dir: string;
  /** How many of the newest nightly files to keep; older ones of the same name pattern are deleted. */
  keep: number;
  /** Tehran wall-clock time of the daily run. */
  at: { hour: number; minute: number };
}

function parsePort(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) {
    throw new ConfigError(`${name} must be a whole number from 1 to 65535, got "${raw}"`);
  }
  return Number(raw);
}

function parseMegabytes(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback * 1024 * 1024;
  if (!/^\d+$/.test(raw) || Number(raw) > 65_536) {
    throw new ConfigError(`${name} must be a whole number of megabytes from 0 to 65536, got "${raw}"`);
  }
  return Number(raw) * 1024 * 1024;
}

function parseHours(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > 720) {
    throw new ConfigError(`${name} must be a whole number of hours from 0 to 720, got "${raw}"`);
  }
  return Number(raw);
}

function parseWhole(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > max) {
    throw new ConfigError(`${name} must be a whole number from 0 to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function parsePublicUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(`PUBLIC_URL is not a valid URL; expected e.g. https://monitor.example.ir, got "${raw}"`);
  }
  // The server's links are paths from the site's root (`/api/v1/…`), so the address is an origin, with no path.
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !bare) {
    throw new ConfigError(`PUBLIC_URL must be an http(s) origin such as https://monitor.example.ir, got "${raw}"`);
  }
  return url.origin;
}

function parseDatabaseUrl(raw: string | undefined, name = 'DATABASE_URL'): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL; expected postgres://user:password@host:5432/database`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`${name} must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  if (!url.hostname || url.pathname.length <= 1) {
    throw new ConfigError(`${name} must name a host and a database: postgres://user:password@host:5432/database`);
  }
  return raw;
}

/** At most this many replicas: each one is a connection pool of its own. */
const MAX_REPLICAS = 16;

/**
 * `DATABASE_REPLICA_URLS`: a comma list of PostgreSQL URLs. Replicas only make sense beside a primary the
 * operator runs (`DATABASE_URL`): the embedded PostgreSQL has none. Messages name the entry by its position, never
 * echo it (it may hold a password).
 */
function parseReplicaUrls(raw: string | undefined, primary: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  if (primary === undefined) {
    throw new ConfigError('DATABASE_REPLICA_URLS needs DATABASE_URL: read replicas are replicas of that primary');
  }
  const urls = raw.split(',').map((entry) => entry.trim());
  if (urls.length > MAX_REPLICAS) {
    throw new ConfigError(`DATABASE_REPLICA_URLS holds ${urls.length} URLs; at most ${MAX_REPLICAS}`);
  }
  urls.forEach((url, i) => {
    const name = `DATABASE_REPLICA_URLS (entry ${i + 1})`;
    if (url === '') throw new ConfigError(`${name} is empty; separate the URLs with single commas`);
    parseDatabaseUrl(url, name);
    if (url === primary.trim()) throw new ConfigError(`${name} is DATABASE_URL itself; list only its replicas`);
    if (urls.indexOf(url) !== i) throw new ConfigError(`${name} repeats entry ${urls.indexOf(url) + 1}`);
  });
  return urls;
}

const TRUST_PROXY_HELP =
  'TRUST_PROXY must be false, true, a number of proxies (1 to 10), or a comma list of addresses and networks ' +
  '(10.0.0.2, 172.16.0.0/12, loopback, uniquelocal)';

function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    if (Number(value) > 10) throw new ConfigError(`${TRUST_PROXY_HELP}, got "${raw}"`);
    return { hops: Number(value) };
  }
  const addresses = value.split(',').map((entry) => entry.trim());
  const wrong = addresses.find((entry) => !isTrustProxyEntry(entry));
  if (wrong !== undefined) throw new ConfigError(`${TRUST_PROXY_HELP}; "${wrong}" is none of these`);
  return { addresses };
}

function parseBackup(env: NodeJS.ProcessEnv, base: string): BackupSchedule | undefined {
  const dir = env.BACKUP_DIR?.trim() ?? '';
  if (dir === '') return undefined;
  const keepRaw = env.BACKUP_KEEP?.trim() ?? '';
  if (keepRaw !== '' && (!/^\d+$/.test(keepRaw) || Number(keepRaw) < 1 || Number(keepRaw) > 3650)) {
    throw new ConfigError(`BACKUP_KEEP must be a whole number of backups from 1 to 3650, got "${env.BACKUP_KEEP}"`);
  }
  const atRaw = env.BACKUP_AT?.trim() ?? '';
  const at = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(atRaw === '' ? '02:30' : atRaw);
  if (!at)
    throw new ConfigError(`BACKUP_AT must be a time of day in Tehran as HH:MM (e.g. 02:30), got "${env.BACKUP_AT}"`);
  return {
    dir: isAbsolute(dir) ? dir : resolve(base, dir),
    keep: keepRaw === '' ? 14 : Number(keepRaw),
    at: { hour: Number(at[1]), minute: Number(at[2]) },
  };
}

function oneOf<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

/**
 * Reads the environment. Relative paths are taken from the folder npm was started in (`INIT_CWD`), so
 * `npm start` at the top of the repository keeps its data in `./.data` there.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaults: { clientDir: string }): AppConfig {
  const base = env.INIT_CWD ?? process.cwd();
  const dataDirRaw = env.DATA_DIR && env.DATA_DIR.trim() !== '' ? env.DATA_DIR : './.data';
  const databaseUrl = parseDatabaseUrl(env.DATABASE_URL);
  return new AppConfig({
    port: parsePort('PORT', env.PORT, 3000),
    host: env.HOST && env.HOST.trim() !== '' ? env.HOST : '0.0.0.0',
    databaseUrl,
    databaseReplicaUrls: parseReplicaUrls(env.DATABASE_REPLICA_URLS, databaseUrl),
    dataDir: isAbsolute(dataDirRaw) ? dataDirRaw : resolve(base, dataDirRaw),
    seed: oneOf('SEED', env.SEED, ['demo', 'none'] as const, 'demo'),
    nodeEnv: oneOf('NODE_ENV', env.NODE_ENV, ['development', 'production', 'test'] as const, 'development'),
    clientDir: env.CLIENT_DIR && env.CLIENT_DIR.trim() !== '' ? resolve(base, env.CLIENT_DIR) : defaults.clientDir,
    readCacheBytes: parseMegabytes('READ_CACHE_MB', env.READ_CACHE_MB, 64),
    reportEmbargoHours: parseHours('REPORT_EMBARGO_HOURS', env.REPORT_EMBARGO_HOURS, 0),
    weeklyReports: oneOf('WEEKLY_REPORTS', env.WEEKLY_REPORTS, ['on', 'off'] as const, 'on'),
    rateLimitPerMinute: parseWhole('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE, 600, 1_000_000),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    publicUrl: parsePublicUrl(env.PUBLIC_URL),
    backup: parseBackup(env, base),
  });
}
