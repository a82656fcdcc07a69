import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Conditions, inIdOrder } from '../../common/db/conditions.js';
import { Transactions } from '../../common/db/transactions.js';
import { VersionConflictException } from '../../common/errors/version-conflict.exception.js';
import type { AuditAction } from '../audit/audit-vocabulary.js';
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
import {
  countScores,
  lockScores,
  moveScoreStatus,
  selectCriteria,
  selectScore,
  selectScores,
  writeScoreValues,
} from './evaluations.queries.js';
import { assertMayCorrect, EVALUATION_CONSTRAINTS, isCorrection } from './evaluations.rules.js';
import type { ScoreStatus } from './score.entity.js';
import { matchCriteria, totalOf, type CriterionRef } from './scores.rules.js';

export type ScoreTransition = 'submit' | 'review' | 'finalise';

/** Each step of the workflow: the status it starts from and the one it leads to. */
const TRANSITIONS: Record<ScoreTransition, { from: ScoreStatus; to: ScoreStatus; action: AuditAction }> = {
  submit: { from: 'draft', to: 'submitted', action: 'submit_score' },
  review: { from: 'submitted', to: 'reviewed', action: 'review_score' },
  finalise: { from: 'reviewed', to: 'final', action: 'finalise_score' },
};

/** One agency's criterion values for a round, already checked against the round's criteria and totalled. */
export interface ScoreWrite {
  roundId: string;
  agencyId: string;
  sessionId: string | null;
  values: Array<{ criterionId: string; value: string }>;
  total: string;
  /** The score it changes, with the version read and its state before (for the audit trail); null: a new score. */
  existing: { id: string; version: number; before: ScoreDto } | null;
  /** An admin's correction (the score becomes final, flagged, with the reason). */
  correction: { reason: string } | null;
}

/** What a session asks to store as an agency's score in a round. */
export interface SessionScore {
  round: { id: string; status: RoundStatus; criteriaSetId: string };
  agencyId: string;
  sessionId: string;
  values: CriterionScoreInputDto[];
  correction: { reason: string } | null;
  actor: Actor;
}

