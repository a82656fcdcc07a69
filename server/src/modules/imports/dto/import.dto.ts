import { ApiProperty } from '@nestjs/swagger';
import { AGENCY_PROGRESS_KINDS, type AgencyProgressKind } from '../../agencies/agency-progress-event.entity.js';
import { ImportProblemCode } from '../import-problems.js';
import { IMPORT_KINDS, type ImportKind, type RowAction } from '../import-types.js';

export class ImportProblemDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "The spreadsheet's row number (1-based, header row included); null for the whole file.",
  })
  row: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The header as written in the file (or the expected header when missing); null for a whole row.',
  })
  column: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "The column's title in Persian, as the template names it (a criterion's title for a criterion column); " +
      'null for a whole row or an unknown column. The messages name the column by it.',
  })
  columnFa: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The column's title in English; see `columnFa`." })
  columnEn: string | null;
  @ApiProperty({ enum: ImportProblemCode, enumName: 'ImportProblemCode' }) code: ImportProblemCode;
  @ApiProperty() fa: string;
  @ApiProperty() en: string;
}

export class ImportRowDto {
  @ApiProperty({ description: "The spreadsheet's row number." }) row: number;
  @ApiProperty({ enum: ['valid', 'invalid'] }) status: 'valid' | 'invalid';
  @ApiProperty({
    type: String,
    enum: ['create', 'update', 'unchanged'],
    nullable: true,
    description: 'What the commit does with the row (unchanged: already recorded so, skipped); null when invalid.',
  })
  action: RowAction | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'The cells by header, normalised.',
  })
  cells: Record<string, string>;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) agencyId: string | null;
  @ApiProperty({ type: String, nullable: true }) agencyCode: string | null;
  @ApiProperty({ type: String, nullable: true }) agencyNameFa: string | null;
  @ApiProperty({ type: String, nullable: true }) agencyNameEn: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'scores' }) roundCode: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'scores: ISO day' }) heldOn: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    nullable: true,
    description: 'scores: by criterion code; canonical "26.07" when valid, else as typed',
  })
  scores: Record<string, string> | null;
  @ApiProperty({ type: String, nullable: true, description: 'scores: the weighted total, exact, e.g. "26.07"' })
  total: string | null;
  @ApiProperty({ type: String, enum: AGENCY_PROGRESS_KINDS, nullable: true, description: 'progress' })
  event: AgencyProgressKind | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'progress: ISO day' }) date: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'progress' }) url: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'progress' }) note: string | null;
}

export class ImportColumnDto {
  @ApiProperty({ description: 'The header as written in the file (a blank header: its column letter).' })
  header: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "What the column was read as: a fixed column's name (`round_code`, `agency`, `held_on`; `agency`, `event`, " +
      "`date`, `url`, `note`) or a criterion's code (the key of the rows' `scores`); null for an unknown column.",
  })
  key: string | null;
  @ApiProperty({ type: String, nullable: true, description: "Its title in Persian, as in the template's guide." })
  fa: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Its title in English.' })
  en: string | null;
}

export class ImportActionCountsDto {
  @ApiProperty() create: number;
  @ApiProperty() update: number;
  @ApiProperty() unchanged: number;
}

export class ImportPreviewDto {
  @ApiProperty({ enum: IMPORT_KINDS }) kind: ImportKind;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: ['xlsx', 'csv'] }) format: 'xlsx' | 'csv';
  @ApiProperty({ type: [String], description: 'The headers as written in the file.' }) columns: string[];
  @ApiProperty({
    type: [ImportColumnDto],
    description: 'The same columns, each with what it was read as and its title.',
  })
  columnDetails: ImportColumnDto[];
  @ApiProperty({ description: 'Data rows (non-empty rows below the header).' }) rowCount: number;
  @ApiProperty() validRowCount: number;
  @ApiProperty({ description: 'All problems; `problems` holds the first 1000.' }) problemCount: number;
  @ApiProperty({ type: [ImportProblemDto], description: 'Ordered by row; any problem blocks the commit.' })
  problems: ImportProblemDto[];
  @ApiProperty({ type: ImportActionCountsDto, description: 'What a commit would do, by valid row.' })
  actions: ImportActionCountsDto;
  @ApiProperty({ type: [ImportRowDto], description: 'The first 200 rows.' }) rows: ImportRowDto[];
}

export class ImportCommitDto {
  @ApiProperty({ enum: IMPORT_KINDS }) kind: ImportKind;
  @ApiProperty({ format: 'uuid', description: 'The id of the `import` audit record (entity_id).' }) importId: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: ['xlsx', 'csv'] }) format: 'xlsx' | 'csv';
  @ApiProperty() rowCount: number;
  @ApiProperty({ description: 'Rows that were written.' }) committedRows: number;
  @ApiProperty({ description: 'Rows already recorded exactly so (progress), skipped.' }) unchangedRows: number;
  @ApiProperty({ description: 'scores' }) createdSessions: number;
  @ApiProperty({ description: 'scores: an existing session of the same round, agency and day was used.' })
  reusedSessions: number;
  @ApiProperty({ description: 'scores: new draft scores' }) createdScores: number;
  @ApiProperty({ description: 'scores: existing draft scores updated' }) updatedScores: number;
  @ApiProperty({ description: 'progress: ledger rows appended' }) recordedEvents: number;
  @ApiProperty({ description: 'progress' }) updatedAgencies: number;
}

export class ImportFileDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: '.xlsx, or .csv in UTF-8 (with or without BOM); at most 20 MB.',
  })
  file: unknown;
}
