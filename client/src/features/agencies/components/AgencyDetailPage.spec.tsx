import { screen, within } from '@testing-library/react';
import { demoMeta, interiorMinistryDetail, tehranGovernorate } from '../../../test/fixtures';
import { mockFetch } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';

const detailPath = `/api/v1/agencies/${interiorMinistryDetail.id}`;

describe('AgencyDetailPage', () => {
  beforeEach(() => localStorage.clear());

  it('shows the agency, its service stages, subordinate agencies and systems', async () => {
    mockFetch({ '/api/v1/meta': { body: demoMeta }, [detailPath]: { body: interiorMinistryDetail } });
    renderApp(`/agencies/${interiorMinistryDetail.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'وزارت کشور' })).toBeInTheDocument();
    expect(screen.getByText('Ministry of Interior')).toBeInTheDocument();
    expect(screen.getByText('قوه مجریه')).toBeInTheDocument();

    const stages = screen.getByRole('table', { name: 'خدمات به تفکیک مرحله' });
    expect(within(stages).getByRole('row', { name: /متصل به پنجره ملی/ })).toHaveTextContent('۱۲');
    expect(within(stages).getByRole('row', { name: /غیرالکترونیکی/ })).toHaveTextContent('۱۲۰');

    expect(screen.getByRole('link', { name: tehranGovernorate.nameFa })).toHaveAttribute(
      'href',
      `/agencies/${tehranGovernorate.id}`,
    );
    const systems = screen.getByRole('table', { name: 'سامانه‌ها' });
    expect(within(systems).getByRole('row', { name: /سامانه امید/ })).toHaveTextContent('متصل به پنجره ملی');
    expect(screen.getByRole('link', { name: 'بازگشت به فهرست دستگاه‌ها' })).toHaveAttribute('href', '/');
  });

  it('links to the parent agency', async () => {
    const parent = { id: 'p-1', nameFa: 'وزارت کشور', nameEn: 'Ministry of Interior' };
    mockFetch({
      '/api/v1/meta': { body: demoMeta },
      [`/api/v1/agencies/${tehranGovernorate.id}`]: {
        body: { ...interiorMinistryDetail, ...tehranGovernorate, kind: 'governorate', parent, children: [] },
      },
    });
    renderApp(`/agencies/${tehranGovernorate.id}`, { language: 'en' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Tehran Governorate' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ministry of Interior' })).toHaveAttribute('href', '/agencies/p-1');
    expect(screen.getByText('No subordinate agencies recorded.')).toBeInTheDocument();
  });

  it('shows the server’s not-found message in Persian', async () => {
    mockFetch({
      '/api/v1/meta': { body: demoMeta },
      '/api/v1/agencies/missing': {
        status: 404,
        body: {
          statusCode: 404,
          error: 'AGENCY_NOT_FOUND',
          message: { fa: 'دستگاه پیدا نشد.', en: 'Agency not found.' },
        },
      },
    });
    renderApp('/agencies/missing');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('دستگاه پیدا نشد.');
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument(); // retrying a 404 is pointless
  });
});
