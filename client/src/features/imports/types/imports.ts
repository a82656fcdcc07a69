import type { components } from '../../../api/schema';

/** Spreadsheet imports, as the server's OpenAPI document describes them. */

type Schemas = components['schemas'];

/** A column of the file: the header as written, what it was read as and its title as the template names it. */
export type ImportColumn = Schemas['ImportColumnDto'];
export type ImportProblem = Schemas['ImportProblemDto'];
export type ImportPreview = Schemas['ImportPreviewDto'];
export type ImportKind = ImportPreview['kind'];
export type ImportRow = Schemas['ImportRowDto'];
export type ImportCommitResult = Schemas['ImportCommitDto'];
export type TemplateFormat = 'xlsx' | 'csv';
