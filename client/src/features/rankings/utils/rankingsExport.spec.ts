import { exportUrl } from '../../../lib/exportUrl';
import { FILTER_KEYS, readRankingsView } from './rankingParams';
import { RANKINGS_EXPORT_PATH, rankingsExportParams } from './rankingsExport';

/** The export link for the rankings page at `address` (its query string). */
function exportLinkFor(address: string, format: 'csv' | 'xlsx' | 'json' = 'xlsx', language: 'fa' | 'en' = 'fa') {
  const sut = rankingsExportParams(readRankingsView(new URLSearchParams(address)));
  return new URL(exportUrl(RANKINGS_EXPORT_PATH, format, language, sut), 'http://monitor.test');
}

describe('rankingsExportParams', () => {
  it('exports the view of a shared address: every filter and the sort, but not its page', () => {
    const sut = exportLinkFor(
      'by=progress&asOf=۱۴۰۱/۰۵/۳۱&kind=bank&branch=judiciary&status=connected&search=بانک&minScore=۲۰&maxScore=40.50' +
        '&roundId=E1C21F57-DF0B-8BF2-A4B8-F78AE128CF49&scope=all&sort=-movement&page=3&pageSize=200',
    );

    expect(sut.pathname).toBe('/api/v1/rankings/export');
    expect(Object.fromEntries(sut.searchParams)).toEqual({
      format: 'xlsx',
      lang: 'fa',
      by: 'progress',
      asOf: '1401-05-31',
      roundId: 'e1c21f57-df0b-8bf2-a4b8-f78ae128cf49',
      kind: 'bank',
      branch: 'judiciary',
      status: 'connected',
      search: 'بانک',
      minScore: '20',
      maxScore: '40.5',
      scope: 'all',
      sort: '-movement',
    });
  });

  it('leaves out no filter the page has', () => {
    const sut = exportLinkFor(
      'by=progress&asOf=1401-05-31&kind=bank&branch=judiciary&status=overdue&search=x&minScore=1&maxScore=2' +
        '&roundId=e1c21f57-df0b-8bf2-a4b8-f78ae128cf49&scope=all&sort=name',
    );
    for (const key of [...FILTER_KEYS, 'sort']) {
      expect(sut.searchParams.has(key)).toBe(true);
    }
  });

  it("asks for the server's defaults by leaving them out: the default view exports with its format and language only", () => {
    expect(exportLinkFor('page=2&pageSize=100', 'csv', 'en').search).toBe('?format=csv&lang=en');
    expect(exportLinkFor('by=score&scope=main&sort=rank', 'json').search).toBe('?format=json&lang=fa');
  });

  it('ignores what the address gets wrong, as the page does', () => {
    expect(exportLinkFor('kind=KING&asOf=1401-12-30&minScore=abc&roundId=1').search).toBe('?format=xlsx&lang=fa');
  });

  it('writes a Gregorian day of the address as its Jalali day', () => {
    expect(exportLinkFor('asOf=2022-08-22').searchParams.get('asOf')).toBe('1401-05-31');
  });
});
