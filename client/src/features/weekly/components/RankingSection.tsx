import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../components/TableScroll';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { ReportRankingRow } from '../api/types';
import { AgencyLink } from './AgencyLink';
import { ScoreText } from './ScoreText';

/** The ranking as the brief froze it, folded away: it is long, and the rankings page has the live one. */
export function RankingSection({ ranking }: { ranking: ReportRankingRow[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  if (ranking.length === 0) return null;

  const movement = ({ rank, movement: { change, previousRank } }: ReportRankingRow): string => {
    if (rank === null) return '—';
    if (previousRank === null || change === null) return t('weekly.newlyRanked');
    if (change > 0) return t('weekly.movedUp', { places: formatInteger(change, language) });
    if (change < 0) return t('weekly.movedDown', { places: formatInteger(-change, language) });
    return t('weekly.unchanged');
  };

  return (
    <section className="weekly-section weekly-ranking" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('weekly.rankingTitle')}</h2>
      <details>
        <summary>
          {t('weekly.rankingSummary', {
            count: ranking.length,
            formattedCount: formatInteger(ranking.length, language),
          })}
        </summary>
        <TableScroll label={t('weekly.rankingTitle')}>
          <table className="data-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  {t('weekly.columns.rank')}
                </th>
                <th scope="col">{t('weekly.columns.agency')}</th>
                <th scope="col" className="numeric">
                  {t('weekly.columns.score')}
                </th>
                <th scope="col">{t('weekly.columns.movement')}</th>
              </tr>
            </thead>
            <tbody>
              {ranking.map((row) => (
                <tr key={row.agency.id}>
                  <td className="numeric">
                    {row.rank === null ? t('weekly.unranked') : formatInteger(row.rank, language)}
                  </td>
                  <th scope="row">
                    <AgencyLink agency={row.agency} />
                  </th>
                  <td className="numeric">
                    <ScoreText score={row.score} />
                  </td>
                  <td>{movement(row)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </section>
  );
}
