import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { addDays, daysBetween, maxDay, minDay, tehranToday } from '../../common/dates/calendar-day.js';
import { weekIdOf, weekStartOf } from '../../common/dates/week.js';
import { decimalToUnits } from '../../common/numbers/decimal.js';
import { normalizeForSearch } from '../../common/text/normalize-text.js';
import { AgencyNotFoundException } from '../agencies/agencies.exception.js';
import { selectCycleInForce, selectHistory } from './compliance.queries.js';
import { overviewOf, rankingOf, takeSnapshot, type RankedAgency } from './compliance.snapshot.js';
import type {
  AgencyComplianceDto,
  HistoryDto,
  HistoryQuery,
  OverviewDto,
  OverviewQuery,
  RankingRowDto,
  RankingsDto,
  RankingsQuery,
} from './dto/compliance.dto.js';

/**
 * Status on any day, from the dated history: the overview, the rankings and one agency's status. Each answer
 * depends only on the data and the as-of day (default: today in Tehran), so the read cache can keep its bytes.
 */
/** Ten years of weeks at most in one series. */
const MAX_HISTORY_WEEKS = 520;

@Injectable()
export class ComplianceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async overview(query: OverviewQuery): Promise<OverviewDto> {
    const asOf = query.asOf ?? tehranToday();
    return overviewOf(await takeSnapshot(this.dataSource.manager, { asOf, all: query.scope === 'all' }));
  }

  /** The week-by-week series to `asOf`: agencies with a single window, connected, and services by stage. */
  async history(query: HistoryQuery): Promise<HistoryDto> {
    const asOf = query.asOf ?? tehranToday();
    const db = this.dataSource.manager;
    const cycle = query.from ? undefined : await selectCycleInForce(db, asOf);
    const lastWeek = weekStartOf(asOf);
    const wanted = weekStartOf(minDay(query.from ?? cycle?.starts_on ?? addDays(asOf, -364), asOf));
    const firstWeek = maxDay(wanted, addDays(lastWeek, -7 * (MAX_HISTORY_WEEKS - 1)));
    const weeks = daysBetween(firstWeek, lastWeek) / 7 + 1;
    const all = query.scope === 'all';
    const rows = await selectHistory(db, { firstWeekStart: firstWeek, asOf, all, weeks });
    const agencies = await this.dataSource.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM agency WHERE $1::boolean OR is_main',
      [all],
    );
    return {
      asOf,
      from: firstWeek,
      agencies: agencies[0]?.n ?? 0,
      weeks: rows.map((row) => {
        const weekStartsOn = addDays(firstWeek, 7 * row.i);
        return {
          weekStartsOn,
          week: weekIdOf(weekStartsOn),
          asOf: minDay(addDays(weekStartsOn, 6), asOf),
          singleWindows: row.single_windows,
          connected: row.connected,
          services: {
            notElectronic: row.present - row.electronic,
            electronic: row.electronic - row.single_window,
            singleWindow: row.single_window - row.national_window,
            nationalWindow: row.national_window,
          },
        };
      }),
    };
  }

  async rankings(query: RankingsQuery): Promise<RankingsDto> {
    const asOf = query.asOf ?? tehranToday();
    const comparedWith = addDays(asOf, -7);
    const db = this.dataSource.manager;
    const options = { all: query.scope === 'all', roundId: query.roundId };
    const current = await takeSnapshot(db, { ...options, asOf });
    const previous = await takeSnapshot(db, { ...options, asOf: comparedWith });
    const ranked = rankingOf(current, previous, query.by);
    const rows = this.filterAndSort(ranked, query, asOf);
    const start = (query.page - 1) * query.pageSize;
    return {
      asOf,
      by: query.by,
      comparedWith,
      ranked: ranked.filter((r) => r.rank !== null).length,
      items: rows.slice(start, start + query.pageSize).map(toRankingRow),
      total: rows.length,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async agency(id: string, asOfInput: string | undefined): Promise<AgencyComplianceDto> {
    const asOf = asOfInput ?? tehranToday();
    const snapshot = await takeSnapshot(this.dataSource.manager, { asOf, agencyIds: [id] });
    const entry = snapshot.agencies[0];
    if (!entry) throw new AgencyNotFoundException(id);
    return {
      asOf,
      cycle: snapshot.cycle,
      agency: entry.agency,
      singleWindowLaunchedOn: entry.singleWindowLaunchedOn,
      nationalWindowConnectedOn: entry.nationalWindowConnectedOn,
      services: entry.services,
      score: entry.score,
      progress: entry.progress,
      milestones: snapshot.milestones.map((m, i) => {
        const { code: _code, ...status } = entry.milestones[i]!;
        return {
          code: m.code,
          titleFa: m.titleFa,
          titleEn: m.titleEn,
          rule: m.rule,
          share: m.share,
          dueOn: m.dueOn,
          atRiskDays: m.atRiskDays,
          ...status,
          required: m.share ? Math.ceil((entry.services.baseline * m.share.numerator) / m.share.denominator) : null,
        };
      }),
    };
  }

  private filterAndSort(ranked: RankedAgency[], query: RankingsQuery, asOf: string): RankedAgency[] {
    const connected = (on: string | null) => on !== null && on <= asOf;
    const term = query.search ? normalizeForSearch(query.search) : '';
    const min = query.minScore !== undefined ? decimalToUnits(query.minScore) : null;
    const max = query.maxScore !== undefined ? decimalToUnits(query.maxScore) : null;
    const rows = ranked.filter(({ entry, flags }) => {
      if (query.kind && entry.agency.kind !== query.kind) return false;
      if (min !== null || max !== null) {
        const score = entry.score === null ? null : decimalToUnits(entry.score);
        if (score === null || (min !== null && score < min) || (max !== null && score > max)) return false;
      }
      if (query.branch && entry.agency.branch !== query.branch) return false;
      if (term && !entry.searchKey.includes(term)) return false;
      switch (query.status) {
        case 'overdue':
          return flags.overdue.length > 0;
        case 'at_risk':
          return flags.atRisk.length > 0;
        case 'on_track':
          return flags.overdue.length === 0 && flags.atRisk.length === 0;
        case 'connected':
          return connected(entry.nationalWindowConnectedOn);
        case 'not_connected':
          return !connected(entry.nationalWindowConnectedOn);
        default:
          return true;
      }
    });
    const descending = query.sort.startsWith('-');
    const key = descending ? query.sort.slice(1) : query.sort;
    if (key === 'rank') {
      // Already best first, unranked last (in Persian order).
      if (!descending) return rows;
      return [...rows.filter((r) => r.rank !== null).reverse(), ...rows.filter((r) => r.rank === null)];
    }
    const collator = new Intl.Collator('fa');
    const byName = (a: RankedAgency, b: RankedAgency) =>
      collator.compare(a.entry.agency.nameFa, b.entry.agency.nameFa) ||
      a.entry.agency.code.localeCompare(b.entry.agency.code);
    const valueOf = (r: RankedAgency): number | string | null => {
      switch (key) {
        case 'score':
          return r.entry.score === null ? null : decimalToUnits(r.entry.score);
        case 'progress':
          return r.entry.progress === null ? null : decimalToUnits(r.entry.progress);
        case 'movement':
          return r.movement.change;
        case 'kind':
          return r.entry.agency.kind;
        default:
          return null;
      }
    };
    if (key === 'name') return rows.sort((a, b) => (descending ? byName(b, a) : byName(a, b)));
    // Stable sort over the rank order: ties keep rank order; rows with no value always last.
    const sign = descending ? -1 : 1;
    return rows
      .map((row, order) => ({ row, order, value: valueOf(row) }))
      .sort((a, b) => {
        if (a.value === null || b.value === null) {
          return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || a.order - b.order;
        }
        const c =
          typeof a.value === 'number' && typeof b.value === 'number'
            ? a.value - b.value
            : String(a.value).localeCompare(String(b.value));
        return sign * c || a.order - b.order;
      })
      .map((x) => x.row);
    return rows;
  }
}

function toRankingRow(row: RankedAgency): RankingRowDto {
  return {
    rank: row.rank,
    agency: row.entry.agency,
    score: row.entry.score,
    progress: row.entry.progress,
    movement: row.movement,
    flags: row.flags,
  };
}
