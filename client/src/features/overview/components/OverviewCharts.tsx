import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
  type FontSpec,
} from 'chart.js';
import { Bar, Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { directionOf, type Language } from '../../../lib/language';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { ScoreBin } from '../api/getOverview';
import type { HistoryWeek } from '../api/getOverviewHistory';
import { STAGES } from '../utils/stages';
import { formatWeekId } from '../../../lib/dates';

/*
 * The overview's charts, in one module loaded on demand (`React.lazy`): chart.js and react-chartjs-2 come with this
 * chunk only, after the page's text and figures are on screen. Only the pieces drawn here are registered.
 */
Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Filler,
  Legend,
  Tooltip,
);

const FONT: Partial<FontSpec> = { family: 'Vazirmatn, system-ui, sans-serif' };

const CONNECTED_COLOUR = '#0b5394';
const SINGLE_WINDOW_COLOUR = '#b45309';
const BAR_COLOUR = '#0b5394';

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** What every chart here shares: the font, the reading direction of legend and tooltip, Persian digits, motion. */
function baseOptions(language: Language) {
  const rtl = directionOf(language) === 'rtl';
  const textDirection = rtl ? 'rtl' : 'ltr';
  return {
    rtl,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: prefersReducedMotion() ? (false as const) : undefined,
      font: FONT,
      interaction: { mode: 'index' as const, intersect: false },
      plugins: {
        legend: { position: 'bottom' as const, rtl, textDirection, labels: { font: FONT, usePointStyle: true } },
        tooltip: { rtl, textDirection, titleFont: FONT, bodyFont: FONT, footerFont: FONT },
      },
    },
    countTicks: {
      precision: 0,
      font: FONT,
      callback: (value: string | number) => formatInteger(Number(value), language),
    },
  };
}

interface AgencyTrendChartProps {
  weeks: HistoryWeek[];
  /** The agencies counted: the top of the scale. */
  agencies: number;
  /** The chart's accessible name. */
  label: string;
}

/** Agencies connected to the national window and agencies with a single window, one point per week. */
export function AgencyTrendChart({ weeks, agencies, label }: AgencyTrendChartProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { rtl, options: base, countTicks } = baseOptions(language);

  const data: ChartData<'line', number[], string> = {
    labels: weeks.map((week) => formatWeekId(week.week, language)),
    datasets: [
      {
        label: t('overview.history.connected'),
        data: weeks.map((week) => week.connected),
        borderColor: CONNECTED_COLOUR,
        backgroundColor: CONNECTED_COLOUR,
        borderWidth: 3,
        pointStyle: 'circle',
        pointRadius: weeks.length > 60 ? 0 : 3,
        tension: 0,
      },
      {
        label: t('overview.history.singleWindows'),
        data: weeks.map((week) => week.singleWindows),
        borderColor: SINGLE_WINDOW_COLOUR,
        backgroundColor: SINGLE_WINDOW_COLOUR,
        borderWidth: 2,
        // Dashed, with square points: the two lines differ by more than their colour.
        borderDash: [6, 4],
        pointStyle: 'rect',
        pointRadius: weeks.length > 60 ? 0 : 3,
        tension: 0,
      },
    ],
  };

  const options: ChartOptions<'line'> = {
    ...base,
    scales: {
      // Time runs in reading order: from the right in Persian.
      x: { reverse: rtl, ticks: { font: FONT, autoSkip: true, maxRotation: 0 }, grid: { display: false } },
      y: {
        beginAtZero: true,
        suggestedMax: agencies,
        position: rtl ? 'right' : 'left',
        title: { display: true, text: t('overview.history.agenciesAxis'), font: FONT },
        ticks: countTicks,
      },
    },
    plugins: {
      ...base.plugins,
      tooltip: {
        ...base.plugins.tooltip,
        callbacks: {
          label: (item) => `${item.dataset.label ?? ''}: ${formatInteger(item.parsed.y ?? 0, language)}`,
        },
      },
    },
  };

  return (
    <div className="overview-chart">
      <Line data={data} options={options} role="img" aria-label={label} />
    </div>
  );
}

