import type { components } from '../../../api/schema';
import { closedRound, interiorMinistry, interiorMinistryDetail, openRound, scoreOf } from '../../../test/fixtures';

/**
 * What the server answers about the Ministry of Interior on the agency page, shaped as the demo server gives it
 * (`/agencies/:id/compliance`, `/services`, `/systems`, `/scores`, `/rounds`, `/evaluation-sessions`).
 */

type Schemas = components['schemas'];

export const agencyId = interiorMinistryDetail.id;
export const omid = interiorMinistryDetail.systems[0]!;

export const systems: Schemas['SystemListDto'] = {
  items: [
    {
      id: omid.id,
      agencyId,
      code: 'omid',
      nameFa: omid.nameFa,
      nameEn: omid.nameEn,
      electronicOn: '2021-06-01',
      singleWindowOn: '2022-02-20',
      nationalWindowOn: '2022-07-27',
      stage: 'national_window',
      version: 1,
      serviceCount: 3,
      connectedServiceCount: 3,
    },
    {
      id: 'efb861a1-f1cc-43ad-baa0-190393d4664b',
      agencyId,
      code: 'service-desk',
      nameFa: 'میز خدمت وزارت کشور',
      nameEn: 'Ministry of Interior service desk',
      electronicOn: '2021-03-01',
      singleWindowOn: '2022-02-20',
      nationalWindowOn: null,
      stage: 'single_window',
      version: 1,
      serviceCount: 2,
      connectedServiceCount: 0,
    },
  ],
};

export const serviceDesk = systems.items[1]!;

let serviceNumber = 0;
function service(
  nameFa: string,
  nameEn: string,
  audience: Schemas['ServiceDto']['audience'],
  stage: Schemas['ServiceDto']['stage'],
  systemId: string | null,
  withdrawnOn: string | null = null,
): Schemas['ServiceDto'] {
  serviceNumber += 1;
  const code = `S${String(serviceNumber).padStart(4, '0')}`;
  return {
    id: `5e000000-0000-4000-8000-${String(serviceNumber).padStart(12, '0')}`,
    agencyId,
    code,
    nameFa,
    nameEn,
    audience,
    systemId,
    electronicOn: stage === 'not_electronic' ? null : '2021-03-01',
    singleWindowOn: stage === 'single_window' || stage === 'national_window' ? '2022-02-20' : null,
    nationalWindowOn: stage === 'national_window' ? '2022-07-27' : null,
    stage,
    identifiedOn: '2021-01-10',
    withdrawnOn,
    withdrawalReason: withdrawnOn ? 'با خدمت دیگری ادغام شد' : null,
    version: 1,
  };
}

/**
 * Nine services: g2c 3 connected (Omid), 1 electronic, 1 not electronic (withdrawn); g2b 1 connected (Omid), 1 in
 * the single window (desk), 1 not electronic; g2g 1 in the single window (desk).
 */
export const services: Schemas['ServiceDto'][] = [
  service('صدور عوارض (1)', 'Issuing levy (1)', 'g2c', 'national_window', omid.id),
  service('استعلام پروانه ساخت (2)', 'Inquiry on building permit (2)', 'g2c', 'national_window', omid.id),
  service('تمدید بیمه (3)', 'Renewal of insurance (3)', 'g2c', 'national_window', omid.id),
  service('ثبت شکایت (4)', 'Filing a complaint (4)', 'g2c', 'electronic', null),
  service('صدور المثنی (5)', 'Duplicate certificate (5)', 'g2c', 'not_electronic', null, '2022-11-01'),
  service('پرداخت هزینه پرونده (6)', 'Payment for case file (6)', 'g2b', 'national_window', omid.id),
  service('صدور مجوز (7)', 'Issuing a permit (7)', 'g2b', 'single_window', serviceDesk.id),
  service('تمدید مجوز (8)', 'Renewing a permit (8)', 'g2b', 'not_electronic', null),
  service('استعلام استانداری (9)', 'Governorate inquiry (9)', 'g2g', 'single_window', serviceDesk.id),
];

export function servicePage(items = services): Schemas['ServiceListDto'] {
  return { items, total: items.length, page: 1, pageSize: 500 };
}

/**
 * On 1401/10/01 (2022-12-22): the single window launched 10 days after its due day (met, late), a third of the
 * baseline in the single window overdue by 91 days, the national window due in 29 days.
 */
