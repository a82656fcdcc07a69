import type { UseQueryResult } from '@tanstack/react-query';
import { Fragment, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { TableScroll } from '../../../components/TableScroll';
import { localizedName, type Named } from '../../../lib/localizedName';
import { useLanguage } from '../../../lib/useLanguage';
import type { StageTarget } from '../api/updateStage';
import type { ServiceStage } from '../types/progress';
import { StageUpdateForm } from './StageUpdateForm';

/** What a row needs for its stage form: a service or a system. */
export interface StagedItem extends Named {
  id: string;
  stage: ServiceStage;
  version: number;
}

/** One column of the table: its heading and each row's cell. */
export interface StageColumn<Item> {
  header: string;
  cell: (item: Item) => ReactNode;
  numeric?: boolean;
}

interface StageSectionProps<Data, Item extends StagedItem> {
  /** The section's heading, also the table's caption. */
  title: string;
  target: StageTarget;
  agencyId: string;
  query: UseQueryResult<Data>;
  itemsOf: (data: Data) => readonly Item[];
  emptyMessage: string;
  /** The first column: a row header that names the item. */
  nameColumn: StageColumn<Item>;
  /** The columns between the name and the action; they differ between services and systems. */
  columns: readonly StageColumn<Item>[];
  /** Above the states (kept while loading): the filters, when the list has any. */
  filters?: ReactNode;
  /** Above the table once loaded (e.g. a result count). */
  summary?: (data: Data) => ReactNode;
  /** Below the table once loaded (e.g. pagination). */
  footer?: (data: Data) => ReactNode;
  /** The rows shown are stale while the next ones load (sets `aria-busy` on the table). */
  busy?: boolean;
}

/**
 * A section listing an agency's services or systems with their stage: the heading, the loading, error and empty
 * states, and a table whose every row can open a form to record a newly reached stage. What the columns show is up
 * to the caller.
 */
export function StageSection<Data, Item extends StagedItem>({
  title,
  target,
  agencyId,
  query,
  itemsOf,
  emptyMessage,
  nameColumn,
  columns,
  filters,
  summary,
  footer,
  busy,
}: StageSectionProps<Data, Item>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const [editingId, setEditingId] = useState<string | null>(null);
  // The name, the caller's columns and the action.
  const columnCount = columns.length + 2;

  const renderTable = (items: readonly Item[]) => (
    <TableScroll label={title} busy={busy}>
      <table className="data-table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{nameColumn.header}</th>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {column.header}
              </th>
            ))}
            <th scope="col">{t('progress.action')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const name = localizedName(item, language).text;
            const isEditing = editingId === item.id;
            return (
              <Fragment key={item.id}>
                <tr>
                  <th scope="row">{nameColumn.cell(item)}</th>
                  {columns.map((column) => (
                    <td key={column.header} className={column.numeric ? 'numeric' : undefined}>
                      {column.cell(item)}
                    </td>
                  ))}
                  <td>
                    <button
                      type="button"
                      className="button"
                      aria-expanded={isEditing}
                      onClick={() => setEditingId(isEditing ? null : item.id)}
                    >
                      {t('progress.recordStage')}
                      <span className="visually-hidden"> {t('progress.stageOf', { name })}</span>
                    </button>
                  </td>
                </tr>
                {isEditing && (
                  <tr>
                    <td colSpan={columnCount}>
                      <StageUpdateForm
                        target={target}
                        agencyId={agencyId}
                        item={{ id: item.id, name, stage: item.stage, version: item.version }}
                        onDone={() => setEditingId(null)}
                        onCancel={() => setEditingId(null)}
                        onReload={() => query.refetch()}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );

  const renderLoaded = (data: Data) => {
    const items = itemsOf(data);
    if (items.length === 0) return <p className="muted">{emptyMessage}</p>;
    return (
      <>
        {summary?.(data)}
        {renderTable(items)}
        {footer?.(data)}
      </>
    );
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {filters}
      {query.isPending ? (
        <LoadingMessage />
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        renderLoaded(query.data)
      )}
    </section>
  );
}
