import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LocalizedName } from '../../../components/LocalizedName';
import { TableScroll } from '../../../components/TableScroll';
import { formatDecimalString, formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { ImportColumn, ImportKind, ImportRow } from '../types/imports';
import { ImportDay } from './ImportDay';

/** How many of the rows the server sends back (at most 200) are shown. */
export const PREVIEW_ROWS = 20;

const SCORE_FIXED_KEYS = new Set(['round_code', 'agency', 'held_on']);

interface ImportRowsPreviewProps {
  kind: ImportKind;
  rows: ImportRow[];
  columns: ImportColumn[];
}

/**
 * The first rows of the file as the server understood them, not as typed: the agency it found (a link to its
 * page), the days read (Jalali), the exact total it computed and the scores as numbers. A value it could not read
 * is shown as typed, marked so.
 */
export function ImportRowsPreview({ kind, rows, columns }: ImportRowsPreviewProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleId = useId();
  const shown = rows.slice(0, PREVIEW_ROWS);
  const criteria = kind === 'scores' ? criterionColumns(columns, shown) : [];
  const caption = t('imports.rowsCaption', {
    count: shown.length,
    formattedCount: formatInteger(shown.length, language),
  });

  return (
    <section className="imports-rows" aria-labelledby={titleId}>
      <h3 id={titleId}>{caption}</h3>
      <TableScroll label={caption}>
        <table className="data-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('imports.row')}
              </th>
              <th scope="col">{t('imports.rowStatus')}</th>
              <th scope="col">{t('imports.fields.agency')}</th>
              {kind === 'scores' ? (
                <>
                  <th scope="col">{t('imports.fields.round')}</th>
                  <th scope="col">{t('imports.fields.heldOn')}</th>
                  <th scope="col" className="numeric">
                    {t('imports.fields.total')}
                  </th>
                  {criteria.map((criterion) => (
                    <th key={criterion.key} scope="col" className="numeric">
                      {(language === 'fa' ? criterion.fa : criterion.en) ?? <bdi>{criterion.key}</bdi>}
                    </th>
                  ))}
                </>
              ) : (
                <>
                  <th scope="col">{t('imports.fields.event')}</th>
                  <th scope="col">{t('imports.fields.date')}</th>
                  <th scope="col">{t('imports.fields.url')}</th>
                  <th scope="col">{t('imports.fields.note')}</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <PreviewRow key={row.row} kind={kind} row={row} columns={columns} criteria={criteria} />
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

interface CriterionColumn {
  key: string;
  fa: string | null;
  en: string | null;
}

/** The criterion columns: from the file's columns as the server read them, else from the rows' scores. */
function criterionColumns(columns: ImportColumn[], rows: ImportRow[]): CriterionColumn[] {
  const known = columns.filter(
    (column): column is ImportColumn & { key: string } => column.key !== null && !SCORE_FIXED_KEYS.has(column.key),
  );
  if (known.length > 0) return known.map(({ key, fa, en }) => ({ key, fa, en }));
  const keys = new Set(rows.flatMap((row) => Object.keys(row.scores ?? {})));
  return [...keys].map((key) => ({ key, fa: null, en: null }));
}

interface PreviewRowProps {
  kind: ImportKind;
  row: ImportRow;
  columns: ImportColumn[];
  criteria: CriterionColumn[];
}

function PreviewRow({ kind, row, columns, criteria }: PreviewRowProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  /** What the file holds in the column read as `key`, for a value the server could not resolve. */
  const typed = (key: string): ReactNode => {
    const header = columns.find((column) => column.key === key)?.header;
    const text = header === undefined ? '' : (row.cells[header] ?? '');
    if (text === '') return <span className="muted">—</span>;
    return (
      <span className="imports-typed">
        <bdi>{text}</bdi> <span className="muted">({t('imports.asTyped')})</span>
      </span>
    );
  };
  const decimal = (value: string) => {
    try {
      return formatDecimalString(value, language);
    } catch {
      return <bdi>{value}</bdi>; // not a number: as typed (the problem says why)
    }
  };

  return (
    <tr>
      <th scope="row" className="numeric">
        {formatInteger(row.row, language)}
      </th>
      <td className="nowrap">
        {row.action ? t(`imports.rowAction.${row.action}`) : <strong>{t('imports.rowInvalid')}</strong>}
      </td>
      <td>
        {row.agencyId && row.agencyNameFa !== null ? (
          <Link to={`/agencies/${row.agencyId}`}>
            <LocalizedName entity={{ nameFa: row.agencyNameFa, nameEn: row.agencyNameEn ?? '' }} />
          </Link>
        ) : (
          typed('agency')
        )}
      </td>
      {kind === 'scores' ? (
        <>
          <td>{row.roundCode ? <bdi>{row.roundCode}</bdi> : typed('round_code')}</td>
          <td>{row.heldOn ? <ImportDay value={row.heldOn} /> : typed('held_on')}</td>
          <td className="numeric">{row.total ? <strong>{decimal(row.total)}</strong> : '—'}</td>
          {criteria.map((criterion) => {
            const value = row.scores?.[criterion.key];
            return (
              <td key={criterion.key} className="numeric">
                {value ? decimal(value) : '—'}
              </td>
            );
          })}
        </>
      ) : (
        <>
          <td>{row.event ? t(`progressKind.${row.event}`) : typed('event')}</td>
          <td>{row.date ? <ImportDay value={row.date} /> : typed('date')}</td>
          <td>
            {row.url ? (
              <bdi dir="ltr" className="break-anywhere">
                {row.url}
              </bdi>
            ) : (
              '—'
            )}
          </td>
          <td>{row.note ?? '—'}</td>
        </>
      )}
    </tr>
  );
}
