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

describe('GET /api/v1/overview/history', () => {
  type Point = {
    week: string;
    weekStartsOn: string;
    asOf: string;
    singleWindows: number;
    connected: number;
    services: { notElectronic: number; electronic: number; singleWindow: number; nationalWindow: number };
  };

  it('gives one point per week from the first day asked, and each week agrees with the overview of its day', async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/overview/history?from=${encodeURIComponent('۱۴۰۱/۰۵/۰۱')}&asOf=1401-06-31`,
    });
    expect(res.status).toBe(200);
    const weeks = res.body.weeks as Point[];
    expect(res.body.agencies).toBe(170);
    expect(weeks[0]).toMatchObject({ week: '1401-05-01', weekStartsOn: '2022-07-23', asOf: '2022-07-29' });
    // The last week is counted on the as-of day (a Thursday), not its Friday.
    expect(weeks.at(-1)).toMatchObject({ week: '1401-06-26', asOf: '2022-09-22' });
    expect(weeks).toHaveLength(9);
    for (const point of [weeks[0]!, weeks[4]!, weeks.at(-1)!]) {
      const overview = (await t.request({ method: 'GET', url: `/api/v1/overview?asOf=${point.asOf}` })).body;
      const s = point.services;
      expect(point.connected).toBe(overview.connected.count);
      expect(s.nationalWindow).toBe(overview.services.connected);
      expect(s.singleWindow + s.nationalWindow).toBe(overview.services.inSingleWindow);
      expect(s.notElectronic + s.electronic + s.singleWindow + s.nationalWindow).toBe(overview.services.identified);
    }
    // Running counts never fall while nothing is withdrawn or undone in the demo history.
    for (let i = 1; i < weeks.length; i++) expect(weeks[i]!.connected).toBeGreaterThanOrEqual(weeks[i - 1]!.connected);
  });

  it('starts at the cycle in force when no first day is given', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/overview/history?asOf=2022-08-22' });
    expect(res.status).toBe(200);
    const overview = (await t.request({ method: 'GET', url: '/api/v1/overview?asOf=2022-08-22' })).body;
    expect(res.body.from <= overview.cycle.startsOn).toBe(true);
    expect(res.body.weeks.at(-1).connected).toBe(10);
  });

  it('refuses a first day that does not exist', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/overview/history?from=1401/12/30' });
    expect(res.status).toBe(400);
  });
});

describe('score distribution and ranking filters', () => {
  type Row = { rank: number | null; score: string | null; progress: string | null; agency: { kind: string } };
  const all = async (query: string): Promise<Row[]> => {
    const res = await t.request({ method: 'GET', url: `/api/v1/rankings?asOf=2022-08-22&pageSize=1000&${query}` });
    expect(res.status).toBe(200);
    return res.body.items as Row[];
  };

  it('spreads the final scores in ten bins that agree with the ranking', async () => {
    const overview = (await t.request({ method: 'GET', url: '/api/v1/overview?asOf=2022-08-22' })).body;
    const rows = await all('by=score');
    const scored = rows.filter((r) => r.score !== null);
    expect(overview.scores.scored).toBe(scored.length);
    expect(overview.scores.scored + overview.scores.unscored).toBe(170);
    expect(overview.scores.bins).toHaveLength(10);
    const inTwenties = scored.filter((r) => Number(r.score) >= 20 && Number(r.score) < 30).length;
    expect(overview.scores.bins[2]).toEqual({ from: 20, to: 30, count: inTwenties });
    expect(inTwenties).toBeGreaterThan(0);
  });

  it('keeps only the scores in a range typed in any digits, and sorts by any column with empty values last', async () => {
    const ranged = await all(`minScore=${encodeURIComponent('۲۰')}&maxScore=26.07`);
    expect(ranged.length).toBeGreaterThan(0);
    for (const r of ranged) expect(Number(r.score) >= 20 && Number(r.score) <= 26.07).toBe(true);
    expect(ranged.map((r) => r.score)).toContain('26.07');

    const byScore = await all('sort=-score');
    const scores = byScore.filter((r) => r.score !== null).map((r) => Number(r.score));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const firstEmpty = byScore.findIndex((r) => r.score === null);
    expect(firstEmpty === -1 || firstEmpty === scores.length).toBe(true);

    const byProgress = await all('by=score&sort=progress');
    const progress = byProgress.filter((r) => r.progress !== null).map((r) => Number(r.progress));
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const byKind = await all('sort=kind');
    const kinds = byKind.map((r) => r.agency.kind);
    expect(kinds).toEqual([...kinds].sort());
  });

  it('refuses a score range outside 0–100 or not a number, in both languages', async () => {
    for (const query of ['minScore=101', 'maxScore=abc', 'sort=colour']) {
      const res = await t.request({ method: 'GET', url: `/api/v1/rankings?${query}` });
      expect(res.status).toBe(400);
      expect(res.body.message.fa).toEqual(expect.any(String));
    }
  });
});
