import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Programme cycles and their milestones through the HTTP API, on a real PostgreSQL with the demo data: the public
 * read, admin writes with Jalali days in Persian digits, overlapping cycles, share thresholds as exact fractions,
 * optimistic locking, who may write, and one audit record per write.
 */

let t: TestApp;
let budget1401: string;

async function call(who: string | undefined, method: string, url: string, payload?: unknown) {
  return t.request({ method, url, payload, cookie: who ? await t.signIn(who) : undefined });
}

/** Every cycle and milestone row and the number of audit records (sign-ins aside): "nothing changed". */
async function fingerprint(): Promise<string> {
  const [row] = await t.sql.query(`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(c::text, ',' ORDER BY c.id) FROM programme_cycle c),
      (SELECT string_agg(m::text, ',' ORDER BY m.id) FROM milestone_definition m),
      (SELECT count(*) FROM audit_record WHERE action NOT IN ('sign_in', 'sign_out'))
    )) AS digest`);
  return row.digest;
}

async function audits(entityId: string) {
  return t.sql.query(
    `SELECT a.action, a.entity_type, a.before, a.after, a.reason, u.username
     FROM audit_record a LEFT JOIN app_user u ON u.id = a.actor_id
     WHERE a.entity_id = $1 ORDER BY a.occurred_at, a.id`,
    [entityId],
  );
}

const cycleBody = (code: string, startsOn: string, endsOn: string, extra: Record<string, unknown> = {}) => ({
  code,
  titleFa: `دوره ${code}`,
  titleEn: `Cycle ${code}`,
  startsOn,
  endsOn,
  ...extra,
});

async function createCycle(code: string, startsOn: string, endsOn: string, extra: Record<string, unknown> = {}) {
  const res = await call('admin', 'POST', '/api/v1/cycles', cycleBody(code, startsOn, endsOn, extra));
  expect(res.status).toBe(201);
  return res.body;
}

beforeAll(async () => {
  t = await createTestApp();
  [{ id: budget1401 }] = await t.sql.query(`SELECT id FROM programme_cycle WHERE code = 'budget-1401'`);
});

afterAll(async () => {
  await t?.close();
});

