import { demoMeta } from '../../../test/fixtures';
import { jsonBodyOf, type FakeReply, type FakeRoute } from '../../../test/mockFetch';
import type { Me } from '../../auth';
import type { Round, Score, ScoreStatus, Session, UpdateScoreInput, UpdateSessionInput } from '../types/review';
import { weightedTotal } from '../../../lib/scores';

/**
 * Bodies as the demo server sends them (read from it with curl): the quality rounds of 1401 with their criteria,
 * scores at every step of the workflow, and the session one of them came from.
 */

export const evaluator2: Me = {
  id: 'fddd5fdd-0a15-8f7a-95ac-c548617fdeea',
  username: 'evaluator2',
  displayName: 'ارزیاب نمایشی ۲',
  role: 'evaluator',
};

export const adminMe: Me = {
  id: '2f0b3f5e-6d0a-8c11-9d44-0a6a3c1e2b77',
  username: 'admin',
  displayName: 'مدیر سامانه (نمایشی)',
  role: 'admin',
};

export const criteria1401: Round['criteria'] = [
  [
    '5173311b-47fe-8917-a0e2-f3e576b7f609',
    'availability',
    'دسترس‌پذیری و پایداری خدمات',
    'Availability and reliability of services',
    '25.00',
  ],
  [
    '33b95d2a-f982-8142-b472-1f63b4d0ed33',
    'end-to-end',
    'الکترونیکی‌بودن کامل فرایند',
    'Fully electronic, end-to-end process',
    '20.00',
  ],
  [
    '8ad571aa-573e-8fdf-9573-4206357e6cb7',
    'single-window',
    'ارائه خدمات در پنجره واحد',
    'Services offered in the single window',
    '20.00',
  ],
  [
    'ee0222f4-329c-873d-9ea5-e7af62254f81',
    'integration',
    'اتصال و تبادل داده با دستگاه‌های دیگر',
    'Integration and data exchange',
    '15.00',
  ],
  [
    'f85bafc7-7383-8997-a348-ae81068629d8',
    'usability',
    'سهولت استفاده و راهنمایی کاربر',
    'Ease of use and guidance',
    '10.00',
  ],
  ['aa64f17b-c290-80be-8129-35d1cc0525f5', 'support', 'پاسخ‌گویی و پشتیبانی', 'Responsiveness and support', '10.00'],
].map(([id, code, titleFa, titleEn, weight], index) => ({
  id: id!,
  code: code!,
  titleFa: titleFa!,
  titleEn: titleEn!,
  weight: weight!,
  sortOrder: index + 1,
}));

export const secondHalfRound: Round = {
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
  criteria: criteria1401,
  version: 1,
  createdAt: '2026-12-02T07:00:54.388Z',
};

export const summerRound: Round = {
  ...secondHalfRound,
  id: 'e1c21f57-df0b-8bf2-a4b8-f78ae128cf49',
  code: 'summer-1401',
  titleFa: 'ارزیابی کیفیت خدمات الکترونیکی دستگاه‌ها، تابستان ۱۴۰۱',
  titleEn: "Quality of agencies' e-services, summer 1401",
  status: 'closed',
  startsOn: '2022-06-22',
  endsOn: '2022-08-22',
  closedAt: '2022-08-22T07:30:00.000Z',
};

/** The rounds list, newest first. */
export const rounds1401 = { items: [secondHalfRound, summerRound] };

function valuesOf(values: string[]): Score['criterionScores'] {
  return criteria1401.map((criterion, index) => ({
    criterionId: criterion.id,
    code: criterion.code,
    value: values[index]!,
  }));
}

interface ScoreSeed {
  id: string;
  agencyId: string;
  agencyCode: string;
  agencyNameFa: string;
  agencyNameEn: string;
  values: string[];
  total: string;
  status: ScoreStatus;
  sessionId?: string | null;
  round?: Round;
}

function scoreFrom(seed: ScoreSeed, overrides: Partial<Score> = {}): Score {
  const round = seed.round ?? secondHalfRound;
  return {
    id: seed.id,
    roundId: round.id,
    roundCode: round.code,
    agencyId: seed.agencyId,
    agencyCode: seed.agencyCode,
    agencyNameFa: seed.agencyNameFa,
    agencyNameEn: seed.agencyNameEn,
    sessionId: seed.sessionId ?? null,
    total: seed.total,
    status: seed.status,
    criterionScores: valuesOf(seed.values),
    submittedBy: null,
    submittedAt: null,
    reviewedBy: null,
    reviewedAt: null,
    finalisedAt: null,
    isCorrection: false,
    correctionReason: null,
    version: 1,
    createdAt: '2022-11-01T06:05:29.359Z',
    updatedAt: '2022-11-01T06:05:29.359Z',
    ...overrides,
  };
}

