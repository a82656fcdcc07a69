import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isIsoDay } from '../../common/validation/input.js';
import type { AuditListDto, ListAuditQuery } from './dto/audit.dto.js';
import { countAuditRecords, selectAuditRecords, type AuditFilter, type AuditTimeBound } from './audit.queries.js';

/** `from`/`to` as the DTO leaves them: an ISO day (a day in Tehran) or an ISO date-time (an instant). */
function timeBound(value: string | undefined): AuditTimeBound | undefined {
  if (value === undefined) return undefined;
  return isIsoDay(value) ? { day: value } : { instant: value };
}

/** Reads the audit trail (for admins and the cabinet). Writing it is `AuditService`'s job alone. */
@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListAuditQuery): Promise<AuditListDto> {
    const filter: AuditFilter = {
      entityType: query.entityType,
      entityId: query.entityId,
      actorId: query.actorId,
      action: query.action,
      excludeActions: query.signIns === 'exclude' ? ['sign_in', 'sign_out'] : undefined,
      from: timeBound(query.from),
      to: timeBound(query.to),
    };
    const db = this.dataSource.manager;
    const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
    const [total, items] = await Promise.all([countAuditRecords(db, filter), selectAuditRecords(db, filter, page)]);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
