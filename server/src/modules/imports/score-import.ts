import type { EntityManager } from 'typeorm';
import { parseDay } from '../../common/dates/jalali.js';
import { decimalToUnits, unitsToDecimal } from '../../common/numbers/decimal.js';
import type { Actor } from '../auth/auth-user.js';
import type { ScoresService } from '../evaluations/scores.service.js';
import { readScoreValue, weightedTotal } from '../evaluations/scores.rules.js';
import type { SessionsService } from '../evaluations/sessions.service.js';
import { tehranToday } from '../../common/dates/calendar-day.js';
import { AgencyMatcher, readAgencyCell } from './agency-matcher.js';
import { cellsByHeader, headerKey, layoutColumns, type ColumnMeaning, type ImportColumn } from './columns.js';
import { ImportConcurrentChangeException } from './imports.exception.js';
import { problem, type ImportProblem } from './import-problems.js';
import {
  selectAllCriteria,
  selectRoundScores,
  selectRounds,
  selectSessionDays,
  type CriterionRow,
  type ExistingScoreRow,
  type RoundRef,
} from './imports.queries.js';
import { emptyRow, type ImportContext, type ParsedRow, type ValidatedImport } from './import-types.js';
import type { Sheet } from '../../common/spreadsheet/read-spreadsheet.js';

/** The fixed columns of a scores file, with the Persian headers also understood. */
export const SCORE_COLUMNS = {
  round_code: ['round', 'کد دوره', 'دوره', 'دوره ارزیابی'],
  agency: ['agency_code', 'دستگاه', 'نام دستگاه', 'کد دستگاه'],
  held_on: ['session_date', 'تاریخ جلسه', 'تاریخ'],
} as const;
type ScoreColumn = keyof typeof SCORE_COLUMNS;
const REQUIRED: ScoreColumn[] = ['round_code', 'agency', 'held_on'];

/** The titles of the fixed columns, as the template's guide gives them (a criterion column has its title). */
export const SCORE_COLUMN_TITLES: Record<ScoreColumn, { fa: string; en: string }> = {
  round_code: { fa: 'دوره ارزیابی', en: 'Evaluation round' },
  agency: { fa: 'دستگاه', en: 'Agency' },
  held_on: { fa: 'تاریخ جلسه', en: 'Session day' },
};

export interface ScorePlanRow {
  row: number;
  roundId: string;
  agencyId: string;
  heldOn: string;
  values: Array<{ criterionId: string; code: string; value: string }>;
  total: string;
  /** The draft it updates, with the version read (locked on a commit); null: a new score. */
  existing: { id: string; version: number } | null;
  /** An existing session of the same round, agency and day: used again instead of a second one. */
  sessionId: string | null;
}

