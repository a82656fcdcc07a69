import type { AgencyProgressKind } from '../agencies/agency-progress-event.entity.js';
import type { ServiceStage } from '../catalogue/stages.js';

/**
 * The rules of connection progress, as pure functions: the manual endpoints and the spreadsheet import both
 * use them, so a date refused in one is refused in the other.
 */

/** The stages a service or system can be recorded as reaching (not_electronic is where everything starts). */
export const RECORDABLE_STAGES = ['electronic', 'single_window', 'national_window'] as const;
export type RecordableStage = (typeof RECORDABLE_STAGES)[number];

export interface StageDates {
  electronicOn: string | null;
  singleWindowOn: string | null;
  nationalWindowOn: string | null;
}

export const STAGE_DATE_FIELD: Record<RecordableStage, keyof StageDates> = {
  electronic: 'electronicOn',
  single_window: 'singleWindowOn',
  national_window: 'nationalWindowOn',
};

/** The stages that come before `stage`, and `stage` itself, in order. */
export function stagesUpTo(stage: RecordableStage): RecordableStage[] {
  return RECORDABLE_STAGES.slice(0, RECORDABLE_STAGES.indexOf(stage) + 1);
}

/** The stages (generated `stage` column values) of rows that have not reached `stage` yet. */
export function stagesBefore(stage: RecordableStage): ServiceStage[] {
  return (['not_electronic', ...RECORDABLE_STAGES] as ServiceStage[]).slice(0, RECORDABLE_STAGES.indexOf(stage) + 1);
}

/** The same rule as the CHECK constraints on `e_service` and `agency_system`: each later stage no earlier. */
export function stageDatesInOrder(d: StageDates): boolean {
  const e = d.electronicOn;
  const s = d.singleWindowOn;
  const n = d.nationalWindowOn;
  if (s !== null && (e === null || e > s)) return false;
  if (n !== null && (e === null || e > n || (s !== null && s > n))) return false;
  return true;
}

export type StageChange =
  { ok: true; dates: StageDates; stagesSet: RecordableStage[] } | { ok: false; dates: StageDates };

/**
 * Records that `stage` was reached on `day`. A later stage implies the earlier ones: an earlier stage not yet
 * reached is reached the same day. `stagesSet` lists the stages whose day is recorded (the stage itself always,
 * even when the day is the same, so that a note or confirmation leaves a ledger row). Refused (`ok: false`)
 * when the days would be out of order, e.g. a single window before the service was electronic.
 */
export function applyStage(current: StageDates, stage: RecordableStage, day: string): StageChange {
  const dates: StageDates = { ...current, [STAGE_DATE_FIELD[stage]]: day };
  const stagesSet: RecordableStage[] = [];
  for (const earlier of stagesUpTo(stage)) {
    const field = STAGE_DATE_FIELD[earlier];
    if (earlier === stage) stagesSet.push(earlier);
    else if (dates[field] === null) {
      dates[field] = day;
      stagesSet.push(earlier);
    }
  }
  return stageDatesInOrder(dates) ? { ok: true, dates, stagesSet } : { ok: false, dates };
}

export interface AgencyProgressDates {
  singleWindowLaunchedOn: string | null;
  nationalWindowConnectedOn: string | null;
}

/**
 * The same rule as `CHK_agency_progress_dates`: a national-window connection needs a single window launched no
 * later. Returns the dates after recording `kind` on `day`, or null when they would be out of order.
 */
export function applyAgencyProgress(
  current: AgencyProgressDates,
  kind: AgencyProgressKind,
  day: string,
): AgencyProgressDates | null {
  const next =
    kind === 'single_window_launched'
      ? { ...current, singleWindowLaunchedOn: day }
      : { ...current, nationalWindowConnectedOn: day };
  const { singleWindowLaunchedOn: launched, nationalWindowConnectedOn: connected } = next;
  if (connected !== null && (launched === null || launched > connected)) return null;
  return next;
}
