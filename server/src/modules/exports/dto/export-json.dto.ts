import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { LocalizedTextDto } from '../../../common/errors/error-response.dto.js';

/**
 * The documented shape of the JSON form of each export: `{about, columns, rows}`. A row's keys are the columns'
 * `key`s; days are ISO (`*_on`) beside their Jalali text (`*_on_jalali`); decimals are exact text ("26.07").
 */

type Schema = SchemaObject;

const DAY: Schema = { type: 'string', format: 'date', nullable: true, description: 'ISO calendar day.' };
const JALALI: Schema = { type: 'string', nullable: true, example: '1401/05/31', description: 'The same day, Jalali.' };
const DECIMAL: Schema = { type: 'string', nullable: true, example: '26.07', description: 'Exact decimal.' };
const INT: Schema = { type: 'integer', nullable: true };
const TEXT: Schema = { type: 'string', nullable: true };
const STRING: Schema = { type: 'string' };
const LABEL: Schema = { type: 'string', description: 'A label in the language asked for.' };

/** A day's two columns: `<key>` (ISO) and `<key>_jalali`. */
function day(key: string, nullable = true): Record<string, Schema> {
  return { [key]: { ...DAY, nullable }, [`${key}_jalali`]: { ...JALALI, nullable } };
}

/** The schema of a row: every column's key is present (null when there is no value). */
function rowSchema(properties: Record<string, Schema>, additionalProperties: Schema | boolean = false): Schema {
  return { type: 'object', required: Object.keys(properties), properties, additionalProperties };
}

const RESPONSE_COLUMNS: Record<string, Schema> = {
  ...day('latest_response_on'),
  latest_response: { ...TEXT, description: 'The newest published official response (جوابیه), Persian text.' },
};

const AGENCY_COLUMNS: Record<string, Schema> = {
  agency_code: STRING,
  name_fa: STRING,
  name_en: STRING,
};

const RANKING_ROW = rowSchema({
  rank: INT,
  ...AGENCY_COLUMNS,
  kind: LABEL,
  branch: LABEL,
  score: DECIMAL,
  progress: DECIMAL,
  previous_rank: INT,
  rank_change: INT,
  overdue_milestones: { ...TEXT, description: 'Codes of the overdue milestones, comma separated.' },
  at_risk_milestones: { ...TEXT, description: 'Codes of the milestones at risk, comma separated.' },
  ...RESPONSE_COLUMNS,
});

const AGENCY_ROW = rowSchema(
  {
    ...AGENCY_COLUMNS,
    kind: LABEL,
    branch: LABEL,
    is_main: { type: 'boolean' },
    ...day('single_window_launched_on'),
    ...day('national_window_connected_on'),
    services_baseline: { type: 'integer' },
    services_identified: { type: 'integer' },
    services_in_single_window: { type: 'integer' },
    services_connected: { type: 'integer' },
    score: DECIMAL,
    progress: DECIMAL,
    ...RESPONSE_COLUMNS,
  },
  // milestone_<code>_status (a label), milestone_<code>_met_on (ISO or null), milestone_<code>_met_on_jalali.
  TEXT,
);

const SERVICE_COLUMNS: Record<string, Schema> = {
  service_code: STRING,
  name_fa: STRING,
  name_en: STRING,
  audience: LABEL,
  system_code: TEXT,
  system_name: TEXT,
  stage: LABEL,
  ...day('identified_on', false),
  ...day('electronic_on'),
  ...day('single_window_on'),
  ...day('national_window_on'),
  ...day('withdrawn_on'),
  withdrawal_reason: TEXT,
};

const SERVICE_ROW = rowSchema(SERVICE_COLUMNS);

/** A service of the national export: its agency first. */
const NATIONAL_SERVICE_ROW = rowSchema({
  agency_code: STRING,
  agency_name: { ...STRING, description: "The agency's name in the language asked for." },
  ...SERVICE_COLUMNS,
});

const WEEKLY_ROW = rowSchema({
  rank: INT,
  ...AGENCY_COLUMNS,
  score: DECIMAL,
  progress: DECIMAL,
  previous_rank: INT,
  rank_change: INT,
  overdue_milestones: TEXT,
  at_risk_milestones: TEXT,
  met_late_milestones: { ...TEXT, description: 'Milestones met late during the week.' },
});

export class ExportAsOfDto {
  @ApiProperty({ format: 'date', example: '2022-08-22' }) iso: string;
  @ApiProperty({ example: '1401/05/31' }) jalali: string;
}

