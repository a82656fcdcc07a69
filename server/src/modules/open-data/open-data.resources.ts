import { weekIdOf } from '../../common/dates/week.js';
import { AGENCY_BRANCHES, AGENCY_KINDS } from '../agencies/agency.entity.js';
import { AGENCY_PROGRESS_KINDS } from '../agencies/agency-progress-event.entity.js';
import { RECORD_SOURCES, SERVICE_AUDIENCES, SERVICE_STAGES } from '../catalogue/stages.js';
import { ROUND_STATUSES } from '../evaluations/evaluation-round.entity.js';
import { MILESTONE_RULES } from '../milestones/milestone-definition.entity.js';
import { permalinkOf } from '../reports/weekly-report.links.js';
import {
  AGENCIES_SQL,
  AGENCY_PROGRESS_EVENTS_SQL,
  AGENCY_RESPONSES_SQL,
  AGENCY_SYSTEMS_SQL,
  CRITERIA_SETS_SQL,
  CRITERIA_SQL,
  CRITERION_SCORES_SQL,
  EVALUATION_ROUNDS_SQL,
  MILESTONES_SQL,
  PROGRAMME_CYCLES_SQL,
  SCORES_SQL,
  SERVICE_STAGE_EVENTS_SQL,
  SERVICES_SQL,
  WEEKLY_REPORT_ENTRIES_SQL,
  WEEKLY_REPORTS_SQL,
} from './open-data.queries.js';

/**
 * The public tables of the open-data bundle, each one CSV and one resource of `datapackage.json`: its fields
 * (Table Schema types), keys and the query that streams its rows. Published data only: final scores, public
 * weekly report revisions, published responses; never drafts, internal notes, users or evaluators.
 */

/** Table Schema v1 field types used here. */
export type FieldType = 'string' | 'integer' | 'number' | 'date' | 'datetime' | 'boolean';

/** A row as PostgreSQL gives it: text, numbers, booleans or null. */
export type SqlRow = Record<string, string | number | boolean | null>;

export interface OpenDataField {
  name: string;
  type: FieldType;
  description: string;
  /** Never empty. */
  required?: boolean;
  enum?: readonly string[];
  /** For a number: what it counts or measures (also said in the description). */
  unit?: string;
  /** The cell from the row (default: the column of the same name). */
  value?: (row: SqlRow) => string | number | boolean | null;
}

export interface OpenDataForeignKey {
  fields: string[];
  /** The resource referred to (`''`: this one). */
  resource: string;
  referenceFields: string[];
}

export interface OpenDataResource {
  /** The resource's name and its file, `data/<name>.csv`. */
  name: string;
  title: string;
  description: string;
  fields: OpenDataField[];
  primaryKey: string[];
  foreignKeys?: OpenDataForeignKey[];
  /** Its rows, in a stable order; `$1` is the moment the bundle is as of (what the public can read then). */
  sql: string;
}

const DAY = 'A calendar day, ISO 8601 Gregorian (YYYY-MM-DD), in Tehran.';
const INSTANT = 'An instant, ISO 8601 in UTC (YYYY-MM-DDThh:mm:ssZ).';
const UUID = 'A UUID, stable across bundles.';

