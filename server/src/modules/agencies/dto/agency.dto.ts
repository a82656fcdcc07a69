import { ApiProperty } from '@nestjs/swagger';
import { SERVICE_STAGES, type ServiceStage } from '../../catalogue/stages.js';
import { AGENCY_BRANCHES, AGENCY_KINDS, type AgencyBranch, type AgencyKind } from '../agency.entity.js';

export class AgencyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() nameFa: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ enum: AGENCY_KINDS }) kind: AgencyKind;
  @ApiProperty({ enum: AGENCY_BRANCHES }) branch: AgencyBranch;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty({ description: 'One of the 170 main agencies.' }) isMain: boolean;
  @ApiProperty() serviceCount: number;
  @ApiProperty({ description: 'Services connected to the national window.' }) connectedServiceCount: number;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Calendar day (Asia/Tehran).' })
  singleWindowLaunchedOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Calendar day (Asia/Tehran).' })
  nationalWindowConnectedOn: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '26.07',
    description: 'Latest final quality score out of 100, exact decimal.',
  })
  latestScore: string | null;
}

export class AgencyListDto {
  @ApiProperty({ type: [AgencyDto] }) items: AgencyDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class AgencyRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() nameFa: string;
  @ApiProperty() nameEn: string;
}

export class StageCountsDto {
  @ApiProperty() not_electronic: number;
  @ApiProperty() electronic: number;
  @ApiProperty() single_window: number;
  @ApiProperty() national_window: number;
}

export class AgencySystemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() nameFa: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ enum: SERVICE_STAGES }) stage: ServiceStage;
  @ApiProperty() serviceCount: number;
}

export class AgencyDetailDto extends AgencyDto {
  @ApiProperty({ type: AgencyRefDto, nullable: true }) parent: AgencyRefDto | null;
  @ApiProperty({ type: [AgencyRefDto] }) children: AgencyRefDto[];
  @ApiProperty({ type: StageCountsDto }) stageCounts: StageCountsDto;
  @ApiProperty({ type: [AgencySystemDto] }) systems: AgencySystemDto[];
}
