import type { components, operations } from '../../../api/schema';

/** Scores, rounds and sessions as the server's OpenAPI document describes them. */

type Schemas = components['schemas'];

export type Score = Schemas['ScoreDto'];
export type ScoreStatus = Score['status'];
export type ScoreList = Schemas['ScoreListDto'];
export type ScoreListParams = NonNullable<operations['listScores']['parameters']['query']>;
export type UpdateScoreInput = Schemas['UpdateScoreDto'];

/** The workflow's steps: draft → submitted → reviewed (by someone else) → final. */
export type ScoreTransition = 'submit' | 'review' | 'finalise';

/** The statuses of the three queues and the step that moves a score out of each. */
export const QUEUE_STEPS = [
  { status: 'draft', step: 'submit' },
  { status: 'submitted', step: 'review' },
  { status: 'reviewed', step: 'finalise' },
] as const satisfies ReadonlyArray<{ status: ScoreStatus; step: ScoreTransition }>;

export type QueueStatus = (typeof QUEUE_STEPS)[number]['status'];

/** The lists of the queue page: the three queues, and the final scores (admins only, for corrections). */
export type ListStatus = QueueStatus | 'final';

export type Round = Schemas['RoundDto'];
export type RoundList = Schemas['RoundListDto'];
export type Criterion = Schemas['CriterionDto'];
export type CreateRoundInput = Schemas['CreateRoundDto'];
export type CriterionInput = Schemas['CriterionInputDto'];

export type Session = Schemas['SessionDto'];
export type SessionList = Schemas['SessionListDto'];
export type UpdateSessionInput = Schemas['UpdateSessionDto'];
export type Representative = Schemas['RepresentativeDto'];
