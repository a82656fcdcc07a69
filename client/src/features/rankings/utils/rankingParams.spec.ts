import { ariaSortOf, nextSort, parseScoreBound, rankingsRequestOf, readRankingsView } from './rankingParams';

describe('parseScoreBound', () => {
  it.each([
    ['20', '20'],
    ['۲۶٫۰۷', '26.07'],
    ['٢٦٫٧', '26.7'],
    ['20.50', '20.5'],
    ['020', '20'],
    ['0', '0'],
    ['100', '100'],
    ['100.00', '100'],
    [' ۲۰ ', '20'],
    ['\u200e۲۰\u200c', '20'],
  ])('reads %j as %j, the way the server does', (typed, expected) => {
    expect(parseScoreBound(typed)).toBe(expected);
  });

  it.each(['', '-1', '100.01', '101', '26.071', '26,07', '۲۶/۰۷', '1e2', '+5', '25.', 'abc'])('refuses %j', (typed) => {
    expect(parseScoreBound(typed)).toBeNull();
  });
});

describe('readRankingsView', () => {
  it('reads a shared view, days in either calendar and any digits', () => {
    const sut = readRankingsView(
      new URLSearchParams(
        'by=progress&asOf=۱۴۰۱/۰۵/۳۱&kind=bank&branch=judiciary&status=connected&search=+بانک+&minScore=۲۰&maxScore=40.5' +
          '&roundId=E1C21F57-DF0B-8BF2-A4B8-F78AE128CF49&scope=all&sort=-movement&page=3&pageSize=1000',
      ),
    );
    expect(sut).toEqual({
      by: 'progress',
      asOf: '2022-08-22',
      roundId: 'e1c21f57-df0b-8bf2-a4b8-f78ae128cf49',
      kind: 'bank',
      branch: 'judiciary',
      status: 'connected',
      search: 'بانک',
      minScore: '20',
      maxScore: '40.5',
      scope: 'all',
      sort: '-movement',
      page: 3,
      pageSize: 1000,
    });
    expect(readRankingsView(new URLSearchParams('asOf=2022-08-22')).asOf).toBe('2022-08-22');
  });

  it('falls back to the defaults for what it cannot read, and sends none of it', () => {
    const sut = readRankingsView(
      new URLSearchParams('by=x&asOf=1401-12-30&kind=KING&status=&roundId=1&sort=rank2&page=-1&pageSize=1001&scope=x'),
    );
    expect(rankingsRequestOf(sut)).toEqual({ page: 1, pageSize: 50 });
  });
});

describe('sorting', () => {
  it('sorts a new column in its natural direction first, then the other way', () => {
    expect(nextSort('rank', 'score')).toBe('-score');
    expect(nextSort('-score', 'score')).toBe('score');
    expect(nextSort('score', 'score')).toBe('-score');
    expect(nextSort('-score', 'name')).toBe('name');
    expect(nextSort('rank', 'rank')).toBe('-rank');
    expect(nextSort('-progress', 'movement')).toBe('-movement');
  });

  it('says ascending for the server order without a minus', () => {
    expect(ariaSortOf('rank', 'rank')).toBe('ascending');
    expect(ariaSortOf('-rank', 'rank')).toBe('descending');
    expect(ariaSortOf('-rank', 'score')).toBeUndefined();
  });
});
