import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { SERVICE_AUDIENCES, SERVICE_STAGES, type ServiceAudience, type ServiceStage } from '../../catalogue/stages.js';
import { NormalizedText } from '../../../common/validation/input.js';
import { pageQuery } from '../../../common/validation/page.query.js';

const DAY = { type: String, format: 'date', nullable: true, description: 'Calendar day (ISO, Asia/Tehran).' } as const;

/** An agency's services, up to 500 a page (other lists stop at 200). */
export class ListAgencyServicesQuery extends pageQuery(500) {
  @ApiPropertyOptional({ enum: SERVICE_STAGES, description: 'Only services at this stage.' })
  @IsOptional()
  @NormalizedText({ emptyAsUndefined: true })
  @IsIn(SERVICE_STAGES)
  stage?: ServiceStage;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the services this system carries.' })
  @IsOptional()
  @IsUUID()
  systemId?: string;

  @ApiPropertyOptional({
    maxLength: 100,
    description: 'Text in the code or the Persian or English name; Persian and Arabic forms match alike.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class ServiceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() code: string;
  @ApiProperty() nameFa: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ enum: SERVICE_AUDIENCES }) audience: ServiceAudience;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) systemId: string | null;
  @ApiProperty(DAY) electronicOn: string | null;
  @ApiProperty(DAY) singleWindowOn: string | null;
  @ApiProperty(DAY) nationalWindowOn: string | null;
  @ApiProperty({ enum: SERVICE_STAGES, description: 'Derived from the days.' }) stage: ServiceStage;
  @ApiProperty({ format: 'date', description: "The day it entered the agency's inventory of identified services." })
  identifiedOn: string;
  @ApiProperty({ ...DAY, description: 'The day it was withdrawn from the inventory; it then takes no further stage.' })
  withdrawnOn: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was withdrawn.' }) withdrawalReason: string | null;
  @ApiProperty({ description: 'Send it back with the next write (optimistic locking).' }) version: number;
}

export class ServiceListDto {
  @ApiProperty({ type: [ServiceDto] }) items: ServiceDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class SystemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() code: string;
  @ApiProperty() nameFa: string;
  @ApiProperty() nameEn: string;
  @ApiProperty(DAY) electronicOn: string | null;
  @ApiProperty(DAY) singleWindowOn: string | null;
  @ApiProperty(DAY) nationalWindowOn: string | null;
  @ApiProperty({ enum: SERVICE_STAGES }) stage: ServiceStage;
  @ApiProperty({ description: 'Services this system carries.' }) serviceCount: number;
  @ApiProperty({ description: 'Of those, connected to the national window.' }) connectedServiceCount: number;
  @ApiProperty({ description: 'Send it back with the next write (optimistic locking).' }) version: number;
}

export class SystemListDto {
  @ApiProperty({ type: [SystemDto] }) items: SystemDto[];
}

export class SystemStageResultDto {
  @ApiProperty({ type: SystemDto }) system: SystemDto;
  @ApiProperty({ description: 'Services that reached the stage with the system (they had not reached it yet).' })
  carriedServiceCount: number;
  @ApiProperty({ type: [String], description: 'Their ids.' }) carriedServiceIds: string[];
}
