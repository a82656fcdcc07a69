import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { tehranToday } from '../../common/dates/calendar-day.js';
import { Transactions, type TransactionOptions } from '../../common/db/transactions.js';
import { VersionConflictException } from '../../common/errors/version-conflict.exception.js';
import { AgencyNotFoundException } from '../agencies/agencies.exception.js';
import { agencyExists } from '../agencies/agencies.queries.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth-user.js';
import { ServiceNotFoundException } from '../progress/progress.exception.js';
import {
  ServiceAlreadyWithdrawnException,
  ServiceCodeTakenException,
  ServiceDayInFutureException,
  SystemNotInAgencyException,
  WithdrawalBeforeIdentifiedException,
} from './catalogue.exception.js';
import {
  insertService,
  lockInventoryService,
  selectInventoryService,
  selectServiceCodeHolder,
  systemOfAgency,
  withdrawService,
  type InventoryServiceRow,
} from './catalogue.queries.js';
import type { CreateServiceDto, InventoryServiceDto, WithdrawServiceDto } from './dto/inventory.dto.js';

/** The unique index behind the code check: two requests racing past it get the same 409. */
const CATALOGUE_CONSTRAINTS: TransactionOptions = {
  constraints: { UQ_e_service_agency_code: () => new ServiceCodeTakenException() },
};

function refuseFuture(field: 'identifiedOn' | 'withdrawnOn', value: string): void {
  const today = tehranToday();
  if (value > today) throw new ServiceDayInFutureException(field, today);
}

function toInventoryServiceDto(row: InventoryServiceRow): InventoryServiceDto {
  return {
    id: row.id,
    agencyId: row.agencyId,
    code: row.code,
    nameFa: row.nameFa,
    nameEn: row.nameEn,
    audience: row.audience,
    identifiedOn: row.identifiedOn,
    withdrawnOn: row.withdrawnOn,
    withdrawalReason: row.withdrawalReason,
    version: row.version,
  };
}

/**
 * The catalogue's inventory: the services an agency has identified (the baseline that share milestones measure
 * against) and their withdrawal. A withdrawn service stays in the table (it still counts in the baseline of the
 * days it was in the inventory) and takes no further stage. Admin writes, each with its audit record in one
 * transaction; the stage days themselves are the progress module's.
 */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async createService(agencyId: string, dto: CreateServiceDto, actor: Actor): Promise<InventoryServiceDto> {
    refuseFuture('identifiedOn', dto.identifiedOn);
    return this.transactions.run(async (manager) => {
      if (!(await agencyExists(manager, agencyId))) throw new AgencyNotFoundException(agencyId);
      const holder = await selectServiceCodeHolder(manager, agencyId, dto.code);
      if (holder) throw new ServiceCodeTakenException(holder.code);
      if (dto.systemId && !(await systemOfAgency(manager, dto.systemId, agencyId))) {
        throw new SystemNotInAgencyException(dto.systemId);
      }
      const id = await insertService(manager, {
        agencyId,
        code: dto.code,
        nameFa: dto.nameFa,
        nameEn: dto.nameEn,
        audience: dto.audience,
        identifiedOn: dto.identifiedOn,
        systemId: dto.systemId ?? null,
      });
      const after = await this.findService(id, manager);
      await this.audit.record(manager, {
        actor,
        action: 'create_service',
        entityType: 'e_service',
        entityId: id,
        after: { ...after, systemId: dto.systemId ?? null },
        reason: dto.note ?? null,
      });
      return after;
    }, CATALOGUE_CONSTRAINTS);
  }

  /** Takes a service out of the inventory at the version the client read; once only. */
  async withdrawService(serviceId: string, dto: WithdrawServiceDto, actor: Actor): Promise<InventoryServiceDto> {
    refuseFuture('withdrawnOn', dto.withdrawnOn);
    return this.transactions.run(async (manager) => {
      const locked = await lockInventoryService(manager, serviceId);
      if (!locked) throw new ServiceNotFoundException(serviceId);
      const before = toInventoryServiceDto(locked);
      if (locked.withdrawnOn) throw new ServiceAlreadyWithdrawnException(locked.withdrawnOn);
      if (locked.version !== dto.version) throw new VersionConflictException(before);
      if (dto.withdrawnOn < locked.identifiedOn) {
        throw new WithdrawalBeforeIdentifiedException(dto.withdrawnOn, locked.identifiedOn);
      }
      const withdrawal = { withdrawnOn: dto.withdrawnOn, reason: dto.reason };
      if (!(await withdrawService(manager, serviceId, dto.version, withdrawal))) {
        throw new VersionConflictException(await this.findService(serviceId, manager));
      }
      const after = await this.findService(serviceId, manager);
      await this.audit.record(manager, {
        actor,
        action: 'withdraw_service',
        entityType: 'e_service',
        entityId: serviceId,
        before,
        after,
        reason: dto.reason,
      });
      return after;
    }, CATALOGUE_CONSTRAINTS);
  }

  private async findService(id: string, db: EntityManager): Promise<InventoryServiceDto> {
    const row = await selectInventoryService(db, id);
    if (!row) throw new ServiceNotFoundException(id);
    return toInventoryServiceDto(row);
  }
}
