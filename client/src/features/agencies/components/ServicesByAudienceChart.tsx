import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../lib/language';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { AUDIENCES, STAGE_COLOURS, STAGES, type ServiceCounts } from '../utils/serviceCounts';

// Only what a stacked bar chart needs, so chart.js stays small and lands only in this chunk.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const FONT_FAMILY = 'Vazirmatn, system-ui, sans-serif';

interface ServicesByAudienceChartProps {
  counts: ServiceCounts;
  /** The chart's accessible name: what it shows and where the same figures are as a table. */
  label: string;
}

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * The agency's services as stacked bars: one bar per audience (citizens, businesses, government), each split into
 * the four stages. Loaded on demand (`React.lazy`), so chart.js is fetched only when a page draws it. The same
 * figures are in the table beside it.
 */
export function ServicesByAudienceChart({ counts, label }: ServicesByAudienceChartProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rtl = directionOf(language) === 'rtl';
  const font = { family: FONT_FAMILY };

  const data: ChartData<'bar', number[], string> = {
    labels: AUDIENCES.map((audience) => t(`audience.${audience}`)),
    datasets: STAGES.map((stage) => ({
      label: t(`stage.${stage}`),
      data: AUDIENCES.map((audience) => counts.byAudience[audience][stage]),
      backgroundColor: STAGE_COLOURS[stage],
      borderColor: '#ffffff',
      borderWidth: 1,
      stack: 'services',
    })),
  };

  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: prefersReducedMotion() ? false : undefined,
    font,
    scales: {
      x: {
        stacked: true,
        // Audiences run in reading order: from the right in Persian.
        reverse: rtl,
        ticks: { font },
        grid: { display: false },
      },
      y: {
        stacked: true,
        beginAtZero: true,
        position: rtl ? 'right' : 'left',
        title: { display: true, text: t('agency.servicesByAudience.axis'), font },
        ticks: { precision: 0, font, callback: (value) => formatInteger(Number(value), language) },
      },
    },
    plugins: {
      legend: {
        position: 'bottom',
        rtl,
        textDirection: rtl ? 'rtl' : 'ltr',
        labels: { font },
      },
      tooltip: {
        rtl,
        textDirection: rtl ? 'rtl' : 'ltr',
        titleFont: font,
        bodyFont: font,
        footerFont: font,
        callbacks: {
          label: (item) => `${item.dataset.label ?? ''}: ${formatInteger(item.parsed.y ?? 0, language)}`,
          footer: (items) => {
            const audience = AUDIENCES[items[0]?.dataIndex ?? 0]!;
            return t('agency.servicesByAudience.tooltipTotal', {
              total: formatInteger(counts.audienceTotals[audience], language),
            });
          },
        },
      },
    },
  };

  return (
    <div className="agency-chart">
      <Bar data={data} options={options} role="img" aria-label={label} />
    </div>
  );
}
