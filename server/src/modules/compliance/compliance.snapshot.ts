import type { EntityManager } from 'typeorm';
import { decimalToUnits, unitsToDecimal } from '../../common/numbers/decimal.js';
import type { AgencyBranch, AgencyKind } from '../agencies/agency.entity.js';
import type { MilestoneRule } from '../milestones/milestone-definition.entity.js';
import {
  selectCompliance,
  selectCycleInForce,
  selectMilestones,
  type ComplianceRow,
  type CycleRow,
} from './compliance.queries.js';
import { competitionRanks, milestoneStatus, movements, type Movement, type StatusOnDay } from './compliance.rules.js';

/**
 * Where every agency stood on one day: the compliance engine's one computation, shared by the overview, the
 * rankings, an agency's status and the weekly report (which also runs outside Nest: the seed and the CLI), so all
 * of them say the same thing. Plain functions over an EntityManager.
 */

export interface CycleInfo {
  id: string;
  code: string;
  titleFa: string;
  titleEn: string;
  startsOn: string;
  endsOn: string;
  baselineOn: string;
}

export interface MilestoneInfo {
  code: string;
  titleFa: string;
  titleEn: string;
  rule: MilestoneRule;
  /** The share rule's exact fraction, e.g. 1/3. */
  share: { numerator: number; denominator: number } | null;
  dueOn: string;
  atRiskDays: number;
}

export interface AgencyRef {
  id: string;
  code: string;
  nameFa: string;
  nameEn: string;
  kind: AgencyKind;
  branch: AgencyBranch;
}

export interface AgencyMilestone extends StatusOnDay {
  code: string;
}

export interface AgencyCompliance {
  agency: AgencyRef;
  isMain: boolean;
  searchKey: string;
  singleWindowLaunchedOn: string | null;
  nationalWindowConnectedOn: string | null;
  services: {
    baseline: number;
    identified: number;
    inSingleWindow: number;
    connected: number;
    baselineInSingleWindow: number;
  };
  /** Latest final score on the day, exact decimal ("26.07"), or null. */
  score: string | null;
  /** Percent of the identified services connected to the national window, two decimals ("12.50"), or null. */
  progress: string | null;
  milestones: AgencyMilestone[];
}

export interface Snapshot {
  asOf: string;
  cycle: CycleInfo | null;
  milestones: MilestoneInfo[];
  agencies: AgencyCompliance[];
}

export interface SnapshotOptions {
  asOf: string;
  /** With subordinate bodies (default: the main agencies only). */
  all?: boolean;
  roundId?: string;
  agencyIds?: string[];
  /** The cycle to apply; by default the one in force on the day. */
  cycle?: CycleRow | null;
}

/** `part / whole` as a percent with two decimals, rounded half up, exactly (integers only); null if whole is 0. */
export function percent(part: number, whole: number): string | null {
  if (whole <= 0) return null;
  return unitsToDecimal(Math.floor((2 * 10_000 * part + whole) / (2 * whole)));
}

export function cycleInfo(row: CycleRow): CycleInfo {
  return {
    id: row.id,
    code: row.code,
    titleFa: row.title_fa,
    titleEn: row.title_en,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    baselineOn: row.baseline_on,
  };
}

export async function takeSnapshot(db: EntityManager, options: SnapshotOptions): Promise<Snapshot> {
  const cycle = options.cycle === undefined ? await selectCycleInForce(db, options.asOf) : options.cycle;
  // One after the other: inside a transaction (the seed, a report) both would share one connection.
  const milestoneRows = cycle ? await selectMilestones(db, cycle.id) : [];
  const rows = await selectCompliance(db, {
    asOf: options.asOf,
    cycleId: cycle?.id ?? null,
    baselineOn: cycle?.baseline_on ?? null,
    all: options.all ?? false,
    roundId: options.roundId,
    agencyIds: options.agencyIds,
  });
  const milestones: MilestoneInfo[] = milestoneRows.map((m) => ({
    code: m.code,
    titleFa: m.title_fa,
    titleEn: m.title_en,
    rule: m.rule,
    share:
      m.share_numerator !== null && m.share_denominator !== null
        ? { numerator: m.share_numerator, denominator: m.share_denominator }
        : null,
    dueOn: m.due_on,
    atRiskDays: m.at_risk_days,
  }));
  return {
    asOf: options.asOf,
    cycle: cycle ? cycleInfo(cycle) : null,
    milestones,
    agencies: rows.map((row) => agencyCompliance(row, milestones, options.asOf)),
  };
}

