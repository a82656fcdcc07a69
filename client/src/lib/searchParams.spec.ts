import { positiveIntegerParam, searchParamsWith } from './searchParams';

describe('searchParamsWith', () => {
  it('sets the given keys, drops the emptied ones and keeps the rest, without touching the original', () => {
    const current = new URLSearchParams('search=وزارت&stage=electronic&page=3');
    const sut = searchParamsWith(current, { stage: 'national_window', search: '', page: null, actor: undefined });
    expect(sut.toString()).toBe('stage=national_window');
    expect(current.toString()).toBe(new URLSearchParams('search=وزارت&stage=electronic&page=3').toString());
  });
});

describe('positiveIntegerParam', () => {
  it.each([
    ['2', 2],
    ['1', 1],
    [null, null],
    ['0', null],
    ['-1', null],
    ['2.5', null],
    ['1e1', null],
    [' 2', null],
    ['99999999999999999999', null],
  ])('reads %p as %p', (raw, expected) => {
    expect(positiveIntegerParam(raw)).toBe(expected);
  });
});
