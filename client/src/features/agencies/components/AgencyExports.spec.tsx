import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { agencyPage, centralBank, demoMeta, interiorMinistry, interiorMinistryDetail } from '../../../test/fixtures';
import { mockFetch } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';
import { agencyId, complianceOn14011001, servicePage, systems } from '../test/agencyPageFixtures';

// jsdom has no canvas: the services chart is replaced by a bare canvas.
jest.mock('react-chartjs-2', () => ({
  Bar: () => (jest.requireActual('react') as typeof import('react')).createElement('canvas'),
}));

function exportLink(groupName: string, format: RegExp): URL {
  const group = screen.getByRole('group', { name: groupName });
  return new URL(within(group).getByRole('link', { name: format }).getAttribute('href')!, 'http://monitor.test');
}

describe('agency exports', () => {
  beforeEach(() => localStorage.clear());

  it('downloads the agency list as searched, every row rather than the page', async () => {
    mockFetch({
      '/api/v1/meta': { body: demoMeta },
      '/api/v1/agencies': { body: agencyPage([interiorMinistry, centralBank]) },
    });
    renderApp('/agencies?page=2');
    await screen.findByRole('table', { name: 'دستگاه‌های اجرایی' });

    const csv = exportLink('دریافت فهرست دستگاه‌ها', /CSV/);
    expect(csv.pathname).toBe('/api/v1/agencies/export');
    expect(csv.search).toBe('?format=csv&lang=fa');

    fireEvent.change(screen.getByRole('searchbox', { name: 'جستجوی دستگاه' }), { target: { value: 'بانک' } });
    await waitFor(() => expect(exportLink('دریافت فهرست دستگاه‌ها', /XLSX/).searchParams.get('search')).toBe('بانک'));
    expect(Object.fromEntries(exportLink('دریافت فهرست دستگاه‌ها', /XLSX/).searchParams)).toEqual({
      format: 'xlsx',
      lang: 'fa',
      search: 'بانک',
    });
  });

  it("downloads the agency's services from its page, in the page's language", async () => {
    const detailPath = `/api/v1/agencies/${agencyId}`;
    mockFetch({
      '/api/v1/meta': { body: demoMeta },
      [detailPath]: { body: interiorMinistryDetail },
      [`${detailPath}/compliance`]: { body: complianceOn14011001 },
      [`${detailPath}/services`]: { body: servicePage() },
      [`${detailPath}/systems`]: { body: systems },
      '/api/v1/scores': { body: { items: [], total: 0, page: 1, pageSize: 50 } },
      '/api/v1/evaluation-sessions': { body: { items: [], total: 0, page: 1, pageSize: 50 } },
    });
    renderApp(`/agencies/${agencyId}`, { language: 'en' });

    const group = await screen.findByRole('group', { name: 'Download the list of this agency’s services' });
    const json = new URL(
      within(group).getByRole('link', { name: 'JSON — for programs' }).getAttribute('href')!,
      'http://monitor.test',
    );
    expect(json.pathname).toBe(`/api/v1/agencies/${agencyId}/services/export`);
    expect(json.search).toBe('?format=json&lang=en');
  });
});
