import type { components } from '../../api/schema';

/** The right-of-reply API's shapes, from the server's OpenAPI document (`npm run api:types`). */
type Schemas = components['schemas'];

export type ResponseSubject = Schemas['PublicResponseDto']['subject'];
export type ResponseStatus = Schemas['AgencyResponseDto']['status'];
export type ResponseAgency = Schemas['ResponseAgencyDto'];
export type ResponseReport = Schemas['ResponseReportDto'];
export type ResponseScore = Schemas['ResponseScoreDto'];
/** What the public sees: a published reply, or an open request ("no response yet"). */
export type PublicResponse = Schemas['PublicResponseDto'];
export type PublicResponseList = Schemas['PublicResponseListDto'];
export type WeekResponses = Schemas['WeekResponsesDto'];
export type ResponseUser = Schemas['ResponseUserDto'];
/** The staff view of a reply or request, in any state. */
export type AgencyResponse = Schemas['AgencyResponseDto'];
export type AgencyResponseList = Schemas['AgencyResponseListDto'];
export type RequestResponseInput = Schemas['RequestResponseDto'];
export type RecordResponseInput = Schemas['RecordResponseDto'];
export type UpdateResponseInput = Schemas['UpdateResponseDto'];
