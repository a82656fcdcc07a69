import { createTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let evaluator: string;
let evaluator2: string;
let admin: string;
let cabinet: string;

beforeAll(async () => {
  t = await createTestApp();
  evaluator = await t.signIn('evaluator');
  evaluator2 = await t.signIn('evaluator2');
  admin = await t.signIn('admin');
  cabinet = await t.signIn('cabinet');
});

afterAll(async () => {
  await t?.close();
});

const post = (url: string, payload: unknown, cookie?: string) => t.request({ method: 'POST', url, payload, cookie });
const get = (url: string, cookie?: string) => t.request({ method: 'GET', url, cookie });

/** A main agency whose single window is not launched yet (each call gives another one). */
const usedAgencies = new Set<string>();
async function unlaunchedAgency(): Promise<{ id: string; version: number }> {
  const rows = await t.sql.query(
    `SELECT id, version FROM agency WHERE is_main AND single_window_launched_on IS NULL ORDER BY code`,
  );
  const row = rows.find((r: { id: string }) => !usedAgencies.has(r.id));
  usedAgencies.add(row.id);
  return row;
}

async function agencyRow(id: string) {
  const [row] = await t.sql.query(
    `SELECT to_char(single_window_launched_on, 'YYYY-MM-DD') AS launched, single_window_url AS url,
            to_char(national_window_connected_on, 'YYYY-MM-DD') AS connected, version
     FROM agency WHERE id = $1`,
    [id],
  );
  return row;
}

const count = async (sql: string, params: unknown[] = []) => (await t.sql.query(sql, params))[0].n as number;

describe('POST /api/v1/agencies/:id/progress', () => {
  it('is for evaluators and admins: the public gets 401, the cabinet 403, and nothing changes', async () => {
    const agency = await unlaunchedAgency();
    const body = {
      version: agency.version,
      kind: 'single_window_launched',
      occurredOn: '2022-09-01',
      url: 'https://a.example.ir',
    };
    const events = () =>
      count(`SELECT count(*)::int AS n FROM agency_progress_event WHERE agency_id = $1`, [agency.id]);
    const before = await events();
    const anonymous = await post(`/api/v1/agencies/${agency.id}/progress`, body);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toBe('UNAUTHENTICATED');
    const cab = await post(`/api/v1/agencies/${agency.id}/progress`, body, cabinet);
    expect(cab.status).toBe(403);
    expect(cab.body.error).toBe('FORBIDDEN');
    expect(await agencyRow(agency.id)).toMatchObject({ launched: null, version: agency.version });
    expect(await events()).toBe(before);

    const ok = await post(`/api/v1/agencies/${agency.id}/progress`, body, evaluator);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      agencyId: agency.id,
      singleWindowLaunchedOn: '2022-09-01',
      singleWindowUrl: 'https://a.example.ir',
      version: agency.version + 1,
    });
    const byAdmin = await post(
      `/api/v1/agencies/${agency.id}/progress`,
      { version: agency.version + 1, kind: 'national_window_connected', occurredOn: '2022-10-01' },
      admin,
    );
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body).toMatchObject({ nationalWindowConnectedOn: '2022-10-01', version: agency.version + 2 });
  });

  it('reads Jalali days and Persian digits, and keeps the day it happened', async () => {
    const agency = await unlaunchedAgency();
    const res = await post(
      `/api/v1/agencies/${agency.id}/progress`,
      {
        version: String(agency.version).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!),
        kind: 'single_window_launched',
        occurredOn: '۱۴۰۱/۰۶/۱۵',
        url: ' https://pw.example.ir/خدمات ',
        note: 'اطلاعيه رسمي دستگاه',
      },
      evaluator,
    );
    expect(res.status).toBe(200);
    expect(res.body.singleWindowLaunchedOn).toBe('2022-09-06');
    expect(res.body.events[0]).toMatchObject({
      kind: 'single_window_launched',
      occurredOn: '2022-09-06',
      source: 'manual',
      note: 'اطلاعیه رسمی دستگاه',
      isCurrent: true,
      recordedBy: { displayName: expect.any(String) },
    });
  });

  it('refuses a connection before the launch (and a launch after the connection) with 400, writing nothing', async () => {
    const agency = await unlaunchedAgency();
    const url = `/api/v1/agencies/${agency.id}/progress`;
    const beforeEvents = await count(`SELECT count(*)::int AS n FROM agency_progress_event WHERE agency_id = $1`, [
      agency.id,
    ]);
    const notLaunched = await post(
      url,
      { version: agency.version, kind: 'national_window_connected', occurredOn: '2022-10-01' },
      evaluator,
    );
    expect(notLaunched.status).toBe(400);
    expect(notLaunched.body).toMatchObject({
      error: 'PROGRESS_DATES_OUT_OF_ORDER',
      message: { fa: expect.any(String), en: expect.any(String) },
    });

    const launched = await post(
      url,
      {
        version: agency.version,
        kind: 'single_window_launched',
        occurredOn: '2022-09-10',
        url: 'https://b.example.ir',
      },
      evaluator,
    );
    expect(launched.status).toBe(200);
    const early = await post(
      url,
      { version: agency.version + 1, kind: 'national_window_connected', occurredOn: '2022-09-09' },
      evaluator,
    );
    expect(early.status).toBe(400);
    expect(early.body.error).toBe('PROGRESS_DATES_OUT_OF_ORDER');
    const connected = await post(
      url,
      { version: agency.version + 1, kind: 'national_window_connected', occurredOn: '2022-09-10' },
      evaluator,
    );
    expect(connected.status).toBe(200);
    const lateLaunch = await post(
      url,
      {
        version: agency.version + 2,
        kind: 'single_window_launched',
        occurredOn: '2022-09-11',
        url: 'https://b.example.ir',
      },
      evaluator,
    );
    expect(lateLaunch.status).toBe(400);
    expect(lateLaunch.body.error).toBe('PROGRESS_DATES_OUT_OF_ORDER');

    expect(await agencyRow(agency.id)).toEqual({
      launched: '2022-09-10',
      url: 'https://b.example.ir',
      connected: '2022-09-10',
      version: agency.version + 2,
    });
    expect(await count(`SELECT count(*)::int AS n FROM agency_progress_event WHERE agency_id = $1`, [agency.id])).toBe(
      beforeEvents + 2,
    );
  });

  it('refuses bad input per field, in both languages, without a 500', async () => {
    const agency = await unlaunchedAgency();
    const url = `/api/v1/agencies/${agency.id}/progress`;
    const cases: Array<[unknown, string]> = [
      [
        {
          version: agency.version,
          kind: 'single_window_launched',
          occurredOn: '1401/12/30',
          url: 'https://c.example.ir',
        },
        'occurredOn',
      ],
      [{ version: agency.version, kind: 'single_window_launched', occurredOn: '2022-09-01' }, 'url'],
      [
        {
          version: agency.version,
          kind: 'single_window_launched',
          occurredOn: '2022-09-01',
          url: 'ftp://c.example.ir',
        },
        'url',
      ],
      [{ version: agency.version, kind: 'launched', occurredOn: '2022-09-01' }, 'kind'],
      [{ kind: 'national_window_connected', occurredOn: '2022-09-01' }, 'version'],
      [{ version: agency.version, kind: 'national_window_connected', occurredOn: '2022-09-01', extra: 1 }, 'extra'],
    ];
    for (const [payload, field] of cases) {
      const res = await post(url, payload, evaluator);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, fa: expect.any(String), en: expect.any(String) })]),
      );
    }
    const future = await post(
      url,
      {
        version: agency.version,
        kind: 'single_window_launched',
        occurredOn: '2199-01-01', // the last Gregorian year the date reader takes
        url: 'https://c.example.ir',
      },
      evaluator,
    );
    expect(future.status).toBe(400);
    expect(future.body.error).toBe('DATE_IN_FUTURE');
    expect((await post(`/api/v1/agencies/not-a-uuid/progress`, {}, evaluator)).body.error).toBe('AGENCY_INVALID_ID');
    const missing = await post(
      `/api/v1/agencies/00000000-0000-4000-8000-000000000000/progress`,
      { version: 1, kind: 'national_window_connected', occurredOn: '2022-09-01' },
      evaluator,
    );
    expect(missing.status).toBe(404);
    expect(await agencyRow(agency.id)).toMatchObject({ launched: null, version: agency.version });
  });

  it('a correction supersedes the current ledger row and keeps the old one', async () => {
    const agency = await unlaunchedAgency();
    const url = `/api/v1/agencies/${agency.id}/progress`;
    const first = await post(
      url,
      {
        version: agency.version,
        kind: 'single_window_launched',
        occurredOn: '2022-09-20',
        url: 'https://d.example.ir',
      },
      evaluator,
    );
    const second = await post(
      url,
      {
        version: agency.version + 1,
        kind: 'single_window_launched',
        occurredOn: '2022-09-18',
        url: 'https://d.example.ir/new',
        note: 'تاریخ درست',
      },
      evaluator,
    );
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      singleWindowLaunchedOn: '2022-09-18',
      singleWindowUrl: 'https://d.example.ir/new',
    });
    const launches = second.body.events.filter((e: { kind: string }) => e.kind === 'single_window_launched');
    expect(launches).toHaveLength(2);
    const [current, old] = launches;
    expect(current).toMatchObject({
      occurredOn: '2022-09-18',
      isCurrent: true,
      supersededById: null,
      supersedesId: old.id,
    });
    expect(old).toMatchObject({
      id: first.body.events[0].id,
      occurredOn: '2022-09-20',
      isCurrent: false,
      supersededById: current.id,
    });
  });

  it('the second of two evaluators with the same version gets 409 with the current values; the first one wins', async () => {
    const agency = await unlaunchedAgency();
    const url = `/api/v1/agencies/${agency.id}/progress`;
    const a = post(
      url,
      {
        version: agency.version,
        kind: 'single_window_launched',
        occurredOn: '2022-09-05',
        url: 'https://first.example.ir',
      },
      evaluator,
    );
    const first = await a;
    const second = await post(
      url,
      {
        version: agency.version,
        kind: 'single_window_launched',
        occurredOn: '2022-09-07',
        url: 'https://second.example.ir',
      },
      evaluator2,
    );
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      error: 'VERSION_CONFLICT',
      message: { fa: expect.any(String), en: expect.any(String) },
      details: {
        current: {
          singleWindowLaunchedOn: '2022-09-05',
          singleWindowUrl: 'https://first.example.ir',
          nationalWindowConnectedOn: null,
          version: agency.version + 1,
        },
      },
    });
    expect(await agencyRow(agency.id)).toMatchObject({ launched: '2022-09-05', url: 'https://first.example.ir' });
  });

  it('two writes racing with the same version: exactly one wins', async () => {
    const agency = await unlaunchedAgency();
    const url = `/api/v1/agencies/${agency.id}/progress`;
    const results = await Promise.all(
      [evaluator, evaluator2].map((cookie, i) =>
        post(
          url,
          {
            version: agency.version,
            kind: 'single_window_launched',
            occurredOn: `2022-09-0${i + 1}`,
            url: `https://r${i}.example.ir`,
          },
          cookie,
        ),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(
      await count(`SELECT count(*)::int AS n FROM agency_progress_event WHERE agency_id = $1 AND source = 'manual'`, [
        agency.id,
      ]),
    ).toBe(1);
  });

  it('leaves an audit record of who changed what, before and after', async () => {
    const agency = await unlaunchedAgency();
    await post(
      `/api/v1/agencies/${agency.id}/progress`,
      {
        version: agency.version,
        kind: 'single_window_launched',
        occurredOn: '2022-09-02',
        url: 'https://e.example.ir',
      },
      evaluator,
    );
    const [record] = await t.sql.query(
      `SELECT a.before, a.after, u.username FROM audit_record a JOIN app_user u ON u.id = a.actor_id
       WHERE a.action = 'record_progress' AND a.entity_type = 'agency' AND a.entity_id = $1`,
      [agency.id],
    );
    expect(record.username).toBe('evaluator');
    expect(record.before).toMatchObject({ singleWindowLaunchedOn: null, version: agency.version });
    expect(record.after).toMatchObject({
      singleWindowLaunchedOn: '2022-09-02',
      singleWindowUrl: 'https://e.example.ir',
      version: agency.version + 1,
    });
  });
});