const id = (what: string): OpenDataField => ({
  name: 'id',
  type: 'string',
  required: true,
  description: `${what}. ${UUID}`,
});
const ref = (name: string, what: string, required = true): OpenDataField => ({
  name,
  type: 'string',
  required,
  description: `${what}${required ? '' : ' (empty when none)'}. ${UUID}`,
});
const text = (name: string, description: string, required = true): OpenDataField => ({
  name,
  type: 'string',
  required,
  description,
});
const day = (name: string, description: string, required = false): OpenDataField => ({
  name,
  type: 'date',
  required,
  description: `${description} ${DAY}`,
});
const instant = (name: string, description: string, required = false): OpenDataField => ({
  name,
  type: 'datetime',
  required,
  description: `${description} ${INSTANT}`,
});
const names = (what: string): OpenDataField[] => [
  text('name_fa', `${what}'s name in Persian.`),
  text('name_en', `${what}'s name in English.`),
];
const titles = (what: string): OpenDataField[] => [
  text('title_fa', `${what}'s title in Persian.`),
  text('title_en', `${what}'s title in English.`),
];
const stageDays: OpenDataField[] = [
  day('electronic_on', 'The day it went electronic (empty: not yet).'),
  day('single_window_on', "The day it entered the agency's single window (empty: not yet)."),
  day('national_window_on', 'The day it was connected to the national window (empty: not yet).'),
];
const agencyKey = (field = 'agency_id'): OpenDataForeignKey => ({
  fields: [field],
  resource: 'agencies',
  referenceFields: ['id'],
});
const self = (field: string): OpenDataForeignKey => ({ fields: [field], resource: '', referenceFields: ['id'] });

