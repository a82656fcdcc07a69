import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { addDays, tehranToday } from '../../common/dates/calendar-day.js';
import { normalizeForSearch } from '../../common/text/normalize-text.js';
import { AgencyNotFoundException } from '../agencies/agencies.exception.js';
import { overviewOf, rankingOf, takeSnapshot, type RankedAgency } from './compliance.snapshot.js';
import type {
  AgencyComplianceDto,
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
@Injectable()
export class ComplianceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async overview(query: OverviewQuery): Promise<OverviewDto> {
    const asOf = query.asOf ?? tehranToday();
    return overviewOf(await takeSnapshot(this.dataSource.manager, { asOf, all: query.scope === 'all' }));
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
    const rows = ranked.filter(({ entry, flags }) => {
      if (query.kind && entry.agency.kind !== query.kind) return false;
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
    if (query.sort === 'name') {
      const collator = new Intl.Collator('fa');
      return rows.sort(
        (a, b) =>
          collator.compare(a.entry.agency.nameFa, b.entry.agency.nameFa) ||
          a.entry.agency.code.localeCompare(b.entry.agency.code),
      );
    }
    if (query.sort === '-rank') {
      const rankedRows = rows.filter((r) => r.rank !== null).reverse();
      return [...rankedRows, ...rows.filter((r) => r.rank === null)];
    }
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
