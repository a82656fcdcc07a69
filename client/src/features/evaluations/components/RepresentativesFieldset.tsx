import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';

export interface RepresentativeRow {
  /** Stable identity of the row while rows are added and removed. */
  key: number;
  name: string;
  title: string;
}

interface RepresentativesFieldsetProps {
  id: string;
  rows: RepresentativeRow[];
  onRowsChange: (rows: RepresentativeRow[]) => void;
  onAddRow: () => void;
  nameIdOf: (rowKey: number) => string;
  titleIdOf: (rowKey: number) => string;
  /** The problem with a field, by its id, in the active language. */
  problemOf: (fieldId: string) => string | null;
}

/** The agency's representatives at the session: one row each (name, and job title if given), added and removed. */
export function RepresentativesFieldset({
  id,
  rows,
  onRowsChange,
  onAddRow,
  nameIdOf,
  titleIdOf,
  problemOf,
}: RepresentativesFieldsetProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const previousCount = useRef(rows.length);

  // A new row takes the focus, so keyboard users can type straight away.
  useEffect(() => {
    if (rows.length > previousCount.current) {
      const last = rows[rows.length - 1];
      if (last) document.getElementById(nameIdOf(last.key))?.focus();
    }
    previousCount.current = rows.length;
  }, [rows, nameIdOf]);

  const update = (key: number, patch: Partial<RepresentativeRow>) =>
    onRowsChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const groupProblem = problemOf(id);

  return (
    <fieldset className="fieldset" id={id} tabIndex={-1}>
      <legend>
        {t('evaluations.representatives')}
        <span aria-hidden="true"> *</span>
      </legend>
      {groupProblem && <p className="field-error">{groupProblem}</p>}
      <ol className="representatives">
        {rows.map((row, index) => {
          const position = formatInteger(index + 1, language);
          const nameId = nameIdOf(row.key);
          const titleId = titleIdOf(row.key);
          const nameProblem = problemOf(nameId);
          const titleProblem = problemOf(titleId);
          return (
            <li key={row.key} className="representatives__row">
              <div className="form-field">
                <label htmlFor={nameId}>{t('evaluations.representativeName', { position })}</label>
                <input
                  id={nameId}
                  type="text"
                  dir="auto"
                  autoComplete="off"
                  value={row.name}
                  aria-invalid={nameProblem ? true : undefined}
                  aria-describedby={nameProblem ? `${nameId}-error` : undefined}
                  onChange={(event) => update(row.key, { name: event.target.value })}
                />
                {nameProblem && (
                  <p id={`${nameId}-error`} className="field-error">
                    {nameProblem}
                  </p>
                )}
              </div>
              <div className="form-field">
                <label htmlFor={titleId}>{t('evaluations.representativeTitle', { position })}</label>
                <input
                  id={titleId}
                  type="text"
                  dir="auto"
                  autoComplete="off"
                  value={row.title}
                  aria-invalid={titleProblem ? true : undefined}
                  aria-describedby={titleProblem ? `${titleId}-error` : undefined}
                  onChange={(event) => update(row.key, { title: event.target.value })}
                />
                {titleProblem && (
                  <p id={`${titleId}-error`} className="field-error">
                    {titleProblem}
                  </p>
                )}
              </div>
              {rows.length > 1 && (
                <button
                  type="button"
                  className="button representatives__remove"
                  onClick={() => onRowsChange(rows.filter((other) => other.key !== row.key))}
                >
                  {t('evaluations.removeRepresentative', { position })}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <button type="button" className="button" onClick={onAddRow}>
        {t('evaluations.addRepresentative')}
      </button>
    </fieldset>
  );
}
