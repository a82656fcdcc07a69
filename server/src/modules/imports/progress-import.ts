import type { EntityManager } from 'typeorm';
import { parseDay } from '../../common/dates/jalali.js';
import type { AgencyProgressKind } from '../agencies/agency-progress-event.entity.js';
import type { Actor } from '../auth/auth-user.js';
import { tehranToday } from '../../common/dates/calendar-day.js';
import { isHttpUrl } from '../../common/validation/http-url.js';
import { applyAgencyProgress } from '../progress/progress-rules.js';
import { AgencyMatcher, readAgencyCell, type AgencyRef } from './agency-matcher.js';
import type { ProgressService } from '../progress/progress.service.js';
import { selectAgencyProgressStates } from './imports.queries.js';
import { cellsByHeader, headerKey, layoutColumns, type ImportColumn } from './columns.js';
import { problem, type ImportProblem } from './import-problems.js';
import { emptyRow, type ImportContext, type ParsedRow, type RowAction, type ValidatedImport } from './import-types.js';
import { ImportConcurrentChangeException } from './imports.exception.js';
import type { Sheet } from '../../common/spreadsheet/read-spreadsheet.js';

/** The columns of a progress file, with the Persian headers also understood. `url` and `note` may be left out. */
export const PROGRESS_COLUMNS = {
  agency: ['agency_code', 'دستگاه', 'نام دستگاه', 'کد دستگاه'],
  event: ['kind', 'رویداد', 'نوع رویداد'],
  date: ['occurred_on', 'تاریخ', 'تاریخ رویداد'],
  url: ['نشانی', 'نشانی پنجره واحد', 'آدرس', 'link'],
  note: ['یادداشت', 'توضیح', 'توضیحات'],
} as const;
type ProgressColumn = keyof typeof PROGRESS_COLUMNS;
const REQUIRED = ['agency', 'event', 'date'] as const;

/** The titles of the columns, as the template's guide gives them. */
export const PROGRESS_COLUMN_TITLES: Record<ProgressColumn, { fa: string; en: string }> = {
  agency: { fa: 'دستگاه', en: 'Agency' },
  event: { fa: 'رویداد', en: 'Event' },
  date: { fa: 'تاریخ رویداد', en: 'Day of the event' },
  url: { fa: 'نشانی پنجره واحد', en: 'Single window address' },
  note: { fa: 'یادداشت', en: 'Note' },
};
const NOTE_MAX = 2000;

/** The Persian labels people write for each event, as in the template. */
export const EVENT_LABELS: Record<AgencyProgressKind, { fa: string; en: string }> = {
  single_window_launched: { fa: 'راه‌اندازی پنجره واحد', en: 'Single window launched' },
  national_window_connected: { fa: 'اتصال به پنجره ملی', en: 'Connected to the national window' },
};

const EVENT_BY_KEY = new Map<string, AgencyProgressKind>();
for (const [kind, labels] of Object.entries(EVENT_LABELS) as Array<[AgencyProgressKind, { fa: string; en: string }]>) {
  const short = kind === 'single_window_launched' ? ['پنجره واحد', 'single window'] : ['پنجره ملی', 'national window'];
  for (const label of [kind, labels.fa, labels.en, ...short]) EVENT_BY_KEY.set(headerKey(label), kind);
}

interface EventPart {
  row: number;
  day: string;
  url: string | null;
  note: string | null;
}

export interface ProgressPlanAgency {
  agencyId: string;
  version: number;
  before: {
    singleWindowLaunchedOn: string | null;
    singleWindowUrl: string | null;
    nationalWindowConnectedOn: string | null;
  };
  launch: EventPart | null;
  connect: EventPart | null;
}

interface RowDraft {
  out: ParsedRow;
  agency: AgencyRef;
  kind: AgencyProgressKind;
  part: EventPart;
}

