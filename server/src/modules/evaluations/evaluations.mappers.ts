import type { RoundDto } from './dto/round.dto.js';
import type { ScoreDto } from './dto/score.dto.js';
import type { SessionDto } from './dto/session.dto.js';
import type { RoundRow, ScoreRow, SessionRow } from './evaluations.queries.js';

/**
 * Rows to response DTOs. `staff` is true for any signed-in user (admin, evaluator, cabinet); for the public the
 * internal notes, the evaluators and the usernames of who submitted and reviewed are left out entirely.
 */

function instant(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

export function toRoundDto(row: RoundRow): RoundDto {
  return {
    id: row.id,
    code: row.code,
    titleFa: row.title_fa,
    titleEn: row.title_en,
    status: row.status,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    closedAt: instant(row.closed_at),
    cycleId: row.cycle_id,
    criteriaSetId: row.criteria_set_id,
    criteriaSetCode: row.criteria_set_code,
    criteria: row.criteria.map((c) => ({
      id: c.id,
      code: c.code,
      titleFa: c.titleFa,
      titleEn: c.titleEn,
      weight: c.weight,
      sortOrder: c.sortOrder,
    })),
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

export function toSessionDto(row: SessionRow, staff: boolean): SessionDto {
  return {
    id: row.id,
    roundId: row.round_id,
    roundCode: row.round_code,
    agencyId: row.agency_id,
    agencyCode: row.agency_code,
    agencyNameFa: row.agency_name_fa,
    agencyNameEn: row.agency_name_en,
    heldOn: row.held_on,
    representatives: row.representatives.map((r) => (r.title ? { name: r.name, title: r.title } : { name: r.name })),
    notes: row.notes,
    ...(staff
      ? {
          internalNotes: row.internal_notes,
          evaluators: row.evaluators.map((e) => ({ id: e.id, username: e.username, displayName: e.displayName })),
          createdBy: row.created_by,
        }
      : {}),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toScoreDto(row: ScoreRow, staff: boolean): ScoreDto {
  return {
    id: row.id,
    roundId: row.round_id,
    roundCode: row.round_code,
    agencyId: row.agency_id,
    agencyCode: row.agency_code,
    agencyNameFa: row.agency_name_fa,
    agencyNameEn: row.agency_name_en,
    sessionId: row.session_id,
    total: row.total,
    status: row.status,
    criterionScores: row.criterion_scores.map((c) => ({ criterionId: c.criterionId, code: c.code, value: c.value })),
    ...(staff ? { submittedBy: row.submitted_by } : {}),
    submittedAt: instant(row.submitted_at),
    ...(staff ? { reviewedBy: row.reviewed_by } : {}),
    reviewedAt: instant(row.reviewed_at),
    finalisedAt: instant(row.finalised_at),
    isCorrection: row.is_correction,
    correctionReason: row.correction_reason,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
