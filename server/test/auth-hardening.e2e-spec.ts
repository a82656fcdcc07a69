import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../src/config/app-config.js';
import { createApp } from '../src/create-app.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Who may sign in from where: the client's address (TRUST_PROXY), the limits on sign-in, origin checks, SQL logs. */
let t: TestApp;
const others: NestFastifyApplication[] = [];

/** Another instance on the same database, with other settings. */
async function instance(overrides: Partial<AppConfig>): Promise<NestFastifyApplication> {
  const other = await createApp({ ...t.config, ...overrides } as AppConfig, t.sql);
  await other.init();
  await other.getHttpAdapter().getInstance().ready();
  others.push(other);
  return other;
}

interface Call {
  method?: 'GET' | 'POST';
  url: string;
  payload?: object;
  headers?: Record<string, string>;
  /** The socket's peer: the address the request really comes from. */
  from?: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any JSON body; tests assert its shape
async function call(app: NestFastifyApplication, c: Call): Promise<{ status: number; body: any; headers: any }> {
  const res = await app.inject({
    method: c.method ?? 'GET',
    url: c.url,
    payload: c.payload,
    headers: { host: 'localhost', ...c.headers },
    remoteAddress: c.from ?? '127.0.0.1',
  });
  const json = String(res.headers['content-type'] ?? '').includes('json') && res.body !== '';
  return { status: res.statusCode, body: json ? res.json() : res.body, headers: res.headers };
}

const password = (username: string) => t.credentials.find((c) => c.username === username)!.password;
const signIn = (app: NestFastifyApplication, username: string, pass: string, from: string, headers = {}) =>
  call(app, { method: 'POST', url: '/api/v1/auth/login', payload: { username, password: pass }, from, headers });
const sessionCount = async () =>
  ((await t.sql.query(`SELECT count(*)::int AS n FROM user_session`)) as { n: number }[])[0]!.n;

beforeAll(async () => {
  t = await createTestApp(); // TRUST_PROXY unset: off
});

afterAll(async () => {
  for (const other of others) await other.close();
  await t?.close();
});

describe('the client address, with TRUST_PROXY off (the default)', () => {
  it('does not let a forged X-Forwarded-For reset the sign-in limit of an address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const forged = { 'x-forwarded-for': `198.51.100.${i + 1}` };
      statuses.push((await signIn(t.app, 'nobody-a', 'guess', '203.0.113.5', forged)).status);
    }
    expect(statuses).toEqual(Array(10).fill(401));
    const over = await signIn(t.app, 'nobody-a', 'guess', '203.0.113.5', { 'x-forwarded-for': '198.51.100.77' });
    expect(over.status).toBe(429);
    // The minute's limit of this address (not the username's 15 minutes, which would also have stopped it).
    expect(over.body.error).toBe('TOO_MANY_REQUESTS');
    expect(Number(over.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('counts the API limit per socket address, at the read cache door and in Fastify alike', async () => {
    const limited = await instance({ rateLimitPerMinute: 3 });
    const forged = (i: number) => ({ 'x-forwarded-for': `192.0.2.${i}` });
    const cachedUrl = '/api/v1/agencies?pageSize=4';
    const statuses: number[] = [];
    // The first is computed, the next two are answered from the cache; each claims to be another client.
    for (let i = 1; i <= 3; i++)
      statuses.push((await call(limited, { url: cachedUrl, headers: forged(i), from: '203.0.113.6' })).status);
    expect(statuses).toEqual([200, 200, 200]);
    const cachedOver = await call(limited, { url: cachedUrl, headers: forged(4), from: '203.0.113.6' });
    const uncachedOver = await call(limited, { url: '/api/v1/meta', headers: forged(5), from: '203.0.113.6' });
    expect([cachedOver.status, uncachedOver.status]).toEqual([429, 429]);
    expect(uncachedOver.body.error).toBe('TOO_MANY_REQUESTS');
    // Another real address is not held back.
    expect((await call(limited, { url: cachedUrl, from: '203.0.113.60' })).status).toBe(200);
  });

  it('believes X-Forwarded-For from a proxy the operator trusts, and only from it', async () => {
    const proxied = await instance({ rateLimitPerMinute: 2, trustProxy: { addresses: ['10.0.0.2'] } });
    const via = (client: string) => ({ headers: { 'x-forwarded-for': client }, from: '10.0.0.2' });
    const url = '/api/v1/meta';
    expect((await call(proxied, { url, ...via('198.51.100.9') })).status).toBe(200);
    expect((await call(proxied, { url, ...via('198.51.100.9') })).status).toBe(200);
    expect((await call(proxied, { url, ...via('198.51.100.9') })).status).toBe(429);
    // Another client behind the same proxy has its own count.
    expect((await call(proxied, { url, ...via('198.51.100.10') })).status).toBe(200);
    // A client that reaches the server directly is counted under its own address, whatever it claims.
    const direct = (claim: string) => ({ url, headers: { 'x-forwarded-for': claim }, from: '203.0.113.8' });
    expect((await call(proxied, direct('198.51.100.11'))).status).toBe(200);
    expect((await call(proxied, direct('198.51.100.12'))).status).toBe(200);
    expect((await call(proxied, direct('198.51.100.13'))).status).toBe(429);
  });
});

describe('the sign-in limit per username', () => {
  it('holds across addresses: after 10 failures, even the right password waits', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await signIn(t.app, 'evaluator2', 'wrong', `203.0.113.${100 + i}`)).status).toBe(401);
    }
    const sessions = await sessionCount();
    const refused = await signIn(t.app, 'evaluator2', password('evaluator2'), '203.0.113.120');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      statusCode: 429,
      error: 'TOO_MANY_SIGN_INS',
      message: { fa: expect.stringMatching(/[۰-۹]+ دقیقه/), en: expect.stringContaining('15 minutes') },
    });
    expect(refused.headers['set-cookie']).toBeUndefined();
    expect(await sessionCount()).toBe(sessions);
    // The name is compared as sign-in compares it (case, spaces).
    expect((await signIn(t.app, ' EVALUATOR2', password('evaluator2'), '203.0.113.121')).status).toBe(429);
    // Other accounts, from the same addresses, are not held back.
    expect((await signIn(t.app, 'cabinet', password('cabinet'), '203.0.113.120')).status).toBe(200);
  });

  it('counts unknown usernames alike, so the answer does not tell which exist', async () => {
    for (let i = 0; i < 10; i++) await signIn(t.app, 'no-such-user', 'x', `203.0.113.${130 + i}`);
    expect((await signIn(t.app, 'no-such-user', 'x', '203.0.113.140')).body.error).toBe('TOO_MANY_SIGN_INS');
  });

  it('does not count successful sign-ins', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await signIn(t.app, 'admin', password('admin'), `203.0.113.${150 + i}`)).status);
    expect(statuses).toEqual(Array(12).fill(200));
  });
});

