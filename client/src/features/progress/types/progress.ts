import type { components, operations } from '../../../api/schema';

/** Agency progress, services and systems, as the server's OpenAPI document describes them. */

type Schemas = components['schemas'];

export type AgencyProgress = Schemas['AgencyProgressDto'];
export type ProgressLedgerEntry = Schemas['AgencyProgressEventDto'];
export type ProgressKind = ProgressLedgerEntry['kind'];
export type RecordProgressInput = Schemas['RecordAgencyProgressDto'];

export type AgencyService = Schemas['ServiceDto'];
export type ServiceStage = AgencyService['stage'];
export type ServiceList = Schemas['ServiceListDto'];
export type ServiceListParams = Omit<NonNullable<operations['listAgencyServices']['parameters']['query']>, 'systemId'>;

export type AgencySystem = Schemas['SystemDto'];
export type SystemList = Schemas['SystemListDto'];

export type StageUpdateInput = Schemas['RecordStageDto'];
/** The stages a service or system can be recorded as having reached. */
export type ReachableStage = StageUpdateInput['stage'];