/** Reads and checks a scores file against the rounds, criteria, agencies and scores now in the database. */
export async function validateScores(
  manager: EntityManager,
  sheet: Sheet,
  lock: boolean,
): Promise<ValidatedImport<ScorePlanRow[]>> {
  const { header } = sheet;
  const base = {
    format: sheet.format,
    columns: header?.cells ?? [],
    columnDetails: [] as ImportColumn[],
    plan: [] as ScorePlanRow[],
  };
  if (!header || sheet.rows.length === 0) return { ...base, rows: [], problems: [problem.emptyFile()] };

  const rounds = await selectRounds(manager, lock);
  const criteria = await selectAllCriteria(manager);
  const matcher = await AgencyMatcher.load(manager);
  // A criterion column by its header's key: the first criterion with that code (criteria of one set share none).
  const criterionByKey = new Map<string, CriterionRow>();
  for (const c of criteria) if (!criterionByKey.has(headerKey(c.code))) criterionByKey.set(headerKey(c.code), c);
  const meaning = (name: string): ColumnMeaning | undefined => {
    if (name in SCORE_COLUMN_TITLES) return { key: name, ...SCORE_COLUMN_TITLES[name as ScoreColumn] };
    const criterion = name.startsWith('criterion:') ? criterionByKey.get(name.slice('criterion:'.length)) : undefined;
    return criterion && { key: criterion.code, fa: criterion.titleFa, en: criterion.titleEn };
  };
  const layout = layoutColumns(
    header,
    sheet.rows,
    SCORE_COLUMNS,
    (key) => (criterionByKey.has(key) ? `criterion:${key}` : undefined),
    meaning,
  );
  const problems: ImportProblem[] = [...layout.problems];
  const missingFixed = REQUIRED.filter((name) => !layout.index.has(name));
  for (const name of missingFixed) problems.push(problem.missingColumn(header.row, layout.ref(name)));
  const rowsOut = (): ParsedRow[] => sheet.rows.map((r) => emptyRow(r.row, cellsByHeader(layout.headers, r)));
  const described = { columns: layout.headers, columnDetails: layout.columns };
  if (missingFixed.length > 0) return { ...base, ...described, rows: rowsOut(), problems };

  const at = (name: string) => layout.index.get(name)!;
  const col = (name: string) => layout.ref(name);
  const roundsByCode = new Map(rounds.map((r) => [r.code.toLowerCase(), r]));
  const criteriaBySet = new Map<string, CriterionRow[]>();
  for (const c of criteria) criteriaBySet.set(c.criteriaSetId, [...(criteriaBySet.get(c.criteriaSetId) ?? []), c]);

  const usedRounds = new Map<string, RoundRef>();
  for (const r of sheet.rows) {
    const round = roundsByCode.get((r.cells[at('round_code')] ?? '').toLowerCase());
    if (round) usedRounds.set(round.id, round);
  }
  const roundIds = [...usedRounds.keys()];
  const existing = await selectRoundScores(manager, roundIds, lock);
  const sessions = await selectSessionDays(manager, roundIds);
  const scoreByKey = new Map(existing.map((s) => [`${s.roundId}|${s.agencyId}`, s]));
  const sessionByKey = new Map(sessions.map((s) => [`${s.roundId}|${s.agencyId}|${s.heldOn}`, s.id]));

  // Per criteria set: do the weights add up to 100, and does the file have a column for each criterion?
  const setWeights = new Map<string, { ok: boolean; sum: string }>();
  const setComplete = new Map<string, boolean>();
  for (const round of usedRounds.values()) {
    if (setWeights.has(round.criteriaSetId)) continue;
    const set = criteriaBySet.get(round.criteriaSetId) ?? [];
    const sum = set.reduce((acc, c) => acc + decimalToUnits(c.weight), 0);
    setWeights.set(round.criteriaSetId, { ok: sum === 10_000, sum: unitsToDecimal(sum) });
    const missing = set.filter((c) => !layout.index.has(`criterion:${headerKey(c.code)}`));
    for (const c of missing) {
      problems.push(problem.missingColumn(header.row, { header: c.code, fa: c.titleFa, en: c.titleEn }));
    }
    setComplete.set(round.criteriaSetId, missing.length === 0 && set.length > 0);
  }

  const today = tehranToday();
  const firstRow = new Map<string, number>();
  const rows: ParsedRow[] = [];
  const plan: ScorePlanRow[] = [];
  for (const sheetRow of sheet.rows) {
    const n = sheetRow.row;
    const out = emptyRow(n, cellsByHeader(layout.headers, sheetRow));
    const found: ImportProblem[] = [];
    const cell = (name: string) => sheetRow.cells[at(name)] ?? '';

    const roundText = cell('round_code');
    let round: RoundRef | undefined;
    if (roundText === '') found.push(problem.missingValue(n, col('round_code')));
    else {
      round = roundsByCode.get(roundText.toLowerCase());
      out.roundCode = round?.code ?? roundText;
      if (!round) found.push(problem.unknownRound(n, col('round_code'), roundText));
      else if (round.status === 'closed') found.push(problem.roundClosed(n, col('round_code'), round.code));
      else if (!setWeights.get(round.criteriaSetId)!.ok) {
        found.push(problem.weightsNot100(n, col('round_code'), round.code, setWeights.get(round.criteriaSetId)!.sum));
      }
    }

    const agency = readAgencyCell(matcher, cell('agency'), { row: n, column: col('agency') }, out, found);

    const dayText = cell('held_on');
    let heldOn: string | null = null;
    if (dayText === '') found.push(problem.missingValue(n, col('held_on')));
    else {
      heldOn = parseDay(dayText);
      if (heldOn === null) found.push(problem.invalidDate(n, col('held_on'), dayText));
      else if (heldOn > today) found.push(problem.dateInFuture(n, col('held_on'), dayText));
      else if (round && (heldOn < round.startsOn || heldOn > round.endsOn)) {
        found.push(problem.dateOutsideRound(n, col('held_on'), dayText, round.startsOn, round.endsOn));
      }
      out.heldOn = heldOn;
    }

    const values: ScorePlanRow['values'] = [];
    const weighted: Array<{ weight: string; value: string }> = [];
    let complete = false;
    if (round) {
      const set = criteriaBySet.get(round.criteriaSetId) ?? [];
      complete = setComplete.get(round.criteriaSetId) ?? false;
      const scores: Record<string, string> = {};
      const inSet = new Set<string>();
      for (const criterion of set) {
        const name = `criterion:${headerKey(criterion.code)}`;
        inSet.add(name);
        const index = layout.index.get(name);
        if (index === undefined) continue;
        const header = layout.ref(name);
        const text = sheetRow.cells[index] ?? '';
        scores[criterion.code] = text;
        if (text === '') {
          found.push(problem.missingValue(n, header));
          continue;
        }
        const checked = readScoreValue(text);
        if (!checked.ok) {
          const make = { nan: problem.notANumber, decimals: problem.tooManyDecimals, range: problem.scoreOutOfRange };
          found.push(make[checked.problem](n, header, text));
          continue;
        }
        scores[criterion.code] = checked.value;
        values.push({ criterionId: criterion.id, code: criterion.code, value: checked.value });
        weighted.push({ weight: criterion.weight, value: checked.value });
      }
      for (const [name, index] of layout.index) {
        if (name.startsWith('criterion:') && !inSet.has(name) && (sheetRow.cells[index] ?? '') !== '') {
          found.push(problem.criterionNotInRound(n, layout.ref(name), round.code));
        }
      }
      out.scores = scores;
    }

    let existingScore: ExistingScoreRow | undefined;
    // The row says exactly what is recorded (same session day, same value for every criterion): nothing to write.
    let recordedSo = false;
    if (round && agency) {
      const key = `${round.id}|${agency.id}`;
      const first = firstRow.get(key);
      if (first !== undefined) found.push(problem.duplicateRow(n, col('agency'), first));
      else firstRow.set(key, n);
      existingScore = scoreByKey.get(key);
      recordedSo =
        complete && existingScore !== undefined && heldOn !== null && isRecordedSo(existingScore, heldOn, values);
      // A score past its draft cannot be changed by a file; the same file again changes nothing, so it may come back.
      if (existingScore && existingScore.status !== 'draft' && round.status !== 'closed' && !recordedSo) {
        found.push(problem.scoreNotDraft(n, col('agency'), existingScore.status));
      }
    }

    if (found.length === 0 && complete && round && agency && heldOn) {
      out.status = 'valid';
      out.action = recordedSo ? 'unchanged' : existingScore ? 'update' : 'create';
      out.total = weightedTotal(weighted);
      if (!recordedSo) {
        plan.push({
          row: n,
          roundId: round.id,
          agencyId: agency.id,
          heldOn,
          values,
          total: out.total,
          existing: existingScore ? { id: existingScore.id, version: existingScore.version } : null,
          sessionId: sessionByKey.get(`${round.id}|${agency.id}|${heldOn}`) ?? null,
        });
      }
    }
    problems.push(...found);
    rows.push(out);
  }
  return { ...base, ...described, rows, problems, plan };
}

