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
