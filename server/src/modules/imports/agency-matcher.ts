import type { EntityManager } from 'typeorm';
import { normalizeForSearch, normalizeText } from '../../common/text/normalize-text.js';
import { problem, type ColumnRef, type ImportProblem } from './import-problems.js';
import type { ParsedRow } from './import-types.js';
import { selectAgencyRefs } from './imports.queries.js';

export interface AgencyRef {
  id: string;
  code: string;
  nameFa: string;
  nameEn: string;
}

export type AgencyMatch =
  { kind: 'found'; agency: AgencyRef } | { kind: 'unknown' } | { kind: 'ambiguous'; count: number };

/**
 * Finds the agency a spreadsheet cell means: its code (any case), or its Persian or English name compared with
 * `normalizeForSearch` (so Arabic and Persian letter forms, ZWNJ and spaces do not matter). A name shared by
 * two agencies is ambiguous: the code must be used.
 */
export class AgencyMatcher {
  private readonly byCode = new Map<string, AgencyRef>();
  private readonly byName = new Map<string, AgencyRef[]>();

  constructor(agencies: AgencyRef[]) {
    for (const agency of agencies) {
      this.byCode.set(agency.code.toLowerCase(), agency);
      for (const key of new Set([normalizeForSearch(agency.nameFa), normalizeForSearch(agency.nameEn)])) {
        const list = this.byName.get(key) ?? [];
        list.push(agency);
        this.byName.set(key, list);
      }
    }
  }

  static async load(manager: EntityManager): Promise<AgencyMatcher> {
    return new AgencyMatcher(await selectAgencyRefs(manager));
  }

  match(value: string): AgencyMatch {
    const byCode = this.byCode.get(normalizeText(value).toLowerCase());
    if (byCode) return { kind: 'found', agency: byCode };
    const named = this.byName.get(normalizeForSearch(value)) ?? [];
    if (named.length === 1) return { kind: 'found', agency: named[0]! };
    return named.length === 0 ? { kind: 'unknown' } : { kind: 'ambiguous', count: named.length };
  }
}

/**
 * Reads a row's `agency` cell: fills the row's agency fields and returns the agency, or adds the problem
 * (missing, unknown, ambiguous) to `found`. Shared by the scores and progress imports.
 */
export function readAgencyCell(
  matcher: AgencyMatcher,
  text: string,
  at: { row: number; column: ColumnRef },
  out: ParsedRow,
  found: ImportProblem[],
): AgencyRef | undefined {
  if (text === '') {
    found.push(problem.missingValue(at.row, at.column));
    return undefined;
  }
  const match = matcher.match(text);
  if (match.kind === 'unknown') found.push(problem.unknownAgency(at.row, at.column, text));
  if (match.kind === 'ambiguous') found.push(problem.ambiguousAgency(at.row, at.column, text, match.count));
  if (match.kind !== 'found') return undefined;
  const { agency } = match;
  Object.assign(out, {
    agencyId: agency.id,
    agencyCode: agency.code,
    agencyNameFa: agency.nameFa,
    agencyNameEn: agency.nameEn,
  });
  return agency;
}
