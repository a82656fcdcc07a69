import type { components, operations } from '../../../api/schema';

/** Evaluation rounds, sessions and scores, as the server's OpenAPI document describes them. */

type Schemas = components['schemas'];

export type Criterion = Schemas['CriterionDto'];
export type Round = Schemas['RoundDto'];
export type RoundList = Schemas['RoundListDto'];
export type RoundStatus = Round['status'];

export type CreateSessionInput = Schemas['CreateSessionDto'];
export type CreateSessionResult = Schemas['CreateSessionResponseDto'];
export type Representative = Schemas['RepresentativeDto'];

export type Score = Schemas['ScoreDto'];
export type ScoreStatus = Score['status'];
export type ScoreList = Schemas['ScoreListDto'];
export type ScoreListParams = NonNullable<operations['listScores']['parameters']['query']>;