/** A draft entered by import (no session): 84.88. */
export const pasteurDraft = scoreFrom({
  id: '0c1f0e2a-5b6d-4c3e-9f10-2a3b4c5d6e01',
  agencyId: 'ef04bb3c-097e-8eae-9a77-95fd2f30cb8c',
  agencyCode: 'pasteur-institute',
  agencyNameFa: 'انستیتو پاستور ایران',
  agencyNameEn: 'Pasteur Institute of Iran',
  values: ['77.38', '92.83', '85.13', '86.99', '84.13', '84.85'],
  total: '84.88',
  status: 'draft',
});

/** Submitted by the other evaluator, from a session: 72.13. */
export const aliensSubmitted = scoreFrom(
  {
    id: 'fc52432b-860f-4782-8cf2-e5738d5f47bd',
    agencyId: '87846d2e-ed02-8b8a-8ad1-3ae189676610',
    agencyCode: 'foreign-nationals',
    agencyNameFa: 'اداره کل امور اتباع و مهاجرین خارجی',
    agencyNameEn: "Bureau for Aliens and Foreign Immigrants' Affairs",
    values: ['80.00', '70.50', '65.00', '90.00', '55.25', '60.00'],
    total: '72.13',
    status: 'submitted',
    sessionId: '27fc85c1-0581-41d1-8d0b-3e6d12b8a2d7',
  },
  {
    submittedBy: 'evaluator',
    submittedAt: '2022-11-02T07:05:33.281Z',
    version: 2,
    updatedAt: '2022-11-02T07:05:33.281Z',
  },
);

/** Submitted by evaluator2 (the user in these tests): 84.86. */
export const sepahSubmittedByMe = scoreFrom(
  {
    id: '319aa050-0000-4000-8000-000000000003',
    agencyId: '319aa050-9543-80c8-8fcc-04879cea3150',
    agencyCode: 'bank-sepah',
    agencyNameFa: 'بانک سپه',
    agencyNameEn: 'Bank Sepah',
    values: ['89.68', '84.49', '86.92', '82.33', '72.20', '85.93'],
    total: '84.86',
    status: 'submitted',
  },
  {
    submittedBy: 'evaluator2',
    submittedAt: '2022-11-03T05:30:00.000Z',
    version: 2,
    updatedAt: '2022-11-03T05:30:00.000Z',
  },
);

/** Submitted by evaluator, reviewed by the admin: 63.10. */
export const exportBankReviewed = scoreFrom(
  {
    id: '40f5590a-0000-4000-8000-000000000004',
    agencyId: '40f5590a-72d8-86bd-b587-2fd1378aab04',
    agencyCode: 'export-development-bank',
    agencyNameFa: 'بانک توسعه صادرات ایران',
    agencyNameEn: 'Export Development Bank of Iran',
    values: ['60.00', '55.50', '70.00', '40.00', '80.00', '90.00'],
    total: '63.10',
    status: 'reviewed',
  },
  {
    submittedBy: 'evaluator',
    submittedAt: '2022-10-30T06:00:00.000Z',
    reviewedBy: 'admin',
    reviewedAt: '2022-10-31T09:15:00.000Z',
    version: 3,
    updatedAt: '2022-10-31T09:15:00.000Z',
  },
);

/** Final (public, ranked): submitted by evaluator, reviewed by evaluator2, finalised by the admin: 78.25. */
export const postFinal = scoreFrom(
  {
    id: '5a7e2c11-0000-4000-8000-000000000005',
    agencyId: '5a7e2c11-3b1d-8e0a-9c55-7d2f1e4b6a05',
    agencyCode: 'post-company',
    agencyNameFa: 'شرکت ملی پست',
    agencyNameEn: 'Iran Post Company',
    values: ['80.00', '75.00', '70.00', '85.00', '90.00', '75.00'],
    total: '78.25',
    status: 'final',
  },
  {
    submittedBy: 'evaluator',
    submittedAt: '2022-10-20T06:00:00.000Z',
    reviewedBy: 'evaluator2',
    reviewedAt: '2022-10-21T06:00:00.000Z',
    finalisedAt: '2022-10-22T08:30:00.000Z',
    version: 4,
    updatedAt: '2022-10-22T08:30:00.000Z',
  },
);

export const aliensSession: Session = {
  id: '27fc85c1-0581-41d1-8d0b-3e6d12b8a2d7',
  roundId: secondHalfRound.id,
  roundCode: secondHalfRound.code,
  agencyId: aliensSubmitted.agencyId,
  agencyCode: aliensSubmitted.agencyCode,
  agencyNameFa: aliensSubmitted.agencyNameFa,
  agencyNameEn: aliensSubmitted.agencyNameEn,
  heldOn: '2022-11-01',
  representatives: [{ name: 'علی رضایی', title: 'مدیر فناوری اطلاعات' }],
  notes: 'جلسه بررسی کیفیت خدمات الکترونیکی با حضور نماینده دستگاه.',
  internalNotes: '',
  evaluators: [{ id: '57e5ff80-d1af-8bda-a1e8-954745222d4b', username: 'evaluator', displayName: 'ارزیاب نمایشی ۱' }],
  createdBy: 'evaluator',
  version: 1,
  createdAt: '2022-11-01T06:05:29.359Z',
  updatedAt: '2022-11-01T06:05:29.359Z',
};

