import { isHttpUrl } from './http-url.js';

describe('isHttpUrl', () => {
  it('accepts absolute http(s) addresses only', () => {
    expect(isHttpUrl('https://my.example.gov.ir/path?x=1')).toBe(true);
    expect(isHttpUrl('http://پنجره.ایران')).toBe(true);
    for (const bad of ['ftp://a.ir', 'https://localhost', 'example.ir', 'https://a b.ir', 'javascript:alert(1)']) {
      expect(isHttpUrl(bad)).toBe(false);
    }
  });
});
