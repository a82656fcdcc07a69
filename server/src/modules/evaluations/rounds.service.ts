import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { decimalToUnits, unitsToDecimal } from '../../common/numbers/decimal.js';
import { Transactions } from '../../common/db/transactions.js';
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
import {
  closeRound,
  insertRound,
  lockRound,
  roundCodeTaken,
  selectRound,
  selectRounds,
} from './evaluations.queries.js';
import { EVALUATION_CONSTRAINTS } from './evaluations.rules.js';

@Injectable()
export class RoundsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
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

    return this.transactions.run(async (manager) => {
      if (await roundCodeTaken(manager, dto.code)) throw new RoundCodeTakenException(dto.code);
      const id = await insertRound(manager, dto);
      const after = await this.findOne(id, manager);
      await this.audit.record(manager, {
        actor,
        action: 'create_round',
        entityType: 'evaluation_round',
        entityId: after.id,
        after,
      });
      return after;
    }, EVALUATION_CONSTRAINTS);
  }

  /** Closes an open round: its sessions and scores are frozen from now on (admin corrections aside). */
  async close(id: string, version: number, actor: Actor): Promise<RoundDto> {
    return this.transactions.run(async (manager) => {
      const locked = await lockRound(manager, id, 'update');
      if (!locked) throw new RoundNotFoundException(id);
      const before = await this.findOne(id, manager);
      if (locked.version !== version) throw new VersionConflictException(before);
      if (locked.status === 'closed') throw new RoundAlreadyClosedException();
      if (!(await closeRound(manager, id, version))) {
        throw new VersionConflictException(await this.findOne(id, manager));
      }
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
    }, EVALUATION_CONSTRAINTS);
  }
}
