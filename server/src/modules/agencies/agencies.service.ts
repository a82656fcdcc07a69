import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Conditions, containsPattern } from '../../common/db/conditions.js';
import { normalizeForSearch } from '../../common/text/normalize-text.js';
import type { AgencyDetailDto, AgencyDto, AgencyListDto } from './dto/agency.dto.js';
import type { ListAgenciesQuery } from './dto/list-agencies.query.js';
import { AgencyNotFoundException } from './agencies.exception.js';

interface AgencyRow {
  id: string;
  code: string;
  name_fa: string;
  name_en: string;
  kind: AgencyDto['kind'];
  branch: AgencyDto['branch'];
  parent_id: string | null;
  is_main: boolean;
  service_count: number;
  connected_service_count: number;
  single_window_launched_on: string | null;
  national_window_connected_on: string | null;
  latest_score: string | null;
}

/** The agency columns with their service counts and latest final score, for the agencies in `page`. */
const AGENCY_SELECT = `
  SELECT a.id, a.code, a.name_fa, a.name_en, a.kind, a.branch, a.parent_id, a.is_main,
         to_char(a.single_window_launched_on, 'YYYY-MM-DD') AS single_window_launched_on,
         to_char(a.national_window_connected_on, 'YYYY-MM-DD') AS national_window_connected_on,
         coalesce(s.service_count, 0) AS service_count,
         coalesce(s.connected_service_count, 0) AS connected_service_count,
         sc.latest_score
  FROM page a
  LEFT JOIN LATERAL (
    SELECT count(*)::int AS service_count,
           count(*) FILTER (WHERE e.stage = 'national_window')::int AS connected_service_count
    FROM e_service e WHERE e.agency_id = a.id
  ) s ON true
  LEFT JOIN LATERAL (
    SELECT sc.total::text AS latest_score
    FROM score sc JOIN evaluation_round r ON r.id = sc.round_id
    WHERE sc.agency_id = a.id AND sc.status = 'final'
    ORDER BY r.ends_on DESC, r.created_at DESC
    LIMIT 1
  ) sc ON true`;

export function toAgencyDto(row: AgencyRow): AgencyDto {
  return {
    id: row.id,
    code: row.code,
    nameFa: row.name_fa,
    nameEn: row.name_en,
    kind: row.kind,
    branch: row.branch,
    parentId: row.parent_id,
    isMain: row.is_main,
    serviceCount: row.service_count,
    connectedServiceCount: row.connected_service_count,
    singleWindowLaunchedOn: row.single_window_launched_on,
    nationalWindowConnectedOn: row.national_window_connected_on,
    latestScore: row.latest_score,
  };
}

@Injectable()
export class AgenciesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page of agencies in Persian alphabetical order, with the total that matches. */
  async list(query: ListAgenciesQuery): Promise<AgencyListDto> {
    const term = query.search ? normalizeForSearch(query.search) : '';
    const conditions = new Conditions();
    if (query.scope === 'main') conditions.raw('a.is_main');
    if (term) conditions.add('a.search_key LIKE ?', containsPattern(term));
    const { where, params } = conditions;
    const counted = await this.dataSource.query<Array<{ total: number }>>(
      `SELECT count(*)::int AS total FROM agency a ${where}`,
      params,
    );
    const total = counted[0]?.total ?? 0;
    const rows = await this.dataSource.query<AgencyRow[]>(
      `WITH page AS (
         SELECT a.* FROM agency a ${where}
         ORDER BY a.name_fa COLLATE "fa-x-icu", a.id
         LIMIT ${conditions.next()} OFFSET ${conditions.next(2)}
       ) ${AGENCY_SELECT}
       ORDER BY a.name_fa COLLATE "fa-x-icu", a.id`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return { items: rows.map(toAgencyDto), total, page: query.page, pageSize: query.pageSize };
  }

  async findOne(id: string): Promise<AgencyDetailDto> {
    const rows = await this.dataSource.query<AgencyRow[]>(
      `WITH page AS (SELECT * FROM agency WHERE id = $1) ${AGENCY_SELECT}`,
      [id],
    );
    const row = rows[0];
    if (!row) throw new AgencyNotFoundException(id);
    const [related, stages, systems] = await Promise.all([
      this.dataSource.query<Array<{ id: string; nameFa: string; nameEn: string; isParent: boolean }>>(
        `SELECT id, name_fa AS "nameFa", name_en AS "nameEn", (id = $2) AS "isParent"
         FROM agency WHERE parent_id = $1 OR id = $2
         ORDER BY name_fa COLLATE "fa-x-icu", id`,
        [id, row.parent_id],
      ),
      this.dataSource.query<Array<{ stage: keyof AgencyDetailDto['stageCounts']; count: number }>>(
        `SELECT stage, count(*)::int AS count FROM e_service WHERE agency_id = $1 GROUP BY stage`,
        [id],
      ),
      this.dataSource.query<AgencyDetailDto['systems']>(
        `SELECT s.id, s.name_fa AS "nameFa", s.name_en AS "nameEn", s.stage,
                (SELECT count(*)::int FROM e_service e WHERE e.system_id = s.id) AS "serviceCount"
         FROM agency_system s WHERE s.agency_id = $1 ORDER BY s.name_fa COLLATE "fa-x-icu", s.id`,
        [id],
      ),
    ]);
    const stageCounts = { not_electronic: 0, electronic: 0, single_window: 0, national_window: 0 };
    for (const { stage, count } of stages) stageCounts[stage] = count;
    const parent = related.find((r) => r.isParent);
    return {
      ...toAgencyDto(row),
      parent: parent ? { id: parent.id, nameFa: parent.nameFa, nameEn: parent.nameEn } : null,
      children: related
        .filter((r) => !r.isParent)
        .map(({ id: childId, nameFa, nameEn }) => ({ id: childId, nameFa, nameEn })),
      stageCounts,
      systems,
    };
  }
}
