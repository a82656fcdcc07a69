import { useId, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { TableScroll } from '../../../components/TableScroll';
import { localizedName } from '../../../lib/localizedName';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { ReportEntry, ReportMilestone } from '../api/types';
import { AgencyLink } from './AgencyLink';
import { DayText } from '../../../components/DayText';
import { ScoreText } from './ScoreText';

interface EntryTableProps {
  caption: string;
  /** The column after the agency: its heading and its cell. */
  column: { heading: string; numeric: boolean; cell: (entry: ReportEntry) => ReactNode };
  entries: ReportEntry[];
}

function EntryTable({ caption, column, entries }: EntryTableProps) {
  const { t } = useTranslation();
  return (
    <TableScroll label={caption}>
      <table className="data-table weekly-entries">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('weekly.columns.agency')}</th>
            <th scope="col" className={column.numeric ? 'numeric' : undefined}>
              {column.heading}
            </th>
            <th scope="col" className="numeric">
              {t('weekly.columns.score')}
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.agency.id}>
              <th scope="row">
                <AgencyLink agency={entry.agency} />
              </th>
              <td className={column.numeric ? 'numeric' : undefined}>{column.cell(entry)}</td>
              <td className="numeric">
                <ScoreText score={entry.score} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** One milestone of the week: who is overdue (and by how many days), who is at risk, who met it late this week. */
export function MilestoneSection({ milestone }: { milestone: ReportMilestone }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const title = localizedName({ nameFa: milestone.titleFa, nameEn: milestone.titleEn }, language);
  const count = (n: number) => ({ count: n, formattedCount: formatInteger(n, language) });
  const days = (value: number | undefined) => (value === undefined ? '—' : formatInteger(value, language));

  return (
    <section className="weekly-milestone" aria-labelledby={headingId}>
      <h3 id={headingId} lang={title.lang === language ? undefined : title.lang}>
        {title.text}
      </h3>
      <p className="weekly-due">
        <Trans i18nKey="weekly.dueOn" components={{ date: <DayText value={milestone.dueOn} /> }} />
      </p>

      {milestone.overdue.length === 0 ? (
        <p className="weekly-empty">{t('weekly.overdueEmpty')}</p>
      ) : (
        <EntryTable
          caption={t('weekly.overdueCaption', count(milestone.overdue.length))}
          column={{
            heading: t('weekly.columns.daysOverdue'),
            numeric: true,
            cell: (entry) => days(entry.daysOverdue),
          }}
          entries={milestone.overdue}
        />
      )}

      {milestone.atRisk.length === 0 ? (
        <p className="weekly-empty">{t('weekly.atRiskEmpty')}</p>
      ) : (
        <EntryTable
          caption={t('weekly.atRiskCaption', count(milestone.atRisk.length))}
          column={{ heading: t('weekly.columns.daysLeft'), numeric: true, cell: (entry) => days(entry.daysLeft) }}
          entries={milestone.atRisk}
        />
      )}

      {milestone.metLate.length > 0 && (
        <EntryTable
          caption={t('weekly.metLateCaption', count(milestone.metLate.length))}
          column={{
            heading: t('weekly.columns.metOn'),
            numeric: false,
            cell: (entry) => (entry.metOn ? <DayText value={entry.metOn} /> : '—'),
          }}
          entries={milestone.metLate}
        />
      )}
    </section>
  );
}
