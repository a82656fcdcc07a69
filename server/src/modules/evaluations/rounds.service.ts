import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { decimalToUnits, unitsToDecimal } from '../../common/numbers/decimal.js';
import { VersionConflictException } from '../../common/errors/version-conflict.exception.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth-user.js';
import type { CreateRoundDto, RoundDto, RoundListDto } from './dto/round.dto.js';
import {
  CriteriaWeightsNot100Exception,
  CriterionCodeDuplicateException,
  RoundAlreadyClosedException,
  RoundCodeTakenException,
  RoundDatesInvalidException,
  RoundNotFoundException,
} from './evaluations.exception.js';
import { toRoundDto } from './evaluations.mappers.js';
import { selectRound, selectRounds } from './evaluations.queries.js';
import { inTransaction } from './evaluations.rules.js';

@Injectable()
export class RoundsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<RoundListDto> {
    return { items: (await selectRounds(this.dataSource.manager)).map(toRoundDto) };
  }

  async findOne(id: string, db: EntityManager = this.dataSource.manager): Promise<RoundDto> {
    const row = await selectRound(db, id);
    if (!row) throw new RoundNotFoundException(id);
    return toRoundDto(row);
  }

  /** A new open round with its own criteria set; the weights add up to exactly 100 (checked in hundredths). */
  async create(dto: CreateRoundDto, actor: Actor): Promise<RoundDto> {
    if (dto.startsOn > dto.endsOn) throw new RoundDatesInvalidException(dto.startsOn, dto.endsOn);
    const codes = dto.criteria.map((c) => c.code);
    const repeated = [...new Set(codes.filter((code, i) => codes.indexOf(code) !== i))];
    if (repeated.length) throw new CriterionCodeDuplicateException(repeated);
    const sum = dto.criteria.reduce((total, c) => total + decimalToUnits(c.weight), 0);
    if (sum !== 100_00) throw new CriteriaWeightsNot100Exception(unitsToDecimal(sum));

    return inTransaction(this.dataSource, async (manager) => {
      const taken = await manager.query<unknown[]>(
        `SELECT 1 FROM evaluation_round WHERE code = $1 UNION ALL SELECT 1 FROM criteria_set WHERE code = $1`,
        [dto.code],
      );
      if (taken.length) throw new RoundCodeTakenException(dto.code);
      const [set] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO criteria_set (code, title_fa, title_en) VALUES ($1, $2, $3) RETURNING id`,
        [dto.code, `معیارهای ${dto.titleFa}`, `Criteria: ${dto.titleEn}`],
      );
      await manager.query(
        `INSERT INTO criterion (criteria_set_id, code, title_fa, title_en, weight, sort_order)
         SELECT $1, c.code, c.title_fa, c.title_en, c.weight, c.sort_order
         FROM unnest($2::text[], $3::text[], $4::text[], $5::numeric[]) WITH ORDINALITY
              AS c(code, title_fa, title_en, weight, sort_order)`,
        [
          set!.id,
          dto.criteria.map((c) => c.code),
          dto.criteria.map((c) => c.titleFa),
          dto.criteria.map((c) => c.titleEn),
          dto.criteria.map((c) => c.weight),
        ],
      );
      const [round] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO evaluation_round (code, title_fa, title_en, criteria_set_id, starts_on, ends_on, status)
         VALUES ($1, $2, $3, $4, $5::date, $6::date, 'open') RETURNING id`,
        [dto.code, dto.titleFa, dto.titleEn, set!.id, dto.startsOn, dto.endsOn],
      );
      const after = await this.findOne(round!.id, manager);
      await this.audit.record(manager, {
        actor,
        action: 'create_round',
        entityType: 'evaluation_round',
        entityId: after.id,
        after,
      });
      return after;
    });
  }

  /** Closes an open round: its sessions and scores are frozen from now on (admin corrections aside). */
  async close(id: string, version: number, actor: Actor): Promise<RoundDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const locked = await manager.query<Array<{ version: number; status: string }>>(
        `SELECT version, status FROM evaluation_round WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!locked[0]) throw new RoundNotFoundException(id);
      const before = await this.findOne(id, manager);
      if (locked[0].version !== version) throw new VersionConflictException(before);
      if (locked[0].status === 'closed') throw new RoundAlreadyClosedException();
      const updated = await manager.query<Array<{ id: string }>>(
        `WITH u AS (
           UPDATE evaluation_round SET status = 'closed', closed_at = now(), version = version + 1
           WHERE id = $1 AND version = $2 AND status = 'open' RETURNING id
         ) SELECT id FROM u`,
        [id, version],
      );
      if (!updated[0]) throw new VersionConflictException(await this.findOne(id, manager));
      const after = await this.findOne(id, manager);
      await this.audit.record(manager, {
        actor,
        action: 'close_round',
        entityType: 'evaluation_round',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }
}
