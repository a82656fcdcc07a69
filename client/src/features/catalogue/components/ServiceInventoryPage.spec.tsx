import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { components } from '../../../api/schema';
import { adminUser, demoMeta } from '../../../test/fixtures';
import { bodiesSentTo, jsonBodyOf, mockFetch, type FakeReply } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';
import type { InventoryService } from '../api/getInventory';

/** The demo server's Pasteur Institute, as `GET /api/v1/agencies/:id` returns it. */
const agencyId = 'ef04bb3c-097e-8eae-9a77-95fd2f30cb8c';
const systemId = '23576d3d-40af-8249-9c5c-0816b732b175';
const pasteurInstitute: components['schemas']['AgencyDetailDto'] = {
  id: agencyId,
  code: 'pasteur-institute',
  nameFa: 'انستیتو پاستور ایران',
  nameEn: 'Pasteur Institute of Iran',
  kind: 'organisation',
  branch: 'executive',
  parentId: 'b6e04fc9-6277-8787-bbcd-96b84de8c532',
  isMain: true,
  serviceCount: 12,
  connectedServiceCount: 1,
  singleWindowLaunchedOn: '2022-08-13',
  nationalWindowConnectedOn: '2023-02-18',
  latestScore: '45.71',
  parent: {
    id: 'b6e04fc9-6277-8787-bbcd-96b84de8c532',
    nameFa: 'وزارت بهداشت، درمان و آموزش پزشکی',
    nameEn: 'Ministry of Health and Medical Education',
  },
  children: [],
  stageCounts: { not_electronic: 1, electronic: 8, single_window: 2, national_window: 1 },
  systems: [
    {
      id: systemId,
      nameFa: 'سامانه یکپارچه خدمات الکترونیکی',
      nameEn: 'Integrated e-services system',
      stage: 'electronic',
      serviceCount: 4,
    },
  ],
};

/** Two of its services as `GET /api/v1/agencies/:id/services` returns them: one in the inventory, one withdrawn. */
const subsidy: InventoryService = {
  id: '6248ff60-c7c7-8085-9690-124dc5ce3b65',
  agencyId,
  code: 'S0002',
  nameFa: 'صدور یارانه (2)',
  nameEn: 'Issuing subsidy (2)',
  audience: 'g2c',
  systemId: null,
  electronicOn: '2022-07-08',
  singleWindowOn: '2023-01-12',
  nationalWindowOn: null,
  stage: 'single_window',
  identifiedOn: '2022-03-20',
  withdrawnOn: null,
  withdrawalReason: null,
  version: 1,
};
const withdrawnCertificate: InventoryService = {
  id: 'dd713334-9870-4549-b32c-f5b9c047bbca',
  agencyId,
  code: 'S9001',
  nameFa: 'صدور گواهی آزمایشی',
  nameEn: 'Test certificate',
  audience: 'g2c',
  systemId: null,
  electronicOn: null,
  singleWindowOn: null,
  nationalWindowOn: null,
  stage: 'not_electronic',
  identifiedOn: '2022-10-02',
  withdrawnOn: '2022-11-22',
  withdrawalReason: 'با خدمت دیگری ادغام شد',
  version: 2,
};

const servicesPath = `/api/v1/agencies/${agencyId}/services`;
const withdrawalPath = `/api/v1/services/${subsidy.id}/withdrawal`;

function serveInventory({
  create,
  withdraw,
}: {
  create?: (body: Record<string, unknown>) => FakeReply;
  withdraw?: (body: Record<string, unknown>) => FakeReply;
} = {}) {
  const state = { items: [subsidy, withdrawnCertificate] };
  const fetchMock = mockFetch({
    '/api/v1/meta': { body: demoMeta },
    '/api/v1/auth/me': { body: adminUser },
    [`/api/v1/agencies/${agencyId}`]: { body: pasteurInstitute },
    [servicesPath]: (_url, init) => {
      if (init?.method === 'POST') return create?.(jsonBodyOf(init)) ?? { status: 500, body: null };
      return { body: { items: state.items, total: state.items.length, page: 1, pageSize: 100 } };
    },
    [withdrawalPath]: (_url, init) => {
      const body = jsonBodyOf(init);
      const answer = withdraw?.(body);
      if (answer) return answer;
      const updated = {
        ...subsidy,
        withdrawnOn: String(body.withdrawnOn),
        withdrawalReason: String(body.reason),
        version: 2,
      };
      state.items = [updated, withdrawnCertificate];
      return { body: updated };
    },
  });
  return Object.assign(fetchMock, { state });
}

async function openPage(language?: 'en', query = '') {
  const view = renderApp(`/agencies/${agencyId}/inventory${query}`, { language });
  // The page is loaded on demand: the first test of the file waits for its module too.
  await screen.findByRole(
    'heading',
    {
      level: 1,
      name: language === 'en' ? 'Service inventory: Pasteur Institute of Iran' : 'فهرست خدمات: انستیتو پاستور ایران',
    },
    { timeout: 5000 },
  );
  await screen.findByRole('table');
  return view;
}

