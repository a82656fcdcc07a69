import { addDays, tehranToday } from '../src/common/dates/calendar-day.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The catalogue's inventory through the HTTP API, on a real PostgreSQL with the demo data: an admin adds a service
 * to an agency's inventory and withdraws one (with a reason); a withdrawn service takes no further stage.
 */

let t: TestApp;
let interior: string;
let justice: string;

async function call(who: string | undefined, method: string, url: string, payload?: unknown) {
  return t.request({ method, url, payload, cookie: who ? await t.signIn(who) : undefined });
}

/** Every service row, every stage ledger row and the number of audit records (sign-ins aside). */
async function fingerprint(): Promise<string> {
  const [row] = await t.sql.query(`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(e::text, ',' ORDER BY e.id) FROM e_service e),
      (SELECT count(*) FROM service_stage_event),
      (SELECT count(*) FROM audit_record WHERE action NOT IN ('sign_in', 'sign_out'))
    )) AS digest`);
  return row.digest;
}

async function audits(entityId: string) {
  return t.sql.query(
    `SELECT action, entity_type, before, after, reason FROM audit_record WHERE entity_id = $1 ORDER BY occurred_at, id`,
    [entityId],
  );
}

const serviceBody = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  nameFa: `خدمت ${code}`,
  nameEn: `Service ${code}`,
  audience: 'g2c',
  identifiedOn: '2022-10-02',
  ...extra,
});

async function addService(agencyId: string, code: string, extra: Record<string, unknown> = {}) {
  const res = await call('admin', 'POST', `/api/v1/agencies/${agencyId}/services`, serviceBody(code, extra));
  expect(res.status).toBe(201);
  return res.body as { id: string; identifiedOn: string; version: number };
}

beforeAll(async () => {
  t = await createTestApp();
  const agencies = await t.sql.query(`SELECT id, code FROM agency WHERE code IN ('interior', 'justice')`);
  interior = agencies.find((a: { code: string }) => a.code === 'interior').id;
  justice = agencies.find((a: { code: string }) => a.code === 'justice').id;
});

afterAll(async () => {
  await t?.close();
});

describe('POST /api/v1/agencies/:id/services', () => {
  it("adds a service to the agency's inventory with no stage reached, audited once; the list shows it", async () => {
    const [system] = await t.sql.query(`SELECT id FROM agency_system WHERE agency_id = $1 ORDER BY code LIMIT 1`, [
      interior,
    ]);
    const res = await call('admin', 'POST', `/api/v1/agencies/${interior}/services`, {
      code: 'N۰۰۰۱',
      nameFa: ' صدور  گواهي ',
      nameEn: 'Certificate issuance',
      audience: 'g2b',
      identifiedOn: '۱۴۰۱/۰۷/۱۰',
      systemId: system.id,
      note: 'نامه شماره ۱۲',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      agencyId: interior,
      code: 'N0001',
      nameFa: 'صدور گواهی',
      nameEn: 'Certificate issuance',
      audience: 'g2b',
      identifiedOn: '2022-10-02',
      withdrawnOn: null,
      withdrawalReason: null,
      version: 1,
    });
    expect(await audits(res.body.id)).toEqual([
      {
        action: 'create_service',
        entity_type: 'e_service',
        before: null,
        after: { ...res.body, systemId: system.id },
        reason: 'نامه شماره 12',
      },
    ]);

    const list = await call(undefined, 'GET', `/api/v1/agencies/${interior}/services?search=N0001`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      {
        ...res.body,
        systemId: system.id,
        electronicOn: null,
        singleWindowOn: null,
        nationalWindowOn: null,
        stage: 'not_electronic',
      },
    ]);
  });

  it('refuses a code the agency already has (in any letter case) with 409, writing nothing; another agency may use it', async () => {
    const before = await fingerprint();
    for (const code of ['S0001', 's0001', 'n0001']) {
      const res = await call('admin', 'POST', `/api/v1/agencies/${interior}/services`, serviceBody(code));
      expect({ code, status: res.status, error: res.body.error }).toEqual({
        code,
        status: 409,
        error: 'SERVICE_CODE_TAKEN',
      });
    }
    expect(await fingerprint()).toBe(before);
    await addService(justice, 'N0001');
  });

  it('refuses a day after today, a system of another agency and bad input, writing nothing', async () => {
    const before = await fingerprint();
    const url = `/api/v1/agencies/${interior}/services`;
    const tomorrow = addDays(tehranToday(), 1);
    const future = await call('admin', 'POST', url, serviceBody('N0002', { identifiedOn: tomorrow }));
    expect(future.status).toBe(422);
    expect(future.body).toMatchObject({
      error: 'SERVICE_DAY_IN_FUTURE',
      message: { fa: expect.any(String), en: expect.any(String) },
      details: [{ field: 'identifiedOn' }],
    });
    const [foreign] = await t.sql.query(`SELECT id FROM agency_system WHERE agency_id <> $1 ORDER BY id LIMIT 1`, [
      interior,
    ]);
    const otherSystem = await call('admin', 'POST', url, serviceBody('N0002', { systemId: foreign.id }));
    expect(otherSystem.status).toBe(422);
    expect(otherSystem.body.error).toBe('SYSTEM_NOT_IN_AGENCY');
    for (const extra of [
      { audience: 'g2x' },
      { code: 'N 2' },
      { code: '' },
      { nameFa: '' },
      { identifiedOn: '1401/07/32' },
      { systemId: 'not-a-uuid' },
      { stage: 'electronic' },
    ]) {
      const res = await call('admin', 'POST', url, serviceBody('N0002', extra));
      expect({ extra, status: res.status, error: res.body.error }).toEqual({
        extra,
        status: 400,
        error: 'VALIDATION_FAILED',
      });
    }
    const noAgency = await call('admin', 'POST', '/api/v1/agencies/00000000-0000-4000-8000-000000000000/services', {
      ...serviceBody('N0002'),
    });
    expect(noAgency.status).toBe(404);
    expect(noAgency.body.error).toBe('AGENCY_NOT_FOUND');
    expect(await fingerprint()).toBe(before);
  });

  it('is for admins: the public gets 401, an evaluator 403', async () => {
    const before = await fingerprint();
    const url = `/api/v1/agencies/${interior}/services`;
    expect((await call(undefined, 'POST', url, serviceBody('N0003'))).status).toBe(401);
    expect((await call('evaluator', 'POST', url, serviceBody('N0003'))).status).toBe(403);
    expect(await fingerprint()).toBe(before);
  });
});

