import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../components/TableScroll';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { AuditRecord } from '../api/getAudit';
import { CRITERION_PREFIX, isLabelledField, readableChanges, type ChangeRow } from '../utils/auditChanges';
import { AuditValue } from './AuditValue';

function FieldLabel({ field }: { field: string }) {
  const { t } = useTranslation();
  if (field === '') return <>{t('audit.value')}</>;
  if (field.startsWith(CRITERION_PREFIX)) {
    return <>{t('audit.criterion', { code: field.slice(CRITERION_PREFIX.length) })}</>;
  }
  if (isLabelledField(field)) return <>{t(`audit.fields.${field}`)}</>;
  return (
    <code dir="ltr" className="break-anywhere">
      {field}
    </code>
  );
}

/**
 * What an audit record changed, opened on demand: a table of the fields that differ, before and after (or, for a
 * record that creates something, the values it holds), each labelled and shown in words; and, for auditors, the
 * raw JSON as stored, in a box of its own that wraps and scrolls rather than widening the page.
 */
export function AuditChanges({ item }: { item: AuditRecord }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { mode, rows } = readableChanges(item.before, item.after);
  const hasRaw = item.before !== null || item.after !== null;
  if (rows.length === 0 && !hasRaw) return null;

  const count = { count: rows.length, formattedCount: formatInteger(rows.length, language) };
  let summary: string;
  if (rows.length === 0) summary = t('audit.showRawOnly');
  else summary = mode === 'change' ? t('audit.showChanges', count) : t('audit.showValues', count);
  const caption = mode === 'change' ? t('audit.changesCaption') : t('audit.valuesCaption');

  return (
    <details className="audit-changes">
      <summary>{summary}</summary>
      {rows.length > 0 && (
        <TableScroll label={caption}>
          <table className="data-table data-table--compact audit-changes__table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.field')}</th>
                {mode === 'change' ? (
                  <>
                    <th scope="col">{t('audit.before')}</th>
                    <th scope="col">{t('audit.after')}</th>
                  </>
                ) : (
                  <th scope="col">{t('audit.value')}</th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <ChangeTableRow key={row.field} row={row} mode={mode} item={item} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {hasRaw && (
        <details className="audit-raw">
          <summary>{t('audit.raw')}</summary>
          <p className="audit-raw__ids">
            {t('audit.entityId')} <code dir="ltr">{item.entityId}</code>
            {item.requestId && (
              <>
                <br />
                {t('audit.requestId')} <code dir="ltr">{item.requestId}</code>
              </>
            )}
          </p>
          {/* A box of its own, focusable so that the keyboard can scroll it too. */}
          <pre className="audit-raw__json" dir="ltr" tabIndex={0} role="region" aria-label={t('audit.raw')}>
            {JSON.stringify({ before: item.before, after: item.after }, null, 2)}
          </pre>
        </details>
      )}
    </details>
  );
}

function ChangeTableRow({ row, mode, item }: { row: ChangeRow; mode: 'change' | 'values'; item: AuditRecord }) {
  return (
    <tr>
      <th scope="row">
        <FieldLabel field={row.field} />
      </th>
      {mode === 'change' ? (
        <>
          <td>
            <AuditValue field={row.field} value={row.before} entityType={item.entityType} />
          </td>
          <td>
            <AuditValue field={row.field} value={row.after} entityType={item.entityType} />
          </td>
        </>
      ) : (
        <td>
          <AuditValue field={row.field} value={row.after ?? row.before} entityType={item.entityType} />
        </td>
      )}
    </tr>
  );
}
