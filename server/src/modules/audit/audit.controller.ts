import { Controller, Get, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Conditions } from '../../common/db/conditions.js';
import { ErrorResponseDto } from '../../common/errors/error-response.dto.js';
import { Roles } from '../auth/auth.decorators.js';
import { AuditListDto, AuditRecordDto, ListAuditQuery } from './dto/audit.dto.js';

@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The audit trail, newest first, for admins and the cabinet. */
  @Get()
  @Roles('admin', 'cabinet')
  @ApiOperation({ operationId: 'listAudit', summary: 'Browse and filter the audit trail (admin, cabinet)' })
  @ApiOkResponse({ type: AuditListDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  async list(@Query() query: ListAuditQuery): Promise<AuditListDto> {
    const conditions = new Conditions();
    if (query.entityType) conditions.add('r.entity_type = ?', query.entityType);
    if (query.entityId) conditions.add('r.entity_id = ?', query.entityId);
    if (query.actorId) conditions.add('r.actor_id = ?', query.actorId);
    if (query.action) conditions.add('r.action = ?', query.action);
    if (query.from) conditions.add('r.occurred_at >= ?', query.from);
    if (query.to) conditions.add('r.occurred_at < ?', query.to);
    const { where, params } = conditions;
    const counted = await this.dataSource.query<Array<{ total: number }>>(
      `SELECT count(*)::int AS total FROM audit_record r ${where}`,
      params,
    );
    const items = await this.dataSource.query<AuditRecordDto[]>(
      `SELECT r.id, to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt",
              r.actor_id AS "actorId", u.username AS "actorUsername", r.action, r.entity_type AS "entityType",
              r.entity_id AS "entityId", r.before, r.after, r.reason, r.request_id AS "requestId"
       FROM audit_record r LEFT JOIN app_user u ON u.id = r.actor_id
       ${where}
       ORDER BY r.occurred_at DESC, r.id
       LIMIT ${conditions.next()} OFFSET ${conditions.next(2)}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return { items, total: counted[0]?.total ?? 0, page: query.page, pageSize: query.pageSize };
  }
}