/**
 * Whether a score already holds what a row says: its session is on the row's day and each criterion has the same
 * value. Values are compared as numbers of hundredths ("26.7", "26.70" and the database's "26.70" are one value),
 * by criterion id (the order of the columns does not matter).
 */
export function isRecordedSo(
  score: Pick<ExistingScoreRow, 'heldOn' | 'values'>,
  heldOn: string,
  values: ScorePlanRow['values'],
): boolean {
  if (score.heldOn !== heldOn) return false;
  const recorded = Object.entries(score.values);
  if (recorded.length !== values.length) return false;
  return values.every((v) => {
    const stored = score.values[v.criterionId];
    return stored !== undefined && decimalToUnits(stored) === decimalToUnits(v.value);
  });
}

export interface ScoreCommitCounts {
  createdSessions: number;
  reusedSessions: number;
  createdScores: number;
  updatedScores: number;
}

/**
 * Writes a checked scores file through the evaluations' own writers, the ones the session form and
 * `PATCH /scores/:id` use: the sessions the file needs (one per round, agency and day not yet held), then every
 * score in one set-based write, audited exactly as a score entered by hand (the reason names the import).
 */
export async function commitScores(
  manager: EntityManager,
  plan: ScorePlanRow[],
  actor: Actor,
  context: ImportContext,
  writers: { scores: ScoresService; sessions: SessionsService },
): Promise<ScoreCommitCounts> {
  if (plan.length === 0) return { createdSessions: 0, reusedSessions: 0, createdScores: 0, updatedScores: 0 };
  const reason = `import ${context.importId}: ${context.fileName}`;
  const needed = plan.filter((p) => !p.sessionId);
  const created = await writers.sessions.insert(
    manager,
    needed.map((p) => ({
      roundId: p.roundId,
      agencyId: p.agencyId,
      heldOn: p.heldOn,
      representatives: [],
      notes: '',
      internalNotes: '',
      evaluatorIds: [actor.user.id],
    })),
    actor,
    reason,
  );
  const sessionOfRow = new Map(needed.map((p, i) => [p.row, created[i]!.id]));
  const before = await writers.scores.current(
    manager,
    plan.flatMap((p) => (p.existing ? [p.existing.id] : [])),
  );
  const beforeById = new Map(before.map((b) => [b.id, b]));
  await writers.scores.write(
    manager,
    plan.map((p) => ({
      roundId: p.roundId,
      agencyId: p.agencyId,
      sessionId: p.sessionId ?? sessionOfRow.get(p.row)!,
      values: p.values,
      total: p.total,
      existing: p.existing ? { ...p.existing, before: beforeById.get(p.existing.id)! } : null,
      correction: null,
    })),
    actor,
    { reason, onStale: () => new ImportConcurrentChangeException() },
  );
  const updatedScores = plan.filter((p) => p.existing).length;
  return {
    createdSessions: created.length,
    reusedSessions: plan.length - created.length,
    createdScores: plan.length - updatedScores,
    updatedScores,
  };
}
