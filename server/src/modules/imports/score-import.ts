import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { parseDay } from '../../common/dates/parse-day.js';
import { decimalToUnits, parseDecimal, unitsToDecimal } from '../../common/numbers/decimal.js';
import type { Actor } from '../auth/auth-user.js';
import { tehranToday } from '../../common/dates/calendar-day.js';
import { AgencyMatcher, readAgencyCell } from './agency-matcher.js';
import { recordAuditBatch } from './audit-batch.js';
import { cellsByHeader, headerKey, layoutColumns } from './columns.js';
import { ImportConcurrentChangeException } from './imports.exception.js';
import { problem, type ImportProblem } from './import-problems.js';
import { emptyRow, type ImportContext, type ParsedRow, type ValidatedImport } from './import-types.js';
import type { Sheet } from './spreadsheet.js';

/** The fixed columns of a scores file, with the Persian headers also understood. */
export const SCORE_COLUMNS = {
  round_code: ['round', 'کد دوره', 'دوره', 'دوره ارزیابی'],
  agency: ['agency_code', 'دستگاه', 'نام دستگاه', 'کد دستگاه'],
  held_on: ['session_date', 'تاریخ جلسه', 'تاریخ'],
} as const;
type ScoreColumn = keyof typeof SCORE_COLUMNS;
const REQUIRED: ScoreColumn[] = ['round_code', 'agency', 'held_on'];

export interface RoundRef {
  id: string;
  code: string;
  status: 'open' | 'closed';
  startsOn: string;
  endsOn: string;
  criteriaSetId: string;
}

export interface CriterionRef {
  id: string;
  criteriaSetId: string;
  code: string;
  titleFa: string;
  titleEn: string;
  /** Exact decimal text, e.g. "25.00". */
  weight: string;
}

interface ExistingScore {
  id: string;
  roundId: string;
  agencyId: string;
  status: string;
}

export interface ScorePlanRow {
  row: number;
  roundId: string;
  agencyId: string;
  heldOn: string;
  values: Array<{ criterionId: string; code: string; value: string }>;
  total: string;
  existingScoreId: string | null;
  /** An existing session of the same round, agency and day: used again instead of a second one. */
  sessionId: string | null;
}

export async function loadRounds(manager: EntityManager, lock = false): Promise<RoundRef[]> {
  return manager.query<RoundRef[]>(
    `SELECT id, code, status, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn",
            criteria_set_id AS "criteriaSetId"
     FROM evaluation_round ORDER BY starts_on DESC, created_at DESC ${lock ? 'FOR SHARE' : ''}`,
  );
}

export async function loadCriteria(manager: EntityManager): Promise<CriterionRef[]> {
  return manager.query<CriterionRef[]>(
    `SELECT id, criteria_set_id AS "criteriaSetId", code, title_fa AS "titleFa", title_en AS "titleEn", weight::text AS weight
     FROM criterion ORDER BY sort_order, code`,
  );
}

type ScoreCheck = { ok: true; value: string } | { ok: false; problem: 'nan' | 'decimals' | 'range' };

/** A criterion score as typed: 0–100, at most two decimals (trailing zeros aside), in any digits, with ٫ or `.`. */
export function checkScore(text: string): ScoreCheck {
  const compact = text.replace(/[\s\u200c\u200d]+/g, '');
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(compact);
  if (!match) return { ok: false, problem: 'nan' };
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) return { ok: false, problem: 'decimals' };
  const value = parseDecimal(`${match[2]}${fraction ? `.${fraction}` : ''}`, 2);
  if (value === null) return { ok: false, problem: 'nan' };
  if (match[1] === '-' && decimalToUnits(value) !== 0) return { ok: false, problem: 'range' };
  if (decimalToUnits(value) > 10_000) return { ok: false, problem: 'range' };
  return { ok: true, value };
}

/** The weighted total out of 100, rounded half up to two decimals, computed exactly in hundredths. */
export function weightedTotal(values: Array<{ weight: string; value: string }>): string {
  const sum = values.reduce((acc, { weight, value }) => acc + decimalToUnits(weight) * decimalToUnits(value), 0);
  return unitsToDecimal(Math.floor((sum + 5_000) / 10_000));
}

