import type { OpenAPIObject } from '@nestjs/swagger';
import { errorShape } from './support/error-shape.js';
import {
  bodyVariants,
  describe as describeValue,
  FREE_TEXT_HOSTILE,
  kindOf,
  multipart,
  PATH_HOSTILE,
  pathWith,
  queryValues,
  resolve,
  sampleOf,
  SCRIPT,
  SQL,
  textOf,
  uploadVariants,
  type HostileRequest,
} from './support/hostile-requests.js';
import { operationsOf, type DocumentedParameter, type Operation } from './support/openapi-operations.js';
import { tableChecksums } from './support/table-checksums.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Hostile input generated from the OpenAPI document (issue 10): for every operation, wrong types, missing and
 * unknown fields, huge strings, numbers out of range, impossible Jalali dates, SQL and script payloads, bidi and
 * zero-width characters, mixed digits, path tricks in ids and file names, broken and oversized uploads. Staff
 * operations are called as admin (so the guard lets them through to validation), public ones anonymously.
 *
 * Every request is invalid by construction (see `support/hostile-requests.ts`): it must get a 4xx with the
 * documented error body, never a 5xx, and the database must not change (per operation: row counts and a digest of
 * every table, sessions left out; the sign-in and sign-out batches also leave out the audit trail, which records
 * sign-ins). Free-text query parameters (`search`…) take hostile text legitimately: those requests are checked
 * separately, for no 5xx and a documented error body when refused.
 */

let t: TestApp;
let document: OpenAPIObject;
let operations: Operation[];
let shape: ReturnType<typeof errorShape>;
/** A real row (id and version) per path segment and per body field naming an id. */
const rows = new Map<string, { id: string; version: number }>();

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** The table behind the collection a path parameter follows (`/scores/{id}` → score). */
const TABLE_OF_SEGMENT: Record<string, string> = {
  agencies: 'agency',
  services: 'e_service',
  systems: 'agency_system',
  cycles: 'programme_cycle',
  milestones: 'milestone_definition',
  rounds: 'evaluation_round',
  'evaluation-sessions': 'evaluation_session',
  scores: 'score',
  responses: 'agency_response',
};
const TABLE_OF_FIELD: Record<string, string> = {
  agencyId: 'agency',
  roundId: 'evaluation_round',
  scoreId: 'score',
  criterionId: 'criterion',
  weeklyReportId: 'weekly_report',
  systemId: 'agency_system',
  actorId: 'app_user',
  evaluatorId: 'app_user',
};

beforeAll(async () => {
  t = await createTestApp({ weeklyReports: 'off' });
  await t.signIn('admin');
  const docs = await t.request({ method: 'GET', url: '/api/docs-json' });
  expect(docs.status).toBe(200);
  document = docs.body as OpenAPIObject;
  operations = operationsOf(document);
  shape = errorShape(document);
  for (const table of new Set([...Object.values(TABLE_OF_SEGMENT), ...Object.values(TABLE_OF_FIELD)])) {
    const hasVersion = await t.sql.query(
      `SELECT 1 FROM information_schema.columns WHERE table_name = $1 AND column_name = 'version'`,
      [table],
    );
    const [row] = await t.sql.query(
      `SELECT id, ${hasVersion.length ? 'version' : '1'} AS version FROM "${table}" ORDER BY id LIMIT 1`,
    );
    if (row) rows.set(table, { id: row.id, version: Number(row.version) });
  }
}, 180_000);

afterAll(async () => {
  await t?.close();
});

/** The table whose row a path's `{param}` names: the segment before it. */
function tableOfPathParameter(op: Operation, name: string): string | undefined {
  const segments = op.path.split('/');
  const at = segments.indexOf(`{${name}}`);
  return TABLE_OF_SEGMENT[segments[at - 1] ?? ''];
}

