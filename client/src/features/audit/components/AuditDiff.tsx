import { useTranslation } from 'react-i18next';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 1);
}

export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Field by field, what a record held before and after a change (top-level fields of the two JSON objects). */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  if (!isPlainObject(before) && !isPlainObject(after)) {
    return before === null && after === null
      ? []
      : [{ field: '', before, after, changed: JSON.stringify(before) !== JSON.stringify(after) }];
  }
  const left = isPlainObject(before) ? before : {};
  const right = isPlainObject(after) ? after : {};
  const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  return fields.map((field) => ({
    field,
    before: left[field],
    after: right[field],
    changed: JSON.stringify(left[field]) !== JSON.stringify(right[field]),
  }));
}

/** An expandable before/after table for one audit record; changed fields are marked in words, not colour alone. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows = diffRows(before, after);
  if (rows.length === 0) return <span className="muted">{t('audit.noValues')}</span>;
  const changedCount = rows.filter((row) => row.changed).length;

  return (
    <details className="audit-diff">
      <summary>
        {t('audit.showChanges', { count: changedCount, formattedCount: formatInteger(changedCount, language) })}
      </summary>
      <table className="data-table data-table--compact">
        <thead>
          <tr>
            <th scope="col">{t('audit.field')}</th>
            <th scope="col">{t('audit.before')}</th>
            <th scope="col">{t('audit.after')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field} className={row.changed ? 'diff--changed' : undefined}>
              <th scope="row">
                <bdi>{row.field || t('audit.value')}</bdi>
                {row.changed && <span className="visually-hidden"> ({t('audit.changed')})</span>}
              </th>
              <td>
                <pre dir="ltr">{show(row.before)}</pre>
              </td>
              <td>
                <pre dir="ltr">{show(row.after)}</pre>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