/** Reads and checks a scores file against the rounds, criteria, agencies and scores now in the database. */
export async function validateScores(
  manager: EntityManager,
  sheet: Sheet,
  lock: boolean,
): Promise<ValidatedImport<ScorePlanRow[]>> {
  const { header } = sheet;
  const base = { format: sheet.format, columns: header?.cells ?? [], plan: [] as ScorePlanRow[] };
  if (!header || sheet.rows.length === 0) return { ...base, rows: [], problems: [problem.emptyFile()] };

  const rounds = await loadRounds(manager, lock);
  const criteria = await loadCriteria(manager);
  const matcher = await AgencyMatcher.load(manager);
  const criterionKeys = new Set(criteria.map((c) => headerKey(c.code)));
  const layout = layoutColumns(header, sheet.rows, SCORE_COLUMNS, (key) =>
    criterionKeys.has(key) ? `criterion:${key}` : undefined,
  );
  const problems: ImportProblem[] = [...layout.problems];
  const missingFixed = REQUIRED.filter((name) => !layout.index.has(name));
  for (const name of missingFixed) problems.push(problem.missingColumn(header.row, name));
  const rowsOut = (): ParsedRow[] => sheet.rows.map((r) => emptyRow(r.row, cellsByHeader(layout.headers, r)));
  if (missingFixed.length > 0) return { ...base, columns: layout.headers, rows: rowsOut(), problems };

  const at = (name: string) => layout.index.get(name)!;
  const col = (name: string) => layout.headers[at(name)]!;
  const roundsByCode = new Map(rounds.map((r) => [r.code.toLowerCase(), r]));
  const criteriaBySet = new Map<string, CriterionRef[]>();
  for (const c of criteria) criteriaBySet.set(c.criteriaSetId, [...(criteriaBySet.get(c.criteriaSetId) ?? []), c]);

  const usedRounds = new Map<string, RoundRef>();
  for (const r of sheet.rows) {
    const round = roundsByCode.get((r.cells[at('round_code')] ?? '').toLowerCase());
    if (round) usedRounds.set(round.id, round);
  }
  const roundIds = [...usedRounds.keys()];
  const existing = await manager.query<ExistingScore[]>(
    `SELECT id, round_id AS "roundId", agency_id AS "agencyId", status FROM score
     WHERE round_id = ANY($1::uuid[]) ORDER BY id ${lock ? 'FOR UPDATE' : ''}`,
    [roundIds],
  );
  const sessions = await manager.query<Array<{ id: string; roundId: string; agencyId: string; heldOn: string }>>(
    `SELECT DISTINCT ON (round_id, agency_id, held_on) id, round_id AS "roundId", agency_id AS "agencyId",
            to_char(held_on, 'YYYY-MM-DD') AS "heldOn"
     FROM evaluation_session WHERE round_id = ANY($1::uuid[]) ORDER BY round_id, agency_id, held_on, created_at, id`,
    [roundIds],
  );
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
    for (const c of missing) problems.push(problem.missingColumn(header.row, c.code));
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
        const header = layout.headers[index]!;
        const text = sheetRow.cells[index] ?? '';
        scores[criterion.code] = text;
        if (text === '') {
          found.push(problem.missingValue(n, header));
          continue;
        }
        const checked = checkScore(text);
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
          found.push(problem.criterionNotInRound(n, layout.headers[index]!, round.code));
        }
      }
      out.scores = scores;
    }

    let existingScore: ExistingScore | undefined;
    if (round && agency) {
      const key = `${round.id}|${agency.id}`;
      const first = firstRow.get(key);
      if (first !== undefined) found.push(problem.duplicateRow(n, col('agency'), first));
      else firstRow.set(key, n);
      existingScore = scoreByKey.get(key);
      if (existingScore && existingScore.status !== 'draft' && round.status !== 'closed') {
        found.push(problem.scoreNotDraft(n, col('agency'), existingScore.status));
      }
    }

    if (found.length === 0 && complete && round && agency && heldOn) {
      out.status = 'valid';
      out.action = existingScore ? 'update' : 'create';
      out.total = weightedTotal(weighted);
      plan.push({
        row: n,
        roundId: round.id,
        agencyId: agency.id,
        heldOn,
        values,
        total: out.total,
        existingScoreId: existingScore?.id ?? null,
        sessionId: sessionByKey.get(`${round.id}|${agency.id}|${heldOn}`) ?? null,
      });
    }
    problems.push(...found);
    rows.push(out);
  }
  return { ...base, columns: layout.headers, rows, problems, plan };
}

export interface ScoreCommitCounts {
  createdSessions: number;
  reusedSessions: number;
  createdScores: number;
  updatedScores: number;
}

/**
 * Writes a checked scores file, set-based: one statement each for the new sessions, the new draft scores, the
 * updated draft scores, their criterion scores and their totals (`round(sum(weight × value) / 100, 2)` in
 * numeric, exactly as everywhere else), then the audit records.
 */
