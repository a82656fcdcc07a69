import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/errors/error-response.dto.js';
import { Roles } from '../auth/auth.decorators.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditListDto, ListAuditQuery } from './dto/audit.dto.js';

@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly auditQuery: AuditQueryService) {}

  /** The audit trail, newest first, for admins and the cabinet. */
  @Get()
  @Roles('admin', 'cabinet')
  @ApiOperation({ operationId: 'listAudit', summary: 'Browse and filter the audit trail (admin, cabinet)' })
  @ApiOkResponse({ type: AuditListDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  list(@Query() query: ListAuditQuery): Promise<AuditListDto> {
    return this.auditQuery.list(query);
  }
}
