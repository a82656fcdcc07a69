import type { AgencyDto } from './dto/agency.dto.js';
import type { AgencyRow, AgencyStanding } from './agencies.queries.js';

export function toAgencyDto(row: AgencyRow, standing: AgencyStanding | undefined): AgencyDto {
  return {
    id: row.id,
    code: row.code,
    nameFa: row.name_fa,
    nameEn: row.name_en,
    kind: row.kind,
    branch: row.branch,
    parentId: row.parent_id,
    isMain: row.is_main,
    serviceCount: standing?.service_count ?? 0,
    connectedServiceCount: standing?.connected_service_count ?? 0,
    singleWindowLaunchedOn: row.single_window_launched_on,
    nationalWindowConnectedOn: row.national_window_connected_on,
    latestScore: standing?.latest_score ?? null,
  };
}