describe('origin checks on sign-in and sign-out', () => {
  it('refuses a sign-in sent from another site (login CSRF): no session, no cookie', async () => {
    const sessions = await sessionCount();
    for (const headers of [{ origin: 'https://evil.example' }, { referer: 'https://evil.example/page' }]) {
      const res = await signIn(t.app, 'cabinet', password('cabinet'), '203.0.113.170', headers);
      expect([headers, res.status]).toEqual([headers, 403]);
      expect(res.body).toMatchObject({
        error: 'CROSS_SITE_REQUEST',
        message: { fa: expect.any(String), en: expect.any(String) },
      });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(await sessionCount()).toBe(sessions);
  });

  it('still signs in from this site, and from scripts that name no origin', async () => {
    const same = await signIn(t.app, 'cabinet', password('cabinet'), '203.0.113.171', { origin: 'http://localhost' });
    expect(same.status).toBe(200);
    expect((await signIn(t.app, 'cabinet', password('cabinet'), '203.0.113.171')).status).toBe(200);
  });

  it('refuses a sign-out sent from another site, with or without a live session', async () => {
    const cookie = await t.signIn('admin');
    const foreign = { origin: 'https://evil.example' };
    const withSession = await call(t.app, {
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, ...foreign },
    });
    const without = await call(t.app, { method: 'POST', url: '/api/v1/auth/logout', headers: foreign });
    expect([withSession.status, without.status]).toEqual([403, 403]);
    expect(without.body.error).toBe('CROSS_SITE_REQUEST');
    expect((await call(t.app, { url: '/api/v1/auth/me', headers: { cookie } })).status).toBe(200);
  });

  it('answers a cookie write with Origin: null or an unreadable Referer with a 403 in both languages, not a 500', async () => {
    const cookie = await t.signIn('admin');
    const unreadable: Record<string, string>[] = [
      { origin: 'null' },
      { referer: 'not a url' },
      { referer: 'http://[bad' },
    ];
    for (const headers of unreadable) {
      const res = await call(t.app, { method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, ...headers } });
      expect([headers, res.status]).toEqual([headers, 403]);
      expect(res.body).toMatchObject({
        statusCode: 403,
        error: 'CROSS_SITE_REQUEST',
        message: { fa: expect.stringContaining('Origin'), en: expect.stringContaining('where it came from') },
      });
    }
    // Nothing happened: the session is still live.
    expect((await call(t.app, { url: '/api/v1/auth/me', headers: { cookie } })).status).toBe(200);
    // The same on sign-in, where no session is involved.
    expect((await signIn(t.app, 'cabinet', password('cabinet'), '203.0.113.172', { origin: 'null' })).status).toBe(403);
  });
});

describe('SQL error logs', () => {
  /** Everything written to the console or the process's output while `run` runs. */
  async function captured(run: () => Promise<unknown>): Promise<string> {
    const lines: string[] = [];
    const keep = (...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
      return true;
    };
    const targets: [object, string][] = [
      [process.stdout, 'write'],
      [process.stderr, 'write'],
      ...['log', 'info', 'warn', 'error', 'debug'].map((m): [object, string] => [console, m]),
    ];
    const originals = targets.map(([target, name]) => (target as Record<string, unknown>)[name]);
    for (const [target, name] of targets) (target as Record<string, unknown>)[name] = keep;
    try {
      await run().catch(() => undefined);
    } finally {
      targets.forEach(([target, name], i) => ((target as Record<string, unknown>)[name] = originals[i]));
    }
    return lines.join('\n');
  }

  it('logs the failed statement and its error code, never the parameters', async () => {
    const marker = 'SECRET-NOTE-7f3a';
    const cast = await captured(() => t.sql.query('SELECT $1::uuid AS id', [marker]));
    const check = await captured(() =>
      t.sql.query(
        `INSERT INTO app_user (username, display_name, role, password_hash) VALUES ('log-check', $1, 'bogus', $2)`,
        [`Ms ${marker}`, marker],
      ),
    );
    expect(cast).not.toContain(marker);
    expect(check).not.toContain(marker);
    expect(cast).toContain('SELECT $1::uuid AS id');
    expect(cast).toContain('22P02'); // invalid text representation
    expect(check).toContain('INSERT INTO app_user');
    expect(check).toContain('23514'); // check violation
    expect(check).toContain('CHK_app_user_role');
    expect((await t.sql.query(`SELECT count(*)::int AS n FROM app_user WHERE username = 'log-check'`))[0].n).toBe(0);
  });
});