interface ServiceStageChartProps {
  weeks: HistoryWeek[];
  label: string;
}

/** Services in each stage, stacked, one point per week. */
export function ServiceStageChart({ weeks, label }: ServiceStageChartProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { rtl, options: base, countTicks } = baseOptions(language);

  const data: ChartData<'line', number[], string> = {
    labels: weeks.map((week) => formatWeekId(week.week, language)),
    datasets: STAGES.map((stage, index) => ({
      label: t(stage.label),
      data: weeks.map((week) => week.services[stage.key]),
      borderColor: stage.colour,
      backgroundColor: `${stage.colour}cc`,
      borderWidth: 1,
      pointRadius: 0,
      fill: index === 0 ? 'origin' : '-1',
      tension: 0,
    })),
  };

  const options: ChartOptions<'line'> = {
    ...base,
    scales: {
      x: { reverse: rtl, ticks: { font: FONT, autoSkip: true, maxRotation: 0 }, grid: { display: false } },
      y: {
        stacked: true,
        beginAtZero: true,
        position: rtl ? 'right' : 'left',
        title: { display: true, text: t('overview.history.servicesAxis'), font: FONT },
        ticks: countTicks,
      },
    },
    plugins: {
      ...base.plugins,
      tooltip: {
        ...base.plugins.tooltip,
        callbacks: {
          label: (item) => `${item.dataset.label ?? ''}: ${formatInteger(Number(item.raw ?? 0), language)}`,
          footer: (items) => {
            const week = weeks[items[0]?.dataIndex ?? 0];
            if (!week) return '';
            const total = STAGES.reduce((sum, stage) => sum + week.services[stage.key], 0);
            return `${t('overview.history.total')}: ${formatInteger(total, language)}`;
          },
        },
      },
    },
  };

  return (
    <div className="overview-chart">
      <Line data={data} options={options} role="img" aria-label={label} />
    </div>
  );
}

interface ScoreHistogramChartProps {
  bins: ScoreBin[];
  label: string;
}

/** Agencies in each ten-point band of the quality score. */
export function ScoreHistogramChart({ bins, label }: ScoreHistogramChartProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { rtl, options: base, countTicks } = baseOptions(language);

  const data: ChartData<'bar', number[], string> = {
    labels: bins.map((bin) =>
      t('overview.scores.bin', { from: formatInteger(bin.from, language), to: formatInteger(bin.to, language) }),
    ),
    datasets: [
      {
        label: t('overview.scores.agencies'),
        data: bins.map((bin) => bin.count),
        backgroundColor: BAR_COLOUR,
        borderColor: '#ffffff',
        borderWidth: 1,
        // Touching bars: a histogram of adjoining bands.
        categoryPercentage: 1,
        barPercentage: 1,
      },
    ],
  };

  const options: ChartOptions<'bar'> = {
    ...base,
    scales: {
      x: {
        reverse: rtl,
        title: { display: true, text: t('overview.scores.binColumn'), font: FONT },
        ticks: { font: FONT, maxRotation: 0 },
        grid: { display: false },
      },
      y: {
        beginAtZero: true,
        position: rtl ? 'right' : 'left',
        title: { display: true, text: t('overview.scores.agencies'), font: FONT },
        ticks: countTicks,
      },
    },
    plugins: {
      ...base.plugins,
      legend: { display: false },
      tooltip: {
        ...base.plugins.tooltip,
        callbacks: {
          label: (item) => `${t('overview.scores.agencies')}: ${formatInteger(item.parsed.y ?? 0, language)}`,
        },
      },
    },
  };

  return (
    <div className="overview-chart">
      <Bar data={data} options={options} role="img" aria-label={label} />
    </div>
  );
}
