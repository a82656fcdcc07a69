/**
 * A WHERE clause built condition by condition, with numbered parameters: `add('a.kind = ?', kind)` becomes
 * `a.kind = $1`. Used by every list query that filters on what the request asks for.
 */
export class Conditions {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];

  add(sql: string, value: unknown): this {
    this.params.push(value);
    this.parts.push(sql.replace('?', `$${this.params.length}`));
    return this;
  }

  raw(sql: string): this {
    this.parts.push(sql);
    return this;
  }

  get where(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }

  /** The placeholder of the next parameter. */
  next(offset = 1): string {
    return `$${this.params.length + offset}`;
  }
}

/** A LIKE pattern that finds `term` anywhere; `%`, `_` and `\` in what people type are plain characters. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Rows found by id, in the order the ids were asked for; an id with no row is `missing(id)`, thrown. */
export function inIdOrder<T extends { id: string }>(ids: string[], rows: T[], missing: (id: string) => Error): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => {
    const found = byId.get(id);
    if (!found) throw missing(id);
    return found;
  });
}