describe('POST /api/v1/services/:id/withdrawal', () => {
  it('withdraws a service with a reason, audited once; it then takes no stage (422) and cannot be withdrawn again (409)', async () => {
    const service = await addService(interior, 'W0001', { identifiedOn: '2022-10-02' });
    const url = `/api/v1/services/${service.id}/withdrawal`;
    const res = await call('admin', 'POST', url, {
      version: '۱',
      withdrawnOn: '۱۴۰۱/۰۸/۰۱',
      reason: ' با خدمت  S0002 ادغام شد ',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: service.id,
      identifiedOn: '2022-10-02',
      withdrawnOn: '2022-10-23',
      withdrawalReason: 'با خدمت S0002 ادغام شد',
      version: 2,
    });
    const trail = await audits(service.id);
    expect(trail.map((a: { action: string }) => a.action)).toEqual(['create_service', 'withdraw_service']);
    expect(trail[1]).toEqual({
      action: 'withdraw_service',
      entity_type: 'e_service',
      before: { ...res.body, withdrawnOn: null, withdrawalReason: null, version: 1 },
      after: res.body,
      reason: 'با خدمت S0002 ادغام شد',
    });
    const list = await call(undefined, 'GET', `/api/v1/agencies/${interior}/services?search=W0001`);
    expect(list.body.items[0]).toMatchObject({ withdrawnOn: '2022-10-23', withdrawalReason: 'با خدمت S0002 ادغام شد' });

    const before = await fingerprint();
    const again = await call('admin', 'POST', url, { version: 2, withdrawnOn: '2022-10-24', reason: 'دوباره' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: 'SERVICE_ALREADY_WITHDRAWN', details: { withdrawnOn: '2022-10-23' } });
    for (const who of ['evaluator', 'admin']) {
      const stage = await call(who, 'POST', `/api/v1/services/${service.id}/stage`, {
        version: 2,
        stage: 'electronic',
        reachedOn: '2022-11-01',
      });
      expect(stage.status).toBe(422);
      expect(stage.body).toMatchObject({
        error: 'SERVICE_WITHDRAWN',
        message: { fa: expect.any(String), en: expect.any(String) },
      });
    }
    expect(await fingerprint()).toBe(before);
  });

  it('refuses a day before the service was identified or after today (422), a short reason (400) and a stale version (409)', async () => {
    const service = await addService(interior, 'W0002', { identifiedOn: '2022-10-02' });
    const url = `/api/v1/services/${service.id}/withdrawal`;
    const before = await fingerprint();
    const early = await call('admin', 'POST', url, { version: 1, withdrawnOn: '2022-10-01', reason: 'تکراری است' });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ error: 'WITHDRAWAL_BEFORE_IDENTIFIED', details: [{ field: 'withdrawnOn' }] });
    const tomorrow = addDays(tehranToday(), 1);
    const future = await call('admin', 'POST', url, { version: 1, withdrawnOn: tomorrow, reason: 'تکراری است' });
    expect(future.status).toBe(422);
    expect(future.body.error).toBe('SERVICE_DAY_IN_FUTURE');
    for (const body of [
      { version: 1, withdrawnOn: '2022-10-05', reason: ' ab ' },
      { version: 1, withdrawnOn: '2022-10-05' },
      { version: 1, withdrawnOn: '2022-10-05', reason: 'x'.repeat(1001) },
      { withdrawnOn: '2022-10-05', reason: 'تکراری است' },
    ]) {
      const res = await call('admin', 'POST', url, body);
      expect({ body, status: res.status, error: res.body.error }).toEqual({
        body,
        status: 400,
        error: 'VALIDATION_FAILED',
      });
    }
    const stale = await call('admin', 'POST', url, { version: 2, withdrawnOn: '2022-10-05', reason: 'تکراری است' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: 'VERSION_CONFLICT',
      details: { current: { id: service.id, version: 1 } },
    });
    expect((await call(undefined, 'POST', url, { version: 1, withdrawnOn: '2022-10-05', reason: 'abc' })).status).toBe(
      401,
    );
    expect(
      (await call('evaluator', 'POST', url, { version: 1, withdrawnOn: '2022-10-05', reason: 'abc' })).status,
    ).toBe(403);
    const missing = await call('admin', 'POST', '/api/v1/services/00000000-0000-4000-8000-000000000000/withdrawal', {
      version: 1,
      withdrawnOn: '2022-10-05',
      reason: 'abc',
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('SERVICE_NOT_FOUND');
    expect(await fingerprint()).toBe(before);

    // the day it was identified is a valid day to withdraw it
    const sameDay = await call('admin', 'POST', url, { version: 1, withdrawnOn: '2022-10-02', reason: 'تکراری است' });
    expect(sameDay.status).toBe(200);
  });
});
