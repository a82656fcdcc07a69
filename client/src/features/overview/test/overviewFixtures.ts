/**
 * Bodies the demo server answered (`GET /api/v1/overview?asOf=2022-08-22`, its history from 1401-05-01, and the
 * weekly reports of the weeks 1401-05-29 and 1401-11-01), so the specs see the real shapes and values. The
 * reports' ranking and name lists are cut to their first rows (the counts come from `content.overview`).
 */
import type { OverviewHistory } from '../api/getOverviewHistory';
import type { Overview } from '../api/getOverview';
import type { WeeklyHeadlineReport } from '../api/getWeeklyHeadline';

/** The article's day: 1401/05/31 (2022-08-22), ten of the 170 agencies connected. */
export const overviewOn14010531: Overview = {
  asOf: '2022-08-22',
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
    count: 10,
    share: '5.88',
  },
  milestones: [
    {
      code: 'single-window',
      titleFa: 'راه‌اندازی پنجره واحد خدمات دستگاه',
      titleEn: "Launch of the agency's own single window",
      dueOn: '2022-09-22',
      met: 54,
      pending: 116,
      atRisk: 0,
      overdue: 0,
    },
    {
      code: 'single-window-share',
      titleFa: 'ارائه دست‌کم یک‌سوم خدمات در پنجره واحد',
      titleEn: 'At least one third of services in the single window',
      dueOn: '2022-09-22',
      met: 31,
      pending: 139,
      atRisk: 0,
      overdue: 0,
    },
    {
      code: 'national-window',
      titleFa: 'اتصال پنجره واحد به پنجره ملی خدمات دولت هوشمند',
      titleEn: 'Single window connected to the national window',
      dueOn: '2023-01-20',
      met: 10,
      pending: 160,
      atRisk: 0,
      overdue: 0,
    },
  ],
  services: {
    baseline: 15124,
    identified: 15124,
    inSingleWindow: 1641,
    connected: 86,
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

/** Five weeks, 1401-05-01 to the week holding 1401/05/31 (counted to that day). */
export const historyTo14010531: OverviewHistory = {
  asOf: '2022-08-22',
  from: '2022-07-23',
  agencies: 170,
  weeks: [
    {
      weekStartsOn: '2022-07-23',
      week: '1401-05-01',
      asOf: '2022-07-29',
      singleWindows: 47,
      connected: 7,
      services: {
        notElectronic: 2688,
        electronic: 11144,
        singleWindow: 1236,
        nationalWindow: 56,
      },
    },
    {
      weekStartsOn: '2022-07-30',
      week: '1401-05-08',
      asOf: '2022-08-05',
      singleWindows: 48,
      connected: 8,
      services: {
        notElectronic: 2596,
        electronic: 11152,
        singleWindow: 1313,
        nationalWindow: 63,
      },
    },
    {
      weekStartsOn: '2022-08-06',
      week: '1401-05-15',
      asOf: '2022-08-12',
      singleWindows: 49,
      connected: 9,
      services: {
        notElectronic: 2511,
        electronic: 11133,
        singleWindow: 1412,
        nationalWindow: 68,
      },
    },
    {
      weekStartsOn: '2022-08-13',
      week: '1401-05-22',
      asOf: '2022-08-19',
      singleWindows: 51,
      connected: 10,
      services: {
        notElectronic: 2435,
        electronic: 11092,
        singleWindow: 1521,
        nationalWindow: 76,
      },
    },
    {
      weekStartsOn: '2022-08-20',
      week: '1401-05-29',
      asOf: '2022-08-22',
      singleWindows: 54,
      connected: 10,
      services: {
        notElectronic: 2409,
        electronic: 11074,
        singleWindow: 1555,
        nationalWindow: 86,
      },
    },
  ],
};

/** The report of the week holding 1401/05/31 (1401-05-29 to 1401-06-04): nobody joined, nobody overdue yet. */
export const reportOfWeek14010529: WeeklyHeadlineReport = {
  id: '5e56d987-43b4-46ca-b3cd-3f114c4fd374',
  week: '1401-05-29',
  weekStartsOn: '2022-08-20',
  weekEndsOn: '2022-08-26',
  cycle: 'budget-1401',
  revision: 1,
  supersedes: null,
  reason: null,
  digest: 'a90c2f533cf2db14d3b51e88a641fd64cf4635e750e0edcfd28a816394e29e14',
  publishedAt: '2022-08-27T03:30:00Z',
  publicFrom: '2022-08-27T03:30:00Z',
  permalink: '/api/v1/weekly-reports/1401-05-29/revisions/1',
  exports: {
    csv: '/api/v1/weekly-reports/1401-05-29/export?format=csv&revision=1',
    xlsx: '/api/v1/weekly-reports/1401-05-29/export?format=xlsx&revision=1',
    json: '/api/v1/weekly-reports/1401-05-29/export?format=json&revision=1',
  },
  content: {
    asOf: '2022-08-26',
    week: '1401-05-29',
    cycle: {
      code: 'budget-1401',
      endsOn: '2023-03-20',
      titleEn: 'Budget law of 1401',
      titleFa: 'قانون بودجه ۱۴۰۱',
      startsOn: '2022-03-21',
      baselineOn: '2022-03-21',
    },
    jalali: {
      endsOn: '1401/06/04',
      startsOn: '1401/05/29',
    },
    joined: [],
    schema: 'weekly-report/1',
    ranking: [
      {
        rank: 1,
        score: '84.88',
        agency: {
          id: '9ea288c2-5218-8809-93e2-ca1585191bdf',
          code: 'majlis-library',
          nameEn: 'Library, Museum and Document Center of the Islamic Consultative Assembly',
          nameFa: 'کتابخانه، موزه و مرکز اسناد مجلس شورای اسلامی',
        },
        movement: {
          own: null,
          change: null,
          others: null,
          previousRank: null,
        },
        progress: '0.00',
      },
      {
        rank: 2,
        score: '84.86',
        agency: {
          id: '4acdcf0a-e99b-830d-aa1b-7a543f31a2ff',
          code: 'niordc',
          nameEn: 'National Iranian Oil Refining and Distribution Company',
          nameFa: 'شرکت ملی پالایش و پخش فرآورده‌های نفتی ایران',
        },
        movement: {
          own: null,
          change: null,
          others: null,
          previousRank: null,
        },
        progress: '0.00',
      },
      {
        rank: 3,
        score: '83.80',
        agency: {
          id: '5105a937-747b-8e49-bf94-76a2d2b4914e',
          code: 'literacy-movement',
          nameEn: 'Literacy Movement Organization',
          nameFa: 'سازمان نهضت سوادآموزی',
        },
        movement: {
          own: null,
          change: null,
          others: null,
          previousRank: null,
        },
        progress: '0.00',
      },
    ],
    laggards: {
      left: [],
      count: 0,
      entered: [],
    },
    overview: {
      agencies: {
        total: 170,
      },
      services: {
        baseline: 15124,
        connected: 89,
        identified: 15124,
        inSingleWindow: 1709,
      },
      connected: {
        count: 10,
        share: '5.88',
      },
      milestones: [
        {
          met: 59,
          code: 'single-window',
          dueOn: '2022-09-22',
          atRisk: 0,
          overdue: 0,
          pending: 111,
          titleEn: "Launch of the agency's own single window",
          titleFa: 'راه‌اندازی پنجره واحد خدمات دستگاه',
        },
        {
          met: 32,
          code: 'single-window-share',
          dueOn: '2022-09-22',
          atRisk: 0,
          overdue: 0,
          pending: 138,
          titleEn: 'At least one third of services in the single window',
          titleFa: 'ارائه دست‌کم یک‌سوم خدمات در پنجره واحد',
        },
        {
          met: 10,
          code: 'national-window',
          dueOn: '2023-01-20',
          atRisk: 0,
          overdue: 0,
          pending: 160,
          titleEn: 'Single window connected to the national window',
          titleFa: 'اتصال پنجره واحد به پنجره ملی خدمات دولت هوشمند',
        },
      ],
    },
    milestones: [
      {
        code: 'single-window',
        dueOn: '2022-09-22',
        atRisk: [],
        metLate: [],
        overdue: [],
        titleEn: "Launch of the agency's own single window",
        titleFa: 'راه‌اندازی پنجره واحد خدمات دستگاه',
      },
      {
        code: 'single-window-share',
        dueOn: '2022-09-22',
        atRisk: [],
        metLate: [],
        overdue: [],
        titleEn: 'At least one third of services in the single window',
        titleFa: 'ارائه دست‌کم یک‌سوم خدمات در پنجره واحد',
      },
      {
        code: 'national-window',
        dueOn: '2023-01-20',
        atRisk: [],
        metLate: [],
        overdue: [],
        titleEn: 'Single window connected to the national window',
        titleFa: 'اتصال پنجره واحد به پنجره ملی خدمات دولت هوشمند',
      },
    ],
    weekEndsOn: '2022-08-26',
    methodology: {
      en: 'Each agency\'s status at the end of Friday (Tehran time), computed from the dated progress records. A milestone is "at risk" on its due day and "overdue" from the day after. Service shares are measured against the services identified on the cycle\'s baseline day; withdrawing a service does not lower the target. Ranks follow the latest final quality score; equal scores share a rank, and movement is measured against the week before.',
      fa: 'وضعیت هر دستگاه در پایان روز جمعه (به وقت تهران) از سوابق تاریخ‌دار پیشرفت محاسبه شده است. هر مرحله در روز موعد خود «در معرض خطر» است و از روز بعد «معوق». سهم خدمات نسبت به خدمات شناسایی‌شده در روز مبنای دوره سنجیده می‌شود و حذف خدمت از فهرست آن را کم نمی‌کند. رتبه‌ها بر پایه آخرین امتیاز نهایی کیفیت است؛ مقادیر برابر رتبه یکسان دارند و جابه‌جایی با هفته پیش مقایسه می‌شود.',
      milestones: [
        {
          code: 'single-window',
          rule: 'single_window_launched',
          dueOn: '2022-09-22',
          share: null,
          titleEn: "Launch of the agency's own single window",
          titleFa: 'راه‌اندازی پنجره واحد خدمات دستگاه',
          atRiskDays: 14,
        },
        {
          code: 'single-window-share',
          rule: 'single_window_service_share',
          dueOn: '2022-09-22',
          share: '1/3',
          titleEn: 'At least one third of services in the single window',
          titleFa: 'ارائه دست‌کم یک‌سوم خدمات در پنجره واحد',
          atRiskDays: 14,
        },
        {
          code: 'national-window',
          rule: 'national_window_connected',
          dueOn: '2023-01-20',
          share: null,
          titleEn: 'Single window connected to the national window',
          titleFa: 'اتصال پنجره واحد به پنجره ملی خدمات دولت هوشمند',
          atRiskDays: 14,
        },
      ],
    },
    comparedWith: '2022-08-19',
    weekStartsOn: '2022-08-20',
  },
};

/** The report of the week 1401-11-01: two agencies joined; overdue agencies on every milestone. */
export const reportOfWeek14011101: WeeklyHeadlineReport = {
  id: '242bcd27-ec19-4211-b90b-37cebefd045b',
  week: '1401-11-01',
  weekStartsOn: '2023-01-21',
  weekEndsOn: '2023-01-27',
  cycle: 'budget-1401',
  revision: 1,
  supersedes: null,
  reason: null,
  digest: 'c4593308f78492bb42ac121df5a2de847bf8b769d73307dd4d38a584603347d1',
  publishedAt: '2023-01-28T04:30:00Z',
  publicFrom: '2023-01-28T04:30:00Z',
  permalink: '/api/v1/weekly-reports/1401-11-01/revisions/1',
  exports: {
    csv: '/api/v1/weekly-reports/1401-11-01/export?format=csv&revision=1',
    xlsx: '/api/v1/weekly-reports/1401-11-01/export?format=xlsx&revision=1',
    json: '/api/v1/weekly-reports/1401-11-01/export?format=json&revision=1',
  },
  content: {
    asOf: '2023-01-27',
    week: '1401-11-01',
    cycle: {
      code: 'budget-1401',
      endsOn: '2023-03-20',
      titleEn: 'Budget law of 1401',
      titleFa: 'قانون بودجه ۱۴۰۱',
      startsOn: '2022-03-21',
      baselineOn: '2022-03-21',
    },
    jalali: {
      endsOn: '1401/11/07',
      startsOn: '1401/11/01',
    },
    joined: [
      {
        agency: {
          id: 'dc4e969d-4352-8320-9330-4cae700310e0',
          code: 'plan-budget',
          nameEn: 'Plan and Budget Organization',
          nameFa: 'سازمان برنامه و بودجه کشور',
        },
        connectedOn: '2023-01-21',
      },
      {
        agency: {
          id: 'fe3fe879-2d77-8f19-bfa9-a3c349098f62',
          code: 'statistics',
          nameEn: 'Statistical Centre of Iran',
          nameFa: 'مرکز آمار ایران',
        },
        connectedOn: '2023-01-26',
      },
    ],
    schema: 'weekly-report/1',
    ranking: [
      {
        rank: 1,
        score: '84.88',
        agency: {
          id: '9ea288c2-5218-8809-93e2-ca1585191bdf',
          code: 'majlis-library',
          nameEn: 'Library, Museum and Document Center of the Islamic Consultative Assembly',
          nameFa: 'کتابخانه، موزه و مرکز اسناد مجلس شورای اسلامی',
        },
        movement: {
          own: 0,
          change: 0,
          others: 0,
          previousRank: 1,
        },
        progress: '16.42',
      },
      {
        rank: 2,
        score: '84.86',
        agency: {
          id: '4acdcf0a-e99b-830d-aa1b-7a543f31a2ff',
          code: 'niordc',
          nameEn: 'National Iranian Oil Refining and Distribution Company',
          nameFa: 'شرکت ملی پالایش و پخش فرآورده‌های نفتی ایران',
        },
        movement: {
          own: 0,
          change: 0,
          others: 0,
          previousRank: 2,
        },
        progress: '37.84',
      },
      {
        rank: 3,
        score: '83.80',
        agency: {
          id: '5105a937-747b-8e49-bf94-76a2d2b4914e',
          code: 'literacy-movement',
          nameEn: 'Literacy Movement Organization',
          nameFa: 'سازمان نهضت سوادآموزی',
        },
        movement: {
          own: 0,
          change: 0,
          others: 0,
          previousRank: 3,
        },
        progress: '0.00',
      },
    ],
    laggards: {
      left: [
        {
          id: 'b9f37479-3c4a-83ff-9436-7c434a2aa7d7',
          code: 'customs',
          nameEn: 'Islamic Republic of Iran Customs Administration',
          nameFa: 'گمرک جمهوری اسلامی ایران',
        },
      ],
      count: 92,
      entered: [
        {
          id: '4dace138-5e57-8f72-8829-593253a148fd',
          code: 'administrative-justice-court',
          nameEn: 'Court of Administrative Justice',
          nameFa: 'دیوان عدالت اداری',
        },
        {
          id: 'c0a93bd3-cd07-89be-8354-6f01887af3ed',
          code: 'educational-research',
          nameEn: 'Organization for Educational Research and Planning',
          nameFa: 'سازمان پژوهش و برنامه‌ریزی آموزشی',
        },
        {
          id: '97023460-8c77-8d8b-b6ea-b91b3a6488f3',
          code: 'engineering-council',
          nameEn: 'Iran Construction Engineering Organization',
          nameFa: 'سازمان نظام مهندسی ساختمان کشور',
        },
      ],
    },
    overview: {
      agencies: {
        total: 170,
      },
      services: {
        baseline: 15124,
        connected: 1909,
        identified: 15124,
        inSingleWindow: 6092,
      },
      connected: {
        count: 105,
        share: '61.76',
      },
      milestones: [
        {
          met: 134,
          code: 'single-window',
          dueOn: '2022-09-22',
          atRisk: 0,
          overdue: 36,
          pending: 0,
          titleEn: "Launch of the agency's own single window",
          titleFa: 'راه‌اندازی پنجره واحد خدمات دستگاه',
        },
        {
          met: 93,
          code: 'single-window-share',
          dueOn: '2022-09-22',
          atRisk: 0,
          overdue: 77,
          pending: 0,
          titleEn: 'At least one third of services in the single window',
          titleFa: 'ارائه دست‌کم یک‌سوم خدمات در پنجره واحد',
        },
        {
          met: 105,
          code: 'national-window',
          dueOn: '2023-01-20',
          atRisk: 0,
          overdue: 65,
          pending: 0,
          titleEn: 'Single window connected to the national window',
          titleFa: 'اتصال پنجره واحد به پنجره ملی خدمات دولت هوشمند',
        },
      ],
    },
    milestones: [
      {
        code: 'single-window',
        dueOn: '2022-09-22',
        atRisk: [],
        metLate: [
          {
            metOn: '2023-01-26',
            score: '54.34',
            agency: {
              id: '6a5b4d95-d1ed-8981-99b5-be7b6b228443',
              code: 'court-of-audit',
              nameEn: 'Supreme Audit Court of Iran',
              nameFa: 'دیوان محاسبات کشور',
            },
          },
        ],
        overdue: [
          {
            score: '39.39',
            agency: {
              id: 'e8c972d5-121e-8f5c-b32c-b397a4c165e8',
              code: 'mostazafan-foundation',
              nameEn: 'Mostazafan Foundation of Islamic Revolution',
              nameFa: 'بنیاد مستضعفان انقلاب اسلامی',
            },
            daysOverdue: 127,
          },
          {
            score: '39.41',
            agency: {
              id: '76a57c57-5dd3-81e0-8222-750f8437e7ab',
              code: 'bank-maskan',
              nameEn: 'Bank Maskan',
              nameFa: 'بانک مسکن',
            },
            daysOverdue: 127,
          },
          {
            score: '39.52',
            agency: {
              id: '3748c0f2-288f-8fcd-8585-e0e79e30cf03',
              code: 'geological-survey',
              nameEn: 'Geological Survey and Mineral Explorations of Iran',
              nameFa: 'سازمان زمین‌شناسی و اکتشافات معدنی کشور',
            },
            daysOverdue: 127,
          },
          {
            score: '40.45',
            agency: {
              id: '171c33e4-43e2-8774-8972-b4ef2a5bc5d6',
              code: 'iran-air',
              nameEn: 'Iran Air',
              nameFa: 'شرکت هواپیمایی جمهوری اسلامی ایران',
            },
            daysOverdue: 127,
          },
          {
            score: '41.10',
            agency: {
              id: '3e7161c2-108c-8e57-bb81-3c5019d3ef7e',
              code: 'agriculture',
              nameEn: 'Ministry of Agriculture Jihad',
              nameFa: 'وزارت جهاد کشاورزی',
            },
            daysOverdue: 127,
          },
        ],
        titleEn: "Launch of the agency's own single window",
        titleFa: 'راه‌اندازی پنجره واحد خدمات دستگاه',
      },
      {
        code: 'single-window-share',
        dueOn: '2022-09-22',
        atRisk: [],
        metLate: [
          {
            metOn: '2023-01-21',
            score: '43.22',
            agency: {
              id: 'a9ffd5cb-13ca-8dcf-8e8a-2e28bd6cd433',
              code: 'islamic-propagation',
              nameEn: 'Islamic Development Organization',
              nameFa: 'سازمان تبلیغات اسلامی',
            },
          },
          {
            metOn: '2023-01-21',
            score: '47.61',
            agency: {
              id: '1965ba43-43d7-803f-9dfe-b43ca1347021',
              code: 'water-power-development',
              nameEn: 'Iran Water and Power Resources Development Company',
              nameFa: 'شرکت توسعه منابع آب و نیروی ایران',
            },
          },
        ],
        overdue: [
          {
            score: '23.85',
            agency: {
              id: '1c9fd900-601b-82ef-8999-1bf3efc16320',
              code: 'central-bank',
              nameEn: 'Central Bank of the Islamic Republic of Iran',
              nameFa: 'بانک مرکزی جمهوری اسلامی ایران',
            },
            daysOverdue: 127,
          },
          {
            score: '36.06',
            agency: {
              id: '9e799480-457a-88a7-8140-c58f4339b6a0',
              code: 'tax',
              nameEn: 'Iranian National Tax Administration',
              nameFa: 'سازمان امور مالیاتی کشور',
            },
            daysOverdue: 127,
          },
          {
            score: '36.35',
            agency: {
              id: 'ccd80779-4de6-8625-881b-61f7e39e501f',
              code: 'discretionary-punishments',
              nameEn: 'Governmental Discretionary Punishments Organization',
              nameFa: 'سازمان تعزیرات حکومتی',
            },
            daysOverdue: 127,
          },
          {
            score: '36.46',
            agency: {
              id: 'e8a4d9ae-7543-8e0f-80b1-07b8abd8ee65',
              code: 'school-renovation',
              nameEn: 'Organization for Renovation, Development and Equipping of Schools',
              nameFa: 'سازمان نوسازی، توسعه و تجهیز مدارس کشور',
            },
            daysOverdue: 127,
          },
          {
            score: '36.49',
            agency: {
              id: 'a7ed3eeb-dcee-8752-af13-c6d8227166e6',
              code: 'irib',
              nameEn: 'Islamic Republic of Iran Broadcasting',
              nameFa: 'سازمان صدا و سیمای جمهوری اسلامی ایران',
            },
            daysOverdue: 127,
          },
        ],
        titleEn: 'At least one third of services in the single window',
        titleFa: 'ارائه دست‌کم یک‌سوم خدمات در پنجره واحد',
      },
      {
        code: 'national-window',
        dueOn: '2023-01-20',
        atRisk: [],
        metLate: [
          {
            metOn: '2023-01-21',
            score: '69.74',
            agency: {
              id: 'dc4e969d-4352-8320-9330-4cae700310e0',
              code: 'plan-budget',
              nameEn: 'Plan and Budget Organization',
              nameFa: 'سازمان برنامه و بودجه کشور',
            },
          },
          {
            metOn: '2023-01-26',
            score: '47.05',
            agency: {
              id: 'fe3fe879-2d77-8f19-bfa9-a3c349098f62',
              code: 'statistics',
              nameEn: 'Statistical Centre of Iran',
              nameFa: 'مرکز آمار ایران',
            },
          },
        ],
        overdue: [
          {
            score: '34.61',
            agency: {
              id: '4dace138-5e57-8f72-8829-593253a148fd',
              code: 'administrative-justice-court',
              nameEn: 'Court of Administrative Justice',
              nameFa: 'دیوان عدالت اداری',
            },
            daysOverdue: 7,
          },
          {
            score: '36.06',
            agency: {
              id: '9e799480-457a-88a7-8140-c58f4339b6a0',
              code: 'tax',
              nameEn: 'Iranian National Tax Administration',
              nameFa: 'سازمان امور مالیاتی کشور',
            },
            daysOverdue: 7,
          },
          {
            score: '36.35',
            agency: {
              id: 'ccd80779-4de6-8625-881b-61f7e39e501f',
              code: 'discretionary-punishments',
              nameEn: 'Governmental Discretionary Punishments Organization',
              nameFa: 'سازمان تعزیرات حکومتی',
            },
            daysOverdue: 7,
          },
          {
            score: '39.39',
            agency: {
              id: 'e8c972d5-121e-8f5c-b32c-b397a4c165e8',
              code: 'mostazafan-foundation',
              nameEn: 'Mostazafan Foundation of Islamic Revolution',
              nameFa: 'بنیاد مستضعفان انقلاب اسلامی',
            },
            daysOverdue: 7,
          },
          {
            score: '39.41',
            agency: {
              id: '76a57c57-5dd3-81e0-8222-750f8437e7ab',
              code: 'bank-maskan',
              nameEn: 'Bank Maskan',
              nameFa: 'بانک مسکن',
            },
            daysOverdue: 7,
          },
        ],
        titleEn: 'Single window connected to the national window',
        titleFa: 'اتصال پنجره واحد به پنجره ملی خدمات دولت هوشمند',
      },
    ],
    weekEndsOn: '2023-01-27',
    methodology: {
      en: 'Each agency\'s status at the end of Friday (Tehran time), computed from the dated progress records. A milestone is "at risk" on its due day and "overdue" from the day after. Service shares are measured against the services identified on the cycle\'s baseline day; withdrawing a service does not lower the target. Ranks follow the latest final quality score; equal scores share a rank, and movement is measured against the week before.',
      fa: 'وضعیت هر دستگاه در پایان روز جمعه (به وقت تهران) از سوابق تاریخ‌دار پیشرفت محاسبه شده است. هر مرحله در روز موعد خود «در معرض خطر» است و از روز بعد «معوق». سهم خدمات نسبت به خدمات شناسایی‌شده در روز مبنای دوره سنجیده می‌شود و حذف خدمت از فهرست آن را کم نمی‌کند. رتبه‌ها بر پایه آخرین امتیاز نهایی کیفیت است؛ مقادیر برابر رتبه یکسان دارند و جابه‌جایی با هفته پیش مقایسه می‌شود.',
      milestones: [
        {
          code: 'single-window',
          rule: 'single_window_launched',
          dueOn: '2022-09-22',
          share: null,
          titleEn: "Launch of the agency's own single window",
          titleFa: 'راه‌اندازی پنجره واحد خدمات دستگاه',
          atRiskDays: 14,
        },
        {
          code: 'single-window-share',
          rule: 'single_window_service_share',
          dueOn: '2022-09-22',
          share: '1/3',
          titleEn: 'At least one third of services in the single window',
          titleFa: 'ارائه دست‌کم یک‌سوم خدمات در پنجره واحد',
          atRiskDays: 14,
        },
        {
          code: 'national-window',
          rule: 'national_window_connected',
          dueOn: '2023-01-20',
          share: null,
          titleEn: 'Single window connected to the national window',
          titleFa: 'اتصال پنجره واحد به پنجره ملی خدمات دولت هوشمند',
          atRiskDays: 14,
        },
      ],
    },
    comparedWith: '2023-01-20',
    weekStartsOn: '2023-01-21',
  },
};
