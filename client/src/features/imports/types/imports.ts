import type { components } from '../../../api/schema';

/** Spreadsheet imports, as the server's OpenAPI document describes them. */

type Schemas = components['schemas'];

export type ImportPreview = Schemas['ImportPreviewDto'];
export type ImportKind = ImportPreview['kind'];
export type ImportProblem = Schemas['ImportProblemDto'];
export type ImportRow = Schemas['ImportRowDto'];
export type ImportCommitResult = Schemas['ImportCommitDto'];
export type TemplateFormat = 'xlsx' | 'csv';