export function scoreList(items: Score[]) {
  return { items, total: items.length, page: 1, pageSize: 200 };
}

export const versionConflict = (current: Score | Session): FakeReply => ({
  status: 409,
  body: {
    statusCode: 409,
    error: 'VERSION_CONFLICT',
    message: {
      fa: 'این داده در این فاصله به دست کس دیگری تغییر کرده است؛ مقادیر کنونی را ببینید و دوباره ذخیره کنید.',
      en: 'Someone else changed this record in the meantime; review the current values and save again.',
    },
    details: { current },
  },
});

export interface ReviewServer {
  /** The scores as the fake server holds them now (the steps taken move them on). */
  scores: Score[];
  /** The one session the fake server holds (of the aliens bureau), as it is now. */
  session: Session;
  routes: Record<string, FakeReply | FakeRoute>;
}

/**
 * A fake server for the review pages: lists scores by status and round, answers each score and its steps (moving
 * the score on as the real server does), the rounds and the sessions. `override` replaces any route.
 */
export function reviewServer(
  initial: Score[],
  { me = evaluator2, override = {} }: { me?: Me; override?: Record<string, FakeReply | FakeRoute> } = {},
): ReviewServer {
  const server: ReviewServer = {
    scores: initial.map((score) => ({ ...score })),
    session: { ...aliensSession },
    routes: {},
  };
  const now = '2022-11-05T08:00:00.000Z';
  const step = (id: string, to: ScoreStatus, changes: (score: Score) => Partial<Score>): FakeRoute => {
    return (_url, init) => {
      const score = server.scores.find((candidate) => candidate.id === id)!;
      const { version } = jsonBodyOf<{ version: number }>(init);
      if (version !== score.version) return versionConflict(score);
      Object.assign(score, { status: to, version: score.version + 1, updatedAt: now }, changes(score));
      return { body: score };
    };
  };
  /**
   * GET the score as it is now; PATCH new values at the version read (a submitted score goes back to draft; with a
   * reason it is an admin's correction: final and flagged).
   */
  const scoreRoute = (id: string): FakeRoute => {
    return (_url, init) => {
      const score = server.scores.find((candidate) => candidate.id === id)!;
      if (init?.method !== 'PATCH') return { body: score };
      const { version, criterionScores, reason } = jsonBodyOf<UpdateScoreInput>(init);
      if (version !== score.version) return versionConflict(score);
      const values = criteria1401.map(
        (criterion) => criterionScores.find((entry) => entry.criterionId === criterion.id)!.value,
      );
      Object.assign(score, {
        criterionScores: valuesOf(values),
        total: weightedTotal(
          criteria1401.map((criterion, index) => ({ weight: criterion.weight, value: values[index]! })),
        ),
        ...(reason
          ? { status: 'final', isCorrection: true, correctionReason: reason, finalisedAt: now }
          : { status: 'draft', submittedBy: null, submittedAt: null }),
        version: score.version + 1,
        updatedAt: now,
      });
      return { body: score };
    };
  };
  server.routes = {
    '/api/v1/meta': { body: demoMeta },
    '/api/v1/auth/me': { body: me },
    '/api/v1/rounds': { body: rounds1401 },
    '/api/v1/scores': (url) => {
      const status = url.searchParams.get('status');
      const roundId = url.searchParams.get('roundId');
      return {
        body: scoreList(
          server.scores.filter(
            (score) => (!status || score.status === status) && (!roundId || score.roundId === roundId),
          ),
        ),
      };
    },
    '/api/v1/evaluation-sessions': (url) => ({
      body: {
        items: url.searchParams.get('agencyId') === server.session.agencyId ? [server.session] : [],
        total: url.searchParams.get('agencyId') === server.session.agencyId ? 1 : 0,
        page: 1,
        pageSize: 200,
      },
    }),
    /** PATCH the session's fields at the version read (those not sent stay as they are). */
    [`/api/v1/evaluation-sessions/${aliensSession.id}`]: (_url, init) => {
      if (init?.method !== 'PATCH') return undefined;
      const { version, reason: _reason, ...changes } = jsonBodyOf<UpdateSessionInput>(init);
      if (version !== server.session.version) return versionConflict(server.session);
      server.session = { ...server.session, ...changes, version: version + 1, updatedAt: now };
      return { body: server.session };
    },
    ...Object.fromEntries(
      initial.flatMap((score) => [
        [`/api/v1/scores/${score.id}`, scoreRoute(score.id)],
        [
          `/api/v1/scores/${score.id}/submit`,
          step(score.id, 'submitted', () => ({ submittedBy: me.username, submittedAt: now })),
        ],
        [
          `/api/v1/scores/${score.id}/review`,
          step(score.id, 'reviewed', () => ({ reviewedBy: me.username, reviewedAt: now })),
        ],
        [`/api/v1/scores/${score.id}/finalise`, step(score.id, 'final', () => ({ finalisedAt: now }))],
      ]),
    ),
    ...override,
  };
  return server;
}
