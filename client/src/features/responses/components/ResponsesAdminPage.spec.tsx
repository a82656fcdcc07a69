import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { adminUser, demoMeta } from '../../../test/fixtures';
import { bodiesSentTo, mockFetch } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';
import { centralBank, publishedToWeek, roadsMinistry } from '../test/responseFixtures';
import type { AgencyResponse } from '../types';

const draft: AgencyResponse = {
  ...publishedToWeek,
  id: 'd0000000-0000-4000-8000-000000000001',
  status: 'draft',
  publishedAt: null,
  createdBy: { id: adminUser.id, displayName: adminUser.displayName },
  publishedBy: null,
  version: 2,
  createdAt: '2022-10-01T08:00:00.000Z',
  updatedAt: '2022-10-01T09:00:00.000Z',
};

function serve() {
  return mockFetch({
    '/api/v1/meta': { body: demoMeta },
    '/api/v1/auth/me': { body: adminUser },
    '/api/v1/agencies': { body: { items: [centralBank, roadsMinistry], total: 2, page: 1, pageSize: 200 } },
    '/api/v1/weekly-reports': { body: { items: [], total: 0, page: 1, pageSize: 100 } },
    '/api/v1/responses': { body: { items: [draft], total: 1, page: 1, pageSize: 20 } },
    '/api/v1/responses/requests': { status: 201, body: { ...draft, status: 'requested' } },
    [`/api/v1/responses/${draft.id}/publish`]: { body: { ...draft, status: 'published', version: 3 } },
  });
}

describe('ResponsesAdminPage', () => {
  beforeEach(() => localStorage.clear());

  it('publishes a draft after asking to confirm, at the version read', async () => {
    const fetchMock = serve();
    renderApp('/responses');
    expect(await screen.findByRole('heading', { level: 1, name: 'جوابیه‌های دستگاه‌ها' })).toBeInTheDocument();
    const item = (await screen.findByText('بانک مرکزی — پیش‌نویس')).closest('.card') as HTMLElement;
    // Staff read the draft's text.
    expect(item).toHaveTextContent('با سپاس');
    fireEvent.click(within(item).getByRole('button', { name: 'انتشار' }));
    expect(within(item).getByText(/منتشر شود؟/)).toBeInTheDocument();
    expect(bodiesSentTo(fetchMock, `/api/v1/responses/${draft.id}/publish`)).toEqual([]);
    fireEvent.click(within(within(item).getByRole('group', { name: 'اقدام' })).getByRole('button', { name: 'انتشار' }));
    await waitFor(() =>
      expect(bodiesSentTo(fetchMock, `/api/v1/responses/${draft.id}/publish`)).toEqual([{ version: 2 }]),
    );
    expect(await screen.findByText('جوابیه «بانک مرکزی» منتشر شد.')).toBeInTheDocument();
  });

  it('says what a request lacks beside its fields, sends nothing, then records it', async () => {
    const fetchMock = serve();
    renderApp('/responses');
    fireEvent.click(await screen.findByRole('button', { name: 'ثبت درخواست پاسخ' }));
    const form = await screen.findByRole('form', { name: 'درخواست پاسخ از دستگاه' });
    fireEvent.click(within(form).getByRole('button', { name: 'ثبت درخواست' }));
    const agency = within(form).getByRole('combobox', { name: /دستگاه/ });
    expect(agency).toHaveAccessibleDescription('دستگاه را انتخاب کنید.');
    expect(within(form).getByRole('textbox', { name: /تاریخ درخواست/ })).toHaveAttribute('aria-invalid', 'true');
    expect(bodiesSentTo(fetchMock, '/api/v1/responses/requests')).toEqual([]);

    await within(agency).findByRole('option', { name: 'بانک مرکزی' });
    fireEvent.change(agency, { target: { value: centralBank.id } });
    fireEvent.change(within(form).getByRole('textbox', { name: /تاریخ درخواست/ }), {
      target: { value: '۱۴۰۱/۰۷/۰۲' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'ثبت درخواست' }));
    await waitFor(() =>
      expect(bodiesSentTo(fetchMock, '/api/v1/responses/requests')).toEqual([
        { agencyId: centralBank.id, requestedOn: '2022-09-24' },
      ]),
    );
    expect(await screen.findByText('درخواست پاسخ از «بانک مرکزی» ثبت شد.')).toBeInTheDocument();
  });
});
