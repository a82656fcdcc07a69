import { ConfigError, loadConfig } from './app-config.js';

const defaults = { clientDir: '/srv/client' };

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const sut = loadConfig({ INIT_CWD: '/srv/app' }, defaults);
    expect(sut).toMatchObject({ port: 3000, databaseUrl: undefined, dataDir: '/srv/app/.data', seed: 'demo' });
    expect(sut.rateLimitPerMinute).toBe(600);
  });

  it('reads RATE_LIMIT_PER_MINUTE, 0 turning the limit off', () => {
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '1200' }, defaults).rateLimitPerMinute).toBe(1200);
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '0' }, defaults).rateLimitPerMinute).toBe(0);
  });

  it('trusts no proxy unless TRUST_PROXY says which', () => {
    expect(loadConfig({}, defaults).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }, defaults).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }, defaults).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }, defaults).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }, defaults).trustProxy).toEqual({ hops: 2 });
    expect(loadConfig({ TRUST_PROXY: '10.0.0.2, 172.16.0.0/12,loopback' }, defaults).trustProxy).toEqual({
      addresses: ['10.0.0.2', '172.16.0.0/12', 'loopback'],
    });
  });

  it('reads PORT, DATA_DIR, SEED and DATABASE_URL', () => {
    const sut = loadConfig(
      { PORT: '8080', DATA_DIR: '/var/lib/monitor', SEED: 'none', DATABASE_URL: 'postgres://u:p@db:5432/monitor' },
      defaults,
    );
    expect(sut).toMatchObject({
      port: 8080,
      dataDir: '/var/lib/monitor',
      seed: 'none',
      databaseUrl: 'postgres://u:p@db:5432/monitor',
    });
  });

  it('reads DATABASE_REPLICA_URLS as a list beside DATABASE_URL; none by default', () => {
    expect(loadConfig({}, defaults).databaseReplicaUrls).toEqual([]);
    const sut = loadConfig(
      {
        DATABASE_URL: 'postgres://u:p@db:5432/monitor',
        DATABASE_REPLICA_URLS: 'postgres://u:p@replica-1:5432/monitor, postgresql://u:p@replica-2/monitor',
      },
      defaults,
    );
    expect(sut.databaseReplicaUrls).toEqual([
      'postgres://u:p@replica-1:5432/monitor',
      'postgresql://u:p@replica-2/monitor',
    ]);
  });

  const primary = 'postgres://u:secret@db:5432/monitor';
  it.each([
    [{ DATABASE_REPLICA_URLS: 'postgres://u@r/monitor' }, /DATABASE_REPLICA_URLS needs DATABASE_URL/],
    [{ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'replica' }, /\(entry 1\) is not a valid URL/],
    [{ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'postgres://r/db,mysql://r/db' }, /\(entry 2\) must start with/],
    [{ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'postgres://r' }, /\(entry 1\) must name a host and a database/],
    [{ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'postgres://r/db,,postgres://s/db' }, /\(entry 2\) is empty/],
    [{ DATABASE_URL: primary, DATABASE_REPLICA_URLS: primary }, /\(entry 1\) is DATABASE_URL itself/],
    [
      { DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'postgres://r/db, postgres://r/db' },
      /\(entry 2\) repeats entry 1/,
    ],
  ])('refuses DATABASE_REPLICA_URLS in %j with one clear message, without echoing a password', (env, message) => {
    expect(() => loadConfig(env, defaults)).toThrow(ConfigError);
    expect(() => loadConfig(env, defaults)).toThrow(message);
    expect(() => loadConfig(env, defaults)).not.toThrow(/secret/);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be a whole number/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL is not a valid URL/],
    [{ DATABASE_URL: 'mysql://u@h/db' }, /must start with postgres:\/\//],
    [{ DATABASE_URL: 'postgres://u@host' }, /must name a host and a database/],
    [{ SEED: 'some' }, /SEED must be one of demo, none/],
    [{ RATE_LIMIT_PER_MINUTE: 'lots' }, /RATE_LIMIT_PER_MINUTE must be a whole number from 0 to 1000000/],
    [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY must be false, true, a number of proxies.*"yes" is none of these/],
    [{ TRUST_PROXY: '10.0.0.0/8, proxy.local' }, /"proxy.local" is none of these/],
    [{ TRUST_PROXY: '11' }, /TRUST_PROXY must be false, true, a number of proxies \(1 to 10\)/],
    [{ BACKUP_DIR: '/b', BACKUP_KEEP: '0' }, /BACKUP_KEEP must be a whole number of backups from 1 to 3650, got "0"/],
    [{ BACKUP_DIR: '/b', BACKUP_KEEP: 'all' }, /BACKUP_KEEP must be a whole number/],
    [{ BACKUP_DIR: '/b', BACKUP_AT: '24:00' }, /BACKUP_AT must be a time of day in Tehran as HH:MM/],
    [{ BACKUP_DIR: '/b', BACKUP_AT: '2.30' }, /BACKUP_AT must be a time of day/],
  ])('refuses %j with one clear message', (env, message) => {
    expect(() => loadConfig(env, defaults)).toThrow(ConfigError);
    expect(() => loadConfig(env, defaults)).toThrow(message);
  });

  it('backs up nightly only when BACKUP_DIR is set: 02:30 Tehran, the newest 14 kept, unless told otherwise', () => {
    expect(loadConfig({ BACKUP_KEEP: '3', BACKUP_AT: '04:15' }, defaults).backup).toBeUndefined();
    expect(loadConfig({ INIT_CWD: '/srv/app', BACKUP_DIR: 'backups' }, defaults).backup).toEqual({
      dir: '/srv/app/backups',
      keep: 14,
      at: { hour: 2, minute: 30 },
    });
    expect(
      loadConfig({ BACKUP_DIR: '/var/backups/monitor', BACKUP_KEEP: '30', BACKUP_AT: '4:05' }, defaults).backup,
    ).toEqual({ dir: '/var/backups/monitor', keep: 30, at: { hour: 4, minute: 5 } });
  });

  it('takes the public address (an origin) for absolute feed links, and refuses a path or another scheme', () => {
    expect(loadConfig({}, defaults).publicUrl).toBeUndefined();
    expect(loadConfig({ PUBLIC_URL: 'https://monitor.example.ir/' }, defaults).publicUrl).toBe(
      'https://monitor.example.ir',
    );
    expect(() => loadConfig({ PUBLIC_URL: 'https://example.ir/monitor/' }, defaults)).toThrow(/origin/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://example.ir' }, defaults)).toThrow(ConfigError);
    expect(() => loadConfig({ PUBLIC_URL: 'not a url' }, defaults)).toThrow(/PUBLIC_URL/);
  });
});