@Injectable()
export class ScoresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
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

  /** Scores as staff see them, by id, in the order asked. */
  async current(manager: EntityManager, ids: string[]): Promise<ScoreDto[]> {
    if (ids.length === 0) return [];
    const rows = await selectScores(manager, new Conditions().add('s.id = ANY(?::uuid[])', ids));
    return inIdOrder(
      ids,
      rows.map((row) => toScoreDto(row, true)),
      (id) => new ScoreNotFoundException(id),
    );
  }

  /** Every criterion of the set exactly once (else 400 CRITERION_SCORES_INVALID); returns the exact total. */
  static checkValues(criteria: CriterionRef[], values: Array<{ criterionId: string; value: string }>): string {
    const problems = matchCriteria(criteria, values);
    if (problems) throw new CriterionScoresInvalidException(problems);
    return totalOf(criteria, values);
  }

  /**
   * THE one writer of scores: the session form, `PATCH /scores/:id` and the spreadsheet import all come here, so
   * every score is stored, totalled and audited the same way (audit `before`/`after` are the score as staff read
   * it). Set-based, whatever the number of scores. Runs in the caller's transaction; a score that changed since
   * it was read fails the whole write (`onStale`). Returns the scores after, in the order given.
   */
  async write(
    manager: EntityManager,
    writes: ScoreWrite[],
    actor: Actor,
    options: { reason?: string; onStale: (current: ScoreDto) => Error },
  ): Promise<ScoreDto[]> {
    const rows = writes.map((w) => ({
      id: w.existing?.id ?? randomUUID(),
      existingVersion: w.existing?.version ?? null,
      roundId: w.roundId,
      agencyId: w.agencyId,
      sessionId: w.sessionId,
      total: w.total,
      values: w.values,
      correctionReason: w.correction?.reason ?? null,
    }));
    const stale = await writeScoreValues(manager, rows);
    if (stale.length > 0) throw options.onStale((await this.current(manager, [stale[0]!]))[0]!);
    const after = await this.current(
      manager,
      rows.map((r) => r.id),
    );
    await this.audit.recordMany(
      manager,
      writes.map((w, i) => ({
        actor,
        action: w.correction ? 'correct_score' : w.existing ? 'update_score' : 'create_score',
        entityType: 'score',
        entityId: after[i]!.id,
        before: w.existing?.before,
        after: after[i],
        reason: w.correction?.reason ?? options.reason,
      })),
    );
    return after;
  }

  /**
   * The score entered at a session: created as a draft linked to the session, or the agency's existing draft
   * for the round updated and linked. In a closed round (admin, with a reason) it is a correction and final.
   * Runs inside the session's transaction.
   */
  async recordForSession(manager: EntityManager, entry: SessionScore): Promise<ScoreDto> {
    const { round, agencyId, sessionId, values, correction, actor } = entry;
    const [found] = await lockScores(manager, { roundId: round.id, agencyIds: [agencyId] });
    const total = ScoresService.checkValues(await selectCriteria(manager, round.criteriaSetId), values);
    if (found && !correction && found.status !== 'draft') {
      throw new ScoreNotEditableException(found.status, found.id, found.status !== 'submitted');
    }
    const existing = found
      ? { id: found.id, version: found.version, before: (await this.current(manager, [found.id]))[0]! }
      : null;
    const [after] = await this.write(
      manager,
      [{ roundId: round.id, agencyId, sessionId, values, total, existing, correction }],
      actor,
      { onStale: (current) => new VersionConflictException(current) },
    );
    return after!;
  }

  /**
   * New criterion values for a score, at the version the client read. A draft or submitted score of an open
   * round is edited (a submitted one goes back to draft). A closed round's score, or one already reviewed or
   * final, only takes an admin's correction with a reason: it is flagged as a correction and is final.
   */
  async update(id: string, dto: UpdateScoreDto, actor: Actor): Promise<ScoreDto> {
    return this.transactions.run(async (manager) => {
      const [locked] = await lockScores(manager, { ids: [id] });
      if (!locked) throw new ScoreNotFoundException(id);
      const [before] = await this.current(manager, [id]);
      if (locked.version !== dto.version) throw new VersionConflictException(before);
      let correction = isCorrection(locked.round_status, actor, dto.reason);
      if (!correction && (locked.status === 'reviewed' || locked.status === 'final')) {
        assertMayCorrect(actor, dto.reason, () => new ScoreNotEditableException(locked.status, id, true));
        correction = true;
      }
      const total = ScoresService.checkValues(
        await selectCriteria(manager, locked.criteria_set_id),
        dto.criterionScores,
      );
      const reason = dto.reason?.trim() || undefined;
      const [after] = await this.write(
        manager,
        [
          {
            roundId: locked.round_id,
            agencyId: locked.agency_id,
            sessionId: null,
            values: dto.criterionScores,
            total,
            existing: { id, version: dto.version, before: before! },
            correction: correction ? { reason: reason! } : null,
          },
        ],
        actor,
        { reason, onStale: (current) => new VersionConflictException(current) },
      );
      return after!;
    }, EVALUATION_CONSTRAINTS);
  }

  /** One step of draft → submitted → reviewed (by someone else) → final, at the version the client read. */
  async transition(id: string, step: ScoreTransition, version: number, actor: Actor): Promise<ScoreDto> {
    const { from, to, action } = TRANSITIONS[step];
    return this.transactions.run(async (manager) => {
      const [locked] = await lockScores(manager, { ids: [id] });
      if (!locked) throw new ScoreNotFoundException(id);
      const [before] = await this.current(manager, [id]);
      if (locked.version !== version) throw new VersionConflictException(before);
      if (locked.round_status === 'closed') throw new RoundClosedException();
      if (locked.status !== from) throw new InvalidScoreTransitionException(locked.status, to, from);
      if (step === 'review' && locked.submitted_by_id === actor.user.id) throw new SameReviewerException();
      if (!(await moveScoreStatus(manager, id, version, step, to, actor.user.id))) {
        throw new VersionConflictException((await this.current(manager, [id]))[0]);
      }
      const [after] = await this.current(manager, [id]);
      await this.audit.record(manager, { actor, action, entityType: 'score', entityId: id, before, after });
      return after!;
    }, EVALUATION_CONSTRAINTS);
  }
}
