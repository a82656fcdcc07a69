import { screen, within } from '@testing-library/react';
import { demoMeta } from '../../../test/fixtures';
import { mockFetch } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';
import { week0626, week0626Revision2 } from '../test/weeklyFixtures';

const base = '/api/v1/weekly-reports';

/** The demo server's week 1401-06-26, corrected once (revision 2). */
function serveCorrectedWeek() {
  const revisions = [week0626Revision2, week0626];
  return mockFetch({
    '/api/v1/meta': { body: demoMeta },
    [`${base}/latest`]: { body: week0626Revision2 },
    [`${base}/1401-06-26`]: (url) => {
      const asked = url.searchParams.get('revision');
      return { body: asked === null ? revisions[0] : revisions.find((r) => r.revision === Number(asked)) };
    },
    [`${base}/1401-06-26/revisions`]: { body: { week: '1401-06-26', items: revisions } },
  });
}

async function openDataSection(path: string, language?: 'en') {
  renderApp(path, { language });
  return within(
    await screen.findByRole(
      'region',
      { name: language === 'en' ? 'This report’s data' : 'داده‌های این گزارش' },
      {
        timeout: 10_000,
      },
    ),
  );
}

function queryOf(link: HTMLElement): Record<string, string> {
  const url = new URL(link.getAttribute('href')!, 'http://monitor.test');
  expect(url.pathname).toBe('/api/v1/weekly-reports/1401-06-26/export');
  return Object.fromEntries(url.searchParams);
}

describe('WeeklyExports', () => {
  beforeEach(() => localStorage.clear());

  it('downloads the revision shown, and gives its permanent address', async () => {
    serveCorrectedWeek();
    const section = await openDataSection('/weekly/1401-06-26?revision=1');

    const group = section.getByRole('group', { name: 'دریافت ویرایش ۱ این گزارش' });
    expect(queryOf(within(group).getByRole('link', { name: /CSV/ }))).toEqual({
      format: 'csv',
      lang: 'fa',
      revision: '1',
    });
    expect(queryOf(within(group).getByRole('link', { name: /XLSX/ })).format).toBe('xlsx');
    expect(queryOf(within(group).getByRole('link', { name: /JSON/ })).format).toBe('json');

    const permalink = section.getByRole('link', {
      name: 'http://localhost/api/v1/weekly-reports/1401-06-26/revisions/1',
    });
    expect(permalink).toHaveAttribute('href', '/api/v1/weekly-reports/1401-06-26/revisions/1');
    expect(section.getByText('نشانی ماندگار داده‌های ویرایش ۱')).toBeInTheDocument();
  });

  it('pins the newest revision when the newest brief is opened, so the file does not change under a citation', async () => {
    serveCorrectedWeek();
    const section = await openDataSection('/weekly/latest', 'en');

    const group = section.getByRole('group', { name: 'Download revision 2 of this report' });
    expect(queryOf(within(group).getByRole('link', { name: 'XLSX — spreadsheet' }))).toEqual({
      format: 'xlsx',
      lang: 'en',
      revision: '2',
    });
    expect(
      section.getByRole('link', { name: 'http://localhost/api/v1/weekly-reports/1401-06-26/revisions/2' }),
    ).toBeInTheDocument();
  });
});