describe('GET /api/v1/agencies/:id/progress', () => {
  it('is public, newest first, and shows notes and names only to signed-in users', async () => {
    const agency = await unlaunchedAgency();
    await post(
      `/api/v1/agencies/${agency.id}/progress`,
      {
        version: agency.version,
        kind: 'single_window_launched',
        occurredOn: '2022-09-03',
        url: 'https://f.example.ir',
        note: 'یادداشت داخلی',
      },
      evaluator,
    );
    const pub = await get(`/api/v1/agencies/${agency.id}/progress`);
    expect(pub.status).toBe(200);
    expect(pub.body.events[0]).toMatchObject({ occurredOn: '2022-09-03', note: null, recordedBy: null });
    expect(pub.headers['cache-control']).toBe('public, no-cache'); // cached, revalidated by ETag
    const signed = await get(`/api/v1/agencies/${agency.id}/progress`, cabinet);
    expect(signed.headers['cache-control']).toBe('private, no-store');
    expect(signed.body.events[0]).toMatchObject({
      note: 'یادداشت داخلی',
      recordedBy: { displayName: expect.any(String) },
    });
  });

  it("includes its services' recent ledger rows, limited", async () => {
    const [interior] = await t.sql.query(`SELECT id FROM agency WHERE code = 'interior'`);
    const res = await get(`/api/v1/agencies/${interior.id}/progress?serviceEventLimit=۵`);
    expect(res.status).toBe(200);
    expect(res.body.serviceEvents).toHaveLength(5);
    expect(res.body.serviceEventTotal).toBeGreaterThan(249);
    expect(res.body).toMatchObject({ singleWindowLaunchedOn: '2022-02-20', nationalWindowConnectedOn: '2022-07-27' });
  });
});