/** A valid value for a path parameter: a real row's id, an enum's first value, the documented example. */
function pathValueFor(op: Operation) {
  return (parameter: DocumentedParameter): string => {
    const schema = parameter.schema ?? {};
    if (schema.enum?.length) return String(schema.enum[0]);
    const table = tableOfPathParameter(op, parameter.name);
    if (table) return rows.get(table)?.id ?? NO_SUCH_ID;
    if (textOf(schema.example)) return textOf(schema.example);
    if (schema.type === 'number') return '1';
    return 'x';
  };
}

const idFor = (name: string) => rows.get(TABLE_OF_FIELD[name] ?? '')?.id ?? NO_SUCH_ID;

/** The JSON body schema of an operation, if it takes one. */
function jsonBodyOf(op: Operation): Record<string, unknown> | undefined {
  const content = op.operation.requestBody?.content as Record<string, { schema?: unknown }> | undefined;
  return content?.['application/json'] ? resolve(document, content['application/json'].schema) : undefined;
}

/** A body a caller could send, but for the hostile part: examples, real ids, the real row's version. */
function baseBodyOf(op: Operation, schema: Record<string, unknown>): Record<string, unknown> {
  const base = sampleOf(document, schema, '', idFor) as Record<string, unknown>;
  if ('version' in base) {
    const table = tableOfPathParameter(op, 'id');
    base.version = (table && rows.get(table)?.version) ?? 1;
  }
  if (op.operation.operationId === 'signIn') {
    // Never a demo account: a per-username lock-out exists (and no variant here gets past validation anyway).
    base.username = 'hostile-no-such-user';
    base.password = 'not-a-password';
  }
  return base;
}

/** Query parameters as `name=value` with the required ones given a valid value. */
function requiredQuery(op: Operation, except?: string): string[] {
  return (op.operation.parameters ?? [])
    .filter((p) => p.in === 'query' && p.required && p.name !== except)
    .map((p) => `${p.name}=${encodeURIComponent(textOf(p.schema?.enum?.[0]) || textOf(p.schema?.example) || 'x')}`);
}

function url(path: string, query: string[]): string {
  return query.length ? `${path}?${query.join('&')}` : path;
}

