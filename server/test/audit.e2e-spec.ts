import { addDays, tehranToday } from '../src/common/dates/calendar-day.js';
import { isoToJalali } from '../src/common/dates/jalali.js';
import { createTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
});

afterAll(async () => {
  await t?.close();
});

const audit = (query: string) => t.request({ method: 'GET', url: `/api/v1/audit?${query}`, cookie: admin });

/** An ISO day as people type a Jalali day in an address: `1405-09-11`. */
const jalaliWithHyphens = (iso: string) => isoToJalali(iso).replaceAll('/', '-');

describe('GET /api/v1/audit: from and to', () => {
  it("finds today's write with from = today as a Jalali day (1405-09-11), and not with from = tomorrow", async () => {
    const [service] = await t.sql.query(
      `SELECT id, version FROM e_service WHERE stage = 'not_electronic' ORDER BY code LIMIT 1`,
    );
    const today = tehranToday();
    const written = await t.request({
      method: 'POST',
      url: `/api/v1/services/${service.id}/stage`,
      payload: { version: service.version, stage: 'electronic', reachedOn: today },
      cookie: admin,
    });
    expect(written.status).toBe(200);

    const mine = `action=record_service_stage&entityId=${service.id}`;
    const found = await audit(`from=${jalaliWithHyphens(today)}&${mine}`);
    expect(found.status).toBe(200);
    expect(found.body.total).toBe(1);
    expect(found.body.items[0]).toMatchObject({
      action: 'record_service_stage',
      entityType: 'e_service',
      entityId: service.id,
      actorUsername: 'admin',
    });
    // `to` is the whole day, included; Persian digits and slashes read the same.
    const persian = encodeURIComponent(isoToJalali(today).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!));
    expect((await audit(`from=${persian}&to=${persian}&${mine}`)).body.total).toBe(1);
    expect((await audit(`from=${today}&${mine}`)).body.total).toBe(1);
    expect((await audit(`from=${jalaliWithHyphens(addDays(today, 1))}&${mine}`)).body.total).toBe(0);
    expect((await audit(`to=${jalaliWithHyphens(addDays(today, -1))}&${mine}`)).body.total).toBe(0);
  });

  it('reads from=1401-08-20 as the Jalali day 2022-11-11, from 00:00 Tehran time; to= up to the end of its day', async () => {
    // Tehran is UTC+03:30: 2022-11-11 00:00 in Tehran is 2022-11-10 20:30 UTC.
    await t.sql.query(
      `INSERT INTO audit_record (occurred_at, actor_id, action, entity_type, entity_id)
       VALUES ('2022-11-10T20:29:59.999Z', NULL, 'seed', 'dataset', 'audit-e2e'),
              ('2022-11-10T20:30:00.000Z', NULL, 'seed', 'dataset', 'audit-e2e'),
              ('2022-11-11T20:29:59.999Z', NULL, 'seed', 'dataset', 'audit-e2e'),
              ('2022-11-11T20:30:00.000Z', NULL, 'seed', 'dataset', 'audit-e2e')`,
    );
    const times = async (query: string) => {
      const res = await audit(`${query}&entityId=audit-e2e`);
      expect(res.status).toBe(200);
      return (res.body.items as Array<{ occurredAt: string }>).map((r) => r.occurredAt).sort();
    };
    expect(await times('from=1401-08-20')).toEqual([
      '2022-11-10T20:30:00.000Z',
      '2022-11-11T20:29:59.999Z',
      '2022-11-11T20:30:00.000Z',
    ]);
    expect(await times('from=1401/08/20&to=1401-08-20')).toEqual([
      '2022-11-10T20:30:00.000Z',
      '2022-11-11T20:29:59.999Z',
    ]);
    expect(await times('from=2022-11-11&to=2022-11-11')).toEqual([
      '2022-11-10T20:30:00.000Z',
      '2022-11-11T20:29:59.999Z',
    ]);
    expect(await times('to=1401-08-19')).toEqual(['2022-11-10T20:29:59.999Z']);
    // A full ISO date-time is an instant, as it is.
    expect(await times('from=2022-11-11T20:29:59.999Z&to=2022-11-11T20:30:00Z')).toEqual(['2022-11-11T20:29:59.999Z']);

    const all = await audit('from=1401-08-20&pageSize=200');
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThan(3);
    expect(
      (all.body.items as Array<{ occurredAt: string }>).every((r) => r.occurredAt >= '2022-11-10T20:30:00.000Z'),
    ).toBe(true);
  });

  it('refuses what is not a day or a date-time, with messages in Persian and English', async () => {
    for (const bad of ['nonsense', '1401-12-30', '2022-11', '']) {
      const res = await audit(`from=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        error: 'VALIDATION_FAILED',
        message: { fa: expect.any(String), en: expect.any(String) },
        details: [
          {
            field: 'from',
            fa: expect.stringContaining('روز یا زمان معتبری نیست'),
            en: expect.stringContaining('must be a real day'),
          },
        ],
      });
    }
    expect((await audit('to=nonsense')).body.details).toEqual([expect.objectContaining({ field: 'to' })]);
  });
});

describe('GET /api/v1/audit: action and entityType', () => {
  it('accepts only the actions and entity types the audit trail knows', async () => {
    const create = await audit('action=create');
    expect(create.status).toBe(400);
    expect(create.body).toMatchObject({
      error: 'VALIDATION_FAILED',
      details: [{ field: 'action', fa: expect.any(String), en: expect.any(String) }],
    });
    const entity = await audit('entityType=nonsense');
    expect(entity.status).toBe(400);
    expect(entity.body.details).toEqual([expect.objectContaining({ field: 'entityType' })]);

    const seed = await audit('action=seed&entityType=dataset&entityId=demo');
    expect(seed.status).toBe(200);
    expect(seed.body.total).toBe(1);
    expect(seed.body.items[0]).toMatchObject({ action: 'seed', entityType: 'dataset', actorId: null });
  });
});

describe('GET /api/v1/audit: signIns', () => {
  it('leaves sign-ins and sign-outs out when asked, so they do not drown the rest; pages and totals agree', async () => {
    await t.signIn('evaluator'); // one more sign-in on record
    const everything = await audit('pageSize=200');
    const without = await audit('signIns=exclude&pageSize=200');
    expect(without.status).toBe(200);
    const signIns = everything.body.items.filter((r: { action: string }) => ['sign_in', 'sign_out'].includes(r.action));
    expect(signIns.length).toBeGreaterThan(0);
    expect(without.body.items.some((r: { action: string }) => ['sign_in', 'sign_out'].includes(r.action))).toBe(false);
    const signInTotal = (await audit('action=sign_in')).body.total + (await audit('action=sign_out')).body.total;
    expect(without.body.total).toBe(everything.body.total - signInTotal);
    expect((await audit('signIns=hide')).status).toBe(400);
  });
});