describe('services and systems', () => {
  /** A system of a main agency whose services are not all connected, with a service not yet electronic-only. */
  async function openSystem() {
    const [row] = await t.sql.query(
      `SELECT s.id, s.agency_id, s.version FROM agency_system s
       WHERE s.national_window_on IS NULL
         AND EXISTS (SELECT 1 FROM e_service e WHERE e.system_id = s.id AND e.stage <> 'national_window')
         AND NOT EXISTS (SELECT 1 FROM e_service e WHERE e.system_id = s.id AND (e.electronic_on > '2022-12-25' OR e.single_window_on > '2022-12-25'))
       ORDER BY s.code, s.id LIMIT 1`,
    );
    return row as { id: string; agency_id: string; version: number };
  }

  it('lists an agency’s services by stage and search, and its systems with versions', async () => {
    const [interior] = await t.sql.query(`SELECT id FROM agency WHERE code = 'interior'`);
    const all = await get(`/api/v1/agencies/${interior.id}/services?pageSize=500`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(249);
    expect(all.body.items[0]).toEqual({
      id: expect.any(String),
      agencyId: interior.id,
      code: 'S0001',
      nameFa: expect.any(String),
      nameEn: expect.any(String),
      audience: expect.stringMatching(/^g2[cb]$/),
      systemId: expect.any(String),
      electronicOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      singleWindowOn: '2022-02-20',
      nationalWindowOn: '2022-07-27',
      stage: 'national_window',
      identifiedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      withdrawnOn: null,
      withdrawalReason: null,
      version: 1,
    });
    const connected = await get(`/api/v1/agencies/${interior.id}/services?stage=national_window&pageSize=1`);
    expect(connected.body.items.every((s: { stage: string }) => s.stage === 'national_window')).toBe(true);
    expect(connected.body.total).toBeLessThan(249);
    const search = await get(`/api/v1/agencies/${interior.id}/services?search=${encodeURIComponent('s۰۰۰۱')}`);
    expect(search.body.items.map((s: { code: string }) => s.code)).toEqual(['S0001']);
    expect((await get(`/api/v1/agencies/${interior.id}/services?stage=flying`)).status).toBe(400);

    const systems = await get(`/api/v1/agencies/${interior.id}/systems`);
    expect(systems.status).toBe(200);
    expect(systems.body.items).toHaveLength(2);
    const desk = systems.body.items.find((s: { code: string }) => s.code === 'service-desk');
    expect(desk).toMatchObject({
      stage: 'national_window',
      serviceCount: 12,
      nationalWindowOn: '2022-07-27',
      version: 1,
    });
  });

  it('a service stage: roles, implied earlier stages, ledger rows and audit', async () => {
    const [service] = await t.sql.query(
      `SELECT id, version FROM e_service WHERE stage = 'not_electronic' AND system_id IS NULL ORDER BY code, id LIMIT 1`,
    );
    const url = `/api/v1/services/${service.id}/stage`;
    const body = { version: service.version, stage: 'single_window', reachedOn: '2022-10-02', note: 'از پنجره واحد' };
    expect((await post(url, body)).status).toBe(401);
    expect((await post(url, body, cabinet)).status).toBe(403);
    expect(await count(`SELECT count(*)::int AS n FROM service_stage_event WHERE service_id = $1`, [service.id])).toBe(
      0,
    );

    const res = await post(url, body, evaluator);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      electronicOn: '2022-10-02',
      singleWindowOn: '2022-10-02',
      nationalWindowOn: null,
      stage: 'single_window',
      version: service.version + 1,
    });
    const ledger = await t.sql.query(
      `SELECT stage, to_char(reached_on, 'YYYY-MM-DD') AS day, source FROM service_stage_event WHERE service_id = $1 ORDER BY stage`,
      [service.id],
    );
    expect(ledger).toEqual([
      { stage: 'electronic', day: '2022-10-02', source: 'manual' },
      { stage: 'single_window', day: '2022-10-02', source: 'manual' },
    ]);
    // an earlier stage after a later one is refused, and nothing is written
    const late = await post(url, { version: service.version + 1, stage: 'electronic', reachedOn: '2022-10-03' }, admin);
    expect(late.status).toBe(400);
    expect(late.body.error).toBe('STAGE_DATES_OUT_OF_ORDER');
    const early = await post(
      url,
      { version: service.version + 1, stage: 'national_window', reachedOn: '2022-10-01' },
      admin,
    );
    expect(early.body.error).toBe('STAGE_DATES_OUT_OF_ORDER');
    expect(await count(`SELECT count(*)::int AS n FROM service_stage_event WHERE service_id = $1`, [service.id])).toBe(
      2,
    );
    // a correction of the electronic day supersedes its ledger row
    const corrected = await post(
      url,
      { version: service.version + 1, stage: 'electronic', reachedOn: '2022-09-30' },
      admin,
    );
    expect(corrected.status).toBe(200);
    const [chain] = await t.sql.query(
      `SELECT n.supersedes_id = o.id AS linked, to_char(o.reached_on, 'YYYY-MM-DD') AS old_day
       FROM service_stage_event n JOIN service_stage_event o ON o.id = n.supersedes_id
       WHERE n.service_id = $1 AND n.stage = 'electronic'`,
      [service.id],
    );
    expect(chain).toEqual({ linked: true, old_day: '2022-10-02' });
    const stale = await post(
      url,
      { version: service.version, stage: 'national_window', reachedOn: '2022-11-01' },
      evaluator,
    );
    expect(stale.status).toBe(409);
    expect(stale.body.details.current).toMatchObject({ electronicOn: '2022-09-30', version: service.version + 2 });
    const audits = await t.sql.query(
      `SELECT after FROM audit_record WHERE action = 'record_service_stage' AND entity_id = $1 ORDER BY occurred_at`,
      [service.id],
    );
    expect(audits).toHaveLength(2);
    expect(audits[0].after).toMatchObject({
      stage: 'single_window',
      recordedStage: 'single_window',
      reachedOn: '2022-10-02',
    });
  });

  it('a system reaching the national window carries its services that had not reached it', async () => {
    const system = await openSystem();
    const services = await t.sql.query(
      `SELECT id, stage, to_char(national_window_on, 'YYYY-MM-DD') AS national FROM e_service WHERE system_id = $1`,
      [system.id],
    );
    const behind = services.filter((s: { stage: string }) => s.stage !== 'national_window');
    const already = services.filter((s: { stage: string }) => s.stage === 'national_window');
    expect(behind.length).toBeGreaterThan(0);
    const url = `/api/v1/systems/${system.id}/stage`;
    const body = { version: system.version, stage: 'national_window', reachedOn: '1401/10/05' };
    expect((await post(url, body)).status).toBe(401);
    expect((await post(url, body, cabinet)).status).toBe(403);

    const res = await post(url, body, evaluator);
    expect(res.status).toBe(200);
    expect(res.body.system).toMatchObject({
      id: system.id,
      stage: 'national_window',
      nationalWindowOn: '2022-12-26',
      singleWindowOn: expect.any(String),
      version: system.version + 1,
    });
    expect(res.body.carriedServiceCount).toBe(behind.length);
    expect(res.body.carriedServiceIds.sort()).toEqual(behind.map((s: { id: string }) => s.id).sort());

    const list = await get(`/api/v1/agencies/${system.agency_id}/services?systemId=${system.id}&pageSize=500`);
    for (const s of list.body.items) {
      expect(s.stage).toBe('national_window');
      const was = already.find((a: { id: string }) => a.id === s.id);
      expect(s.nationalWindowOn).toBe(was ? was.national : '2022-12-26');
    }
    const ledger = await count(
      `SELECT count(*)::int AS n FROM service_stage_event
       WHERE service_id = ANY($1::uuid[]) AND stage = 'national_window' AND reached_on = '2022-12-26' AND source = 'manual'`,
      [behind.map((s: { id: string }) => s.id)],
    );
    expect(ledger).toBe(behind.length);
    const audits = await t.sql.query(
      `SELECT action, after FROM audit_record WHERE entity_type = 'agency_system' AND entity_id = $1 ORDER BY action`,
      [system.id],
    );
    expect(audits.map((a: { action: string }) => a.action)).toEqual(['carry_system_stage', 'record_system_stage']);
    expect(audits[0].after).toMatchObject({
      serviceCount: behind.length,
      stage: 'national_window',
      reachedOn: '2022-12-26',
    });
    expect(audits[0].after.serviceIds).toHaveLength(behind.length);
    // the system's own stage page shows it
    const systems = await get(`/api/v1/agencies/${system.agency_id}/systems`);
    const shown = systems.body.items.find((s: { id: string }) => s.id === system.id);
    expect(shown).toMatchObject({ stage: 'national_window', connectedServiceCount: shown.serviceCount });
  });

  it('refuses a system day that its services contradict, writing nothing', async () => {
    const [system] = await t.sql.query(
      `SELECT s.id, s.version FROM agency_system s
       WHERE s.national_window_on IS NULL AND s.electronic_on < '2022-01-01'
         AND EXISTS (SELECT 1 FROM e_service e WHERE e.system_id = s.id AND e.stage <> 'national_window' AND e.electronic_on > '2022-01-01')
       ORDER BY s.id LIMIT 1`,
    );
    const before = await count(`SELECT count(*)::int AS n FROM service_stage_event`);
    const res = await post(
      `/api/v1/systems/${system.id}/stage`,
      { version: system.version, stage: 'national_window', reachedOn: '2022-01-01' },
      evaluator,
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('STAGE_DATES_OUT_OF_ORDER');
    expect(res.body.details.serviceCount).toBeGreaterThan(0);
    expect(res.body.details.services[0]).toMatchObject({ id: expect.any(String), code: expect.any(String) });
    expect(await count(`SELECT count(*)::int AS n FROM service_stage_event`)).toBe(before);
    const [after] = await t.sql.query(`SELECT national_window_on, version FROM agency_system WHERE id = $1`, [
      system.id,
    ]);
    expect(after).toEqual({ national_window_on: null, version: system.version });
  });

  it('answers 404 and 400 for unknown and malformed ids', async () => {
    expect((await post(`/api/v1/services/x/stage`, {}, evaluator)).body.error).toBe('SERVICE_INVALID_ID');
    expect((await post(`/api/v1/systems/x/stage`, {}, evaluator)).body.error).toBe('SYSTEM_INVALID_ID');
    const body = { version: 1, stage: 'electronic', reachedOn: '2022-01-01' };
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await post(`/api/v1/services/${missing}/stage`, body, evaluator)).body.error).toBe('SERVICE_NOT_FOUND');
    expect((await post(`/api/v1/systems/${missing}/stage`, body, evaluator)).body.error).toBe('SYSTEM_NOT_FOUND');
    expect((await get(`/api/v1/agencies/${missing}/services`)).status).toBe(404);
    expect((await get(`/api/v1/agencies/${missing}/systems`)).status).toBe(404);
  });
});