export class ExportAgencyDto {
  @ApiProperty() code: string;
  @ApiProperty() nameFa: string;
  @ApiProperty() nameEn: string;
}

export class ExportSourceDto {
  @ApiProperty({ example: '1401-06-26', description: "The week's id: the Jalali day of its Saturday." }) week: string;
  @ApiProperty() revision: number;
  @ApiProperty({ example: '/api/v1/weekly-reports/1401-06-26/revisions/1' }) permalink: string;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: "SHA-256 of the revision's canonical JSON." }) digest: string;
}

export class ExportLicenceDto {
  @ApiProperty({ example: 'CC BY 4.0' }) name: string;
  @ApiProperty({ example: 'https://creativecommons.org/licenses/by/4.0/' }) url: string;
}

export class ExportAboutDto {
  @ApiProperty({ type: LocalizedTextDto, description: 'The data set in this file.' }) dataset: LocalizedTextDto;
  @ApiProperty({ type: ExportAsOfDto, description: 'The day the figures are for.' }) asOf: ExportAsOfDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description: 'The filters and sort of the request, normalised (days ISO), without `format` and `lang`.',
    example: { by: 'score', sort: 'rank', scope: 'main', asOf: '2022-08-22' },
  })
  filters: Record<string, string | number | boolean>;
  @ApiPropertyOptional({ type: ExportAgencyDto, description: "The agency (an agency's services)." })
  agency?: ExportAgencyDto;
  @ApiProperty({ type: ExportSourceDto, nullable: true, description: 'The weekly report the rows come from.' })
  source: ExportSourceDto | null;
  @ApiProperty({ type: ExportLicenceDto }) licence: ExportLicenceDto;
  @ApiProperty({ description: 'True when the database holds demonstration data.' }) demo: boolean;
  @ApiPropertyOptional({ type: LocalizedTextDto, description: 'What the demonstration data are (when `demo`).' })
  notice?: LocalizedTextDto;
  @ApiProperty({ example: '/api/v1/rankings/export?format=json&by=score', description: 'The address of this file.' })
  apiUrl: string;
}

export class ExportColumnDto {
  @ApiProperty({ example: 'score', description: "The row's property." }) key: string;
  @ApiProperty({ example: 'امتیاز کیفیت', description: 'The header, in the language asked for.' }) title: string;
  @ApiProperty({ enum: ['text', 'number', 'decimal', 'date', 'boolean'] }) type: string;
}

export class RankingsExportDto {
  @ApiProperty({ type: ExportAboutDto }) about: ExportAboutDto;
  @ApiProperty({ type: [ExportColumnDto] }) columns: ExportColumnDto[];
  @ApiProperty({ type: 'array', items: RANKING_ROW }) rows: Array<Record<string, unknown>>;
}

export class AgenciesExportDto {
  @ApiProperty({ type: ExportAboutDto }) about: ExportAboutDto;
  @ApiProperty({ type: [ExportColumnDto] }) columns: ExportColumnDto[];
  @ApiProperty({
    type: 'array',
    items: AGENCY_ROW,
    description:
      'Also, for each milestone of the cycle in force: `milestone_<code>_status` (label), `milestone_<code>_met_on` (ISO day or null) and `milestone_<code>_met_on_jalali`.',
  })
  rows: Array<Record<string, unknown>>;
}

export class AgencyServicesExportDto {
  @ApiProperty({ type: ExportAboutDto }) about: ExportAboutDto;
  @ApiProperty({ type: [ExportColumnDto] }) columns: ExportColumnDto[];
  @ApiProperty({ type: 'array', items: SERVICE_ROW }) rows: Array<Record<string, unknown>>;
}

export class ServicesExportDto {
  @ApiProperty({ type: ExportAboutDto }) about: ExportAboutDto;
  @ApiProperty({ type: [ExportColumnDto] }) columns: ExportColumnDto[];
  @ApiProperty({ type: 'array', items: NATIONAL_SERVICE_ROW }) rows: Array<Record<string, unknown>>;
}

export class WeeklyReportExportDto {
  @ApiProperty({ type: ExportAboutDto }) about: ExportAboutDto;
  @ApiProperty({ type: [ExportColumnDto] }) columns: ExportColumnDto[];
  @ApiProperty({ type: 'array', items: WEEKLY_ROW }) rows: Array<Record<string, unknown>>;
}