function agencyCompliance(row: ComplianceRow, milestones: MilestoneInfo[], asOf: string): AgencyCompliance {
  return {
    agency: {
      id: row.id,
      code: row.code,
      nameFa: row.name_fa,
      nameEn: row.name_en,
      kind: row.kind,
      branch: row.branch,
    },
    isMain: row.is_main,
    searchKey: row.search_key,
    singleWindowLaunchedOn: row.single_window_launched_on,
    nationalWindowConnectedOn: row.national_window_connected_on,
    services: {
      baseline: row.baseline,
      identified: row.identified,
      inSingleWindow: row.in_single_window,
      connected: row.connected,
      baselineInSingleWindow: row.baseline_in_single_window,
    },
    score: row.score,
    progress: percent(row.connected, row.identified),
    milestones: milestones.map((m, i) => ({ code: m.code, ...milestoneStatus(m, row.met_on[i] ?? null, asOf) })),
  };
}

export interface Overview {
  asOf: string;
  cycle: CycleInfo | null;
  agencies: { total: number };
  connected: { count: number; share: string | null };
  milestones: Array<{
    code: string;
    titleFa: string;
    titleEn: string;
    dueOn: string;
    met: number;
    pending: number;
    atRisk: number;
    overdue: number;
  }>;
  services: { baseline: number; identified: number; inSingleWindow: number; connected: number };
  scores: ScoreDistribution;
}

export interface ScoreDistribution {
  scored: number;
  unscored: number;
  bins: Array<{ from: number; to: number; count: number }>;
}

/** Ten bins of ten points (the last one, 90–100, holds 100), counted exactly from the decimal scores. */
export function scoreDistribution(scores: Array<string | null>): ScoreDistribution {
  const bins = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, count: 0 }));
  let scored = 0;
  for (const score of scores) {
    if (score === null) continue;
    scored += 1;
    bins[Math.min(9, Math.floor(decimalToUnits(score) / 1000))]!.count += 1;
  }
  return { scored, unscored: scores.length - scored, bins };
}

export function overviewOf(snapshot: Snapshot): Overview {
  const connected = snapshot.agencies.filter(
    (a) => a.nationalWindowConnectedOn !== null && a.nationalWindowConnectedOn <= snapshot.asOf,
  ).length;
  const sum = (pick: (a: AgencyCompliance) => number) => snapshot.agencies.reduce((t, a) => t + pick(a), 0);
  return {
    asOf: snapshot.asOf,
    cycle: snapshot.cycle,
    agencies: { total: snapshot.agencies.length },
    connected: { count: connected, share: percent(connected, snapshot.agencies.length) },
    milestones: snapshot.milestones.map((m, i) => {
      const count = (status: string) => snapshot.agencies.filter((a) => a.milestones[i]!.status === status).length;
      return {
        code: m.code,
        titleFa: m.titleFa,
        titleEn: m.titleEn,
        dueOn: m.dueOn,
        met: count('met'),
        pending: count('pending'),
        atRisk: count('at_risk'),
        overdue: count('overdue'),
      };
    }),
    services: {
      baseline: sum((a) => a.services.baseline),
      identified: sum((a) => a.services.identified),
      inSingleWindow: sum((a) => a.services.inSingleWindow),
      connected: sum((a) => a.services.connected),
    },
    scores: scoreDistribution(snapshot.agencies.map((a) => a.score)),
  };
}

export const RANKING_BASES = ['score', 'progress'] as const;
export type RankingBasis = (typeof RANKING_BASES)[number];

export interface RankedAgency {
  rank: number | null;
  entry: AgencyCompliance;
  movement: Movement;
  flags: { overdue: string[]; atRisk: string[] };
}

/**
 * Every agency of `current` ranked by score or progress (equal values share a rank; unranked last, in Persian
 * alphabetical order), with its movement since `previous` (the same agencies a week earlier).
 */
export function rankingOf(current: Snapshot, previous: Snapshot, by: RankingBasis): RankedAgency[] {
  const valueOf = (a: AgencyCompliance | undefined) => (a ? (by === 'score' ? a.score : a.progress) : null);
  const before = new Map(previous.agencies.map((a) => [a.agency.id, a]));
  const values = current.agencies.map(valueOf);
  const ranks = competitionRanks(values);
  // Last week's values of agencies that no longer exist still shaped last week's ranks.
  const present = new Set(current.agencies.map((a) => a.agency.id));
  const gone = previous.agencies.filter((a) => !present.has(a.agency.id));
  const moved = movements(
    [...values, ...gone.map(() => null)],
    [...current.agencies.map((a) => valueOf(before.get(a.agency.id))), ...gone.map(valueOf)],
  );
  const collator = new Intl.Collator('fa');
  return current.agencies
    .map((entry, i) => ({
      rank: ranks[i] ?? null,
      entry,
      movement: moved[i]!,
      flags: {
        overdue: entry.milestones.filter((m) => m.status === 'overdue').map((m) => m.code),
        atRisk: entry.milestones.filter((m) => m.status === 'at_risk').map((m) => m.code),
      },
    }))
    .sort(
      (a, b) =>
        (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
        collator.compare(a.entry.agency.nameFa, b.entry.agency.nameFa) ||
        a.entry.agency.code.localeCompare(b.entry.agency.code),
    );
}
