/**
 * What every request body, query and path parameter must be before a DTO reads it, whatever its fields:
 * - no text holds a NUL character (U+0000): PostgreSQL cannot store it in text and refuses the whole statement;
 * - no value is nested deeper than `MAX_INPUT_DEPTH`: nothing we take is more than a few levels deep, and the
 *   recursive transformers and validators would otherwise run out of stack on JSON nested thousands deep.
 * One walk, without recursion, that stops at the first level too deep; cheap beside the JSON parse before it.
 */

/** Levels of objects and arrays a request may nest; our deepest DTO takes three (`scores.0.value`). */
export const MAX_INPUT_DEPTH = 16;

export type InputShapeProblem = { kind: 'nul'; field: string } | { kind: 'depth'; field: string };

/** The problems of one input (NUL characters, field by field; or the first place nested too deep). */
export function inputShapeProblems(input: unknown, prefix = ''): InputShapeProblem[] {
  const problems: InputShapeProblem[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number; nulInKey?: boolean }> = [
    { value: input, path: prefix, depth: 0 },
  ];
  while (stack.length > 0) {
    const { value, path, depth, nulInKey } = stack.pop()!;
    if (nulInKey) problems.push({ kind: 'nul', field: path });
    if (typeof value === 'string') {
      if (value.includes('\u0000')) problems.push({ kind: 'nul', field: path });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH) return [{ kind: 'depth', field: path }];
    const entries: Array<[string, unknown]> = Array.isArray(value)
      ? value.map((item, index) => [String(index), item])
      : Object.entries(value);
    // Reversed, so that the stack gives the fields back in their order.
    for (const [key, item] of entries.reverse()) {
      const itemPath = path ? `${path}.${key}` : key;
      stack.push({ value: item, path: itemPath, depth: depth + 1, nulInKey: key.includes('\u0000') });
    }
  }
  return problems;
}
