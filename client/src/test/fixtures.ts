import type { components } from '../api/schema';

type AgencyDto = components['schemas']['AgencyDto'];
type AgencyDetailDto = components['schemas']['AgencyDetailDto'];
type AgencyListDto = components['schemas']['AgencyListDto'];
type MetaDto = components['schemas']['MetaDto'];

export const demoMeta: MetaDto = {
  demoData: true,
  notice: {
    fa: 'این داده‌ها نمایشی است و وضعیت واقعی دستگاه‌ها را نشان نمی‌دهد.',
    en: 'This is demonstration data, not the real state of the agencies.',
  },
  version: '0.1.0',
};

export const interiorMinistry: AgencyDto = {
  id: '6f1c1e5a-2b7d-4c3e-9a51-0d2f6b8e4a10',
  code: 'MOI',
  nameFa: 'وزارت کشور',
  nameEn: 'Ministry of Interior',
  kind: 'ministry',
  branch: 'executive',
  parentId: null,
  isMain: true,
  serviceCount: 249,
  connectedServiceCount: 12,
  singleWindowLaunchedOn: '2022-09-22',
  nationalWindowConnectedOn: null,
  latestScore: '26.07',
};

export const centralBank: AgencyDto = {
  id: '0a9d8c7b-6e5f-4a3b-8c2d-1e0f9a8b7c6d',
  code: 'CBI',
  nameFa: 'بانک مرکزی',
  nameEn: 'Central Bank of Iran',
  kind: 'bank',
  branch: 'executive',
  parentId: null,
  isMain: true,
  serviceCount: 1234,
  connectedServiceCount: 0,
  singleWindowLaunchedOn: null,
  nationalWindowConnectedOn: '2023-01-20',
  latestScore: null,
};

export function agencyPage(items: AgencyDto[], overrides: Partial<AgencyListDto> = {}): AgencyListDto {
  return { items, total: items.length, page: 1, pageSize: 50, ...overrides };
}

export const tehranGovernorate = {
  id: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a',
  nameFa: 'استانداری تهران',
  nameEn: 'Tehran Governorate',
};

export const interiorMinistryDetail: AgencyDetailDto = {
  ...interiorMinistry,
  parent: null,
  children: [tehranGovernorate],
  stageCounts: { not_electronic: 120, electronic: 80, single_window: 37, national_window: 12 },
  systems: [
    {
      id: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
      nameFa: 'سکوی خدمات شهروندان (سامانه امید)',
      nameEn: 'Omid citizens’ services platform',
      stage: 'national_window',
      serviceCount: 12,
    },
  ],
};

type MeDto = components['schemas']['MeDto'];

export const evaluatorUser: MeDto = {
  id: '11111111-2222-4333-8444-555555555555',
  username: 'evaluator',
  displayName: 'ارزیاب نمایشی ۱',
  role: 'evaluator',
};

export const adminUser: MeDto = {
  id: '22222222-3333-4444-8555-666666666666',
  username: 'admin',
  displayName: 'مدیر سامانه (نمایشی)',
  role: 'admin',
};

export const unauthenticated = {
  status: 401,
  body: { statusCode: 401, error: 'UNAUTHENTICATED', message: { fa: 'ابتدا وارد شوید.', en: 'Please sign in first.' } },
};

/** The quality criteria of 1401: weights 25/20/20/15/10/10. */
export const qualityCriteria = [
  ['availability', 'دسترس‌پذیری و پایداری خدمات', 'Availability and reliability of services', '25.00'],
  ['end-to-end', 'الکترونیکی‌بودن کامل فرایند', 'Fully electronic, end-to-end process', '20.00'],
  ['single-window', 'ارائه خدمات در پنجره واحد', 'Services offered in the single window', '20.00'],
  ['integration', 'اتصال و تبادل داده با دستگاه‌های دیگر', 'Integration and data exchange', '15.00'],
  ['usability', 'سهولت استفاده و راهنمایی کاربر', 'Ease of use and guidance', '10.00'],
  ['support', 'پاسخ‌گویی و پشتیبانی', 'Responsiveness and support', '10.00'],
].map(([code, titleFa, titleEn, weight], index) => ({
  id: `c0000000-0000-4000-8000-00000000000${index + 1}`,
  code: code!,
  titleFa: titleFa!,
  titleEn: titleEn!,
  weight: weight!,
  sortOrder: index + 1,
}));

export const closedRound = {
  id: 'a0000000-0000-4000-8000-000000000001',
  code: 'summer-1401',
  titleFa: 'ارزیابی کیفیت خدمات الکترونیکی دستگاه‌ها، تابستان ۱۴۰۱',
  titleEn: 'Quality of agencies’ e-services, summer 1401',
  status: 'closed' as const,
  startsOn: '2022-06-22',
  endsOn: '2022-08-22',
  closedAt: '2022-08-22T08:30:00.000Z',
  criteriaSetId: 'b0000000-0000-4000-8000-000000000001',
  criteria: qualityCriteria,
  version: 2,
};

export const openRound = {
  ...closedRound,
  id: 'a0000000-0000-4000-8000-000000000002',
  code: 'autumn-1401',
  titleFa: 'ارزیابی کیفیت، پاییز ۱۴۰۱',
  titleEn: 'Quality evaluation, autumn 1401',
  status: 'open' as const,
  startsOn: '2022-09-23',
  endsOn: '2022-12-21',
  closedAt: null,
  version: 1,
};

export function scoreOf(overrides: Record<string, unknown> = {}) {
  return {
    id: 'd0000000-0000-4000-8000-000000000001',
    roundId: closedRound.id,
    roundCode: closedRound.code,
    agencyId: interiorMinistry.id,
    agencyCode: interiorMinistry.code,
    agencyNameFa: interiorMinistry.nameFa,
    agencyNameEn: interiorMinistry.nameEn,
    sessionId: null,
    total: '26.07',
    status: 'final',
    criterionScores: [],
    isCorrection: false,
    correctionReason: null,
    version: 3,
    ...overrides,
  };
}