/** Every hostile request for one operation (strict: each must be refused), and free-text ones (may be answered). */
function requestsFor(op: Operation): {
  strict: HostileRequest[];
  freeText: HostileRequest[];
  reported: HostileRequest[];
} {
  const method = op.method.toUpperCase();
  const valueOf = pathValueFor(op);
  const basePath = pathWith(op, valueOf);
  const baseQuery = requiredQuery(op);
  const strict: HostileRequest[] = [];
  const freeText: HostileRequest[] = [];
  /** Uploads a preview answers with a 200 listing the problem (its documented answer), nothing valid. */
  const reported: HostileRequest[] = [];
  const schema = jsonBodyOf(op);
  const base = schema ? baseBodyOf(op, schema) : undefined;
  const bodyJson = base ? JSON.stringify(base) : undefined;
  const jsonHeaders = bodyJson ? { 'content-type': 'application/json' } : undefined;

  for (const parameter of op.operation.parameters ?? []) {
    if (parameter.in === 'path') {
      for (const value of PATH_HOSTILE) {
        // Raw, so that `..`, `%2e%2e` and `%00` reach the router as written; the rest encoded as a client would.
        const raw = /^[.%]/.test(value) || value.includes('/') ? value : encodeURIComponent(value);
        // A dot segment that resolves (as every client and proxy resolves it) to another documented route is a
        // request for that route, answered by it: `/agencies/../services/export` is `/services/export`.
        if (resolvesToAnotherRoute(method, pathWith(op, valueOf, parameter.name, raw))) continue;
        strict.push({
          what: `path ${parameter.name} = ${describeValue(value)}`,
          method,
          url: url(pathWith(op, valueOf, parameter.name, raw), baseQuery),
          payload: bodyJson,
          headers: jsonHeaders,
        });
      }
    } else if (parameter.in === 'query') {
      const schemaOf = resolve(document, parameter.schema) as Record<string, unknown>;
      const kind = kindOf(schemaOf, parameter.name);
      const query = requiredQuery(op, parameter.name);
      if (parameter.required) {
        strict.push({ what: `query ${parameter.name} missing`, method, url: url(basePath, query) });
      }
      for (const value of queryValues(kind, schemaOf)) {
        strict.push({
          what: `query ${parameter.name} = ${describeValue(value)}`,
          method,
          url: url(basePath, [...query, `${parameter.name}=${encodeURIComponent(value)}`]),
        });
      }
      if (kind === 'number' || kind === 'enum' || kind === 'uuid') {
        strict.push({
          what: `query ${parameter.name} given twice`,
          method,
          url: url(basePath, [...query, `${parameter.name}=1`, `${parameter.name}=2`]),
        });
      }
      if (kind === 'text') {
        for (const value of [...FREE_TEXT_HOSTILE, '\u0000', '%', '\\', '*', '_%_']) {
          freeText.push({
            what: `query ${parameter.name} = ${describeValue(value)}`,
            method,
            url: url(basePath, [...query, `${parameter.name}=${encodeURIComponent(value)}`]),
          });
        }
      }
    }
  }
  if ((op.operation.parameters ?? []).some((p) => p.in === 'query')) {
    strict.push({
      what: 'an unknown query parameter',
      method,
      url: url(basePath, [...baseQuery, `isAdmin=${encodeURIComponent(SCRIPT)}`]),
    });
  }

  if (schema && base) {
    for (const variant of bodyVariants(document, schema, base)) {
      strict.push({
        what: `body: ${variant.what}`,
        method,
        url: url(basePath, baseQuery),
        payload: variant.payload,
        headers: { 'content-type': variant.contentType ?? 'application/json' },
      });
    }
  } else if (op.operation.requestBody?.content?.['multipart/form-data']) {
    for (const variant of uploadVariants()) {
      if (variant.previewReports && op.operation.operationId === 'previewImport') {
        reported.push({
          what: `upload: ${variant.what}`,
          method,
          url: url(basePath, baseQuery),
          payload: variant.payload,
          headers: { 'content-type': variant.contentType },
        });
        continue;
      }
      strict.push({
        what: `upload: ${variant.what}`,
        method,
        url: url(basePath, baseQuery),
        payload: variant.payload,
        headers: { 'content-type': variant.contentType },
      });
    }
  } else if (method !== 'GET') {
    // A write that takes no body: a body it cannot parse, or one over the limit, is refused before it runs (one it
    // can parse is ignored, however deep: nothing reads it).
    for (const [what, payload] of [
      ['broken JSON', '{"a":'],
      ['JSON over the body limit', JSON.stringify({ padding: 'x'.repeat(1_100_000) })],
    ] as const) {
      strict.push({
        what: `body: ${what}`,
        method,
        url: basePath,
        payload,
        headers: { 'content-type': 'application/json' },
      });
    }
  }
  // Every operation: path tricks after its path, which name no route.
  for (const suffix of ['/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/', `/${encodeURIComponent(SQL)}`]) {
    strict.push({ what: `path + ${suffix}`, method, url: `${basePath}${suffix}` });
  }
  return { strict, freeText, reported };
}

const isPublic = (op: Operation) => Array.isArray(op.operation.security) && op.operation.security.length === 0;

async function freshAdminSession(): Promise<string> {
  const account = t.credentials.find((c) => c.role === 'admin')!;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: account.username, password: account.password },
  });
  expect(res.statusCode).toBe(200);
  return `monitor_session=${res.cookies.find((c) => c.name === 'monitor_session')!.value}`;
}

function summary(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return (text ?? '').slice(0, 200);
}

