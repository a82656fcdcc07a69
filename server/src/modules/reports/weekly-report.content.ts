import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { EntityManager } from 'typeorm';
import { addDays } from '../../common/dates/calendar-day.js';
import { isoToJalali } from '../../common/dates/jalali.js';
import { weekIdOf } from '../../common/dates/week.js';
import type { CycleRow } from '../compliance/compliance.queries.js';
import {
  overviewOf,
  rankingOf,
  takeSnapshot,
  type AgencyCompliance,
  type MilestoneInfo,
  type Overview,
  type Snapshot,
} from '../compliance/compliance.snapshot.js';
import type { Movement } from '../compliance/compliance.rules.js';

/**
 * What a weekly report says, built from two snapshots of the compliance engine (the week's last day and the day
 * before it started), and its digest: SHA-256 of the content's canonical JSON (RFC 8785, by `canonicalize`), so
 * anyone holding the JSON can check it. The content depends only on the data and the week, never on the clock.
 */

export const REPORT_SCHEMA = 'weekly-report/1';

export interface ReportAgency {
  id: string;
  code: string;
  nameFa: string;
  nameEn: string;
}

export interface ReportMilestoneEntry {
  agency: ReportAgency;
  score: string | null;
  daysOverdue?: number;
  daysLeft?: number;
  metOn?: string;
}

export interface WeeklyReportContent {
  schema: string;
  week: string;
  weekStartsOn: string;
  weekEndsOn: string;
  jalali: { startsOn: string; endsOn: string };
  asOf: string;
  comparedWith: string;
  cycle: { code: string; titleFa: string; titleEn: string; startsOn: string; endsOn: string; baselineOn: string };
  methodology: {
    fa: string;
    en: string;
    milestones: Array<Omit<MilestoneInfo, 'share'> & { share: string | null }>;
  };
  overview: Omit<Overview, 'asOf' | 'cycle' | 'scores'>;
  joined: Array<{ agency: ReportAgency; connectedOn: string }>;
  milestones: Array<{
    code: string;
    titleFa: string;
    titleEn: string;
    dueOn: string;
    overdue: ReportMilestoneEntry[];
    metLate: ReportMilestoneEntry[];
    atRisk: ReportMilestoneEntry[];
  }>;
  laggards: { count: number; entered: ReportAgency[]; left: ReportAgency[] };
  ranking: Array<{
    rank: number | null;
    agency: ReportAgency;
    score: string | null;
    progress: string | null;
    movement: Movement;
  }>;
}

const METHODOLOGY = {
  fa:
    'وضعیت هر دستگاه در پایان روز جمعه (به وقت تهران) از سوابق تاریخ‌دار پیشرفت محاسبه شده است. ' +
    'هر مرحله در روز موعد خود «در معرض خطر» است و از روز بعد «معوق». سهم خدمات نسبت به خدمات شناسایی‌شده ' +
    'در روز مبنای دوره سنجیده می‌شود و حذف خدمت از فهرست آن را کم نمی‌کند. رتبه‌ها بر پایه آخرین امتیاز ' +
    'نهایی کیفیت است؛ مقادیر برابر رتبه یکسان دارند و جابه‌جایی با هفته پیش مقایسه می‌شود.',
  en:
    "Each agency's status at the end of Friday (Tehran time), computed from the dated progress records. A " +
    'milestone is "at risk" on its due day and "overdue" from the day after. Service shares are measured against ' +
    "the services identified on the cycle's baseline day; withdrawing a service does not lower the target. Ranks " +
    'follow the latest final quality score; equal scores share a rank, and movement is measured against the ' +
    'week before.',
};

function ref(a: AgencyCompliance): ReportAgency {
  return { id: a.agency.id, code: a.agency.code, nameFa: a.agency.nameFa, nameEn: a.agency.nameEn };
}

/** Worst first: the most days overdue (or fewest left), then the lower score (unscored last), then the code. */
function byUrgency(key: 'daysOverdue' | 'daysLeft', descending: boolean) {
  return (a: ReportMilestoneEntry, b: ReportMilestoneEntry): number => {
    const d = descending ? (b[key] ?? 0) - (a[key] ?? 0) : (a[key] ?? 0) - (b[key] ?? 0);
    if (d !== 0) return d;
    if (a.score !== b.score) {
      if (a.score === null) return 1;
      if (b.score === null) return -1;
      return Number(a.score) - Number(b.score);
    }
    return a.agency.code < b.agency.code ? -1 : a.agency.code > b.agency.code ? 1 : 0;
  };
}