export const OPEN_DATA_RESOURCES: readonly OpenDataResource[] = [
  {
    name: 'agencies',
    title: 'Executive agencies',
    description:
      'Every executive agency (دستگاه اجرایی), main and subordinate, with the current record of its progress.',
    fields: [
      id('The agency'),
      text('code', "The agency's code."),
      ...names('The agency'),
      { name: 'kind', type: 'string', required: true, enum: AGENCY_KINDS, description: 'Its kind.' },
      { name: 'branch', type: 'string', required: true, enum: AGENCY_BRANCHES, description: 'Its branch of power.' },
      {
        name: 'is_main',
        type: 'boolean',
        required: true,
        description: 'One of the main agencies named by the ministry (true/false).',
      },
      ref('parent_id', 'The agency it is subordinate to', false),
      day('single_window_launched_on', 'The day its own single window (پنجره واحد) went live (empty: not yet).'),
      text('single_window_url', 'The address of its single window.', false),
      day(
        'national_window_connected_on',
        'The day its single window was connected to the national window (empty: not yet).',
      ),
    ],
    primaryKey: ['id'],
    foreignKeys: [self('parent_id')],
    sql: AGENCIES_SQL,
  },
  {
    name: 'agency-systems',
    title: "Agencies' systems",
    description: 'The platforms (سامانه) that carry services; connecting a system connects its services.',
    fields: [
      id('The system'),
      ref('agency_id', 'Its agency'),
      text('code', "The system's code."),
      ...names('The system'),
      ...stageDays,
      {
        name: 'stage',
        type: 'string',
        required: true,
        enum: SERVICE_STAGES,
        description: 'Its stage now, from its days.',
      },
    ],
    primaryKey: ['id'],
    foreignKeys: [agencyKey()],
    sql: AGENCY_SYSTEMS_SQL,
  },
  {
    name: 'services',
    title: 'E-services',
    description:
      'Every identified e-service of every agency, with the days it reached each stage (withdrawn ones too).',
    fields: [
      id('The service'),
      ref('agency_id', 'Its agency'),
      ref('system_id', 'The system that carries it', false),
      text('code', "The service's code."),
      ...names('The service'),
      { name: 'audience', type: 'string', required: true, enum: SERVICE_AUDIENCES, description: 'Whom it serves.' },
      {
        name: 'stage',
        type: 'string',
        required: true,
        enum: SERVICE_STAGES,
        description: 'Its stage now, from its days.',
      },
      day('identified_on', 'The day it entered the inventory.', true),
      ...stageDays,
      day('withdrawn_on', 'The day it was withdrawn from the inventory (it still counts in its baseline; empty: not).'),
      text('withdrawal_reason', 'Why it was withdrawn.', false),
    ],
    primaryKey: ['id'],
    foreignKeys: [agencyKey(), { fields: ['system_id'], resource: 'agency-systems', referenceFields: ['id'] }],
    sql: SERVICES_SQL,
  },
  {
    name: 'service-stage-history',
    title: 'Service stage history',
    description:
      'The append-only ledger of the stages services reached, dated when they happened. A correction is a new row ' +
      'that supersedes an earlier one (`supersedes_id`); the rows no other row supersedes are the current belief.',
    fields: [
      id('The record'),
      ref('service_id', 'The service'),
      { name: 'stage', type: 'string', required: true, enum: SERVICE_STAGES, description: 'The stage reached.' },
      day('reached_on', 'The day it was reached.', true),
      ref('supersedes_id', 'The record this one corrects', false),
      { name: 'source', type: 'string', required: true, enum: RECORD_SOURCES, description: 'How it was recorded.' },
      instant('recorded_at', 'When it was recorded.', true),
    ],
    primaryKey: ['id'],
    foreignKeys: [{ fields: ['service_id'], resource: 'services', referenceFields: ['id'] }, self('supersedes_id')],
    sql: SERVICE_STAGE_EVENTS_SQL,
  },
  {
    name: 'programme-cycles',
    title: 'Programme cycles',
    description: 'The programmes the milestones belong to, e.g. the budget law of 1401.',
    fields: [
      id('The cycle'),
      text('code', "The cycle's code."),
      ...titles('The cycle'),
      day('starts_on', 'Its first day.', true),
      day('ends_on', 'Its last day.', true),
      day('baseline_on', 'The day whose inventory of identified services is the baseline of share milestones.', true),
    ],
    primaryKey: ['id'],
    sql: PROGRAMME_CYCLES_SQL,
  },
  {
    name: 'milestones',
    title: 'Milestones',
    description:
      "Each cycle's milestones and their due days; an agency is at risk within `at_risk_days` of a due day it has not met, and overdue from the day after it.",
    fields: [
      id('The milestone'),
      ref('cycle_id', 'Its cycle'),
      text('code', "The milestone's code."),
      ...titles('The milestone'),
      { name: 'rule', type: 'string', required: true, enum: MILESTONE_RULES, description: 'What meeting it means.' },
      {
        name: 'share_numerator',
        type: 'integer',
        description: 'For a share rule: the numerator of the share of baseline services (e.g. 1 of 1/3).',
        unit: 'ratio part',
      },
      {
        name: 'share_denominator',
        type: 'integer',
        description: 'For a share rule: the denominator (e.g. 3 of 1/3).',
        unit: 'ratio part',
      },
      day('due_on', 'The due day.', true),
      {
        name: 'at_risk_days',
        type: 'integer',
        required: true,
        description: 'Days before the due day from which an agency that has not met it is at risk.',
        unit: 'days',
      },
      { name: 'sort_order', type: 'integer', required: true, description: 'Its place in the list of the cycle.' },
    ],
    primaryKey: ['id'],
    foreignKeys: [{ fields: ['cycle_id'], resource: 'programme-cycles', referenceFields: ['id'] }],
    sql: MILESTONES_SQL,
  },
  {
    name: 'agency-progress-events',
    title: 'Agency progress history',
    description:
      "The append-only ledger of agencies' single windows launched and connected, dated when it happened; a " +
      'correction supersedes an earlier row (`supersedes_id`).',
    fields: [
      id('The record'),
      ref('agency_id', 'The agency'),
      { name: 'kind', type: 'string', required: true, enum: AGENCY_PROGRESS_KINDS, description: 'What happened.' },
      day('occurred_on', 'The day it happened.', true),
      text('url', 'The address involved (e.g. of the single window).', false),
      ref('supersedes_id', 'The record this one corrects', false),
      { name: 'source', type: 'string', required: true, enum: RECORD_SOURCES, description: 'How it was recorded.' },
      instant('recorded_at', 'When it was recorded.', true),
    ],
    primaryKey: ['id'],
    foreignKeys: [agencyKey(), self('supersedes_id')],
    sql: AGENCY_PROGRESS_EVENTS_SQL,
  },
  {
    name: 'criteria-sets',
    title: 'Criteria sets',
    description: 'The sets of criteria evaluation rounds score against.',
    fields: [id('The set'), text('code', "The set's code."), ...titles('The set')],
    primaryKey: ['id'],
    sql: CRITERIA_SETS_SQL,
  },
  {
    name: 'criteria',
    title: 'Criteria',
    description: 'The quality criteria and their weights; the weights of one set add up to 100.',
    fields: [
      id('The criterion'),
      ref('criteria_set_id', 'Its set'),
      text('code', "The criterion's code."),
      ...titles('The criterion'),
      {
        name: 'weight',
        type: 'number',
        required: true,
        description: 'Its weight, in percent of the total (an exact decimal, two places).',
        unit: 'percent',
      },
      { name: 'sort_order', type: 'integer', required: true, description: 'Its place in the set.' },
    ],
    primaryKey: ['id'],
    foreignKeys: [{ fields: ['criteria_set_id'], resource: 'criteria-sets', referenceFields: ['id'] }],
    sql: CRITERIA_SQL,
  },
  {
    name: 'evaluation-rounds',
    title: 'Evaluation rounds',
    description: 'The rounds in which agencies are scored.',
    fields: [
      id('The round'),
      text('code', "The round's code."),
      ...titles('The round'),
      ref('cycle_id', 'The programme cycle it belongs to', false),
      ref('criteria_set_id', 'The criteria it scores against'),
      day('starts_on', 'Its first day.', true),
      day('ends_on', 'Its last day.', true),
      { name: 'status', type: 'string', required: true, enum: ROUND_STATUSES, description: 'Open or closed.' },
    ],
    primaryKey: ['id'],
    foreignKeys: [
      { fields: ['cycle_id'], resource: 'programme-cycles', referenceFields: ['id'] },
      { fields: ['criteria_set_id'], resource: 'criteria-sets', referenceFields: ['id'] },
    ],
    sql: EVALUATION_ROUNDS_SQL,
  },
  {
    name: 'scores',
    title: 'Final quality scores',
    description:
      "Published (final) quality scores of agencies; the rankings use each agency's latest. Drafts and scores " +
      'under review are not published.',
    fields: [
      id('The score'),
      ref('round_id', 'Its round'),
      ref('agency_id', 'The agency scored'),
      {
        name: 'total',
        type: 'number',
        required: true,
        description: 'The total score out of 100: an exact decimal with two places (26.07).',
        unit: 'points of 100',
      },
      instant('finalised_at', 'When it became final (and public).', true),
      {
        name: 'is_correction',
        type: 'boolean',
        required: true,
        description: 'A correction of a closed round’s score, made with a written reason (true/false).',
      },
      text('correction_reason', 'Why it was corrected.', false),
    ],
    primaryKey: ['id'],
    foreignKeys: [{ fields: ['round_id'], resource: 'evaluation-rounds', referenceFields: ['id'] }, agencyKey()],
    sql: SCORES_SQL,
  },
  {
    name: 'criterion-scores',
    title: 'Final scores by criterion',
    description: "Each final score's value on each criterion.",
    fields: [
      ref('score_id', 'The score'),
      ref('criterion_id', 'The criterion'),
      {
        name: 'value',
        type: 'number',
        required: true,
        description: 'The value out of 100: an exact decimal with two places.',
        unit: 'points of 100',
      },
    ],
    primaryKey: ['score_id', 'criterion_id'],
    foreignKeys: [
      { fields: ['score_id'], resource: 'scores', referenceFields: ['id'] },
      { fields: ['criterion_id'], resource: 'criteria', referenceFields: ['id'] },
    ],
    sql: CRITERION_SCORES_SQL,
  },
  {
    name: 'weekly-reports',
    title: 'Weekly reports',
    description:
      'Every public revision of the weekly reports. A published revision never changes; a correction is the next ' +
      'revision. `permalink` gives its canonical JSON, whose SHA-256 is `digest`.',
    fields: [
      id('The revision'),
      {
        ...text('week', 'The week: the Jalali day of its Saturday, with dashes (1401-06-26).'),
        value: (row) => weekIdOf(String(row.week_starts_on)),
      },
      day('week_starts_on', 'Its Saturday.', true),
      day('week_ends_on', 'Its Friday; statuses are as of its end.', true),
      ref('cycle_id', 'The programme cycle'),
      {
        name: 'revision',
        type: 'integer',
        required: true,
        description: '1 as first published; each correction the next.',
      },
      ref('supersedes_id', 'The revision this one corrects', false),
      text('revision_reason', 'Why it corrects the previous revision.', false),
      text('digest', 'Hex SHA-256 of the canonical JSON (RFC 8785) of its content.'),
      instant('published_at', 'When it was published.', true),
      instant('public_from', 'From when the public could read it (the embargo’s end).', true),
      {
        name: 'permalink',
        type: 'string',
        required: true,
        description: 'Its permanent address on this server (a path): always the same bytes.',
        value: (row) => permalinkOf(weekIdOf(String(row.week_starts_on)), Number(row.revision)),
      },
    ],
    primaryKey: ['id'],
    foreignKeys: [
      { fields: ['cycle_id'], resource: 'programme-cycles', referenceFields: ['id'] },
      self('supersedes_id'),
    ],
    sql: WEEKLY_REPORTS_SQL,
  },
  {
    name: 'weekly-report-entries',
    title: 'Weekly report rows',
    description:
      'One row per agency per weekly report revision: its rank by score that week, movement since the week ' +
      'before, and the milestones on which it was listed overdue, at risk or met late.',
    fields: [
      ref('weekly_report_id', 'The revision'),
      ref('agency_id', 'The agency'),
      text('agency_code', "The agency's code, as in the report."),
      {
        name: 'position',
        type: 'integer',
        required: true,
        description: 'Its place in the report’s ranking (1 first).',
      },
      { name: 'rank', type: 'integer', description: 'Its rank by score (equal scores share a rank; empty: unscored).' },
      {
        name: 'score',
        type: 'number',
        description: 'Its latest final score out of 100, an exact decimal (empty: none).',
        unit: 'points of 100',
      },
      {
        name: 'progress',
        type: 'number',
        description: 'Its progress measure as in the report, an exact decimal (empty: none).',
        unit: 'percent',
      },
      { name: 'previous_rank', type: 'integer', description: 'Its rank the week before (empty: unranked then).' },
      {
        name: 'rank_change',
        type: 'integer',
        description: 'Places gained since the week before (positive: up; empty: either week unranked).',
        unit: 'places',
      },
      text('overdue_milestones', 'The codes of the milestones it was overdue on, comma-separated.', false),
      text('at_risk_milestones', 'The codes of the milestones it was at risk on, comma-separated.', false),
      text('met_late_milestones', 'The codes of the milestones it met late that week, comma-separated.', false),
    ],
    primaryKey: ['weekly_report_id', 'agency_id'],
    foreignKeys: [{ fields: ['weekly_report_id'], resource: 'weekly-reports', referenceFields: ['id'] }, agencyKey()],
    sql: WEEKLY_REPORT_ENTRIES_SQL,
  },
  {
    name: 'agency-responses',
    title: "Agencies' official responses",
    description:
      "Agencies' published official responses (جوابیه) to a weekly report, a score or what is said of the agency.",
    fields: [
      id('The response'),
      ref('agency_id', 'The agency'),
      ref('weekly_report_id', 'The weekly report revision it answers', false),
      ref('score_id', 'The score it answers', false),
      day('requested_on', 'The day the ministry asked for it (empty: it came unasked).'),
      day('received_on', 'The day it was received.', true),
      text('body_fa', 'Its text in Persian.'),
      text('body_en', 'Its text in English.', false),
      text('document_url', 'The address of the signed letter.', false),
      instant('published_at', 'When it was published.', true),
    ],
    primaryKey: ['id'],
    foreignKeys: [
      agencyKey(),
      { fields: ['weekly_report_id'], resource: 'weekly-reports', referenceFields: ['id'] },
      { fields: ['score_id'], resource: 'scores', referenceFields: ['id'] },
    ],
    sql: AGENCY_RESPONSES_SQL,
  },
];