/** Reads and checks a progress file against the agencies and their recorded days now in the database. */
export async function validateProgress(
  manager: EntityManager,
  sheet: Sheet,
  lock: boolean,
): Promise<ValidatedImport<ProgressPlanAgency[]>> {
  const { header } = sheet;
  const base = {
    format: sheet.format,
    columns: header?.cells ?? [],
    columnDetails: [] as ImportColumn[],
    plan: [] as ProgressPlanAgency[],
  };
  if (!header || sheet.rows.length === 0) return { ...base, rows: [], problems: [problem.emptyFile()] };

  const matcher = await AgencyMatcher.load(manager);
  const layout = layoutColumns(
    header,
    sheet.rows,
    PROGRESS_COLUMNS,
    () => undefined,
    (name) =>
      name in PROGRESS_COLUMN_TITLES ? { key: name, ...PROGRESS_COLUMN_TITLES[name as ProgressColumn] } : undefined,
  );
  const problems: ImportProblem[] = [...layout.problems];
  const missing = REQUIRED.filter((name) => !layout.index.has(name));
  for (const name of missing) problems.push(problem.missingColumn(header.row, layout.ref(name)));
  const described = { columns: layout.headers, columnDetails: layout.columns };
  if (missing.length > 0) {
    const rows = sheet.rows.map((r) => emptyRow(r.row, cellsByHeader(layout.headers, r)));
    return { ...base, ...described, rows, problems };
  }
  const col = (name: string) => layout.ref(name);
  const today = tehranToday();

  const rows: ParsedRow[] = [];
  const drafts: RowDraft[] = [];
  const problemsByRow = new Map<number, ImportProblem[]>();
  const firstRow = new Map<string, number>();
  for (const sheetRow of sheet.rows) {
    const n = sheetRow.row;
    const out = emptyRow(n, cellsByHeader(layout.headers, sheetRow));
    const found: ImportProblem[] = [];
    const cell = (name: string) => {
      const index = layout.index.get(name);
      return index === undefined ? '' : (sheetRow.cells[index] ?? '');
    };

    const agency = readAgencyCell(matcher, cell('agency'), { row: n, column: col('agency') }, out, found);

    const eventText = cell('event');
    const kind = eventText === '' ? undefined : EVENT_BY_KEY.get(headerKey(eventText));
    if (eventText === '') found.push(problem.missingValue(n, col('event')));
    else if (!kind) found.push(problem.unknownEvent(n, col('event'), eventText));
    out.event = kind ?? null;

    const dayText = cell('date');
    let day: string | null = null;
    if (dayText === '') found.push(problem.missingValue(n, col('date')));
    else {
      day = parseDay(dayText);
      if (day === null) found.push(problem.invalidDate(n, col('date'), dayText));
      else if (day > today) found.push(problem.dateInFuture(n, col('date'), dayText));
      out.date = day;
    }

    const url = cell('url') || null;
    if (url !== null && !isHttpUrl(url)) found.push(problem.invalidUrl(n, col('url'), url));
    else if (url === null && kind === 'single_window_launched') found.push(problem.missingValue(n, col('url')));
    out.url = url;

    const note = cell('note') || null;
    if (note !== null && note.length > NOTE_MAX) found.push(problem.valueTooLong(n, col('note'), NOTE_MAX));
    out.note = note;

    if (agency && kind) {
      const key = `${agency.id}|${kind}`;
      const first = firstRow.get(key);
      if (first !== undefined) found.push(problem.duplicateRow(n, col('agency'), first));
      else firstRow.set(key, n);
    }

    if (found.length === 0 && agency && kind && day)
      drafts.push({ out, agency, kind, part: { row: n, day, url, note } });
    problemsByRow.set(n, found);
    rows.push(out);
  }

  // Against the recorded days: the file's rows of one agency together with what it does not change.
  const ids = [...new Set(drafts.map((d) => d.agency.id))].sort();
  const states = await selectAgencyProgressStates(manager, ids, lock);
  const stateById = new Map(states.map((s) => [s.id, s]));
  const byAgency = new Map<string, { launch?: RowDraft; connect?: RowDraft }>();
  for (const d of drafts) {
    const entry = byAgency.get(d.agency.id) ?? {};
    entry[d.kind === 'single_window_launched' ? 'launch' : 'connect'] = d;
    byAgency.set(d.agency.id, entry);
  }
  const plan: ProgressPlanAgency[] = [];
  for (const [agencyId, { launch, connect }] of byAgency) {
    const state = stateById.get(agencyId)!;
    const current = { singleWindowLaunchedOn: state.launched, nationalWindowConnectedOn: state.connected };
    let next = launch ? applyAgencyProgress(current, 'single_window_launched', launch.part.day) : current;
    if (next && connect) next = applyAgencyProgress(next, 'national_window_connected', connect.part.day);
    const launchAction = launch
      ? actionFor(state.launched === null, state.launched === launch.part.day && state.url === launch.part.url)
      : null;
    const connectAction = connect ? actionFor(state.connected === null, state.connected === connect.part.day) : null;
    if (!next) {
      // The connection row is blamed when there is one; a launch row that is fine on its own stays valid.
      const blamed = connect ?? launch!;
      const launchedOn = launch?.part.day ?? state.launched;
      const connectedOn = connect?.part.day ?? state.connected ?? '';
      problemsByRow
        .get(blamed.part.row)!
        .push(problem.datesOutOfOrder(blamed.part.row, col('date'), launchedOn, connectedOn));
      if (launch && blamed !== launch && applyAgencyProgress(current, 'single_window_launched', launch.part.day)) {
        Object.assign(launch.out, { status: 'valid', action: launchAction });
      }
      continue;
    }
    if (launch) Object.assign(launch.out, { status: 'valid', action: launchAction });
    if (connect) Object.assign(connect.out, { status: 'valid', action: connectAction });
    const launchPart = launch && launchAction !== 'unchanged' ? launch.part : null;
    const connectPart = connect && connectAction !== 'unchanged' ? connect.part : null;
    if (launchPart || connectPart) {
      plan.push({
        agencyId,
        version: state.version,
        before: {
          singleWindowLaunchedOn: state.launched,
          singleWindowUrl: state.url,
          nationalWindowConnectedOn: state.connected,
        },
        launch: launchPart,
        connect: connectPart,
      });
    }
  }
  for (const rowProblems of problemsByRow.values()) problems.push(...rowProblems);
  return { ...base, ...described, rows, problems, plan };
}

