import { Injectable } from '@nestjs/common';
import { AgencyNotFoundException } from '../agencies/agencies.exception.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { VersionConflictException } from '../../common/errors/version-conflict.exception.js';
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
import type { RoundStatus } from './evaluation-round.entity.js';
import {
  EvaluatorInvalidException,
  RoundNotFoundException,
  SessionDateOutsideRoundException,
  SessionNotFoundException,
} from './evaluations.exception.js';
import { toSessionDto } from './evaluations.mappers.js';
import { Conditions } from '../../common/db/conditions.js';
import { countSessions, selectSession, selectSessions } from './evaluations.queries.js';
import { inTransaction, isCorrection } from './evaluations.rules.js';
import { ScoresService } from './scores.service.js';

interface LockedRound {
  id: string;
  status: RoundStatus;
  criteria_set_id: string;
  starts_on: string;
  ends_on: string;
}

function toRepresentatives(list: RepresentativeDto[]): AgencyRepresentative[] {
  return list.map((r) => (r.title ? { name: r.name, title: r.title } : { name: r.name }));
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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

  private async current(manager: EntityManager, id: string): Promise<SessionDto> {
    const row = await selectSession(manager, id);
    if (!row) throw new SessionNotFoundException(id);
    return toSessionDto(row, true);
  }

  /** The round, share-locked so that it cannot close while a session is being recorded in it. */
  private async lockRound(manager: EntityManager, id: string): Promise<LockedRound> {
    const rows = await manager.query<LockedRound[]>(
      `SELECT id, status, criteria_set_id, to_char(starts_on, 'YYYY-MM-DD') AS starts_on,
              to_char(ends_on, 'YYYY-MM-DD') AS ends_on
       FROM evaluation_round WHERE id = $1 FOR SHARE`,
      [id],
    );
    if (!rows[0]) throw new RoundNotFoundException(id);
    return rows[0];
  }

  private static checkDay(heldOn: string, round: LockedRound): void {
    if (heldOn < round.starts_on || heldOn > round.ends_on) {
      throw new SessionDateOutsideRoundException(heldOn, round.starts_on, round.ends_on);
    }
  }

  /**
   * Records a session (and its evaluators) and, when criterion scores are given, the agency's score for the
   * round, all in one transaction. Evaluators default to the signed-in user.
   */
  async create(dto: CreateSessionDto, actor: Actor): Promise<CreateSessionResponseDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const round = await this.lockRound(manager, dto.roundId);
      const correction = isCorrection(round.status, actor, dto.reason);
      const reason = correction ? dto.reason!.trim() : dto.reason?.trim() || undefined;
      const agency = await manager.query<unknown[]>(`SELECT 1 FROM agency WHERE id = $1`, [dto.agencyId]);
      if (!agency.length) throw new AgencyNotFoundException(dto.agencyId);
      SessionsService.checkDay(dto.heldOn, round);
      const evaluatorIds = [...new Set((dto.evaluatorIds ?? [actor.user.id]).map((id) => id.toLowerCase()))];
      const evaluators = await manager.query<Array<{ id: string }>>(
        `SELECT id FROM app_user WHERE id = ANY($1::uuid[]) AND is_active AND role IN ('evaluator', 'admin')`,
        [evaluatorIds],
      );
      const valid = new Set(evaluators.map((e) => e.id));
      const invalid = evaluatorIds.filter((id) => !valid.has(id));
      if (invalid.length) throw new EvaluatorInvalidException(invalid);

      const [created] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO evaluation_session (round_id, agency_id, held_on, representatives, notes, internal_notes, created_by_id)
         VALUES ($1, $2, $3::date, $4::jsonb, $5, $6, $7) RETURNING id`,
        [
          round.id,
          dto.agencyId,
          dto.heldOn,
          JSON.stringify(toRepresentatives(dto.representatives)),
          dto.notes ?? '',
          dto.internalNotes ?? '',
          actor.user.id,
        ],
      );
      const sessionId = created!.id;
      await manager.query(
        `INSERT INTO evaluation_session_evaluator (session_id, user_id) SELECT $1, unnest($2::uuid[])`,
        [sessionId, evaluatorIds],
      );
      const session = await this.current(manager, sessionId);
      await this.audit.record(manager, {
        actor,
        action: 'create_session',
        entityType: 'evaluation_session',
        entityId: sessionId,
        after: session,
        reason,
      });
      if (!dto.scores) return { session };
      const score = await this.scores.recordForSession(manager, {
        round: { id: round.id, status: round.status, criteriaSetId: round.criteria_set_id },
        agencyId: dto.agencyId,
        sessionId,
        values: dto.scores,
        correction: correction ? { reason: reason! } : null,
        actor,
      });
      return { session, score };
    });
  }

  /** Changes a session at the version the client read; a closed round's session only by an admin, with a reason. */
  async update(id: string, dto: UpdateSessionDto, actor: Actor): Promise<SessionDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const locked = await manager.query<Array<{ round_id: string; version: number }>>(
        `SELECT round_id, version FROM evaluation_session WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!locked[0]) throw new SessionNotFoundException(id);
      const before = await this.current(manager, id);
      if (locked[0].version !== dto.version) throw new VersionConflictException(before);
      const round = await this.lockRound(manager, locked[0].round_id);
      const correction = isCorrection(round.status, actor, dto.reason);
      if (dto.heldOn) SessionsService.checkDay(dto.heldOn, round);
      const updated = await manager.query<Array<{ id: string }>>(
        `WITH u AS (
           UPDATE evaluation_session SET
             held_on = coalesce($3::date, held_on),
             representatives = coalesce($4::jsonb, representatives),
             notes = coalesce($5, notes),
             internal_notes = coalesce($6, internal_notes),
             version = version + 1, updated_at = now()
           WHERE id = $1 AND version = $2 RETURNING id
         ) SELECT id FROM u`,
        [
          id,
          dto.version,
          dto.heldOn ?? null,
          dto.representatives ? JSON.stringify(toRepresentatives(dto.representatives)) : null,
          dto.notes ?? null,
          dto.internalNotes ?? null,
        ],
      );
      if (!updated[0]) throw new VersionConflictException(await this.current(manager, id));
      const after = await this.current(manager, id);
      await this.audit.record(manager, {
        actor,
        action: correction ? 'correct_session' : 'update_session',
        entityType: 'evaluation_session',
        entityId: id,
        before,
        after,
        reason: dto.reason?.trim() || undefined,
      });
      return after;
    });
  }
}
