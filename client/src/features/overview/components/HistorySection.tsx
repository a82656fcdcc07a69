import type { UseQueryResult } from '@tanstack/react-query';
import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { TableScroll } from '../../../components/TableScroll';
import { formatGregorianDate, formatJalaliDate } from '../../../lib/dates';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { HistoryWeek, OverviewHistory } from '../api/getOverviewHistory';
import { STAGES, totalServices } from '../utils/stages';
import { ChartSlot } from './ChartSlot';
import { DayText } from '../../../components/DayText';
import { AgencyTrendChart, ServiceStageChart } from './lazyCharts';

/** Week by week since Mordad 1401: agencies connected and with a single window, and services by stage. */
export function HistorySection({ query }: { query: UseQueryResult<OverviewHistory> }) {
  const { t } = useTranslation();
  const headingId = useId();

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('overview.history.title')}</h2>
      {query.isPending ? (
        <LoadingMessage />
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.weeks.length === 0 ? (
        <p className="state-message">{t('overview.history.empty')}</p>
      ) : (
        <HistoryCharts history={query.data} stale={query.isPlaceholderData} />
      )}
    </section>
  );
}

function HistoryCharts({ history, stale }: { history: OverviewHistory; stale: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const agenciesId = useId();
  const servicesId = useId();
  const { weeks } = history;
  const first = weeks[0]!;
  const last = weeks[weeks.length - 1]!;
  const range = { from: formatJalaliDate(first.weekStartsOn, language), to: formatJalaliDate(last.asOf, language) };
  // The tables put the newest week first: the week people look for is at the top of its scrolling box.
  const newestFirst = [...weeks].reverse();

  return (
    <div className={stale ? 'overview-stale' : undefined} aria-busy={stale}>
      <p className="muted">
        <Trans
          i18nKey="overview.history.range"
          components={{ start: <DayText value={first.weekStartsOn} />, end: <DayText value={last.weekStartsOn} /> }}
        />
      </p>

      <h3 id={agenciesId}>{t('overview.history.agenciesTitle')}</h3>
      <div className="overview-pair" role="group" aria-labelledby={agenciesId}>
        <ChartSlot>
          <AgencyTrendChart
            weeks={weeks}
            agencies={history.agencies}
            label={t('overview.history.agenciesChartLabel', range)}
          />
        </ChartSlot>
        <TableScroll label={t('overview.history.agenciesCaption')}>
          <table className="data-table data-table--compact">
            <caption>{t('overview.history.agenciesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overview.history.week')}</th>
                <th scope="col" className="numeric">
                  {t('overview.history.connected')}
                </th>
                <th scope="col" className="numeric">
                  {t('overview.history.singleWindows')}
                </th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((week) => (
                <tr key={week.week}>
                  <th scope="row">
                    <WeekCell week={week} />
                  </th>
                  <td className="numeric">{formatInteger(week.connected, language)}</td>
                  <td className="numeric">{formatInteger(week.singleWindows, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>

      <h3 id={servicesId}>{t('overview.history.servicesTitle')}</h3>
      <div className="overview-pair" role="group" aria-labelledby={servicesId}>
        <ChartSlot>
          <ServiceStageChart weeks={weeks} label={t('overview.history.servicesChartLabel', range)} />
        </ChartSlot>
        <TableScroll label={t('overview.history.servicesCaption')}>
          <table className="data-table data-table--compact">
            <caption>{t('overview.history.servicesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overview.history.week')}</th>
                {STAGES.map((stage) => (
                  <th key={stage.key} scope="col" className="numeric">
                    <span className="overview-swatch" style={{ backgroundColor: stage.colour }} aria-hidden="true" />
                    {t(stage.label)}
                  </th>
                ))}
                <th scope="col" className="numeric">
                  {t('overview.history.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((week) => (
                <tr key={week.week}>
                  <th scope="row">
                    <WeekCell week={week} />
                  </th>
                  {STAGES.map((stage) => (
                    <td key={stage.key} className="numeric">
                      {formatInteger(week.services[stage.key], language)}
                    </td>
                  ))}
                  <td className="numeric">{formatInteger(totalServices(week.services), language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
    </div>
  );
}

/** A week by its Saturday in Jalali; in English with the Gregorian day under it. */
function WeekCell({ week }: { week: HistoryWeek }) {
  const language = useLanguage();
  const gregorian = formatGregorianDate(week.weekStartsOn, language);
  return (
    <>
      <time className="nowrap" dateTime={week.weekStartsOn} dir="ltr" title={gregorian}>
        {formatJalaliDate(week.weekStartsOn, language)}
      </time>
      {language === 'en' && <span className="overview-gregorian muted">{gregorian}</span>}
    </>
  );
}
