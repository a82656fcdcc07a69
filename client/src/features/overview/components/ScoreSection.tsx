import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../components/TableScroll';
import { formatJalaliDate } from '../../../lib/dates';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { Overview } from '../api/getOverview';
import { ChartSlot } from './ChartSlot';
import { ScoreHistogramChart } from './lazyCharts';

/** How the agencies' latest final quality scores on the day are spread over ten bands of ten points. */
export function ScoreSection({ overview, stale }: { overview: Overview; stale: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const { scored, unscored, bins } = overview.scores;
  const caption = t('overview.scores.caption');

  return (
    <section aria-labelledby={headingId} className={stale ? 'overview-stale' : undefined} aria-busy={stale}>
      <h2 id={headingId}>{t('overview.scores.title')}</h2>
      {scored === 0 ? (
        <p className="state-message">{t('overview.scores.empty')}</p>
      ) : (
        <>
          <p>
            {t('overview.scores.summary', {
              count: scored,
              formattedCount: formatInteger(scored, language),
              unscored: formatInteger(unscored, language),
            })}
          </p>
          <div className="overview-pair overview-pair--short">
            <ChartSlot>
              <ScoreHistogramChart
                bins={bins}
                label={t('overview.scores.chartLabel', { day: formatJalaliDate(overview.asOf, language) })}
              />
            </ChartSlot>
            <TableScroll label={caption}>
              <table className="data-table data-table--compact">
                <caption>{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('overview.scores.binColumn')}</th>
                    <th scope="col" className="numeric">
                      {t('overview.scores.agencies')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {bins.map((bin) => (
                    <tr key={bin.from}>
                      <th scope="row">
                        <bdi>
                          {t('overview.scores.bin', {
                            from: formatInteger(bin.from, language),
                            to: formatInteger(bin.to, language),
                          })}
                        </bdi>
                      </th>
                      <td className="numeric">{formatInteger(bin.count, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </div>
          <p className="hint">{t('overview.scores.binNote')}</p>
        </>
      )}
    </section>
  );
}
