import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { VersionConflictException } from '../../common/errors/version-conflict.exception.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import type { CriterionScoreInputDto } from './dto/score-input.dto.js';
import type { ListScoresQuery, ScoreDto, ScoreListDto, UpdateScoreDto } from './dto/score.dto.js';
import type { RoundStatus } from './evaluation-round.entity.js';
import {
  CriterionScoresInvalidException,
  InvalidScoreTransitionException,
  RoundClosedException,
  SameReviewerException,
  ScoreNotEditableException,
  ScoreNotFoundException,
} from './evaluations.exception.js';
import { toScoreDto } from './evaluations.mappers.js';
import { Conditions } from '../../common/db/conditions.js';
import { countScores, selectScore, selectScores } from './evaluations.queries.js';
import { assertMayCorrect, inTransaction, isCorrection } from './evaluations.rules.js';
import type { ScoreStatus } from './score.entity.js';

export type ScoreTransition = 'submit' | 'review' | 'finalise';

/** Each step of the workflow: the status it starts from and the one it leads to. */
const TRANSITIONS: Record<ScoreTransition, { from: ScoreStatus; to: ScoreStatus; action: string }> = {
  submit: { from: 'draft', to: 'submitted', action: 'submit_score' },
  review: { from: 'submitted', to: 'reviewed', action: 'review_score' },
  finalise: { from: 'reviewed', to: 'final', action: 'finalise_score' },
};

interface LockedScore {
  id: string;
  round_id: string;
  agency_id: string;
  status: ScoreStatus;
  version: number;
  submitted_by_id: string | null;
  round_status: RoundStatus;
  criteria_set_id: string;
}

/** What a session or an edit asks to store as an agency's score in a round. */
export interface ScoreWrite {
  round: { id: string; status: RoundStatus; criteriaSetId: string };
  agencyId: string;
  sessionId: string;
  values: CriterionScoreInputDto[];
  /** An admin's correction of a closed round, with its reason. */
  correction: { reason: string } | null;
  actor: Actor;
}

