import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Conditions, inIdOrder } from '../../common/db/conditions.js';
import { Transactions } from '../../common/db/transactions.js';
import { VersionConflictException } from '../../common/errors/version-conflict.exception.js';
import { AgencyNotFoundException } from '../agencies/agencies.exception.js';
import { agencyExists } from '../agencies/agencies.queries.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import type {
  CreateSessionDto,
  CreateSessionResponseDto,
  ListSessionsQuery,
  RepresentativeDto,
  SessionDto,
  SessionListDto,
  UpdateSessionDto,
} from './dto/session.dto.js';
import type { AgencyRepresentative } from './evaluation-session.entity.js';
import {
  EvaluatorInvalidException,
  RoundNotFoundException,
  SessionDateOutsideRoundException,
  SessionNotFoundException,
} from './evaluations.exception.js';
import { toSessionDto } from './evaluations.mappers.js';
import {
  countSessions,
  insertSessions,
  lockRound,
  lockSession,
  selectEvaluators,
  selectSessions,
  updateSession,
  type LockedRound,
  type NewSession,
} from './evaluations.queries.js';
import { EVALUATION_CONSTRAINTS, isCorrection } from './evaluations.rules.js';
import { ScoresService } from './scores.service.js';

function toRepresentatives(list: RepresentativeDto[]): AgencyRepresentative[] {
  return list.map((r) => (r.title ? { name: r.name, title: r.title } : { name: r.name }));
}

/** A session to record: everything but its id and who records it. */
export type SessionInput = Omit<NewSession, 'id' | 'createdById'>;

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly scores: ScoresService,
  ) {}

  /** Every session for everyone; internal notes and evaluators for signed-in users only. */
  async list(query: ListSessionsQuery, user: AuthUser | undefined): Promise<SessionListDto> {
    const conditions = new Conditions();
    if (query.roundId) conditions.add('s.round_id = ?', query.roundId);
    if (query.agencyId) conditions.add('s.agency_id = ?', query.agencyId);
    const db = this.dataSource.manager;
    const [total, rows] = await Promise.all([
      countSessions(db, conditions),
      selectSessions(db, conditions, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    ]);
    return {
      items: rows.map((row) => toSessionDto(row, !!user)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Sessions as staff see them, by id, in the order asked. */
  private async current(manager: EntityManager, ids: string[]): Promise<SessionDto[]> {
    if (ids.length === 0) return [];
    const rows = await selectSessions(manager, new Conditions().add('s.id = ANY(?::uuid[])', ids));
    return inIdOrder(
      ids,
      rows.map((row) => toSessionDto(row, true)),
      (id) => new SessionNotFoundException(id),
    );
  }

  /** The round, share-locked so that it cannot close while a session is being recorded in it. */
  private static async lockRound(manager: EntityManager, id: string): Promise<LockedRound> {
    const round = await lockRound(manager, id, 'share');
    if (!round) throw new RoundNotFoundException(id);
    return round;
  }

  private static checkDay(heldOn: string, round: LockedRound): void {
    if (heldOn < round.starts_on || heldOn > round.ends_on) {
      throw new SessionDateOutsideRoundException(heldOn, round.starts_on, round.ends_on);
    }
  }

  /**
   * THE one writer of new sessions, for the session form and the spreadsheet import alike: the sessions and their
   * evaluators in two statements, and one audit record each (`after`: the session as staff read it). Runs in the
   * caller's transaction; the caller has checked the round, the agency and the day.
   */
  async insert(manager: EntityManager, sessions: SessionInput[], actor: Actor, reason?: string): Promise<SessionDto[]> {
    const rows = sessions.map((s) => ({ ...s, id: randomUUID(), createdById: actor.user.id }));
    await insertSessions(manager, rows);
    const after = await this.current(
      manager,
      rows.map((r) => r.id),
    );
    await this.audit.recordMany(
      manager,
      after.map((session) => ({
        actor,
        action: 'create_session',
        entityType: 'evaluation_session',
        entityId: session.id,
        after: session,
        reason,
      })),
    );
    return after;
  }

  /**
   * Records a session (and its evaluators) and, when criterion scores are given, the agency's score for the
   * round, all in one transaction. Evaluators default to the signed-in user.
   */
  async create(dto: CreateSessionDto, actor: Actor): Promise<CreateSessionResponseDto> {
    return this.transactions.run(async (manager) => {
      const round = await SessionsService.lockRound(manager, dto.roundId);
      const correction = isCorrection(round.status, actor, dto.reason);
      const reason = correction ? dto.reason!.trim() : dto.reason?.trim() || undefined;
      if (!(await agencyExists(manager, dto.agencyId))) throw new AgencyNotFoundException(dto.agencyId);
      SessionsService.checkDay(dto.heldOn, round);
      const evaluatorIds = [...new Set((dto.evaluatorIds ?? [actor.user.id]).map((id) => id.toLowerCase()))];
      const valid = new Set(await selectEvaluators(manager, evaluatorIds));
      const invalid = evaluatorIds.filter((id) => !valid.has(id));
      if (invalid.length) throw new EvaluatorInvalidException(invalid);

      const [session] = await this.insert(
        manager,
        [
          {
            roundId: round.id,
            agencyId: dto.agencyId,
            heldOn: dto.heldOn,
            representatives: toRepresentatives(dto.representatives),
            notes: dto.notes ?? '',
            internalNotes: dto.internalNotes ?? '',
            evaluatorIds,
          },
        ],
        actor,
        reason,
      );
      if (!dto.scores) return { session: session! };
      const score = await this.scores.recordForSession(manager, {
        round: { id: round.id, status: round.status, criteriaSetId: round.criteria_set_id },
        agencyId: dto.agencyId,
        sessionId: session!.id,
        values: dto.scores,
        correction: correction ? { reason: reason! } : null,
        actor,
      });
      return { session: session!, score };
    }, EVALUATION_CONSTRAINTS);
  }

  /** Changes a session at the version the client read; a closed round's session only by an admin, with a reason. */
  async update(id: string, dto: UpdateSessionDto, actor: Actor): Promise<SessionDto> {
    return this.transactions.run(async (manager) => {
      const locked = await lockSession(manager, id);
      if (!locked) throw new SessionNotFoundException(id);
      const [before] = await this.current(manager, [id]);
      if (locked.version !== dto.version) throw new VersionConflictException(before);
      const round = await SessionsService.lockRound(manager, locked.round_id);
      const correction = isCorrection(round.status, actor, dto.reason);
      if (dto.heldOn) SessionsService.checkDay(dto.heldOn, round);
      const changed = await updateSession(manager, id, dto.version, {
        heldOn: dto.heldOn ?? null,
        representatives: dto.representatives ? toRepresentatives(dto.representatives) : null,
        notes: dto.notes ?? null,
        internalNotes: dto.internalNotes ?? null,
      });
      if (!changed) throw new VersionConflictException((await this.current(manager, [id]))[0]);
      const [after] = await this.current(manager, [id]);
      await this.audit.record(manager, {
        actor,
        action: correction ? 'correct_session' : 'update_session',
        entityType: 'evaluation_session',
        entityId: id,
        before,
        after,
        reason: dto.reason?.trim() || undefined,
      });
      return after!;
    }, EVALUATION_CONSTRAINTS);
  }
}
