import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LocalizedName } from '../../../components/LocalizedName';
import { TableScroll } from '../../../components/TableScroll';
import { localizedName } from '../../../lib/localizedName';
import { formatDecimalString, formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { MilestoneTitle } from '../api/getMilestoneTitles';
import type { RankingRow } from '../api/getRankings';
import { describeMovement } from '../utils/describeMovement';
import { ariaSortOf, type RankingSort, type SortColumn } from '../utils/rankingParams';

interface RankingsTableProps {
  items: RankingRow[];
  sort: RankingSort;
  onSort: (column: SortColumn) => void;
  /** Milestone titles by code; codes are shown while they load (or if they cannot be had). */
  milestones: Map<string, MilestoneTitle> | undefined;
  /** True while a newer page is loading and the rows shown are the previous ones. */
  isStale?: boolean;
}

/**
 * The ranking: one row per agency. On a narrow screen the table scrolls in its own box while the agency's name stays
 * in view (a sticky column); every figure is text, the bars and arrows only illustrate.
 */
export function RankingsTable({ items, sort, onSort, milestones, isStale = false }: RankingsTableProps) {
  const { t } = useTranslation();
  const header = (column: SortColumn, className?: string) => (
    <SortableHeader column={column} sort={sort} onSort={onSort} className={className}>
      {t(`rankings.columns.${column}`)}
    </SortableHeader>
  );

  return (
    <TableScroll label={t('rankings.caption')} busy={isStale}>
      <table className={isStale ? 'data-table rankings-table data-table--stale' : 'data-table rankings-table'}>
        <caption className="visually-hidden">{t('rankings.caption')}</caption>
        <thead>
          <tr>
            {header('rank', 'numeric')}
            {header('name', 'rankings-table__name')}
            {header('kind')}
            {header('score', 'numeric')}
            {header('progress')}
            {header('movement')}
            <th scope="col">{t('rankings.columns.flags')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((row) => (
            <RankingTableRow key={row.agency.id} row={row} milestones={milestones} />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

interface SortableHeaderProps {
  column: SortColumn;
  sort: RankingSort;
  onSort: (column: SortColumn) => void;
  className?: string;
  children: string;
}

/** A column header that sorts the ranking (on the server) when pressed; `aria-sort` says how it is sorted now. */
function SortableHeader({ column, sort, onSort, className, children }: SortableHeaderProps) {
  const direction = ariaSortOf(sort, column);
  const icon = direction === 'ascending' ? '↑' : direction === 'descending' ? '↓' : '↕';
  return (
    <th scope="col" className={className} aria-sort={direction}>
      <button
        type="button"
        className={direction ? 'rankings-sort rankings-sort--active' : 'rankings-sort'}
        onClick={() => onSort(column)}
      >
        {children}
        <span className="rankings-sort__icon" aria-hidden="true">
          {icon}
        </span>
      </button>
    </th>
  );
}

interface RankingTableRowProps {
  row: RankingRow;
  milestones: Map<string, MilestoneTitle> | undefined;
}

function RankingTableRow({ row, milestones }: RankingTableRowProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { agency } = row;

  return (
    <tr>
      <td className="numeric rankings-table__rank">
        {row.rank === null ? (
          <span className="muted">{t('rankings.unranked')}</span>
        ) : (
          formatInteger(row.rank, language)
        )}
      </td>
      <th scope="row" className="rankings-table__name">
        <span className="rankings-table__name-text">
          <Link to={`/agencies/${encodeURIComponent(agency.id)}`}>
            <LocalizedName entity={agency} />
          </Link>
        </span>
      </th>
      <td>{t(`kind.${agency.kind}`)}</td>
      <td className="numeric">
        {row.score === null ? (
          <span className="muted">{t('rankings.noScore')}</span>
        ) : (
          formatDecimalString(row.score, language)
        )}
      </td>
      <td>
        <ProgressFigure progress={row.progress} />
      </td>
      <td>
        <MovementText row={row} />
      </td>
      <td>
        <FlagList row={row} milestones={milestones} />
      </td>
    </tr>
  );
}

/** The share of services connected, as a figure and a bar that illustrates it (hidden from screen readers). */
function ProgressFigure({ progress }: { progress: string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (progress === null) return <span className="muted">{t('rankings.noProgress')}</span>;
  const width = Math.min(100, Math.max(0, Number(progress)));
  return (
    <div className="rankings-progress">
      <span className="rankings-progress__value">
        {t('rankings.percent', { value: formatDecimalString(progress, language) })}
      </span>
      <span className="progress-bar rankings-progress__bar" aria-hidden="true">
        <span className="progress-bar__fill" style={{ inlineSize: `${width}%` }} />
      </span>
    </div>
  );
}

/** Places gained or lost since the week before, and why, in words on the page (no hovering needed). */
function MovementText({ row }: { row: RankingRow }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const movement = describeMovement(row.rank, row.movement, t, language);
  return (
    <div className={`rankings-movement rankings-movement--${movement.direction}`}>
      {movement.arrow && (
        <span className="rankings-movement__arrow" aria-hidden="true">
          {movement.arrow}
        </span>
      )}
      <div className="rankings-movement__words">
        <p>
          {movement.reason === null ? (
            <strong>{movement.headline}</strong>
          ) : (
            <Trans
              i18nKey="rankings.movement.withReason"
              values={{ headline: movement.headline, reason: movement.reason }}
              components={{ b: <strong /> }}
            />
          )}
        </p>
        {movement.previousRank !== null && (
          <p className="rankings-movement__previous">
            {t('rankings.movement.previousRank', { rank: movement.previousRank })}
          </p>
        )}
      </div>
    </div>
  );
}

/** The milestones overdue or at risk, by title, each a badge whose words say which. */
function FlagList({ row, milestones }: RankingTableRowProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { overdue, atRisk } = row.flags;
  if (overdue.length === 0 && atRisk.length === 0) {
    return <span className="muted">{t('rankings.flags.none')}</span>;
  }
  const titleOf = (code: string) => {
    const milestone = milestones?.get(code);
    return milestone ? localizedName({ nameFa: milestone.titleFa, nameEn: milestone.titleEn }, language).text : code;
  };
  return (
    <ul
      className="rankings-flags"
      aria-label={t('rankings.flags.listLabel', { name: localizedName(row.agency, language).text })}
    >
      {overdue.map((code) => (
        <li key={`overdue-${code}`}>
          <span className="badge badge--overdue rankings-flag">
            <span aria-hidden="true">⚠</span>
            {t('rankings.flags.overdue', { title: titleOf(code) })}
          </span>
        </li>
      ))}
      {atRisk.map((code) => (
        <li key={`at-risk-${code}`}>
          <span className="badge badge--at-risk rankings-flag">
            <span aria-hidden="true">◔</span>
            {t('rankings.flags.atRisk', { title: titleOf(code) })}
          </span>
        </li>
      ))}
    </ul>
  );
}