export async function commitScores(
  manager: EntityManager,
  plan: ScorePlanRow[],
  actor: Actor,
  context: ImportContext,
): Promise<ScoreCommitCounts> {
  const reason = `import ${context.importId}: ${context.fileName}`;
  const rows = plan.map((p) => ({ ...p, newSessionId: p.sessionId ? null : randomUUID() }));
  const created = rows.filter((r) => r.newSessionId);
  await manager.query(
    `INSERT INTO evaluation_session (id, round_id, agency_id, held_on, created_by_id)
     SELECT s.id, s.round_id, s.agency_id, s.held_on, $5::uuid
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[]) AS s(id, round_id, agency_id, held_on)`,
    [
      created.map((r) => r.newSessionId),
      created.map((r) => r.roundId),
      created.map((r) => r.agencyId),
      created.map((r) => r.heldOn),
      actor.user.id,
    ],
  );

  const updates = rows.filter((r) => r.existingScoreId);
  const before = await manager.query<
    Array<{
      id: string;
      total: string;
      version: number;
      sessionId: string | null;
      values: Record<string, string> | null;
    }>
  >(
    `SELECT s.id, s.total::text AS total, s.version, s.session_id AS "sessionId",
            (SELECT jsonb_object_agg(c.code, cs.value::text) FROM criterion_score cs JOIN criterion c ON c.id = cs.criterion_id
             WHERE cs.score_id = s.id) AS values
     FROM score s WHERE s.id = ANY($1::uuid[])`,
    [updates.map((r) => r.existingScoreId)],
  );
  const updated = await manager.query<Array<{ id: string }>>(
    `WITH u AS (
       UPDATE score s SET session_id = v.session_id, version = s.version + 1, updated_at = now()
       FROM unnest($1::uuid[], $2::uuid[]) AS v(id, session_id)
       WHERE s.id = v.id AND s.status = 'draft'
       RETURNING s.id)
     SELECT id FROM u`,
    [updates.map((r) => r.existingScoreId), updates.map((r) => r.newSessionId ?? r.sessionId)],
  );
  if (updated.length !== updates.length) throw new ImportConcurrentChangeException();

  const inserts = rows.filter((r) => !r.existingScoreId).map((r) => ({ ...r, scoreId: randomUUID() }));
  await manager.query(
    `INSERT INTO score (id, round_id, agency_id, session_id, total, status)
     SELECT v.id, v.round_id, v.agency_id, v.session_id, 0, 'draft'
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[]) AS v(id, round_id, agency_id, session_id)`,
    [
      inserts.map((r) => r.scoreId),
      inserts.map((r) => r.roundId),
      inserts.map((r) => r.agencyId),
      inserts.map((r) => r.newSessionId ?? r.sessionId),
    ],
  );

  const all = [
    ...updates.map((r) => ({ ...r, scoreId: r.existingScoreId!, kind: 'update' as const })),
    ...inserts.map((r) => ({ ...r, kind: 'create' as const })),
  ];
  const values = all.flatMap((r) => r.values.map((v) => [r.scoreId, v.criterionId, v.value] as const));
  await manager.query(
    `INSERT INTO criterion_score (score_id, criterion_id, value)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::numeric[])
     ON CONFLICT (score_id, criterion_id) DO UPDATE SET value = EXCLUDED.value`,
    [values.map((v) => v[0]), values.map((v) => v[1]), values.map((v) => v[2])],
  );
  const totals = await manager.query<Array<{ id: string; total: string; version: number }>>(
    `WITH t AS (
       SELECT cs.score_id, round(sum(c.weight * cs.value) / 100, 2) AS total
       FROM criterion_score cs JOIN criterion c ON c.id = cs.criterion_id
       WHERE cs.score_id = ANY($1::uuid[]) GROUP BY cs.score_id
     ), u AS (
       UPDATE score s SET total = t.total FROM t WHERE s.id = t.score_id RETURNING s.id, s.total::text AS total, s.version)
     SELECT id, total, version FROM u`,
    [all.map((r) => r.scoreId)],
  );
  const totalById = new Map(totals.map((t) => [t.id, t]));
  const beforeById = new Map(before.map((b) => [b.id, b]));

  await recordAuditBatch(manager, actor, [
    ...created.map((r) => ({
      action: 'create_session',
      entityType: 'evaluation_session',
      entityId: r.newSessionId!,
      after: { roundId: r.roundId, agencyId: r.agencyId, heldOn: r.heldOn, importId: context.importId },
      reason,
    })),
    ...all.map((r) => {
      const after = {
        roundId: r.roundId,
        agencyId: r.agencyId,
        sessionId: r.newSessionId ?? r.sessionId,
        status: 'draft',
        total: totalById.get(r.scoreId)?.total ?? r.total,
        version: totalById.get(r.scoreId)?.version,
        criterionScores: Object.fromEntries(r.values.map((v) => [v.code, v.value])),
        importId: context.importId,
      };
      if (r.kind === 'create')
        return { action: 'create_score', entityType: 'score', entityId: r.scoreId, after, reason };
      const was = beforeById.get(r.scoreId);
      return {
        action: 'update_score',
        entityType: 'score',
        entityId: r.scoreId,
        before: was && {
          total: was.total,
          version: was.version,
          sessionId: was.sessionId,
          criterionScores: was.values ?? {},
        },
        after,
        reason,
      };
    }),
  ]);
  return {
    createdSessions: created.length,
    reusedSessions: rows.length - created.length,
    createdScores: inserts.length,
    updatedScores: updates.length,
  };
}