function laggards(snapshot: Snapshot): Map<string, AgencyCompliance> {
  return new Map(
    snapshot.agencies.filter((a) => a.milestones.some((m) => m.status === 'overdue')).map((a) => [a.agency.id, a]),
  );
}

/** The content of the report of the week starting on `weekStart` (a Saturday), under `cycle`. */
export async function buildWeeklyReport(
  db: EntityManager,
  weekStart: string,
  cycle: CycleRow,
): Promise<WeeklyReportContent> {
  const weekEnd = addDays(weekStart, 6);
  const before = addDays(weekStart, -1);
  const now = await takeSnapshot(db, { asOf: weekEnd, cycle });
  const then = await takeSnapshot(db, { asOf: before, cycle });
  // The score distribution belongs to the dashboard, not to the frozen report format.
  const { asOf: _asOf, cycle: _cycle, scores: _scores, ...overview } = overviewOf(now);
  const lagNow = laggards(now);
  const lagThen = laggards(then);
  const byCode = (a: ReportAgency, b: ReportAgency) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  return {
    schema: REPORT_SCHEMA,
    week: weekIdOf(weekStart),
    weekStartsOn: weekStart,
    weekEndsOn: weekEnd,
    jalali: { startsOn: isoToJalali(weekStart), endsOn: isoToJalali(weekEnd) },
    asOf: weekEnd,
    comparedWith: before,
    cycle: {
      code: cycle.code,
      titleFa: cycle.title_fa,
      titleEn: cycle.title_en,
      startsOn: cycle.starts_on,
      endsOn: cycle.ends_on,
      baselineOn: cycle.baseline_on,
    },
    methodology: {
      ...METHODOLOGY,
      milestones: now.milestones.map((m) => ({
        ...m,
        share: m.share ? `${m.share.numerator}/${m.share.denominator}` : null,
      })),
    },
    overview,
    joined: now.agencies
      .filter((a) => a.nationalWindowConnectedOn !== null && a.nationalWindowConnectedOn >= weekStart)
      .filter((a) => a.nationalWindowConnectedOn! <= weekEnd)
      .map((a) => ({ agency: ref(a), connectedOn: a.nationalWindowConnectedOn! }))
      .sort((a, b) =>
        a.connectedOn < b.connectedOn ? -1 : a.connectedOn > b.connectedOn ? 1 : byCode(a.agency, b.agency),
      ),
    milestones: now.milestones.map((m, i) => {
      const entries = (status: string) => now.agencies.filter((a) => a.milestones[i]!.status === status);
      return {
        code: m.code,
        titleFa: m.titleFa,
        titleEn: m.titleEn,
        dueOn: m.dueOn,
        overdue: entries('overdue')
          .map((a) => ({ agency: ref(a), score: a.score, daysOverdue: a.milestones[i]!.daysOverdue! }))
          .sort(byUrgency('daysOverdue', true)),
        // Met late during this very week: they missed the due day, and are off the overdue list from now on.
        metLate: now.agencies
          .filter((a) => {
            const s = a.milestones[i]!;
            return s.status === 'met' && s.late && s.metOn! >= weekStart;
          })
          .map((a) => ({ agency: ref(a), score: a.score, metOn: a.milestones[i]!.metOn! }))
          .sort((a, b) => (a.metOn < b.metOn ? -1 : a.metOn > b.metOn ? 1 : byCode(a.agency, b.agency))),
        atRisk: entries('at_risk')
          .map((a) => ({ agency: ref(a), score: a.score, daysLeft: a.milestones[i]!.daysLeft! }))
          .sort(byUrgency('daysLeft', false)),
      };
    }),
    laggards: {
      count: lagNow.size,
      entered: [...lagNow.values()]
        .filter((a) => !lagThen.has(a.agency.id))
        .map(ref)
        .sort(byCode),
      left: [...lagThen.values()]
        .filter((a) => !lagNow.has(a.agency.id))
        .map(ref)
        .sort(byCode),
    },
    ranking: rankingOf(now, then, 'score').map((r) => ({
      rank: r.rank,
      agency: ref(r.entry),
      score: r.entry.score,
      progress: r.entry.progress,
      movement: r.movement,
    })),
  };
}

/** The canonical JSON (RFC 8785) of a report's content as UTF-8 bytes: what its digest and permalink are of. */
export function canonicalBytesOf(content: unknown): Buffer {
  const text = canonicalize(content);
  if (text === undefined) throw new TypeError('a report content must be JSON');
  return Buffer.from(text, 'utf8');
}

/** Hex SHA-256 of the canonical JSON (RFC 8785) of a report's content. */
export function digestOf(content: unknown): string {
  return createHash('sha256').update(canonicalBytesOf(content)).digest('hex');
}
