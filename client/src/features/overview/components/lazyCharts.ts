import { lazy } from 'react';

/** The one chunk with chart.js: fetched after the page's text and figures, and only by pages that draw these charts. */
const loadCharts = () => import('./OverviewCharts');

export const AgencyTrendChart = lazy(async () => ({ default: (await loadCharts()).AgencyTrendChart }));
export const ServiceStageChart = lazy(async () => ({ default: (await loadCharts()).ServiceStageChart }));
export const ScoreHistogramChart = lazy(async () => ({ default: (await loadCharts()).ScoreHistogramChart }));
