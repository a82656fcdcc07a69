import { createI18n, LANGUAGE_STORAGE_KEY } from './createI18n';
import { en } from './en';
import { fa } from './fa';

/** Every leaf of a resource tree as [dotted key, value]. */
function leavesOf(node: unknown, prefix = ''): [string, unknown][] {
  if (typeof node !== 'object' || node === null) return [[prefix, node]];
  return Object.entries(node).flatMap(([key, child]) => leavesOf(child, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  it('have the same keys in Persian and English', () => {
    const keys = (resources: unknown) =>
      leavesOf(resources)
        .map(([key]) => key)
        .sort();
    expect(keys(en)).toEqual(keys(fa));
  });

  it('leave no string empty', () => {
    const blank = [...leavesOf({ fa }), ...leavesOf({ en })].filter(
      ([, value]) => typeof value !== 'string' || value.trim() === '',
    );
    expect(blank).toEqual([]);
  });
});

describe('createI18n', () => {
  beforeEach(() => localStorage.clear());

  it('starts in Persian, right to left, when nothing was chosen before', () => {
    const sut = createI18n();
    expect(sut.language).toBe('fa');
    expect(document.documentElement).toHaveAttribute('lang', 'fa');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
  });

  it('remembers a switch to English and starts in English next time', async () => {
    const sut = createI18n();
    await sut.changeLanguage('en');
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');

    const nextVisit = createI18n();
    expect(nextVisit.language).toBe('en');
    expect(nextVisit.t('app.title')).toBe('National e-services connection monitor');
  });

  it('ignores a stored value that is not a supported language', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'de');
    expect(createI18n().language).toBe('fa');
  });
});
