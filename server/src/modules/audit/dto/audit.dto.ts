import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsDayOrDateTime, NormalizedDayOrDateTime, NormalizedText } from '../../../common/validation/input.js';
import { PageQuery } from '../../../common/validation/page.query.js';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, type AuditAction, type AuditEntityType } from '../audit-vocabulary.js';

const TIME_BOUND =
  'A day in Tehran, Jalali (`1401-08-20`, `1401/08/20`) or Gregorian (`2022-11-11`), in any digits; or an ISO ' +
  'date-time (`2022-11-11T08:30:00Z`), an instant.';

export class ListAuditQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AUDIT_ENTITY_TYPES, enumName: 'AuditEntityType' })
  @IsOptional()
  @NormalizedText({ emptyAsUndefined: true })
  @IsIn(AUDIT_ENTITY_TYPES)
  entityType?: AuditEntityType;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) entityId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() actorId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' })
  @IsOptional()
  @NormalizedText({ emptyAsUndefined: true })
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({
    enum: ['include', 'exclude'],
    default: 'include',
    description:
      '`exclude`: leave out sign-ins and sign-outs (`sign_in`, `sign_out`), which otherwise outnumber every other record.',
  })
  @IsOptional()
  @IsIn(['include', 'exclude'])
  signIns: 'include' | 'exclude' = 'include';

  @ApiPropertyOptional({
    example: '1401-08-20',
    description: `Records from then on. ${TIME_BOUND} A day means from 00:00 Tehran time on that day.`,
  })
  @IsOptional()
  @NormalizedDayOrDateTime()
  @IsDayOrDateTime()
  from?: string;

  @ApiPropertyOptional({
    example: '1401-08-30',
    description: `Records before then. ${TIME_BOUND} A day means up to the end of that day (Tehran time), included.`,
  })
  @IsOptional()
  @NormalizedDayOrDateTime()
  @IsDayOrDateTime()
  to?: string;
}

export class AuditRecordDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorUsername: string | null;
  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' }) action: AuditAction;
  @ApiProperty({ enum: AUDIT_ENTITY_TYPES, enumName: 'AuditEntityType' }) entityType: AuditEntityType;
  @ApiProperty() entityId: string;
  @ApiProperty({ nullable: true, type: Object }) before: unknown;
  @ApiProperty({ nullable: true, type: Object }) after: unknown;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
}

export class AuditListDto {
  @ApiProperty({ type: [AuditRecordDto] }) items: AuditRecordDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