@Injectable()
export class ScoresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Staff (any signed-in user) see every status; the public only final scores. */
  async list(query: ListScoresQuery, user: AuthUser | undefined): Promise<ScoreListDto> {
    const conditions = new Conditions();
    if (!user) conditions.raw(`s.status = 'final'`);
    if (query.roundId) conditions.add('s.round_id = ?', query.roundId);
    if (query.agencyId) conditions.add('s.agency_id = ?', query.agencyId);
    if (query.status) conditions.add('s.status = ?', query.status);
    const db = this.dataSource.manager;
    const [total, rows] = await Promise.all([
      countScores(db, conditions),
      selectScores(db, conditions, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    ]);
    return {
      items: rows.map((row) => toScoreDto(row, !!user)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** A score that is not final does not exist for the public (404). */
  async findOne(id: string, user: AuthUser | undefined): Promise<ScoreDto> {
    const row = await selectScore(this.dataSource.manager, id);
    if (!row || (!user && row.status !== 'final')) throw new ScoreNotFoundException(id);
    return toScoreDto(row, !!user);
  }

  private async current(manager: EntityManager, id: string): Promise<ScoreDto> {
    const row = await selectScore(manager, id);
    if (!row) throw new ScoreNotFoundException(id);
    return toScoreDto(row, true);
  }

  /** Locks the score row for this transaction, with its round's status; 404 if there is none. */
  private async lock(manager: EntityManager, id: string): Promise<LockedScore> {
    const rows = await manager.query<LockedScore[]>(
      `SELECT s.id, s.round_id, s.agency_id, s.status, s.version, s.submitted_by_id,
              r.status AS round_status, r.criteria_set_id
       FROM score s JOIN evaluation_round r ON r.id = s.round_id
       WHERE s.id = $1 FOR UPDATE OF s FOR SHARE OF r`,
      [id],
    );
    if (!rows[0]) throw new ScoreNotFoundException(id);
    return rows[0];
  }

  /**
   * Every criterion of the set exactly once, nothing else. Returns the exact total out of 100,
   * `round(Σ weight × value / 100, 2)`, computed by PostgreSQL in numeric (26.07 stays 26.07).
   */
  private async checkValues(
    manager: EntityManager,
    criteriaSetId: string,
    values: CriterionScoreInputDto[],
  ): Promise<string> {
    const criteria = await manager.query<Array<{ id: string; code: string }>>(
      `SELECT id, code FROM criterion WHERE criteria_set_id = $1 ORDER BY sort_order, code`,
      [criteriaSetId],
    );
    const known = new Set(criteria.map((c) => c.id));
    const given = values.map((v) => v.criterionId.toLowerCase());
    const repeated = [...new Set(given.filter((id, i) => given.indexOf(id) !== i))];
    const unknown = [...new Set(given.filter((id) => !known.has(id)))];
    const missing = criteria.filter((c) => !given.includes(c.id)).map((c) => ({ criterionId: c.id, code: c.code }));
    if (repeated.length || unknown.length || missing.length) {
      throw new CriterionScoresInvalidException({ missing, unknown, repeated });
    }
    const [row] = await manager.query<Array<{ total: string }>>(
      `SELECT round(sum(c.weight * v.value) / 100, 2)::text AS total
       FROM unnest($1::uuid[], $2::numeric[]) AS v(criterion_id, value)
       JOIN criterion c ON c.id = v.criterion_id`,
      [given, values.map((v) => v.value)],
    );
    return row!.total;
  }

  private async writeValues(manager: EntityManager, scoreId: string, values: CriterionScoreInputDto[]): Promise<void> {
    await manager.query(
      `INSERT INTO criterion_score (score_id, criterion_id, value)
       SELECT $1, v.criterion_id, v.value FROM unnest($2::uuid[], $3::numeric[]) AS v(criterion_id, value)
       ON CONFLICT (score_id, criterion_id) DO UPDATE SET value = EXCLUDED.value`,
      [scoreId, values.map((v) => v.criterionId), values.map((v) => v.value)],
    );
  }

  /**
   * The score entered at a session: created as a draft linked to the session, or the agency's existing draft
   * for the round updated and linked. In a closed round (admin, with a reason) it is a correction and final.
   * Runs inside the session's transaction.
   */
  async recordForSession(manager: EntityManager, write: ScoreWrite): Promise<ScoreDto> {
    const { round, agencyId, sessionId, values, correction, actor } = write;
    const existing = await manager.query<Array<{ id: string; status: ScoreStatus }>>(
      `SELECT id, status FROM score WHERE round_id = $1 AND agency_id = $2 FOR UPDATE`,
      [round.id, agencyId],
    );
    const total = await this.checkValues(manager, round.criteriaSetId, values);
    const found = existing[0];
    if (!found) {
      const [created] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO score (round_id, agency_id, session_id, total, status, finalised_at, is_correction, correction_reason)
         VALUES ($1, $2, $3, $4::numeric, $5, CASE WHEN $6 THEN now() END, $6, $7)
         RETURNING id`,
        [
          round.id,
          agencyId,
          sessionId,
          total,
          correction ? 'final' : 'draft',
          !!correction,
          correction?.reason ?? null,
        ],
      );
      await this.writeValues(manager, created!.id, values);
      const after = await this.current(manager, created!.id);
      await this.audit.record(manager, {
        actor,
        action: correction ? 'correct_score' : 'create_score',
        entityType: 'score',
        entityId: after.id,
        after,
        reason: correction?.reason,
      });
      return after;
    }
    if (!correction && found.status !== 'draft') {
      throw new ScoreNotEditableException(found.status, found.id, found.status !== 'submitted');
    }
    const before = await this.current(manager, found.id);
    await this.saveValues(manager, found.id, before.version, total, values, correction, sessionId);
    const after = await this.current(manager, found.id);
    await this.audit.record(manager, {
      actor,
      action: correction ? 'correct_score' : 'update_score',
      entityType: 'score',
      entityId: found.id,
      before,
      after,
      reason: correction?.reason,
    });
    return after;
  }

  /**
   * New criterion values for a score, at the version the client read. A draft or submitted score of an open
   * round is edited (a submitted one goes back to draft). A closed round's score, or one already reviewed or
   * final, only takes an admin's correction with a reason: it is flagged as a correction and is final.
   */
  async update(id: string, dto: UpdateScoreDto, actor: Actor): Promise<ScoreDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const locked = await this.lock(manager, id);
      const before = await this.current(manager, id);
      if (locked.version !== dto.version) throw new VersionConflictException(before);
      let correction = isCorrection(locked.round_status, actor, dto.reason);
      if (!correction && (locked.status === 'reviewed' || locked.status === 'final')) {
        assertMayCorrect(actor, dto.reason, () => new ScoreNotEditableException(locked.status, id, true));
        correction = true;
      }
      const total = await this.checkValues(manager, locked.criteria_set_id, dto.criterionScores);
      const reason = dto.reason?.trim() || undefined;
      await this.saveValues(
        manager,
        id,
        dto.version,
        total,
        dto.criterionScores,
        correction ? { reason: reason! } : null,
      );
      const after = await this.current(manager, id);
      await this.audit.record(manager, {
        actor,
        action: correction ? 'correct_score' : 'update_score',
        entityType: 'score',
        entityId: id,
        before,
        after,
        reason,
      });
      return after;
    });
  }

  /** Writes the values and the total, guarded by the version; a correction makes the score final. */
  private async saveValues(
    manager: EntityManager,
    id: string,
    version: number,
    total: string,
    values: CriterionScoreInputDto[],
    correction: { reason: string } | null,
    sessionId?: string,
  ): Promise<void> {
    const updated = await manager.query<Array<{ id: string }>>(
      correction
        ? `WITH u AS (
             UPDATE score SET total = $3::numeric, session_id = coalesce($4, session_id), status = 'final',
                    finalised_at = coalesce(finalised_at, now()), is_correction = true, correction_reason = $5,
                    version = version + 1, updated_at = now()
             WHERE id = $1 AND version = $2 RETURNING id
           ) SELECT id FROM u`
        : `WITH u AS (
             UPDATE score SET total = $3::numeric, session_id = coalesce($4, session_id), status = 'draft',
                    submitted_by_id = NULL, submitted_at = NULL, version = version + 1, updated_at = now()
             WHERE id = $1 AND version = $2 RETURNING id
           ) SELECT id FROM u`,
      correction ? [id, version, total, sessionId ?? null, correction.reason] : [id, version, total, sessionId ?? null],
    );
    if (!updated[0]) throw new VersionConflictException(await this.current(manager, id));
    await this.writeValues(manager, id, values);
  }

  /** One step of draft → submitted → reviewed (by someone else) → final, at the version the client read. */
  async transition(id: string, step: ScoreTransition, version: number, actor: Actor): Promise<ScoreDto> {
    const { from, to, action } = TRANSITIONS[step];
    return inTransaction(this.dataSource, async (manager) => {
      const locked = await this.lock(manager, id);
      const before = await this.current(manager, id);
      if (locked.version !== version) throw new VersionConflictException(before);
      if (locked.round_status === 'closed') throw new RoundClosedException();
      if (locked.status !== from) throw new InvalidScoreTransitionException(locked.status, to, from);
      if (step === 'review' && locked.submitted_by_id === actor.user.id) throw new SameReviewerException();
      const set = {
        submit: `submitted_by_id = $3, submitted_at = now(), reviewed_by_id = NULL, reviewed_at = NULL`,
        review: `reviewed_by_id = $3, reviewed_at = now()`,
        finalise: `finalised_at = now()`,
      }[step];
      const updated = await manager.query<Array<{ id: string }>>(
        `WITH u AS (
           UPDATE score SET status = '${to}', ${set}, version = version + 1, updated_at = now()
           WHERE id = $1 AND version = $2 RETURNING id
         ) SELECT id FROM u`,
        step === 'finalise' ? [id, version] : [id, version, actor.user.id],
      );
      if (!updated[0]) throw new VersionConflictException(await this.current(manager, id));
      const after = await this.current(manager, id);
      await this.audit.record(manager, { actor, action, entityType: 'score', entityId: id, before, after });
      return after;
    });
  }
}
