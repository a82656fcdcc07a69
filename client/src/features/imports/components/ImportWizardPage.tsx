import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/http';
import type { UploadProgress } from '../../../api/upload';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatInteger } from '../../../lib/numbers';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useLanguage } from '../../../lib/useLanguage';
import { useCommitImport } from '../api/commitImport';
import { usePreviewImport } from '../api/previewImport';
import { templateUrl } from '../api/templates';
import type { ImportKind, ImportPreview, ImportProblem } from '../types/imports';
import { FilePicker } from './FilePicker';
import { ImportProblems } from './ImportProblems';
import { ImportRowsPreview } from './ImportRowsPreview';
import '../imports.css';

const KINDS: readonly ImportKind[] = ['scores', 'progress'];
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

/** The problems a refused commit (400 `IMPORT_HAS_PROBLEMS`) carries in `details.problems` (or `details`). */
function problemsOfRefusal(error: unknown): ImportProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'IMPORT_HAS_PROBLEMS') return null;
  const details: unknown = error.details;
  const list = typeof details === 'object' && details !== null && 'problems' in details ? details.problems : details;
  return Array.isArray(list) ? list.filter(isProblem) : [];
}

/** The number of problems of a refused commit, when it says (it lists the first 1000 only). */
function problemCountOfRefusal(error: unknown, listed: number): number {
  const details: unknown = error instanceof ApiError ? error.details : null;
  if (typeof details === 'object' && details !== null && 'problemCount' in details) {
    const count = details.problemCount;
    if (typeof count === 'number') return count;
  }
  return listed;
}

/**
 * The import wizard: choose what to import, download the template, upload the filled-in file (with a progress
 * bar), read every problem by row and column, see each row as the server understood it, and import only a file
 * without problems.
 */
export function ImportWizardPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('imports.title'));
  const progressLabelId = useId();
  const previewTitleId = useId();
  const commitHintId = useId();

  const [kind, setKind] = useState<ImportKind>('scores');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const previewUpload = usePreviewImport();
  const commit = useCommitImport();

  const uploading = previewUpload.isPending || commit.isPending;
  const refusedProblems = problemsOfRefusal(commit.error);
  const problems = refusedProblems ?? preview?.problems ?? [];
  const problemCount = refusedProblems
    ? problemCountOfRefusal(commit.error, refusedProblems.length)
    : (preview?.problemCount ?? problems.length);
  const changes = preview ? preview.actions.create + preview.actions.update : 0;
  const nothingToImport = preview !== null && problemCount === 0 && preview.validRowCount > 0 && changes === 0;
  const canCommit = preview !== null && problemCount === 0 && changes > 0 && !uploading && !commit.isSuccess;

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

  const handleFileChange = (next: File | null) => {
    setFile(next);
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

  let commitHint: string;
  if (problemCount > 0) commitHint = t('imports.commitBlocked');
  else if (nothingToImport) commitHint = t('imports.nothingToImport');
  else commitHint = t('imports.commitHint');

  return (
    <>
      <h1>{t('imports.title')}</h1>
      <p className="hint">{t('imports.intro')}</p>

      <form className="form" onSubmit={handlePreview}>
        <fieldset className="fieldset">
          <legend>{t('imports.kindLegend')}</legend>
          <div>
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
          </div>
          <p className="imports-templates">
            {t('imports.templates')}{' '}
            <a href={templateUrl(kind, 'xlsx')} download>
              {t('imports.templateXlsx', { kind: t(`imports.kinds.${kind}`) })}
            </a>{' '}
            <a href={templateUrl(kind, 'csv')} download>
              {t('imports.templateCsv', { kind: t(`imports.kinds.${kind}`) })}
            </a>
          </p>
        </fieldset>

        <FilePicker
          label={t('imports.file')}
          hint={t('imports.fileHint')}
          accept={ACCEPT}
          file={file}
          onFileChange={handleFileChange}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={!file || uploading}>
            {t('imports.check')}
          </button>
        </div>
      </form>

      {uploading && (
        <div className="imports-progress">
          <label id={progressLabelId} htmlFor={`${progressLabelId}-bar`}>
            {t('imports.uploading', { percent: formatInteger(percent, language) })}
          </label>
          <progress id={`${progressLabelId}-bar`} className="progress-bar" max={100} value={percent}>
            {formatInteger(percent, language)}%
          </progress>
        </div>
      )}

      {otherError !== null && <ErrorMessage error={otherError} />}

      {(preview || refusedProblems) && (
        <section className="imports-result" aria-labelledby={previewTitleId}>
          <h2 id={previewTitleId}>{t('imports.previewTitle')}</h2>
          {preview && (
            <dl className="definition-list imports-summary">
              <div>
                <dt>{t('imports.rowCount')}</dt>
                <dd>{formatInteger(preview.rowCount, language)}</dd>
              </div>
              <div>
                <dt>{t('imports.validRowCount')}</dt>
                <dd>{formatInteger(preview.validRowCount, language)}</dd>
              </div>
              <div>
                <dt>{t('imports.problemCount')}</dt>
                <dd>{formatInteger(problemCount, language)}</dd>
              </div>
              <div>
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
                <span aria-hidden="true">⚠ </span>
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
              {problems.length > 0 && <ImportProblems problems={problems} />}
            </>
          ) : (
            preview && (
              <p className="state-message state-message--success" role="status">
                <span aria-hidden="true">✓ </span>
                {nothingToImport ? t('imports.nothingToImport') : t('imports.noProblems')}
              </p>
            )
          )}

          {preview && preview.rows.length > 0 && (
            <ImportRowsPreview kind={preview.kind} rows={preview.rows} columns={preview.columnDetails ?? []} />
          )}

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
              {commitHint}
            </p>
          </div>
        </section>
      )}

      {commit.isSuccess && (
        <p className="state-message state-message--success" role="status">
          <span aria-hidden="true">✓ </span>
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
