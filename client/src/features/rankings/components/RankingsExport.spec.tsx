import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { demoMeta } from '../../../test/fixtures';
import { mockFetch } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';
import { interiorByScore, overviewOn14011020, roundList } from '../test/rankingsFixtures';

function serveRankings() {
  return mockFetch({
    '/api/v1/meta': { body: demoMeta },
    '/api/v1/rounds': { body: roundList },
    '/api/v1/overview': { body: overviewOn14011020 },
    '/api/v1/rankings': { body: interiorByScore },
  });
}

/** The query of the export link for `format` on the page. */
function exportQuery(format: RegExp): Record<string, string> {
  const group = screen.getByRole('group', { name: /دریافت همین رتبه‌بندی|Download this ranking/ });
  const href = within(group).getByRole('link', { name: format }).getAttribute('href')!;
  const url = new URL(href, 'http://monitor.test');
  expect(url.pathname).toBe('/api/v1/rankings/export');
  return Object.fromEntries(url.searchParams);
}

describe('RankingsPage exports', () => {
  beforeAll(async () => {
    await import('./RankingsPage');
  });
  beforeEach(() => localStorage.clear());

  it('downloads the view on screen: its filters, day and order, every row rather than the page', async () => {
    serveRankings();
    renderApp(`/rankings?asOf=1401-05-31&search=${encodeURIComponent('کشور')}&sort=-rank&page=2&pageSize=100`);
    await screen.findByRole('table');

    expect(exportQuery(/XLSX/)).toEqual({
      format: 'xlsx',
      lang: 'fa',
      asOf: '1401-05-31',
      search: 'کشور',
      sort: '-rank',
    });
    expect(exportQuery(/CSV/).format).toBe('csv');
    expect(exportQuery(/JSON/).format).toBe('json');
  });

  it('follows a filter as soon as it is set', async () => {
    serveRankings();
    renderApp('/rankings?asOf=1401-05-31');
    await screen.findByRole('table');

    fireEvent.change(screen.getByRole('combobox', { name: 'نوع دستگاه' }), { target: { value: 'ministry' } });
    await waitFor(() => expect(exportQuery(/CSV/).kind).toBe('ministry'));
    expect(exportQuery(/CSV/)).toEqual({ format: 'csv', lang: 'fa', asOf: '1401-05-31', kind: 'ministry' });
  });

  it('asks for English headers when the page is in English', async () => {
    serveRankings();
    renderApp('/rankings?by=progress', { language: 'en' });
    await screen.findByRole('table');

    expect(screen.getByRole('link', { name: /XLSX — spreadsheet/ })).toHaveAttribute('download');
    expect(exportQuery(/XLSX/)).toEqual({ format: 'xlsx', lang: 'en', by: 'progress' });
  });
});
