import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/auth-user.js';
import { Transactions } from '../../common/db/transactions.js';
import { AuditService } from '../audit/audit.service.js';
import { ScoresService } from '../evaluations/scores.service.js';
import { SessionsService } from '../evaluations/sessions.service.js';
import { ProgressService } from '../progress/progress.service.js';
import type { ImportCommitDto, ImportPreviewDto } from './dto/import.dto.js';
import type { ImportProblem } from './import-problems.js';
import type { ImportKind, ParsedRow, ValidatedImport } from './import-types.js';
import { ImportConcurrentChangeException, ImportHasProblemsException } from './imports.exception.js';
import { commitProgress, validateProgress, type ProgressPlanAgency } from './progress-import.js';
import { commitScores, validateScores, type ScorePlanRow } from './score-import.js';
import { readSpreadsheet, type Sheet } from '../../common/spreadsheet/read-spreadsheet.js';
import { buildTemplate, type TemplateFile } from './templates.js';
import type { SpreadsheetFormat } from '../../common/spreadsheet/read-spreadsheet.js';

export interface Upload {
  fileName: string;
  buffer: Buffer;
}

const MAX_PROBLEMS = 1000;
const MAX_ROWS_SHOWN = 200;

type Checked =
  | { kind: 'scores'; result: ValidatedImport<ScorePlanRow[]> }
  | { kind: 'progress'; result: ValidatedImport<ProgressPlanAgency[]> };

function byRow(a: ImportProblem, b: ImportProblem): number {
  return (a.row ?? 0) - (b.row ?? 0);
}

/**
 * Spreadsheet imports. A preview reads and checks every row and writes nothing; a commit reads and checks the
 * same file again, inside the transaction and with the rows it will change locked, and writes either all of it
 * or (on any problem) nothing.
 */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly scores: ScoresService,
    private readonly sessions: SessionsService,
    private readonly progress: ProgressService,
  ) {}

  template(kind: ImportKind, format: SpreadsheetFormat, roundCode: string | undefined): Promise<TemplateFile> {
    return buildTemplate(this.dataSource.manager, kind, format, roundCode);
  }

  async preview(kind: ImportKind, upload: Upload): Promise<ImportPreviewDto> {
    const sheet = await readSpreadsheet(upload.fileName, upload.buffer);
    const checked = await this.check(this.dataSource.manager, kind, sheet, false);
    const { result } = checked;
    const problems = [...result.problems].sort(byRow);
    const valid = result.rows.filter((r) => r.status === 'valid');
    const count = (action: ParsedRow['action']) => valid.filter((r) => r.action === action).length;
    return {
      kind,
      fileName: upload.fileName,
      format: result.format,
      columns: result.columns,
      columnDetails: result.columnDetails,
      rowCount: result.rows.length,
      validRowCount: valid.length,
      problemCount: problems.length,
      problems: problems.slice(0, MAX_PROBLEMS),
      actions: { create: count('create'), update: count('update'), unchanged: count('unchanged') },
      rows: result.rows.slice(0, MAX_ROWS_SHOWN),
    };
  }

  async commit(kind: ImportKind, upload: Upload, actor: Actor): Promise<ImportCommitDto> {
    const sheet = await readSpreadsheet(upload.fileName, upload.buffer);
    const importId = randomUUID();
    const context = { importId, fileName: upload.fileName };
    return this.transactions.run(
      async (manager) => {
        const checked = await this.check(manager, kind, sheet, true);
        const { result } = checked;
        if (result.problems.length > 0) {
          const problems = [...result.problems].sort(byRow);
          throw new ImportHasProblemsException({
            rowCount: result.rows.length,
            validRowCount: result.rows.filter((r) => r.status === 'valid').length,
            problemCount: problems.length,
            problems: problems.slice(0, MAX_PROBLEMS),
          });
        }
        const unchangedRows = result.rows.filter((r) => r.action === 'unchanged').length;
        const response: ImportCommitDto = {
          kind,
          importId,
          fileName: upload.fileName,
          format: result.format,
          rowCount: result.rows.length,
          committedRows: result.rows.length - unchangedRows,
          unchangedRows,
          createdSessions: 0,
          reusedSessions: 0,
          createdScores: 0,
          updatedScores: 0,
          recordedEvents: 0,
          updatedAgencies: 0,
        };
        if (checked.kind === 'scores') {
          const writers = { scores: this.scores, sessions: this.sessions };
          Object.assign(response, await commitScores(manager, checked.result.plan, actor, context, writers));
        } else {
          Object.assign(response, await commitProgress(manager, checked.result.plan, actor, context, this.progress));
        }
        await this.audit.record(manager, {
          actor,
          action: 'import',
          entityType: 'import',
          entityId: importId,
          after: {
            ...response,
            sha256: createHash('sha256').update(upload.buffer).digest('hex'),
            size: upload.buffer.length,
          },
          reason: upload.fileName,
        });
        return response;
      },
      {
        // Someone wrote the same rows meanwhile: the whole file is refused, as a coded 409.
        constraints: { UQ_score_round_agency: () => new ImportConcurrentChangeException() },
        concurrent: () => new ImportConcurrentChangeException(),
      },
    );
  }

  private async check(manager: EntityManager, kind: ImportKind, sheet: Sheet, lock: boolean): Promise<Checked> {
    return kind === 'scores'
      ? { kind, result: await validateScores(manager, sheet, lock) }
      : { kind, result: await validateProgress(manager, sheet, lock) };
  }
}