export const complianceOn14011001: Schemas['AgencyComplianceDto'] = {
  asOf: '2022-12-22',
  cycle: {
    id: '187e49d2-513c-4758-8794-d1bc6a32c884',
    code: 'budget-1401',
    titleFa: 'قانون بودجه ۱۴۰۱',
    titleEn: 'Budget law of 1401',
    startsOn: '2022-03-21',
    endsOn: '2023-03-20',
    baselineOn: '2022-03-21',
  },
  agency: {
    id: agencyId,
    code: interiorMinistry.code,
    nameFa: interiorMinistry.nameFa,
    nameEn: interiorMinistry.nameEn,
    kind: 'ministry',
    branch: 'executive',
  },
  singleWindowLaunchedOn: '2022-10-02',
  nationalWindowConnectedOn: null,
  services: { baseline: 249, identified: 249, inSingleWindow: 60, connected: 12, baselineInSingleWindow: 58 },
  score: '26.07',
  progress: '4.82',
  milestones: [
    {
      code: 'single-window',
      titleFa: 'راه‌اندازی پنجره واحد خدمات دستگاه',
      titleEn: "Launch of the agency's own single window",
      rule: 'single_window_launched',
      share: null,
      dueOn: '2022-09-22',
      atRiskDays: 14,
      status: 'met',
      metOn: '2022-10-02',
      late: true,
      daysOverdue: null,
      daysLeft: null,
      required: null,
    },
    {
      code: 'single-window-share',
      titleFa: 'ارائه دست‌کم یک‌سوم خدمات در پنجره واحد',
      titleEn: 'At least one third of services in the single window',
      rule: 'single_window_service_share',
      share: { numerator: 1, denominator: 3 },
      dueOn: '2022-09-22',
      atRiskDays: 14,
      status: 'overdue',
      metOn: null,
      late: false,
      daysOverdue: 91,
      daysLeft: null,
      required: 83,
    },
    {
      code: 'national-window',
      titleFa: 'اتصال پنجره واحد به پنجره ملی خدمات دولت هوشمند',
      titleEn: 'Single window connected to the national window',
      rule: 'national_window_connected',
      share: null,
      dueOn: '2023-01-20',
      atRiskDays: 14,
      status: 'pending',
      metOn: null,
      late: false,
      daysOverdue: null,
      daysLeft: 29,
      required: null,
    },
  ],
};

/** The round before summer 1401, with the same criteria. */
export const springRound = {
  ...closedRound,
  id: 'a0000000-0000-4000-8000-000000000003',
  code: 'spring-1401',
  titleFa: 'ارزیابی کیفیت، بهار ۱۴۰۱',
  titleEn: 'Quality evaluation, spring 1401',
  startsOn: '2022-03-21',
  endsOn: '2022-06-21',
  closedAt: '2022-06-21T08:30:00.000Z',
};

/** Newest first, as the server lists them. */
export const rounds = { items: [openRound, closedRound, springRound] };

function criterionScores(values: string[]) {
  return closedRound.criteria.map((criterion, index) => ({
    criterionId: criterion.id,
    code: criterion.code,
    value: values[index]!,
  }));
}

/** Spring: 30.50 (7.50 + 6.00 + 5.00 + 6.00 + 3.00 + 3.00). */
export const springScore = scoreOf({
  id: 'd0000000-0000-4000-8000-000000000002',
  roundId: springRound.id,
  roundCode: springRound.code,
  total: '30.50',
  criterionScores: criterionScores(['30.00', '30.00', '25.00', '40.00', '30.00', '30.00']),
  createdAt: '2022-06-10T08:00:00.000Z',
});

/** Summer: 26.07 (5.00 + 6.00 + 5.00 + 4.50 + 2.80 + 2.77), down 4.43: availability and integration fell. */
export const summerScore = scoreOf({
  criterionScores: criterionScores(['20.00', '30.00', '25.00', '30.00', '28.00', '27.70']),
  createdAt: '2022-08-10T08:00:00.000Z',
});

export function scorePage(items: unknown[]) {
  return { items, total: items.length, page: 1, pageSize: 200 };
}

export const summerSession: Schemas['SessionDto'] = {
  id: '239494a9-ed41-46f5-890a-2c43cacfd18a',
  roundId: closedRound.id,
  roundCode: closedRound.code,
  agencyId,
  agencyCode: interiorMinistry.code,
  agencyNameFa: interiorMinistry.nameFa,
  agencyNameEn: interiorMinistry.nameEn,
  heldOn: '2022-07-01',
  representatives: [
    { name: 'علی رضایی', title: 'مدیرکل فناوری اطلاعات' },
    { name: 'مریم احمدی', title: 'کارشناس پنجره واحد' },
  ],
  notes: 'دسترس‌پذیری سامانه امید در ماه گذشته پایین بود؛ دستگاه برنامه رفع آن را ارائه کرد.',
  version: 1,
  createdAt: '2022-07-01T10:00:00.000Z',
  updatedAt: '2022-07-01T10:00:00.000Z',
};

export const springSession: Schemas['SessionDto'] = {
  ...summerSession,
  id: '339494a9-ed41-46f5-890a-2c43cacfd18a',
  roundId: springRound.id,
  roundCode: springRound.code,
  heldOn: '2022-05-10',
  representatives: [{ name: 'علی رضایی', title: 'مدیرکل فناوری اطلاعات' }],
  notes: '',
};

/** What staff get besides: who evaluated and the internal notes. */
export const summerSessionForStaff: Schemas['SessionDto'] = {
  ...summerSession,
  internalNotes: 'پیگیری در جلسه بعد.',
  evaluators: [{ id: '57e5ff80-d1af-4bda-a1e8-954745222d4b', username: 'evaluator', displayName: 'ارزیاب نمایشی ۱' }],
  createdBy: 'evaluator',
};

export function sessionPage(items: Schemas['SessionDto'][]): Schemas['SessionListDto'] {
  return { items, total: items.length, page: 1, pageSize: 200 };
}
