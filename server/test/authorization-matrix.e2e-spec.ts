import type { OpenAPIObject } from '@nestjs/swagger';
import { USER_ROLES, type UserRole } from '../src/modules/users/app-user.entity.js';
import {
  fillPath,
  operationsOf,
  type DocumentedOperation,
  type DocumentedParameter,
  type Operation,
} from './support/openapi-operations.js';
import { tableChecksums } from './support/table-checksums.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Who may do what, for every operation the OpenAPI document lists: anonymous, cabinet, evaluator and admin each
 * call it, and the answer must be what the document promises. `security: []` with a cached public read (`304`
 * documented), or one of the few public operations below, is public; otherwise the operation lists its roles in
 * `x-roles` (written by `@Roles`). Nobody gets in where they do not belong, and nothing is written by a request
 * the guard refused (nor by the dummy requests it let through).
 */
let t: TestApp;
let document: OpenAPIObject;
let operations: Operation[];

/** Public operations that are not cached public reads, each public on purpose. */
const PUBLIC_BY_DESIGN: Record<string, string> = {
  signIn: 'anyone may try to sign in',
  getHealth: 'for load balancers and supervisors',
  exportAgencyServices: 'a public export, built per request',
  getOpenDataBundle: 'the open-data zip, built per request',
};

type Who = 'anonymous' | UserRole;
const EVERYONE: readonly Who[] = ['anonymous', ...USER_ROLES];

type Rule = { public: true } | { public: false; roles: UserRole[] } | { problem: string };

/** What the document says about who may call the operation. */
function ruleOf(operation: DocumentedOperation): Rule {
  const security = operation.security;
  if (!Array.isArray(security)) return { problem: 'no security requirement' };
  const roles = operation['x-roles'];
  if (security.length === 0) {
    if (roles !== undefined) return { problem: 'public (security: []) yet lists x-roles' };
    const cachedPublicRead = operation.responses['304'] !== undefined;
    const onPurpose = operation.operationId !== undefined && operation.operationId in PUBLIC_BY_DESIGN;
    return cachedPublicRead || onPurpose
      ? { public: true }
      : { problem: 'public by default: neither @Roles(...) nor @PublicRead() nor listed as public by design' };
  }
  if (!Array.isArray(roles) || roles.length === 0) return { problem: 'needs a session yet lists no x-roles' };
  const unknown = roles.filter((role) => !(USER_ROLES as readonly string[]).includes(role));
  if (unknown.length) return { problem: `unknown roles in x-roles: ${unknown.join(', ')}` };
  return { public: false, roles: roles as UserRole[] };
}

/** A dummy id no row has: a write that passes the guard with it finds nothing to change. */
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

function pathValue(parameter: DocumentedParameter): string {
  const schema = parameter.schema ?? {};
  if (schema.enum?.length) return String(schema.enum[0]);
  if (typeof schema.example === 'string' || typeof schema.example === 'number') return String(schema.example);
  if (schema.format === 'uuid' || parameter.name === 'id') return NO_SUCH_ID;
  return 'x';
}

/** Session cookies by role, from one sign-in each (signOut gets fresh ones: it ends the session it is sent with). */
const cookies = new Map<Who, string | undefined>();

async function freshSession(role: UserRole): Promise<string> {
  const account = t.credentials.find((c) => c.role === role)!;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: account.username, password: account.password },
  });
  expect(res.statusCode).toBe(200);
  return `monitor_session=${res.cookies.find((c) => c.name === 'monitor_session')!.value}`;
}

/**
 * The operation as this caller: path parameters from the document (an id nobody has), and for a write an empty
 * JSON object (or no file at all for an upload): nothing a guard let through can succeed in changing data.
 */
function call(op: Operation, cookie: string | undefined, headers: Record<string, string> = {}) {
  const content = op.operation.requestBody?.content ?? {};
  return t.request({
    method: op.method.toUpperCase(),
    url: fillPath(op, pathValue),
    cookie,
    payload: 'application/json' in content ? {} : undefined,
    headers,
  });
}

const isErrorBody = (body: unknown, code: string) =>
  typeof body === 'object' &&
  body !== null &&
  (body as { error?: unknown }).error === code &&
  typeof (body as { message?: { fa?: unknown } }).message?.fa === 'string' &&
  typeof (body as { message?: { en?: unknown } }).message?.en === 'string';