describe('ServiceInventoryPage', () => {
  beforeEach(() => localStorage.clear());

  it('lists the services, a withdrawn one marked in words with its day and reason', async () => {
    serveInventory();
    await openPage();
    expect(document.title).toBe('فهرست خدمات: انستیتو پاستور ایران · پایش پنجره ملی خدمات');
    expect(screen.getByRole('link', { name: 'بازگشت به صفحه دستگاه' })).toHaveAttribute(
      'href',
      `/agencies/${agencyId}`,
    );
    expect(screen.getByText(/پس از روز مبنای یک دوره شناسایی شوند/)).toHaveTextContent(
      'خدمت خارج‌شده از روز خروجش از شمارش‌ها بیرون می‌رود',
    );
    expect(screen.getByText('۲ خدمت')).toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'خدمات شناسایی‌شده دستگاه' });
    const withdrawn = within(table).getByRole('row', { name: /صدور گواهی آزمایشی/ });
    const cells = within(withdrawn)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual([
      'دولت به مردم',
      'غیرالکترونیکی',
      '۱۴۰۱/۰۷/۱۰',
      '⊘ خارج‌شدهروز خروج: ۱۴۰۱/۰۹/۰۱دلیل: با خدمت دیگری ادغام شد',
      '—',
    ]);
    expect(within(withdrawn).queryByRole('button')).not.toBeInTheDocument();

    const active = within(table).getByRole('row', { name: /صدور یارانه/ });
    expect(active).toHaveTextContent('ارائه در پنجره واحد دستگاه');
    expect(active).toHaveTextContent('۱۴۰۰/۱۲/۲۹');
    expect(active).toHaveTextContent('در فهرست');
    expect(within(active).getByRole('button', { name: 'خارج کردن از فهرست «صدور یارانه (۲)»' })).toBeInTheDocument();
  });

  it('shows the Gregorian day beside the Jalali one in English', async () => {
    serveInventory();
    await openPage('en');
    const withdrawn = screen.getByRole('row', { name: /Test certificate/ });
    expect(withdrawn).toHaveTextContent('Withdrawn');
    expect(withdrawn).toHaveTextContent('Withdrawn on: 1401/09/01 (November 22, 2022)');
    expect(withdrawn).toHaveTextContent('Reason: با خدمت دیگری ادغام شد');
    expect(withdrawn).toHaveTextContent('1401/07/10 (October 2, 2022)');
  });

  it('hides the withdrawn services on request, and says how many', async () => {
    serveInventory();
    const { router } = await openPage();
    fireEvent.click(screen.getByRole('checkbox', { name: 'نمایش خدمات خارج‌شده' }));

    await waitFor(() => expect(screen.queryByRole('row', { name: /صدور گواهی آزمایشی/ })).not.toBeInTheDocument());
    expect(screen.getByRole('row', { name: /صدور یارانه/ })).toBeInTheDocument();
    expect(screen.getByText(/۱ خدمت خارج‌شده در این صفحه پنهان است\./)).toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).get('withdrawn')).toBe('hide');
  });

  it('withdraws a service with the reason and the day, once confirmed', async () => {
    const fetchMock = serveInventory();
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: 'خارج کردن از فهرست «صدور یارانه (۲)»' }));
    const form = screen.getByRole('form', { name: 'خارج کردن «صدور یارانه (۲)» از فهرست' });
    fireEvent.change(within(form).getByRole('textbox', { name: /روز خروج از فهرست/ }), {
      target: { value: '۱۴۰۱/۰۹/۰۱' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /دلیل خروج/ }), {
      target: { value: 'با خدمت دیگری ادغام شد' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'خارج کردن خدمت' }));

    // Not without the confirmation.
    expect(within(form).getByRole('alert')).toHaveTextContent('خروج خدمت را تأیید کنید.');
    expect(bodiesSentTo(fetchMock, withdrawalPath)).toHaveLength(0);

    fireEvent.click(within(form).getByRole('checkbox', { name: /از این روز از شمارش‌ها بیرون می‌رود/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'خارج کردن خدمت' }));

    expect(await screen.findByText('«صدور یارانه (۲)» از فهرست خدمات خارج شد.')).toBeInTheDocument();
    expect(bodiesSentTo(fetchMock, withdrawalPath)).toEqual([
      { version: 1, withdrawnOn: '2022-11-22', reason: 'با خدمت دیگری ادغام شد' },
    ]);
    const row = await screen.findByRole('row', { name: /صدور یارانه/ });
    await waitFor(() => expect(row).toHaveTextContent('خارج‌شده'));
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });

  it('refuses a withdrawal before the service was identified, without sending it', async () => {
    const fetchMock = serveInventory();
    await openPage('en');
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw “Issuing subsidy (2)”' }));
    const form = screen.getByRole('form', { name: 'Withdraw “Issuing subsidy (2)” from the inventory' });
    fireEvent.change(within(form).getByRole('textbox', { name: /Day it leaves/ }), {
      target: { value: '1400/12/01' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Withdraw the service' }));
    const summary = within(form).getByRole('alert');
    expect(summary).toHaveTextContent('The service cannot leave the inventory before the day it was identified.');
    expect(summary).toHaveTextContent('Write the reason.');
    expect(bodiesSentTo(fetchMock, withdrawalPath)).toHaveLength(0);
  });

  it('on a 409 shows the service as now stored and offers to reload it', async () => {
    const fetchMock = serveInventory({
      withdraw: () => ({
        status: 409,
        body: {
          statusCode: 409,
          error: 'VERSION_CONFLICT',
          message: {
            fa: 'این داده در این فاصله به دست کس دیگری تغییر کرده است؛ مقادیر کنونی را ببینید و دوباره ذخیره کنید.',
            en: 'Someone else changed this record in the meantime; review the current values and save again.',
          },
          details: { current: { ...subsidy, version: 2 } },
        },
      }),
    });
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: 'خارج کردن از فهرست «صدور یارانه (۲)»' }));
    const form = screen.getByRole('form', { name: /خارج کردن «صدور یارانه/ });
    fireEvent.change(within(form).getByRole('textbox', { name: /روز خروج از فهرست/ }), {
      target: { value: '1401/09/01' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /دلیل خروج/ }), { target: { value: 'ادغام شد' } });
    fireEvent.click(within(form).getByRole('checkbox'));
    fireEvent.click(within(form).getByRole('button', { name: 'خارج کردن خدمت' }));

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('این داده در این فاصله به دست کس دیگری تغییر کرده است');
    expect(within(alert).getByText('نسخه').nextSibling).toHaveTextContent('۲');
    expect(within(alert).getByRole('button', { name: 'بارگذاری مقادیر کنونی' })).toBeInTheDocument();
    expect(bodiesSentTo(fetchMock, withdrawalPath)).toHaveLength(1);
  });

  it('adds a service to the inventory with the day it was identified', async () => {
    const fetchMock = serveInventory({
      create: (body) => ({
        status: 201,
        body: { id: 'new', agencyId, ...body, withdrawnOn: null, withdrawalReason: null, version: 1 },
      }),
    });
    await openPage('en');
    fireEvent.click(screen.getByRole('button', { name: 'Add a service' }));
    const form = screen.getByRole('form', { name: 'Add a service to the inventory' });
    fireEvent.change(within(form).getByRole('textbox', { name: /Service code/ }), { target: { value: 'S0250' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /Persian name/ }), {
      target: { value: 'صدور گواهی عدم سوء پیشینه' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /English name/ }), {
      target: { value: 'Certificate of no criminal record' },
    });
    fireEvent.change(within(form).getByRole('combobox', { name: /Audience/ }), { target: { value: 'g2c' } });
    fireEvent.change(within(form).getByRole('combobox', { name: /System that provides it/ }), {
      target: { value: systemId },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /Identified on/ }), { target: { value: '1401/07/10' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /Note/ }), { target: { value: 'Letter 12' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add to the inventory' }));

    expect(
      await screen.findByText('“Certificate of no criminal record” was added to the inventory.'),
    ).toBeInTheDocument();
    expect(bodiesSentTo(fetchMock, servicesPath)).toEqual([
      {
        code: 'S0250',
        nameFa: 'صدور گواهی عدم سوء پیشینه',
        nameEn: 'Certificate of no criminal record',
        audience: 'g2c',
        identifiedOn: '2022-10-02',
        systemId,
        note: 'Letter 12',
      },
    ]);
    expect(screen.getByRole('button', { name: 'Add a service' })).toHaveFocus();
  });

  it('shows the server’s refusal of a code already in the inventory beside the code', async () => {
    serveInventory({
      create: () => ({
        status: 409,
        body: {
          statusCode: 409,
          error: 'SERVICE_CODE_TAKEN',
          message: {
            fa: 'این دستگاه از پیش خدمتی با کد «S9001» دارد.',
            en: 'The agency already has a service with the code "S9001".',
          },
          details: { code: 'S9001' },
        },
      }),
    });
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: 'افزودن خدمت' }));
    const form = screen.getByRole('form', { name: 'افزودن خدمت به فهرست' });
    fireEvent.change(within(form).getByRole('textbox', { name: /کد خدمت/ }), { target: { value: 'S9001' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /نام فارسی/ }), { target: { value: 'صدور گواهی' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /نام انگلیسی/ }), { target: { value: 'Certificate' } });
    fireEvent.change(within(form).getByRole('combobox', { name: /مخاطب/ }), { target: { value: 'g2b' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /روز شناسایی/ }), { target: { value: '1401/07/10' } });
    fireEvent.click(within(form).getByRole('button', { name: 'افزودن به فهرست' }));

    const summary = await within(form).findByRole('alert');
    expect(summary).toHaveTextContent('این دستگاه از پیش خدمتی با کد «S9001» دارد.');
    expect(within(form).getByRole('textbox', { name: /کد خدمت/ })).toHaveAccessibleDescription(
      expect.stringContaining('این دستگاه از پیش خدمتی با کد «S9001» دارد.'),
    );
  });
});
