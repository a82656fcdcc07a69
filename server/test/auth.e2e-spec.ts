import { createTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t?.close();
});

const login = (username: string, password: string, extra: Record<string, unknown> = {}) =>
  t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...extra } });

describe('sign-in', () => {
  it('refuses a wrong password and an unknown user alike, in both languages', async () => {
    const evaluator = t.credentials.find((c) => c.username === 'evaluator')!;
    for (const res of [await login('evaluator', `${evaluator.password}x`), await login('nobody', 'whatever')]) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({
        error: 'BAD_CREDENTIALS',
        message: { fa: expect.any(String), en: expect.any(String) },
      });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('signs in with an httpOnly, SameSite=Strict cookie; /me answers; sign-out ends the session on the server', async () => {
    const evaluator = t.credentials.find((c) => c.username === 'evaluator')!;
    const res = await login('EVALUATOR ', evaluator.password);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'evaluator', role: 'evaluator' });
    expect(res.body.token).toBeUndefined();
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/monitor_session=[\w-]{40,}/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const cookie = setCookie.split(';')[0]!;
    // A readable hint without the secret lets the page skip /auth/me for public visitors.
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] as string | string[]);
    const hint = cookies.find((c) => c.startsWith('monitor_signed_in='));
    expect(hint).toMatch(/^monitor_signed_in=1;/);
    expect(hint).not.toContain('HttpOnly');
    expect(hint).toContain('SameSite=Strict');

    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).body).toMatchObject({
      username: 'evaluator',
      role: 'evaluator',
    });
    const signedOut = await t.request({ method: 'POST', url: '/api/v1/auth/logout', cookie });
    expect(signedOut.status).toBe(204);
    expect(String(signedOut.headers['set-cookie'])).toMatch(/monitor_signed_in=;/);
    const after = await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie });
    expect(after.status).toBe(401);
    expect(after.body.error).toBe('UNAUTHENTICATED');
  });

  it('gives API clients a bearer token on request', async () => {
    const cabinet = t.credentials.find((c) => c.role === 'cabinet')!;
    const res = await login('cabinet', cabinet.password, { mode: 'token' });
    expect(res.body.token).toEqual(expect.any(String));
    const me = await t.request({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${res.body.token}` },
    });
    expect(me.body.role).toBe('cabinet');
  });

  it('stores only a scrypt hash of the password and a hash of the session token', async () => {
    const admin = t.credentials.find((c) => c.role === 'admin')!;
    const [user] = await t.sql.query(`SELECT password_hash FROM app_user WHERE username = 'admin'`);
    expect(user.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    const res = await login('admin', admin.password, { mode: 'token' });
    const sessions = await t.sql.query(`SELECT token_hash FROM user_session`);
    expect(sessions.map((s: { token_hash: string }) => s.token_hash)).not.toContain(res.body.token);
  });

  it('records sign-ins in the audit trail', async () => {
    const [{ n }] = await t.sql.query(`SELECT count(*)::int AS n FROM audit_record WHERE action = 'sign_in'`);
    expect(n).toBeGreaterThan(0);
  });

  it('refuses a write with the session cookie from another site', async () => {
    const cookie = await t.signIn('evaluator');
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookie,
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('CROSS_SITE_REQUEST');
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).status).toBe(200);
  });

  it('rejects a malformed sign-in body with 400 per field', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '' } });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['username', 'password']),
    );
  });

  it('limits sign-in attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login('nobody', 'x', {})).status);
    expect(statuses).toContain(429);
  });
});

describe('the audit trail', () => {
  it('is for admins and the cabinet only', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/audit' })).status).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/v1/audit', cookie: await t.signIn('evaluator') })).status).toBe(
      403,
    );
    const res = await t.request({ method: 'GET', url: '/api/v1/audit?action=seed', cookie: await t.signIn('cabinet') });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({ action: 'seed', entityType: 'dataset', actorId: null });
  });

  it('filters by actor and action', async () => {
    const admin = await t.signIn('admin');
    const [{ id }] = await t.sql.query(`SELECT id FROM app_user WHERE username = 'admin'`);
    const res = await t.request({ method: 'GET', url: `/api/v1/audit?actorId=${id}&action=sign_in`, cookie: admin });
    expect(res.body.total).toBeGreaterThan(0);
    expect(
      res.body.items.every(
        (r: { actorUsername: string; action: string }) => r.actorUsername === 'admin' && r.action === 'sign_in',
      ),
    ).toBe(true);
  });
});
