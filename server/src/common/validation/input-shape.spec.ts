import { inputShapeProblems, MAX_INPUT_DEPTH } from './input-shape.js';

describe('inputShapeProblems', () => {
  it('finds nothing wrong in ordinary input, whatever its type', () => {
    for (const sut of [undefined, null, 0, true, '', 'متن ۱۲', [], {}, { a: [{ b: 'c' }], d: 1 }]) {
      expect(inputShapeProblems(sut)).toEqual([]);
    }
  });

  it('names every field whose text or key holds a NUL character, in order', () => {
    expect(
      inputShapeProblems({ name: 'a\u0000', list: [{ title: 'ok' }, { title: '\u0000' }], ['k\u0000']: 1 }),
    ).toEqual([
      { kind: 'nul', field: 'name' },
      { kind: 'nul', field: 'list.1.title' },
      { kind: 'nul', field: 'k\u0000' },
    ]);
    expect(inputShapeProblems('x\u0000y', 'search')).toEqual([{ kind: 'nul', field: 'search' }]);
  });

  it('takes nesting up to the limit and refuses one level more, without running out of stack', () => {
    const nest = (levels: number): unknown => {
      let value: unknown = 'leaf';
      for (let i = 0; i < levels; i += 1) value = i % 2 ? [value] : { a: value };
      return value;
    };
    expect(inputShapeProblems(nest(MAX_INPUT_DEPTH))).toEqual([]);
    expect(inputShapeProblems(nest(MAX_INPUT_DEPTH + 1))).toEqual([{ kind: 'depth', field: expect.any(String) }]);
    expect(inputShapeProblems(nest(100_000))).toEqual([{ kind: 'depth', field: expect.any(String) }]);
  });
});
