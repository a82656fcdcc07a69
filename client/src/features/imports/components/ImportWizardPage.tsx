import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/http';
import type { UploadProgress } from '../../../api/upload';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TableScroll } from '../../../components/TableScroll';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { useCommitImport } from '../api/commitImport';
import { usePreviewImport } from '../api/previewImport';
import { templateUrl } from '../api/templates';
import type { ImportKind, ImportPreview, ImportProblem, ImportRow } from '../types/imports';

const KINDS: readonly ImportKind[] = ['scores', 'progress'];
const PREVIEW_ROWS = 20;
const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

function percentOf(progress: UploadProgress | null): number {
  if (!progress?.total) return 0;
  return Math.min(100, Math.round((progress.loaded / progress.total) * 100));
}

function isProblem(value: unknown): value is ImportProblem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return (
    (typeof item.row === 'number' || item.row === null) && typeof item.fa === 'string' && typeof item.en === 'string'
  );
}

/** The problems a refused commit (400 `IMPORT_HAS_PROBLEMS`) carries in `details`. */
function problemsOfRefusal(error: unknown): ImportProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'IMPORT_HAS_PROBLEMS' || !Array.isArray(error.details)) {
    return null;
  }
  return error.details.filter(isProblem);
}

/** Problems of the whole file first, then by row, then by column. */
function byPosition(a: ImportProblem, b: ImportProblem): number {
  return (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').localeCompare(b.column ?? '');
}

/**
 * The import wizard: choose what to import, download the template, upload the filled-in file (with a progress
 * bar), read every problem by row and column, and import only a file without problems.
 */
export function ImportWizardPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const fileInputId = useId();
  const fileHintId = useId();
  const progressLabelId = useId();
  const commitHintId = useId();
  const fileInputRef = useRef<HTMLInputElement>(null);

  const [kind, setKind] = useState<ImportKind>('scores');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const previewUpload = usePreviewImport();
  const commit = useCommitImport();

  const uploading = previewUpload.isPending || commit.isPending;
  const refusedProblems = problemsOfRefusal(commit.error);
  const problems = [...(refusedProblems ?? preview?.problems ?? [])].sort(byPosition);
  const problemCount = refusedProblems ? refusedProblems.length : (preview?.problemCount ?? problems.length);
  const canCommit =
    preview !== null && problemCount === 0 && preview.validRowCount > 0 && !uploading && !commit.isSuccess;

  const reset = () => {
    setPreview(null);
    setProgress(null);
    previewUpload.reset();
    commit.reset();
  };

  const handleKindChange = (next: ImportKind) => {
    setKind(next);
    reset();
  };

  const handlePreview = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return;
    reset();
    previewUpload.mutate({ kind, file, onProgress: setProgress }, { onSuccess: (result) => setPreview(result) });
  };

  const handleCommit = () => {
    if (!file || !canCommit) return;
    setProgress(null);
    commit.mutate({ kind, file, onProgress: setProgress });
  };

  const percent = percentOf(progress);
  const otherError =
    (previewUpload.isError ? previewUpload.error : null) ?? (commit.isError && !refusedProblems ? commit.error : null);

  return (
    <>
      <h1>{t('imports.title')}</h1>
      <p className="hint">{t('imports.intro')}</p>

      <form className="form" onSubmit={handlePreview}>
        <fieldset className="fieldset">
          <legend>{t('imports.kindLegend')}</legend>
          {KINDS.map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name="import-kind"
                value={option}
                checked={kind === option}
                onChange={() => handleKindChange(option)}
              />{' '}
              {t(`imports.kinds.${option}`)}
            </label>
          ))}
          <p className="template-links">
            {t('imports.templates')}{' '}
            <a href={templateUrl(kind, 'xlsx')} download>
              {t('imports.templateXlsx', { kind: t(`imports.kinds.${kind}`) })}
            </a>{' '}
            <a href={templateUrl(kind, 'csv')} download>
              {t('imports.templateCsv', { kind: t(`imports.kinds.${kind}`) })}
            </a>
          </p>
        </fieldset>

        <div className="form-field">
          <label htmlFor={fileInputId}>{t('imports.file')}</label>
          <input
            ref={fileInputRef}
            id={fileInputId}
            type="file"
            accept={ACCEPT}
            aria-describedby={fileHintId}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              reset();
            }}
          />
          <p id={fileHintId} className="hint">
            {t('imports.fileHint')}
          </p>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={!file || uploading}>
            {t('imports.check')}
          </button>
        </div>
      </form>

      {uploading && (
        <div className="upload-progress">
          <label id={progressLabelId} htmlFor={`${progressLabelId}-bar`}>
            {t('imports.uploading', { percent: formatInteger(percent, language) })}
          </label>
          <progress id={`${progressLabelId}-bar`} max={100} value={percent}>
            {formatInteger(percent, language)}%
          </progress>
        </div>
      )}

      {otherError !== null && <ErrorMessage error={otherError} />}

      {(preview || refusedProblems) && (
        <section className="import-preview" aria-labelledby={`${progressLabelId}-preview`}>
          <h2 id={`${progressLabelId}-preview`}>{t('imports.previewTitle')}</h2>
          {preview && (
            <dl className="details">
              <div className="detail-row">
                <dt>{t('imports.rowCount')}</dt>
                <dd>{formatInteger(preview.rowCount, language)}</dd>
              </div>
              <div className="detail-row">
                <dt>{t('imports.validRowCount')}</dt>
                <dd>{formatInteger(preview.validRowCount, language)}</dd>
              </div>
              <div className="detail-row">
                <dt>{t('imports.problemCount')}</dt>
                <dd>{formatInteger(problemCount, language)}</dd>
              </div>
              <div className="detail-row">
                <dt>{t('imports.wouldDo')}</dt>
                <dd>
                  {t('imports.actions', {
                    create: formatInteger(preview.actions.create, language),
                    update: formatInteger(preview.actions.update, language),
                    unchanged: formatInteger(preview.actions.unchanged, language),
                  })}
                </dd>
              </div>
            </dl>
          )}

          {problemCount > 0 ? (
            <>
              <p className="state-message state-message--error" role="alert">
                {refusedProblems
                  ? (commit.error instanceof ApiError && commit.error.serverMessage?.[language]) || t('imports.refused')
                  : t('imports.hasProblems', {
                      count: problemCount,
                      formattedCount: formatInteger(problemCount, language),
                    })}
              </p>
              {problemCount > problems.length && (
                <p className="hint">
                  {t('imports.firstProblems', { shown: formatInteger(problems.length, language) })}
                </p>
              )}
              <TableScroll label={t('imports.problemsCaption')}>
                <table className="data-table">
                  <caption>{t('imports.problemsCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="numeric">
                        {t('imports.row')}
                      </th>
                      <th scope="col">{t('imports.column')}</th>
                      <th scope="col">{t('imports.problem')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {problems.map((problem, index) => (
                      <tr key={`${problem.row}-${problem.column}-${index}`}>
                        <td className="numeric">
                          {problem.row === null ? t('imports.wholeFile') : formatInteger(problem.row, language)}
                        </td>
                        <td>{problem.column === null ? t('imports.wholeRow') : <bdi>{problem.column}</bdi>}</td>
                        <td>
                          {problem[language]} <span className="muted">({problem.code})</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </>
          ) : (
            preview && (
              <p className="state-message state-message--success" role="status">
                {t('imports.noProblems')}
              </p>
            )
          )}

          {preview && preview.rows.length > 0 && <RowsPreview columns={preview.columns} rows={preview.rows} />}

          <div className="form-actions">
            <button
              type="button"
              className="button button--primary"
              disabled={!canCommit}
              aria-describedby={commitHintId}
              onClick={handleCommit}
            >
              {commit.isPending ? t('imports.committing') : t('imports.commit')}
            </button>
            <p id={commitHintId} className="hint">
              {problemCount > 0 ? t('imports.commitBlocked') : t('imports.commitHint')}
            </p>
          </div>
        </section>
      )}

      {commit.isSuccess && (
        <p className="state-message state-message--success" role="status">
          {t('imports.committed', {
            count: commit.data.committedRows,
            formattedCount: formatInteger(commit.data.committedRows, language),
          })}
          {commit.data.unchangedRows > 0 &&
            ` ${t('imports.unchangedRows', { count: commit.data.unchangedRows, formattedCount: formatInteger(commit.data.unchangedRows, language) })}`}
        </p>
      )}
    </>
  );
}

function RowsPreview({ columns, rows }: { columns: string[]; rows: ImportRow[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const shown = rows.slice(0, PREVIEW_ROWS);
  return (
    <details className="rows-preview">
      <summary>
        {t('imports.rowsPreview', { count: shown.length, formattedCount: formatInteger(shown.length, language) })}
      </summary>
      <TableScroll label={t('imports.rowsCaption')}>
        <table className="data-table">
          <caption className="visually-hidden">{t('imports.rowsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('imports.row')}
              </th>
              <th scope="col">{t('imports.rowStatus')}</th>
              {columns.map((column) => (
                <th key={column} scope="col">
                  <bdi>{column}</bdi>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.row}>
                <th scope="row" className="numeric">
                  {formatInteger(row.row, language)}
                </th>
                <td>{row.action ? t(`imports.rowAction.${row.action}`) : t('imports.rowInvalid')}</td>
                {columns.map((column) => (
                  <td key={column}>
                    <bdi>{row.cells[column] ?? ''}</bdi>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
}
