import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { tehranToday } from '../../common/dates/calendar-day.js';
import { Conditions, containsPattern } from '../../common/db/conditions.js';
import { normalizeForSearch } from '../../common/text/normalize-text.js';
import type { AgencyDetailDto, AgencyListDto } from './dto/agency.dto.js';
import type { ListAgenciesQuery } from './dto/list-agencies.query.js';
import { AgencyNotFoundException } from './agencies.exception.js';
import { toAgencyDto } from './agencies.mappers.js';
import {
  countAgencies,
  selectAgencies,
  selectAgency,
  selectAgencyStandings,
  selectAgencySystems,
  selectRelatives,
  selectStageCounts,
} from './agencies.queries.js';

@Injectable()
export class AgenciesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page of agencies in Persian alphabetical order, with the total that matches and where each stands today. */
  async list(query: ListAgenciesQuery): Promise<AgencyListDto> {
    const term = query.search ? normalizeForSearch(query.search) : '';
    const conditions = new Conditions();
    if (query.scope === 'main') conditions.raw('a.is_main');
    if (term) conditions.add('a.search_key LIKE ?', containsPattern(term));
    const db = this.dataSource.manager;
    const [total, rows] = await Promise.all([
      countAgencies(db, conditions),
      selectAgencies(db, conditions, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    ]);
    const standings = await selectAgencyStandings(
      db,
      tehranToday(),
      rows.map((r) => r.id),
    );
    const byAgency = new Map(standings.map((s) => [s.agency_id, s]));
    return {
      items: rows.map((row) => toAgencyDto(row, byAgency.get(row.id))),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async findOne(id: string): Promise<AgencyDetailDto> {
    const db = this.dataSource.manager;
    const row = await selectAgency(db, id);
    if (!row) throw new AgencyNotFoundException(id);
    const [[standing], related, stages, systems] = await Promise.all([
      selectAgencyStandings(db, tehranToday(), [id]),
      selectRelatives(db, id, row.parent_id),
      selectStageCounts(db, id),
      selectAgencySystems(db, id),
    ]);
    const stageCounts = { not_electronic: 0, electronic: 0, single_window: 0, national_window: 0 };
    for (const { stage, count } of stages) stageCounts[stage] = count;
    const parent = related.find((r) => r.isParent);
    return {
      ...toAgencyDto(row, standing),
      parent: parent ? { id: parent.id, nameFa: parent.nameFa, nameEn: parent.nameEn } : null,
      children: related
        .filter((r) => !r.isParent)
        .map(({ id: childId, nameFa, nameEn }) => ({ id: childId, nameFa, nameEn })),
      stageCounts,
      systems,
    };
  }
}