function actionFor(isNew: boolean, isSame: boolean): RowAction {
  return isNew ? 'create' : isSame ? 'unchanged' : 'update';
}

export interface ProgressCommitCounts {
  recordedEvents: number;
  updatedAgencies: number;
}

/**
 * Writes a checked progress file through the progress feature's own writer, the one `POST /agencies/:id/progress`
 * uses: the same ledger rows, the same days and versions, the same audit record per agency (the reason names the
 * import). Set-based, whatever the number of agencies.
 */
export function commitProgress(
  manager: EntityManager,
  plan: ProgressPlanAgency[],
  actor: Actor,
  context: ImportContext,
  progress: ProgressService,
): Promise<ProgressCommitCounts> {
  const reason = `import ${context.importId}: ${context.fileName}`;
  return progress.writeAgencyProgress(
    manager,
    plan.map((p) => ({
      agencyId: p.agencyId,
      before: { ...p.before, version: p.version },
      events: [
        ...(p.launch ? [{ kind: 'single_window_launched' as const, ...eventOf(p.launch) }] : []),
        ...(p.connect ? [{ kind: 'national_window_connected' as const, ...eventOf(p.connect) }] : []),
      ],
      reason,
    })),
    actor,
    { source: 'import', onStale: () => new ImportConcurrentChangeException() },
  );
}

function eventOf(part: EventPart): { occurredOn: string; url: string | null; note: string | null } {
  return { occurredOn: part.day, url: part.url, note: part.note };
}
