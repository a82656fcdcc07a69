import { matchesEtag, normalisedUrl } from './read-cache.js';

describe('normalisedUrl', () => {
  const sut = normalisedUrl;

  it('puts the query parameters in one order, so equal questions share one cached answer', () => {
    expect(sut('/api/v1/agencies?pageSize=20&page=2')).toBe(sut('/api/v1/agencies?page=2&pageSize=20'));
    expect(sut('/api/v1/agencies?page=2&pageSize=20')).toBe('/api/v1/agencies?page=2&pageSize=20');
  });

  it('keeps different questions apart, and a path without a query as it is', () => {
    expect(sut('/api/v1/agencies?page=2')).not.toBe(sut('/api/v1/agencies?page=3'));
    expect(sut('/api/v1/agencies?search=%DA%A9')).not.toBe(sut('/api/v1/agencies'));
    expect(sut('/api/v1/meta')).toBe('/api/v1/meta');
    expect(sut('/api/v1/meta?')).toBe('/api/v1/meta');
  });
});

describe('matchesEtag', () => {
  const sut = matchesEtag;
  const tag = '"abc"';

  it('matches the tag itself, in a list, as a weak tag (RFC 9110 compares If-None-Match weakly), or *', () => {
    expect(sut('"abc"', tag)).toBe(true);
    expect(sut('"x", "abc"', tag)).toBe(true);
    expect(sut('W/"abc"', tag)).toBe(true);
    expect(sut('*', tag)).toBe(true);
    expect(sut(['"x"', '"abc"'], tag)).toBe(true);
  });

  it('does not match another tag or nothing', () => {
    expect(sut('"abcd"', tag)).toBe(false);
    expect(sut('abc', tag)).toBe(false);
    expect(sut('', tag)).toBe(false);
    expect(sut(undefined, tag)).toBe(false);
  });
});
