import { AgencyProgressEvent } from '../modules/agencies/agency-progress-event.entity.js';
import { Agency } from '../modules/agencies/agency.entity.js';
import { AuditRecord } from '../modules/audit/audit-record.entity.js';
import { AgencySystem } from '../modules/catalogue/agency-system.entity.js';
import { EService } from '../modules/catalogue/e-service.entity.js';
import { ServiceStageEvent } from '../modules/catalogue/service-stage-event.entity.js';
import { CriteriaSet } from '../modules/evaluations/criteria-set.entity.js';
import { CriterionScore } from '../modules/evaluations/criterion-score.entity.js';
import { Criterion } from '../modules/evaluations/criterion.entity.js';
import { EvaluationRound } from '../modules/evaluations/evaluation-round.entity.js';
import { EvaluationSessionEvaluator } from '../modules/evaluations/evaluation-session-evaluator.entity.js';
import { EvaluationSession } from '../modules/evaluations/evaluation-session.entity.js';
import { Score } from '../modules/evaluations/score.entity.js';
import { MilestoneDefinition } from '../modules/milestones/milestone-definition.entity.js';
import { ProgrammeCycle } from '../modules/milestones/programme-cycle.entity.js';
import { AgencyResponse } from '../modules/responses/agency-response.entity.js';
import { WeeklyReport } from '../modules/reports/weekly-report.entity.js';
import { DatasetInfo } from '../modules/meta/dataset-info.entity.js';
import { AppUser } from '../modules/users/app-user.entity.js';
import { UserSession } from '../modules/auth/user-session.entity.js';

/** Every entity, listed once, for the app, the CLI and the tests. */
export const ENTITIES = [
  Agency,
  AgencyProgressEvent,
  AgencySystem,
  EService,
  ServiceStageEvent,
  ProgrammeCycle,
  MilestoneDefinition,
  CriteriaSet,
  Criterion,
  EvaluationRound,
  EvaluationSession,
  EvaluationSessionEvaluator,
  Score,
  CriterionScore,
  WeeklyReport,
  AgencyResponse,
  AppUser,
  AuditRecord,
  DatasetInfo,
  UserSession,
];
