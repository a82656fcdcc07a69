/** The stages a service passes, in order. */
export const SERVICE_STAGES = ['not_electronic', 'electronic', 'single_window', 'national_window'] as const;
export type ServiceStage = (typeof SERVICE_STAGES)[number];

/** Where a ledger row (a service's stage, an agency's progress) came from. */
export const RECORD_SOURCES = ['seed', 'manual', 'import', 'system'] as const;
export type RecordSource = (typeof RECORD_SOURCES)[number];

export const SERVICE_AUDIENCES = ['g2c', 'g2b', 'g2g'] as const;
export type ServiceAudience = (typeof SERVICE_AUDIENCES)[number];

/** SQL that derives the stage from the dated columns; used by generated columns. */
export const STAGE_FROM_DATES_SQL = `CASE WHEN "national_window_on" IS NOT NULL THEN 'national_window' WHEN "single_window_on" IS NOT NULL THEN 'single_window' WHEN "electronic_on" IS NOT NULL THEN 'electronic' ELSE 'not_electronic' END`;

/** Each later stage needs the earlier ones, reached no later. */
export const STAGE_DATES_IN_ORDER_SQL = `("single_window_on" IS NULL OR ("electronic_on" IS NOT NULL AND "electronic_on" <= "single_window_on")) AND ("national_window_on" IS NULL OR ("electronic_on" IS NOT NULL AND "electronic_on" <= "national_window_on" AND ("single_window_on" IS NULL OR "single_window_on" <= "national_window_on")))`;