describe('reading cycles (public)', () => {
  const demo = () => ({
    id: budget1401,
    code: 'budget-1401',
    titleFa: 'قانون بودجه ۱۴۰۱',
    titleEn: 'Budget law of 1401',
    startsOn: '2022-03-21',
    endsOn: '2023-03-20',
    baselineOn: '2022-03-21',
    version: 1,
    milestones: [
      {
        id: expect.any(String),
        cycleId: budget1401,
        code: 'single-window',
        titleFa: expect.any(String),
        titleEn: "Launch of the agency's own single window",
        rule: 'single_window_launched',
        share: null,
        dueOn: '2022-09-22',
        atRiskDays: 14,
        sortOrder: 1,
        version: 1,
      },
      {
        id: expect.any(String),
        cycleId: budget1401,
        code: 'single-window-share',
        titleFa: expect.any(String),
        titleEn: 'At least one third of services in the single window',
        rule: 'single_window_service_share',
        share: { numerator: 1, denominator: 3 },
        dueOn: '2022-09-22',
        atRiskDays: 14,
        sortOrder: 2,
        version: 1,
      },
      {
        id: expect.any(String),
        cycleId: budget1401,
        code: 'national-window',
        titleFa: expect.any(String),
        titleEn: 'Single window connected to the national window',
        rule: 'national_window_connected',
        share: null,
        dueOn: '2023-01-20',
        atRiskDays: 14,
        sortOrder: 3,
        version: 1,
      },
    ],
  });

  it('lists the demo 1401 budget cycle with its three deadlines, the share as an exact fraction', async () => {
    const res = await call(undefined, 'GET', '/api/v1/cycles');
    expect(res.status).toBe(200);
    expect(res.body.items.find((c: { code: string }) => c.code === 'budget-1401')).toEqual(demo());
  });

  it('reads one cycle by id; 404 and 400 for unknown and malformed ids', async () => {
    const one = await call(undefined, 'GET', `/api/v1/cycles/${budget1401}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(demo());
    const unknown = await call(undefined, 'GET', '/api/v1/cycles/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: 'CYCLE_NOT_FOUND', message: { fa: expect.any(String) } });
    const malformed = await call(undefined, 'GET', '/api/v1/cycles/budget-1401');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toBe('CYCLE_INVALID_ID');
  });
});

describe('writing cycles (admin)', () => {
  let cycle1402: { id: string; version: number };

  it('creates the 1402 cycle from Jalali days in Persian digits, baseline defaulting to the first day, audited once', async () => {
    const res = await call('admin', 'POST', '/api/v1/cycles', {
      code: ' Budget-1402 ',
      titleFa: 'قانون بودجه ۱۴۰۲',
      titleEn: 'Budget law of 1402',
      startsOn: '۱۴۰۲/۰۱/۰۱',
      endsOn: '۱۴۰۲/۱۲/۲۹',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      code: 'budget-1402',
      titleFa: 'قانون بودجه 1402', // digits unified, as in every text field
      titleEn: 'Budget law of 1402',
      startsOn: '2023-03-21',
      endsOn: '2024-03-19',
      baselineOn: '2023-03-21',
      version: 1,
      milestones: [],
    });
    cycle1402 = res.body;
    const trail = await audits(res.body.id);
    expect(trail).toEqual([
      {
        action: 'create_cycle',
        entity_type: 'programme_cycle',
        before: null,
        after: res.body,
        reason: null,
        username: expect.any(String),
      },
    ]);
    const list = await call(undefined, 'GET', '/api/v1/cycles');
    const codes = list.body.items.map((c: { code: string }) => c.code);
    expect(codes.indexOf('budget-1401')).toBeLessThan(codes.indexOf('budget-1402'));
  });

  it('refuses a cycle that shares a day with another (409 naming it), writing nothing', async () => {
    const before = await fingerprint();
    const res = await call('admin', 'POST', '/api/v1/cycles', cycleBody('bridge', '2023-03-01', '2023-03-21'));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      error: 'CYCLE_OVERLAP',
      message: { fa: expect.stringContaining('budget-1401'), en: expect.stringContaining('budget-1401') },
      details: { cycle: { id: budget1401, code: 'budget-1401', startsOn: '2022-03-21', endsOn: '2023-03-20' } },
    });
    // the last day of one cycle is not the first of the next: 1402/12/29 is in 1402
    const touching = await call('admin', 'POST', '/api/v1/cycles', cycleBody('touch', '2024-03-19', '2024-04-01'));
    expect(touching.status).toBe(409);
    expect(touching.body.details.cycle.code).toBe('budget-1402');
    expect(await fingerprint()).toBe(before);
  });

  it('two overlapping cycles created at once: exactly one is written', async () => {
    const results = await Promise.all([
      call('admin', 'POST', '/api/v1/cycles', cycleBody('race-a', '2030-03-21', '2030-06-21')),
      call('admin', 'POST', '/api/v1/cycles', cycleBody('race-b', '2030-05-01', '2030-09-21')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const [{ n }] = await t.sql.query(`SELECT count(*)::int AS n FROM programme_cycle WHERE code LIKE 'race-%'`);
    expect(n).toBe(1);
  });

  it('refuses bad days and a taken code with coded errors, writing nothing', async () => {
    const before = await fingerprint();
    const backwards = await call('admin', 'POST', '/api/v1/cycles', cycleBody('late', '2040-03-21', '2040-03-20'));
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({ error: 'CYCLE_DATES_INVALID', details: [{ field: 'endsOn' }] });
    const baseline = await call(
      'admin',
      'POST',
      '/api/v1/cycles',
      cycleBody('late', '2040-03-21', '2040-06-20', { baselineOn: '2040-06-21' }),
    );
    expect(baseline.status).toBe(400);
    expect(baseline.body).toMatchObject({ error: 'CYCLE_DATES_INVALID', details: [{ field: 'baselineOn' }] });
    const notADay = await call('admin', 'POST', '/api/v1/cycles', cycleBody('late', '1402/13/01', '2040-06-20'));
    expect(notADay.status).toBe(400);
    expect(notADay.body).toMatchObject({
      error: 'VALIDATION_FAILED',
      details: [{ field: 'startsOn', fa: expect.any(String), en: expect.any(String) }],
    });
    const badCode = await call('admin', 'POST', '/api/v1/cycles', cycleBody('بودجه', '2040-03-21', '2040-06-20'));
    expect(badCode.status).toBe(400);
    const taken = await call('admin', 'POST', '/api/v1/cycles', cycleBody('budget-1401', '2040-03-21', '2040-06-20'));
    expect(taken.status).toBe(409);
    expect(taken.body.error).toBe('CYCLE_CODE_TAKEN');
    expect(await fingerprint()).toBe(before);
  });

  it('is for admins: the public gets 401, an evaluator 403, and nothing changes', async () => {
    const before = await fingerprint();
    const body = cycleBody('budget-1410', '2031-03-21', '2032-03-19');
    expect((await call(undefined, 'POST', '/api/v1/cycles', body)).status).toBe(401);
    const evaluator = await call('evaluator', 'POST', '/api/v1/cycles', body);
    expect(evaluator.status).toBe(403);
    expect(evaluator.body.error).toBe('FORBIDDEN');
    const patch = { version: cycle1402.version, titleEn: 'x' };
    expect((await call(undefined, 'PATCH', `/api/v1/cycles/${cycle1402.id}`, patch)).status).toBe(401);
    expect((await call('evaluator', 'PATCH', `/api/v1/cycles/${cycle1402.id}`, patch)).status).toBe(403);
    expect(await fingerprint()).toBe(before);
  });

  it('edits a cycle at the version read, audited with before and after; a stale version gets 409', async () => {
    const url = `/api/v1/cycles/${cycle1402.id}`;
    const res = await call('admin', 'PATCH', url, {
      version: cycle1402.version,
      titleEn: 'Budget law of 1402 (amended)',
      baselineOn: '۱۴۰۱/۱۲/۲۹',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      code: 'budget-1402',
      titleFa: 'قانون بودجه 1402',
      titleEn: 'Budget law of 1402 (amended)',
      startsOn: '2023-03-21',
      baselineOn: '2023-03-20',
      version: cycle1402.version + 1,
    });
    const trail = await audits(cycle1402.id);
    expect(trail.map((a: { action: string }) => a.action)).toEqual(['create_cycle', 'update_cycle']);
    expect(trail[1]).toMatchObject({
      before: { titleEn: 'Budget law of 1402', baselineOn: '2023-03-21', version: 1 },
      after: res.body,
    });

    const before = await fingerprint();
    const stale = await call('admin', 'PATCH', url, { version: cycle1402.version, titleEn: 'Too late' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: 'VERSION_CONFLICT', details: { current: res.body } });
    // the merged days are checked as on creation
    const overlap = await call('admin', 'PATCH', url, { version: res.body.version, startsOn: '2023-03-20' });
    expect(overlap.status).toBe(409);
    expect(overlap.body.details.cycle.code).toBe('budget-1401');
    const backwards = await call('admin', 'PATCH', url, { version: res.body.version, endsOn: '2023-03-20' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error).toBe('CYCLE_DATES_INVALID');
    const code = await call('admin', 'PATCH', url, { version: res.body.version, code: 'other' });
    expect(code.status).toBe(400);
    expect(code.body.error).toBe('VALIDATION_FAILED');
    const missing = await call('admin', 'PATCH', '/api/v1/cycles/00000000-0000-4000-8000-000000000000', {
      version: 1,
    });
    expect(missing.status).toBe(404);
    expect(await fingerprint()).toBe(before);
    cycle1402 = res.body;
  });
});

describe('milestones (admin)', () => {
  let cycleId: string;

  beforeAll(async () => {
    cycleId = (await createCycle('milestones-2035', '2035-03-21', '2036-03-19')).id;
  });

  const milestoneBody = (code: string, extra: Record<string, unknown> = {}) => ({
    code,
    titleFa: `موعد ${code}`,
    titleEn: `Milestone ${code}`,
    rule: 'single_window_launched',
    dueOn: '2035-09-22',
    ...extra,
  });

  it('adds a share milestone (digits in any script), defaults applied, audited once; the cycle shows it', async () => {
    const res = await call(
      'admin',
      'POST',
      `/api/v1/cycles/${cycleId}/milestones`,
      milestoneBody('share', {
        rule: 'single_window_service_share',
        share: { numerator: '۲', denominator: '٥' },
        dueOn: '۱۴۱۴/۰۶/۳۱',
        sortOrder: 2,
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      cycleId,
      code: 'share',
      titleFa: 'موعد share',
      titleEn: 'Milestone share',
      rule: 'single_window_service_share',
      share: { numerator: 2, denominator: 5 },
      dueOn: '2035-09-22',
      atRiskDays: 14,
      sortOrder: 2,
      version: 1,
    });
    expect(await audits(res.body.id)).toEqual([
      {
        action: 'create_milestone',
        entity_type: 'milestone_definition',
        before: null,
        after: res.body,
        reason: null,
        username: expect.any(String),
      },
    ]);
    const launched = await call(
      'admin',
      'POST',
      `/api/v1/cycles/${cycleId}/milestones`,
      milestoneBody('launched', { atRiskDays: 0, sortOrder: 1 }),
    );
    expect(launched.status).toBe(201);
    expect(launched.body).toMatchObject({ share: null, atRiskDays: 0, sortOrder: 1 });

    const cycle = await call(undefined, 'GET', `/api/v1/cycles/${cycleId}`);
    expect(cycle.body.milestones.map((m: { code: string }) => m.code)).toEqual(['launched', 'share']);
  });

  it('takes a share for, and only for, the share rule, as a fraction 0 < n ≤ d ≤ 1000; writes nothing otherwise', async () => {
    const before = await fingerprint();
    const url = `/api/v1/cycles/${cycleId}/milestones`;
    const shareRule = { rule: 'single_window_service_share' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [shareRule, 'MILESTONE_SHARE_INVALID'],
      [{ share: { numerator: 1, denominator: 3 } }, 'MILESTONE_SHARE_INVALID'],
      [{ ...shareRule, share: { numerator: 4, denominator: 3 } }, 'MILESTONE_SHARE_INVALID'],
      [{ ...shareRule, share: { numerator: 0, denominator: 3 } }, 'VALIDATION_FAILED'],
      [{ ...shareRule, share: { numerator: 1, denominator: 1001 } }, 'VALIDATION_FAILED'],
      [{ ...shareRule, share: { numerator: 1.5, denominator: 3 } }, 'VALIDATION_FAILED'],
      [{ ...shareRule, share: '1/3' }, 'VALIDATION_FAILED'],
      [{ rule: 'everything_connected' }, 'VALIDATION_FAILED'],
      [{ atRiskDays: 366 }, 'VALIDATION_FAILED'],
      [{ atRiskDays: -1 }, 'VALIDATION_FAILED'],
      [{ dueOn: '2035-02-30' }, 'VALIDATION_FAILED'],
    ];
    for (const [extra, error] of cases) {
      const res = await call('admin', 'POST', url, milestoneBody('bad', extra));
      expect({ extra, status: res.status, error: res.body.error }).toEqual({ extra, status: 400, error });
      expect(res.body.message).toEqual({ fa: expect.any(String), en: expect.any(String) });
    }
    const whole = await call(
      'admin',
      'POST',
      url,
      milestoneBody('whole', { ...shareRule, share: { numerator: 3, denominator: 3 } }),
    );
    expect(whole.status).toBe(201);
    const after = await fingerprint();
    expect(after).not.toBe(before);
    const duplicate = await call('admin', 'POST', url, milestoneBody('whole'));
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toBe('MILESTONE_CODE_TAKEN');
    const noCycle = await call(
      'admin',
      'POST',
      '/api/v1/cycles/00000000-0000-4000-8000-000000000000/milestones',
      milestoneBody('x'),
    );
    expect(noCycle.status).toBe(404);
    expect(noCycle.body.error).toBe('CYCLE_NOT_FOUND');
    expect(await fingerprint()).toBe(after);
  });

  it('edits a milestone at the version read (its rule and code stay), audited with before and after', async () => {
    const created = await call(
      'admin',
      'POST',
      `/api/v1/cycles/${cycleId}/milestones`,
      milestoneBody('edited', { rule: 'single_window_service_share', share: { numerator: 1, denominator: 3 } }),
    );
    const url = `/api/v1/milestones/${created.body.id}`;
    const res = await call('admin', 'PATCH', url, {
      version: 1,
      share: { numerator: 1, denominator: 2 },
      dueOn: '۱۴۱۴/۱۰/۳۰',
      atRiskDays: '۳۰',
      titleFa: 'موعد  ويرايش‌شده',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...created.body,
      titleFa: 'موعد ویرایش‌شده',
      share: { numerator: 1, denominator: 2 },
      dueOn: '2036-01-20',
      atRiskDays: 30,
      version: 2,
    });
    const trail = await audits(created.body.id);
    expect(trail.map((a: { action: string }) => a.action)).toEqual(['create_milestone', 'update_milestone']);
    expect(trail[1]).toMatchObject({ before: created.body, after: res.body });

    const before = await fingerprint();
    const stale = await call('admin', 'PATCH', url, { version: 1, atRiskDays: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: 'VERSION_CONFLICT', details: { current: res.body } });
    const rule = await call('admin', 'PATCH', url, { version: 2, rule: 'national_window_connected' });
    expect(rule.status).toBe(400);
    expect(rule.body.details).toEqual([expect.objectContaining({ field: 'rule' })]);
    const above = await call('admin', 'PATCH', url, { version: 2, share: { numerator: 3, denominator: 2 } });
    expect(above.status).toBe(400);
    expect(above.body.error).toBe('MILESTONE_SHARE_INVALID');
    const [launched] = await t.sql.query(
      `SELECT id, version FROM milestone_definition WHERE cycle_id = $1 AND code = 'launched'`,
      [cycleId],
    );
    const notShare = await call('admin', 'PATCH', `/api/v1/milestones/${launched.id}`, {
      version: launched.version,
      share: { numerator: 1, denominator: 2 },
    });
    expect(notShare.status).toBe(400);
    expect(notShare.body.error).toBe('MILESTONE_SHARE_INVALID');
    expect((await call(undefined, 'PATCH', url, { version: 2, atRiskDays: 7 })).status).toBe(401);
    expect((await call('evaluator', 'PATCH', url, { version: 2, atRiskDays: 7 })).status).toBe(403);
    expect((await call('evaluator', 'POST', `/api/v1/cycles/${cycleId}/milestones`, milestoneBody('e'))).status).toBe(
      403,
    );
    const missing = await call('admin', 'PATCH', '/api/v1/milestones/00000000-0000-4000-8000-000000000000', {
      version: 1,
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('MILESTONE_NOT_FOUND');
    expect((await call('admin', 'PATCH', '/api/v1/milestones/nope', { version: 1 })).body.error).toBe(
      'MILESTONE_INVALID_ID',
    );
    expect(await fingerprint()).toBe(before);
  });
});
