import { weekIdOf } from '../../common/dates/week.js';
import type { AgencyResponseDto, PublicResponseDto, ResponseSubject } from './dto/response.dto.js';
import type { ResponseRow } from './responses.queries.js';

function subjectOf(row: ResponseRow): ResponseSubject {
  if (row.weekly_report_id) return 'weekly_report';
  if (row.score_id) return 'score';
  return 'agency';
}

function sharedFields(row: ResponseRow) {
  return {
    id: row.id,
    subject: subjectOf(row),
    agency: { id: row.agency_id, code: row.agency_code, nameFa: row.agency_name_fa, nameEn: row.agency_name_en },
    weeklyReport:
      row.weekly_report_id && row.report_week_starts_on
        ? {
            id: row.weekly_report_id,
            week: weekIdOf(row.report_week_starts_on),
            weekStartsOn: row.report_week_starts_on,
            revision: row.report_revision ?? 1,
          }
        : null,
    score:
      row.score_id && row.round_id
        ? {
            id: row.score_id,
            roundId: row.round_id,
            roundCode: row.round_code ?? '',
            roundTitleFa: row.round_title_fa ?? '',
            roundTitleEn: row.round_title_en ?? '',
            total: row.score_total ?? '',
          }
        : null,
    requestedOn: row.requested_on,
  };
}

/** The staff view: every field, who recorded and who published. */
export function toResponseDto(row: ResponseRow): AgencyResponseDto {
  return {
    ...sharedFields(row),
    status: row.status,
    receivedOn: row.received_on,
    bodyFa: row.body_fa,
    bodyEn: row.body_en,
    documentUrl: row.document_url,
    publishedAt: row.published_at,
    createdBy: row.created_by_id ? { id: row.created_by_id, displayName: row.created_by_name ?? '' } : null,
    publishedBy: row.published_by_id ? { id: row.published_by_id, displayName: row.published_by_name ?? '' } : null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The public view of a row the public query let through: a published reply as it is; anything else (a request,
 * or a reply received but not published yet) as an open request, with only the day asked.
 */
export function toPublicResponseDto(row: ResponseRow): PublicResponseDto {
  const published = row.status === 'published';
  return {
    ...sharedFields(row),
    status: published ? 'published' : 'requested',
    receivedOn: published ? row.received_on : null,
    bodyFa: published ? row.body_fa : null,
    bodyEn: published ? row.body_en : null,
    documentUrl: published ? row.document_url : null,
    publishedAt: published ? row.published_at : null,
  };
}

/**
 * What the audit trail keeps of a reply: flat, with the names the audit screen shows (the agency, the week or the
 * round) beside the ids.
 */
export function toAuditValues(dto: AgencyResponseDto): Record<string, unknown> {
  return {
    id: dto.id,
    agencyId: dto.agency.id,
    agencyCode: dto.agency.code,
    agencyNameFa: dto.agency.nameFa,
    agencyNameEn: dto.agency.nameEn,
    status: dto.status,
    subject: dto.subject,
    weeklyReportId: dto.weeklyReport?.id ?? null,
    week: dto.weeklyReport?.week ?? null,
    revision: dto.weeklyReport?.revision ?? null,
    scoreId: dto.score?.id ?? null,
    roundCode: dto.score?.roundCode ?? null,
    requestedOn: dto.requestedOn,
    receivedOn: dto.receivedOn,
    bodyFa: dto.bodyFa,
    bodyEn: dto.bodyEn,
    documentUrl: dto.documentUrl,
    publishedAt: dto.publishedAt,
    version: dto.version,
  };
}
