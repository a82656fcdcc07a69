import { EXPORT_FORMATS, exportUrl } from './exportUrl';

describe('exportUrl', () => {
  it('puts the format and the language first, then the parameters that have a value', () => {
    const sut = exportUrl('/api/v1/agencies/export', 'csv', 'fa', {
      search: 'بانک',
      asOf: undefined,
      kind: '',
      roundId: null,
      revision: 2,
    });
    expect(sut).toBe(`/api/v1/agencies/export?format=csv&lang=fa&search=${encodeURIComponent('بانک')}&revision=2`);
  });

  it('keeps the format and language it is given over any among the parameters', () => {
    const sut = new URL(exportUrl('/x/export', 'json', 'en', { format: 'pdf', lang: 'fa' }), 'http://monitor.test');
    expect(sut.searchParams.getAll('format')).toEqual(['json']);
    expect(sut.searchParams.getAll('lang')).toEqual(['en']);
  });

  it('offers the three formats the server writes', () => {
    expect(EXPORT_FORMATS).toEqual(['csv', 'xlsx', 'json']);
  });
});
