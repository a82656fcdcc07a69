import type { HistoryStageCounts } from '../api/getOverviewHistory';

/** The four stages of a service, in order, as the history names them, with the shared i18n key (`stage.*`). */
export const STAGES = [
  { key: 'notElectronic', label: 'stage.not_electronic', colour: '#6b7280' },
  { key: 'electronic', label: 'stage.electronic', colour: '#b45309' },
  { key: 'singleWindow', label: 'stage.single_window', colour: '#3b82f6' },
  { key: 'nationalWindow', label: 'stage.national_window', colour: '#0b5394' },
] as const satisfies readonly { key: keyof HistoryStageCounts; label: string; colour: string }[];

export function totalServices(services: HistoryStageCounts): number {
  return STAGES.reduce((sum, stage) => sum + services[stage.key], 0);
}