/** True when `path`, its dot segments resolved, is another documented operation's path (`{param}` matching one segment). */
function resolvesToAnotherRoute(method: string, path: string): boolean {
  const resolved = new URL(path.replace(/%2e/gi, '.'), 'http://host').pathname;
  if (resolved === path) return false;
  return operations.some(
    (other) =>
      other.method.toLowerCase() === method.toLowerCase() &&
      new RegExp(`^${other.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(resolved),
  );
}

describe('hostile requests generated from the OpenAPI document', () => {
  it('get a 4xx with the documented error body, never a 5xx, and write nothing, on every operation', async () => {
    const problems: string[] = [];
    let sent = 0;
    const covered = new Set<string>();
    for (const op of operations) {
      const { strict, reported } = requestsFor(op);
      const authOp = ['signIn', 'signOut'].includes(op.operation.operationId ?? '');
      const cookie = isPublic(op)
        ? undefined
        : op.operation.operationId === 'signOut'
          ? await freshAdminSession()
          : await t.signIn('admin');
      const except = authOp ? ['user_session', 'audit_record'] : ['user_session'];
      const before = await tableChecksums(t.sql, except);
      for (const request of strict) {
        const res = await t.request({ ...request, cookie });
        sent += 1;
        const seen = `${op.label} ${request.what}: ${res.status} ${summary(res.body)}`;
        if (res.status < 400 || res.status >= 500) {
          problems.push(`${seen} (expected a 4xx)`);
          continue;
        }
        const wrongShape = shape.problemsOf(res.body);
        if (wrongShape.length || res.body.statusCode !== res.status)
          problems.push(`${seen} (not the documented error body: ${wrongShape.join('; ') || 'statusCode differs'})`);
      }
      for (const request of reported) {
        const res = await t.request({ ...request, cookie });
        sent += 1;
        const ok = res.status === 200 && res.body.problemCount >= 1 && res.body.validRowCount === 0;
        if (!ok)
          problems.push(`${op.label} ${request.what}: ${res.status} ${summary(res.body)} (expected problems only)`);
      }
      covered.add(op.label);
      const after = await tableChecksums(t.sql, except);
      const changed = Object.keys(before).filter(
        (table) => before[table]!.rows !== after[table]?.rows || before[table]!.digest !== after[table]?.digest,
      );
      if (changed.length) problems.push(`${op.label}: changed ${changed.join(', ')}`);
    }
    expect(problems).toEqual([]);
    // Every operation of the document got hostile requests, and at least 300 were sent in all.
    expect(operations.filter((op) => !covered.has(op.label)).map((op) => op.label)).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(300);
  }, 600_000);

  it('answer hostile text in free-text query parameters without a 5xx, and write nothing', async () => {
    const problems: string[] = [];
    let sent = 0;
    const before = await tableChecksums(t.sql, ['user_session']);
    for (const op of operations) {
      const { freeText } = requestsFor(op);
      const cookie = isPublic(op) ? undefined : await t.signIn('admin');
      for (const request of freeText) {
        const res = await t.request({ ...request, cookie });
        sent += 1;
        const seen = `${op.label} ${request.what}: ${res.status} ${summary(res.body)}`;
        if (res.status >= 500) problems.push(`${seen} (a 5xx)`);
        else if (res.status >= 400 && shape.problemsOf(res.body).length) problems.push(`${seen} (error body)`);
      }
    }
    expect(problems).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(50);
    expect(await tableChecksums(t.sql, ['user_session'])).toEqual(before);
  }, 300_000);

  it('make every request invalid by construction (a sample checked against the generator)', () => {
    // The generator itself: hostile free text never travels alone in a body, so a refusal is never by luck.
    const op = operations.find((o) => o.operation.operationId === 'createEvaluationSession')!;
    const notes = requestsFor(op).strict.filter(
      (r) => r.what.startsWith('body: notes = ') && r.what.includes(' with '),
    );
    expect(notes.length).toBeGreaterThanOrEqual(FREE_TEXT_HOSTILE.length);
    for (const r of notes) expect(r.what).toMatch(/with (roundId = \{\}|an unknown field)/);
    const upload = multipart([{ name: 'file', fileName: 'a.csv', content: 'x' }]);
    expect(upload.contentType).toMatch(/^multipart\/form-data; boundary=/);
  });
});
