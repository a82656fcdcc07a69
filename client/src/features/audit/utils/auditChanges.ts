import type { TranslationResources } from '../../../app/i18n/fa';

/** A field the audit view has a label for (`audit.fields.*`). */
export type AuditFieldName = keyof TranslationResources['audit']['fields'];

/**
 * The labelled fields, in the order they are shown (what was done first, then when, then the rest). A field the
 * server adds later and this list lacks is still shown, by its own name, after these.
 */
export const AUDIT_FIELD_ORDER = [
  'total',
  'status',
  'heldOn',
  'stage',
  'recordedStage',
  'reachedOn',
  'electronicOn',
  'singleWindowOn',
  'nationalWindowOn',
  'singleWindowLaunchedOn',
  'singleWindowUrl',
  'nationalWindowConnectedOn',
  'events',
  'serviceCount',
  'code',
  'titleFa',
  'titleEn',
  'nameFa',
  'nameEn',
  'username',
  'displayName',
  'role',
  'audience',
  'identifiedOn',
  'withdrawnOn',
  'withdrawalReason',
  'startsOn',
  'endsOn',
  'baselineOn',
  'closedAt',
  'criteriaSetCode',
  'criteria',
  'milestones',
  'rule',
  'share',
  'dueOn',
  'atRiskDays',
  'sortOrder',
  'representatives',
  'evaluators',
  'notes',
  'internalNotes',
  'createdBy',
  'submittedBy',
  'submittedAt',
  'reviewedBy',
  'reviewedAt',
  'finalisedAt',
  'isCorrection',
  'correctionReason',
  'expiresAt',
  'week',
  'cycle',
  'revision',
  'subject',
  'requestedOn',
  'receivedOn',
  'bodyFa',
  'bodyEn',
  'documentUrl',
  'publishedAt',
  'kind',
  'fileName',
  'format',
  'size',
  'rowCount',
  'committedRows',
  'unchangedRows',
  'createdSessions',
  'reusedSessions',
  'createdScores',
  'updatedScores',
  'recordedEvents',
  'updatedAgencies',
  'agencies',
  'mainAgencies',
  'services',
  'systems',
  'sessions',
  'scores',
] as const satisfies readonly AuditFieldName[];

const ORDER = new Map<string, number>(AUDIT_FIELD_ORDER.map((name, index) => [name, index]));

export function isLabelledField(name: string): name is AuditFieldName {
  return ORDER.has(name);
}

/**
 * Fields written for programs, not people: ids, digests, row versions and timestamps, and the agency's and round's
 * names a score repeats (the entry names them already). They stay in the raw JSON.
 */
const TECHNICAL = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'digest',
  'sha256',
  'supersedes',
  'agencyCode',
  'agencyNameFa',
  'agencyNameEn',
  'roundCode',
]);

function isTechnical(name: string): boolean {
  return TECHNICAL.has(name) || /Ids?$/.test(name);
}

/** A criterion's score inside a score's `criterionScores`, shown as a field of its own. */
export const CRITERION_PREFIX = 'criterion:';

export interface ChangeRow {
  /** The field's name, or `criterion:<code>` for one criterion's score. */
  field: string;
  before: unknown;
  after: unknown;
}

export interface ReadableChanges {
  /** `change`: the fields that differ, before and after; `values`: what a new record holds (or an old one held). */
  mode: 'change' | 'values';
  rows: ChangeRow[];
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The fields of a record as shown: technical ones left out, each criterion's score a field of its own. */
function readableFields(record: Record<string, unknown>): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  for (const [name, value] of Object.entries(record)) {
    if (name === 'criterionScores' && Array.isArray(value)) {
      for (const item of value) {
        if (isPlainObject(item) && typeof item.code === 'string')
          fields.set(`${CRITERION_PREFIX}${item.code}`, item.value);
      }
    } else if (!isTechnical(name)) {
      fields.set(name, value);
    }
  }
  return fields;
}

function byDisplayOrder(a: string, b: string): number {
  const rank = (name: string) => (name.startsWith(CRITERION_PREFIX) ? 0.5 : (ORDER.get(name) ?? ORDER.size));
  return rank(a) - rank(b) || a.localeCompare(b);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What an audit record says changed, for people: when it has both a before and an after, the fields that differ;
 * when it has only one of them (a creation, a publication), the fields that hold something.
 */
export function readableChanges(before: unknown, after: unknown): ReadableChanges {
  const left = isPlainObject(before) ? readableFields(before) : null;
  const right = isPlainObject(after) ? readableFields(after) : null;
  if (left && right) {
    const names = [...new Set([...left.keys(), ...right.keys()])].sort(byDisplayOrder);
    return {
      mode: 'change',
      rows: names
        .filter((name) => !same(left.get(name), right.get(name)))
        .map((field) => ({ field, before: left.get(field), after: right.get(field) })),
    };
  }
  const only = right ?? left;
  if (only) {
    const names = [...only.keys()].filter((name) => !isEmpty(only.get(name))).sort(byDisplayOrder);
    return {
      mode: 'values',
      rows: names.map((field) =>
        right
          ? { field, before: undefined, after: only.get(field) }
          : { field, before: only.get(field), after: undefined },
      ),
    };
  }
  // A bare value (not an object) on either side.
  if (isEmpty(before) && isEmpty(after)) return { mode: 'values', rows: [] };
  return isEmpty(before)
    ? { mode: 'values', rows: [{ field: '', before: undefined, after }] }
    : { mode: 'change', rows: [{ field: '', before, after }] };
}
