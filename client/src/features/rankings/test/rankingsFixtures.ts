import type { components } from '../../../api/schema';

/**
 * Replies of the real server (the demo data, `/api/v1/...` on the scratch server), trimmed to a few rows: the
 * Ministry of Interior on 1401/05/31 by score (no ranking a week before: the first scores became final that day)
 * and by progress (down one place, all of it from the others' changes), and an agency with milestones overdue and
 * at risk on 1401/10/20.
 */
type RankingsDto = components['schemas']['RankingsDto'];
type OverviewDto = components['schemas']['OverviewDto'];
type RoundListDto = components['schemas']['RoundListDto'];

/** `GET /api/v1/rankings?asOf=1401-05-31&search=کشور&sort=-rank&pageSize=3` */
export const interiorByScore: RankingsDto = {
  asOf: '2022-08-22',
  by: 'score',
  comparedWith: '2022-08-15',
  ranked: 170,
  items: [
    {
      rank: 167,
      agency: {
        id: '82ad67ed-c73d-8980-9673-b8ccce253de1',
        code: 'interior',
        nameFa: 'وزارت کشور',
        nameEn: 'Ministry of Interior',
        kind: 'ministry',
        branch: 'executive',
      },
      score: '26.07',
      progress: '15.26',
      movement: {
        previousRank: null,
        change: null,
        own: null,
        others: null,
      },
      flags: {
        overdue: [],
        atRisk: [],
      },
    },
    {
      rank: 163,
      agency: {
        id: '9e799480-457a-88a7-8140-c58f4339b6a0',
        code: 'tax',
        nameFa: 'سازمان امور مالیاتی کشور',
        nameEn: 'Iranian National Tax Administration',
        kind: 'organisation',
        branch: 'executive',
      },
      score: '36.06',
      progress: '0.00',
      movement: {
        previousRank: null,
        change: null,
        own: null,
        others: null,
      },
      flags: {
        overdue: [],
        atRisk: [],
      },
    },
    {
      rank: 160,
      agency: {
        id: 'e8a4d9ae-7543-8e0f-80b1-07b8abd8ee65',
        code: 'school-renovation',
        nameFa: 'سازمان نوسازی، توسعه و تجهیز مدارس کشور',
        nameEn: 'Organization for Renovation, Development and Equipping of Schools',
        kind: 'organisation',
        branch: 'executive',
      },
      score: '36.46',
      progress: '0.00',
      movement: {
        previousRank: null,
        change: null,
        own: null,
        others: null,
      },
      flags: {
        overdue: [],
        atRisk: [],
      },
    },
  ],
  total: 33,
  page: 1,
  pageSize: 3,
};

/** `GET /api/v1/rankings?asOf=1401-05-31&by=progress&pageSize=3` */
export const topByProgress: RankingsDto = {
  asOf: '2022-08-22',
  by: 'progress',
  comparedWith: '2022-08-15',
  ranked: 170,
  items: [
    {
      rank: 1,
      agency: {
        id: '42c42522-37ad-8d0e-87e2-17b946f0f6c9',
        code: 'plant-protection',
        nameFa: 'سازمان حفظ نباتات کشور',
        nameEn: 'Plant Protection Organization',
        kind: 'organisation',
        branch: 'executive',
      },
      score: '67.17',
      progress: '17.36',
      movement: {
        previousRank: 1,
        change: 0,
        own: 0,
        others: 0,
      },
      flags: {
        overdue: [],
        atRisk: [],
      },
    },
    {
      rank: 2,
      agency: {
        id: '40f5590a-72d8-86bd-b587-2fd1378aab04',
        code: 'export-development-bank',
        nameFa: 'بانک توسعه صادرات ایران',
        nameEn: 'Export Development Bank of Iran',
        kind: 'bank',
        branch: 'executive',
      },
      score: '59.75',
      progress: '16.67',
      movement: {
        previousRank: 5,
        change: 3,
        own: 4,
        others: -1,
      },
      flags: {
        overdue: [],
        atRisk: [],
      },
    },
    {
      rank: 3,
      agency: {
        id: '82ad67ed-c73d-8980-9673-b8ccce253de1',
        code: 'interior',
        nameFa: 'وزارت کشور',
        nameEn: 'Ministry of Interior',
        kind: 'ministry',
        branch: 'executive',
      },
      score: '26.07',
      progress: '15.26',
      movement: {
        previousRank: 2,
        change: -1,
        own: 0,
        others: -1,
      },
      flags: {
        overdue: [],
        atRisk: [],
      },
    },
  ],
  total: 170,
  page: 1,
  pageSize: 3,
};

/** `GET /api/v1/rankings?asOf=1401-10-20&status=at_risk&search=نهضت` */
export const flaggedAgency: RankingsDto = {
  asOf: '2023-01-10',
  by: 'score',
  comparedWith: '2023-01-03',
  ranked: 170,
  items: [
    {
      rank: 3,
      agency: {
        id: '5105a937-747b-8e49-bf94-76a2d2b4914e',
        code: 'literacy-movement',
        nameFa: 'سازمان نهضت سوادآموزی',
        nameEn: 'Literacy Movement Organization',
        kind: 'organisation',
        branch: 'executive',
      },
      score: '83.80',
      progress: '0.00',
      movement: {
        previousRank: 3,
        change: 0,
        own: 0,
        others: 0,
      },
      flags: {
        overdue: ['single-window', 'single-window-share'],
        atRisk: ['national-window'],
      },
    },
  ],
  total: 1,
  page: 1,
  pageSize: 50,
};

