import { createTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/overview', () => {
  it("says 10 of 170 main agencies were connected on the article's day, in either calendar and any digits", async () => {
    const iso = await t.request({ method: 'GET', url: '/api/v1/overview?asOf=2022-08-22' });
    expect(iso.status).toBe(200);
    expect(iso.body.asOf).toBe('2022-08-22');
    expect(iso.body.agencies.total).toBe(170);
    expect(iso.body.connected).toEqual({ count: 10, share: '5.88' });
    const jalali = await t.request({ method: 'GET', url: `/api/v1/overview?asOf=${encodeURIComponent('۱۴۰۱/۰۵/۳۱')}` });
    expect(jalali.status).toBe(200);
    expect(jalali.body).toEqual(iso.body);
  });

  it('counts each milestone by status, and the counts add up to the agencies', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/overview?asOf=2022-09-22' });
    expect(res.body.cycle.code).toBe('budget-1401');
    expect(res.body.milestones.map((m: { code: string }) => m.code)).toEqual([
      'single-window',
      'single-window-share',
      'national-window',
    ]);
    for (const m of res.body.milestones) expect(m.met + m.pending + m.atRisk + m.overdue).toBe(170);
    // The due day itself: whoever has not launched is at risk, not yet overdue; the day after, overdue.
    const singleWindow = res.body.milestones[0];
    expect(singleWindow.overdue).toBe(0);
    expect(singleWindow.atRisk).toBeGreaterThan(0);
    const after = await t.request({ method: 'GET', url: '/api/v1/overview?asOf=2022-09-23' });
    expect(after.body.milestones[0].overdue).toBeGreaterThan(0);
  });

  it('refuses a day that does not exist, in both languages', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/overview?asOf=1401/12/30' });
    expect(res.status).toBe(400);
    expect(res.body.message.fa).toEqual(expect.any(String));
    expect(res.body.message.en).toEqual(expect.any(String));
  });
});

describe('GET /api/v1/rankings', () => {
  it("puts the Ministry of Interior 4th from the bottom by score on the article's day, at 26.07", async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/rankings?by=score&asOf=2022-08-22&pageSize=1000' });
    expect(res.status).toBe(200);
    const ranked = res.body.items.filter((r: { rank: number | null }) => r.rank !== null);
    const bottom = ranked.slice(-4).map((r: { agency: { code: string }; score: string }) => [r.agency.code, r.score]);
    expect(bottom).toEqual([
      ['interior', '26.07'],
      ['central-bank', '23.85'],
      ['foreign-affairs', '21.15'],
      ['justice', '18.15'],
    ]);
    const interior = ranked.find((r: { agency: { code: string } }) => r.agency.code === 'interior');
    expect(interior.rank).toBe(ranked.length - 3);
  });
});
