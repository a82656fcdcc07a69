import { ApiProperty } from '@nestjs/swagger';
import { RECORD_SOURCES, SERVICE_STAGES, type RecordSource, type ServiceStage } from '../../catalogue/stages.js';
import { AGENCY_PROGRESS_KINDS, type AgencyProgressKind } from '../../agencies/agency-progress-event.entity.js';

const DAY = { type: String, format: 'date', description: 'Calendar day (ISO, Asia/Tehran).' } as const;

export class RecordedByDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

/** One row of the agency's progress ledger. */
export class AgencyProgressEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: AGENCY_PROGRESS_KINDS }) kind: AgencyProgressKind;
  @ApiProperty(DAY) occurredOn: string;
  @ApiProperty({ type: String, nullable: true }) url: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The row this one corrects.' })
  supersedesId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The row that corrects this one.' })
  supersededById: string | null;
  @ApiProperty({ description: 'False when a later row corrects it.' }) isCurrent: boolean;
  @ApiProperty({ enum: RECORD_SOURCES }) source: RecordSource;
  @ApiProperty({ type: String, nullable: true, description: 'Null for the public.' }) note: string | null;
  @ApiProperty({ type: RecordedByDto, nullable: true, description: 'Null for the public and for seed rows.' })
  recordedBy: RecordedByDto | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

/** One row of a service's stage ledger. */
export class ServiceStageEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) serviceId: string;
  @ApiProperty() serviceCode: string;
  @ApiProperty() serviceNameFa: string;
  @ApiProperty() serviceNameEn: string;
  @ApiProperty({ enum: SERVICE_STAGES }) stage: ServiceStage;
  @ApiProperty(DAY) reachedOn: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) supersedesId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) supersededById: string | null;
  @ApiProperty() isCurrent: boolean;
  @ApiProperty({ enum: RECORD_SOURCES }) source: RecordSource;
  @ApiProperty({ type: String, nullable: true, description: 'Null for the public.' }) note: string | null;
  @ApiProperty({ type: RecordedByDto, nullable: true, description: 'Null for the public and for seed rows.' })
  recordedBy: RecordedByDto | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

/** An agency's current progress (with its `version` for the next write) and its ledger, newest first. */
export class AgencyProgressDto {
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() code: string;
  @ApiProperty() nameFa: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ ...DAY, nullable: true }) singleWindowLaunchedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) singleWindowUrl: string | null;
  @ApiProperty({ ...DAY, nullable: true }) nationalWindowConnectedOn: string | null;
  @ApiProperty({ description: 'Send it back with the next write (optimistic locking).' }) version: number;
  @ApiProperty({ type: [AgencyProgressEventDto], description: 'All of them, newest recorded first.' })
  events: AgencyProgressEventDto[];
  @ApiProperty({
    type: [ServiceStageEventDto],
    description: "The newest `serviceEventLimit` rows of its services' ledgers.",
  })
  serviceEvents: ServiceStageEventDto[];
  @ApiProperty({ description: "How many rows its services' ledgers hold in all." }) serviceEventTotal: number;
}

/** The current values returned in `details.current` of a 409. */
export class AgencyProgressCurrentDto {
  @ApiProperty({ ...DAY, nullable: true }) singleWindowLaunchedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) singleWindowUrl: string | null;
  @ApiProperty({ ...DAY, nullable: true }) nationalWindowConnectedOn: string | null;
  @ApiProperty() version: number;
}