/** `GET /api/v1/overview?asOf=1401-10-20` */
export const overviewOn14011020: OverviewDto = {
  asOf: '2023-01-10',
  cycle: {
    id: '187e49d2-513c-8758-8794-d1bc6a32c884',
    code: 'budget-1401',
    titleFa: 'قانون بودجه ۱۴۰۱',
    titleEn: 'Budget law of 1401',
    startsOn: '2022-03-21',
    endsOn: '2023-03-20',
    baselineOn: '2022-03-21',
  },
  agencies: {
    total: 170,
  },
  connected: {
    count: 90,
    share: '52.94',
  },
  milestones: [
    {
      code: 'single-window',
      titleFa: 'راه‌اندازی پنجره واحد خدمات دستگاه',
      titleEn: "Launch of the agency's own single window",
      dueOn: '2022-09-22',
      met: 129,
      pending: 0,
      atRisk: 0,
      overdue: 41,
    },
    {
      code: 'single-window-share',
      titleFa: 'ارائه دست‌کم یک‌سوم خدمات در پنجره واحد',
      titleEn: 'At least one third of services in the single window',
      dueOn: '2022-09-22',
      met: 86,
      pending: 0,
      atRisk: 0,
      overdue: 84,
    },
    {
      code: 'national-window',
      titleFa: 'اتصال پنجره واحد به پنجره ملی خدمات دولت هوشمند',
      titleEn: 'Single window connected to the national window',
      dueOn: '2023-01-20',
      met: 90,
      pending: 0,
      atRisk: 80,
      overdue: 0,
    },
  ],
  services: {
    baseline: 15124,
    identified: 15124,
    inSingleWindow: 5549,
    connected: 1439,
  },
  scores: {
    scored: 170,
    unscored: 0,
    bins: [
      {
        from: 0,
        to: 10,
        count: 0,
      },
      {
        from: 10,
        to: 20,
        count: 1,
      },
      {
        from: 20,
        to: 30,
        count: 3,
      },
      {
        from: 30,
        to: 40,
        count: 17,
      },
      {
        from: 40,
        to: 50,
        count: 42,
      },
      {
        from: 50,
        to: 60,
        count: 32,
      },
      {
        from: 60,
        to: 70,
        count: 33,
      },
      {
        from: 70,
        to: 80,
        count: 33,
      },
      {
        from: 80,
        to: 90,
        count: 9,
      },
      {
        from: 90,
        to: 100,
        count: 0,
      },
    ],
  },
};

/** `GET /api/v1/rounds` (criteria trimmed to one) */
export const roundList: RoundListDto = {
  items: [
    {
      id: 'ef858b8e-8256-8c49-a483-d268dec16ebb',
      code: 'second-half-1401',
      titleFa: 'ارزیابی کیفیت خدمات الکترونیکی دستگاه‌ها، نیمه دوم ۱۴۰۱',
      titleEn: "Quality of agencies' e-services, second half of 1401",
      status: 'open',
      startsOn: '2022-09-23',
      endsOn: '2023-03-20',
      closedAt: null,
      cycleId: '187e49d2-513c-8758-8794-d1bc6a32c884',
      criteriaSetId: 'd2e07825-ec6e-8c79-bc98-f2014ffdcef2',
      criteriaSetCode: 'quality-1401',
      criteria: [
        {
          id: '5173311b-47fe-8917-a0e2-f3e576b7f609',
          code: 'availability',
          titleFa: 'دسترس‌پذیری و پایداری خدمات',
          titleEn: 'Availability and reliability of services',
          weight: '25.00',
          sortOrder: 1,
        },
      ],
      version: 1,
      createdAt: '2026-12-02T07:00:54.388Z',
    },
    {
      id: 'e1c21f57-df0b-8bf2-a4b8-f78ae128cf49',
      code: 'summer-1401',
      titleFa: 'ارزیابی کیفیت خدمات الکترونیکی دستگاه‌ها، تابستان ۱۴۰۱',
      titleEn: "Quality of agencies' e-services, summer 1401",
      status: 'closed',
      startsOn: '2022-06-22',
      endsOn: '2022-08-22',
      closedAt: '2022-08-22T07:30:00.000Z',
      cycleId: '187e49d2-513c-8758-8794-d1bc6a32c884',
      criteriaSetId: 'd2e07825-ec6e-8c79-bc98-f2014ffdcef2',
      criteriaSetCode: 'quality-1401',
      criteria: [
        {
          id: '5173311b-47fe-8917-a0e2-f3e576b7f609',
          code: 'availability',
          titleFa: 'دسترس‌پذیری و پایداری خدمات',
          titleEn: 'Availability and reliability of services',
          weight: '25.00',
          sortOrder: 1,
        },
      ],
      version: 1,
      createdAt: '2026-12-02T07:00:54.388Z',
    },
  ],
};
