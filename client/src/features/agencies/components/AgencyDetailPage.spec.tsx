import { screen, within } from '@testing-library/react';
import {
  closedRound,
  demoMeta,
  evaluatorUser,
  interiorMinistryDetail,
  openRound,
  scoreOf,
  tehranGovernorate,
  unauthenticated,
} from '../../../test/fixtures';
import { mockFetch, requestsTo } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';

const detailPath = `/api/v1/agencies/${interiorMinistryDetail.id}`;

describe('AgencyDetailPage', () => {
  beforeEach(() => localStorage.clear());

  it('shows the agency, its service stages, subordinate agencies and systems', async () => {
    mockFetch({
      '/api/v1/meta': { body: demoMeta },
      [detailPath]: { body: interiorMinistryDetail },
      '/api/v1/scores': { body: { items: [], total: 0, page: 1, pageSize: 100 } },
      '/api/v1/rounds': { body: { items: [closedRound] } },
    });
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
    expect(screen.getByRole('link', { name: 'بازگشت به فهرست دستگاه‌ها' })).toHaveAttribute('href', '/agencies');
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

  it('lists the agency’s final scores by round for the public, without the staff links', async () => {
    const fetchMock = mockFetch({
      '/api/v1/meta': { body: demoMeta },
      '/api/v1/auth/me': unauthenticated,
      [detailPath]: { body: interiorMinistryDetail },
      '/api/v1/scores': { body: { items: [scoreOf()], total: 1, page: 1, pageSize: 100 } },
      '/api/v1/rounds': { body: { items: [openRound, closedRound] } },
    });
    renderApp(`/agencies/${interiorMinistryDetail.id}`);

    const scores = await screen.findByRole('table', { name: 'امتیازهای کیفیت' });
    const row = await within(scores).findByRole('row', { name: new RegExp(closedRound.titleFa) });
    expect(row).toHaveTextContent('۲۶٫۰۷');
    expect(row).toHaveTextContent('نهایی');
    expect(requestsTo(fetchMock, '/api/v1/scores')[0]!.searchParams.get('agencyId')).toBe(interiorMinistryDetail.id);
    expect(screen.queryByRole('link', { name: 'ثبت جلسه ارزیابی برای این دستگاه' })).not.toBeInTheDocument();
  });

  it('shows an evaluator the drafts with their status and links to record a session or progress', async () => {
    mockFetch({
      '/api/v1/meta': { body: demoMeta },
      '/api/v1/auth/me': { body: evaluatorUser },
      [detailPath]: { body: interiorMinistryDetail },
      '/api/v1/scores': {
        body: {
          items: [scoreOf({ id: 'x', roundId: openRound.id, status: 'submitted', total: '30.5' }), scoreOf()],
          total: 2,
          page: 1,
          pageSize: 100,
        },
      },
      '/api/v1/rounds': { body: { items: [openRound, closedRound] } },
    });
    renderApp(`/agencies/${interiorMinistryDetail.id}`, { language: 'en' });

    const scores = await screen.findByRole('table', { name: 'Quality scores' });
    const row = await within(scores).findByRole('row', { name: new RegExp(openRound.titleEn) });
    expect(row).toHaveTextContent('30.50');
    expect(row).toHaveTextContent('Submitted for review');
    expect(screen.getByRole('link', { name: 'Record an evaluation session with this agency' })).toHaveAttribute(
      'href',
      `/evaluations/new?agencyId=${interiorMinistryDetail.id}`,
    );
    expect(screen.getByRole('link', { name: 'Record this agency’s progress' })).toHaveAttribute(
      'href',
      `/agencies/${interiorMinistryDetail.id}/progress`,
    );
  });
});
