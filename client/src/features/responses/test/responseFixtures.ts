import type { PublicResponse } from '../types';

/** Replies as the demo server answers them, for 1401-06-26 and the central bank. */
export const centralBank = {
  id: '2b0c6a8e-7d1f-4f4e-9c1b-5a0e3d2f1a01',
  code: 'CBI',
  nameFa: 'بانک مرکزی',
  nameEn: 'Central Bank',
};

export const roadsMinistry = {
  id: '2b0c6a8e-7d1f-4f4e-9c1b-5a0e3d2f1a02',
  code: 'MRUD',
  nameFa: 'وزارت راه و شهرسازی',
  nameEn: 'Ministry of Roads',
};

export const publishedToWeek: PublicResponse = {
  id: 'c1a4a7c2-0000-4000-8000-000000000001',
  status: 'published',
  subject: 'weekly_report',
  agency: centralBank,
  weeklyReport: {
    id: 'c1a4a7c2-0000-4000-8000-0000000000aa',
    week: '1401-06-26',
    weekStartsOn: '2022-09-17',
    revision: 1,
  },
  score: null,
  requestedOn: '2022-09-24',
  receivedOn: '2022-10-01',
  bodyFa: 'پنجره واحد این بانک از 1401/06/20 فعال است.\n\nبا سپاس',
  bodyEn: 'The bank’s single window has been live since 1401/06/20.',
  documentUrl: 'https://example.gov.ir/letters/123.pdf',
  publishedAt: '2022-10-02T08:00:00.000Z',
};

export const openRequestToWeek: PublicResponse = {
  id: 'c1a4a7c2-0000-4000-8000-000000000002',
  status: 'requested',
  subject: 'weekly_report',
  agency: roadsMinistry,
  weeklyReport: publishedToWeek.weeklyReport,
  score: null,
  requestedOn: '2022-09-24',
  receivedOn: null,
  bodyFa: null,
  bodyEn: null,
  documentUrl: null,
  publishedAt: null,
};

export const publishedToScore: PublicResponse = {
  id: 'c1a4a7c2-0000-4000-8000-000000000003',
  status: 'published',
  subject: 'score',
  agency: centralBank,
  weeklyReport: null,
  score: {
    id: 'c1a4a7c2-0000-4000-8000-0000000000bb',
    roundId: 'c1a4a7c2-0000-4000-8000-0000000000cc',
    roundCode: 'summer-1401',
    roundTitleFa: 'ارزیابی تابستان ۱۴۰۱',
    roundTitleEn: 'Summer 1401 evaluation',
    total: '26.07',
  },
  requestedOn: null,
  receivedOn: '2022-10-23',
  bodyFa: 'امتیاز ما باید بازبینی شود.',
  bodyEn: null,
  documentUrl: null,
  publishedAt: '2022-10-24T08:00:00.000Z',
};