beforeAll(async () => {
  t = await createTestApp({ weeklyReports: 'off' });
  const docs = await t.request({ method: 'GET', url: '/api/docs-json' });
  expect(docs.status).toBe(200);
  document = docs.body as OpenAPIObject;
  operations = operationsOf(document);
  cookies.set('anonymous', undefined);
  for (const role of USER_ROLES) cookies.set(role, await t.signIn(role));
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('the rules the OpenAPI document states', () => {
  it('give every operation a rule: public on purpose, or the roles that may call it', () => {
    expect(operations.length).toBeGreaterThan(60);
    const without = operations.flatMap((op) => {
      const rule = ruleOf(op.operation);
      return 'problem' in rule ? [`${op.label}: ${rule.problem}`] : [];
    });
    expect(without).toEqual([]);
    // The operations kept public on purpose all still exist (a stale entry would hide a new one of the same name).
    const ids = new Set(operations.map((op) => op.operation.operationId));
    expect(Object.keys(PUBLIC_BY_DESIGN).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('fail a new endpoint that has neither @Roles nor a public marking, and one that needs a session but names no role', () => {
    const bare: DocumentedOperation = { operationId: 'deleteEverything', responses: { '200': {} }, security: [] };
    expect(ruleOf(bare)).toEqual({ problem: expect.stringContaining('public by default') });
    expect(ruleOf({ ...bare, security: undefined })).toEqual({ problem: 'no security requirement' });
    expect(ruleOf({ ...bare, security: [{ session: [] }] })).toEqual({ problem: expect.stringContaining('x-roles') });
    expect(ruleOf({ ...bare, responses: { '200': {}, '304': {} } })).toEqual({ public: true });
  });

  it('name the roles the staff pages rely on (the document is what the matrix below trusts)', () => {
    const rolesOf = (id: string) => {
      const op = operations.find((o) => o.operation.operationId === id)!;
      return (ruleOf(op.operation) as { roles: UserRole[] }).roles;
    };
    expect(rolesOf('listAudit').sort()).toEqual(['admin', 'cabinet']);
    expect(rolesOf('recordAgencyProgress').sort()).toEqual(['admin', 'evaluator']);
    expect(rolesOf('createRound')).toEqual(['admin']);
    expect(rolesOf('getMe').sort()).toEqual([...USER_ROLES].sort());
  });
});

describe('every operation × anonymous, cabinet, evaluator, admin', () => {
  it('answers each caller as its rule says, and writes nothing for a refused (or dummy) request', async () => {
    const wrong: string[] = [];
    let staffOperations = 0;
    let refusals = 0;
    let snapshot = await tableChecksums(t.sql);
    for (const op of operations) {
      const rule = ruleOf(op.operation);
      if ('problem' in rule) continue; // reported by the test above
      const signOut = op.operation.operationId === 'signOut';
      // Signing out ends the session it is sent with (a write of its own): it gets sessions of its own, made
      // before its snapshot, and its sessions and audit records are left out of the comparison.
      const sessionOf = new Map(cookies);
      if (signOut) for (const role of USER_ROLES) sessionOf.set(role, await freshSession(role));
      const before = signOut ? await tableChecksums(t.sql) : snapshot;
      if (!rule.public) staffOperations += 1;

      for (const who of EVERYONE) {
        const res = await call(op, sessionOf.get(who));
        const seen = `${op.label} as ${who}: ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`;
        if (res.status >= 500) {
          wrong.push(`${seen} (a 5xx)`);
        } else if (rule.public || (who !== 'anonymous' && rule.roles.includes(who))) {
          // Let through: it may fail on the dummy input (400/404/409/415…), never on who the caller is.
          if (res.status === 401 || res.status === 403) wrong.push(`${seen} (expected to be let through)`);
        } else if (who === 'anonymous') {
          if (res.status !== 401 || !isErrorBody(res.body, 'UNAUTHENTICATED')) wrong.push(`${seen} (expected 401)`);
          else refusals += 1;
        } else if (res.status !== 403 || !isErrorBody(res.body, 'FORBIDDEN')) {
          wrong.push(`${seen} (expected 403)`);
        } else {
          refusals += 1;
        }
      }
      if (!rule.public) {
        // A session that is not one (forged, expired or signed out) is no better than none.
        for (const headers of [{ authorization: 'Bearer forged-token' }, { cookie: 'monitor_session=forged' }] as Array<
          Record<string, string>
        >) {
          const res = await call(op, undefined, headers);
          if (res.status !== 401) wrong.push(`${op.label} with ${Object.keys(headers)[0]} forged: ${res.status}`);
        }
      }

      snapshot = await tableChecksums(t.sql);
      const expectedToWrite = signOut ? ['user_session', 'audit_record'] : [];
      const changed = Object.keys(before).filter(
        (table) => !expectedToWrite.includes(table) && before[table]!.digest !== snapshot[table]?.digest,
      );
      if (changed.length) wrong.push(`${op.label}: changed ${changed.join(', ')}`);
    }
    expect(wrong).toEqual([]);
    // The matrix is not empty: the staff operations were really refused to the roles outside their lists.
    expect(staffOperations).toBeGreaterThan(30);
    expect(refusals).toBeGreaterThan(2 * staffOperations);
  }, 300_000);

  it('ends a session on sign-out: the same cookie then gets 401 on every staff read', async () => {
    const cookie = await freshSession('cabinet');
    const out = await t.request({ method: 'POST', url: '/api/v1/auth/logout', cookie });
    expect(out.status).toBe(204);
    for (const op of operations.filter((o) => o.method === 'get' && o.operation.security?.length)) {
      const res = await call(op, cookie);
      expect([op.label, res.status]).toEqual([op.label, 401]);
    }
  });
});
