import { normalizeForSearch, normalizeText } from './normalize-text.js';

describe('normalizeText', () => {
  it('turns Persian and Arabic-Indic digits into Latin ones', () => {
    expect(normalizeText('۲۶٫۰۷')).toBe('26.07');
    expect(normalizeText('٢٦٫٠٧')).toBe('26.07');
    expect(normalizeText('۱۴۰۱/۰۶/۳۱')).toBe('1401/06/31');
  });

  it('turns Arabic yeh and kaf into the Persian letters', () => {
    expect(normalizeText('وزارت كشور')).toBe('وزارت کشور');
    expect(normalizeText('علي')).toBe('علی');
  });

  it('keeps ZWNJ (it is spelling) but folds stray spaces and bidi marks', () => {
    expect(normalizeText('  صنایع‌دستی \u200f  و   گردشگری ')).toBe('صنایع‌دستی و گردشگری');
  });
});

describe('normalizeForSearch', () => {
  it('matches the Arabic and Persian spellings of the same name', () => {
    expect(normalizeForSearch('وزارت كشور')).toBe(normalizeForSearch('وزارت کشور'));
  });

  it('matches with or without ZWNJ and spaces', () => {
    const key = normalizeForSearch('مرکز پژوهش‌های مجلس');
    expect(normalizeForSearch('مرکز پژوهشهای مجلس')).toBe(key);
    expect(normalizeForSearch('مرکز پژوهش های مجلس')).toBe(key);
  });

  it('unifies alef and heh forms and English case', () => {
    expect(normalizeForSearch('آموزش')).toBe(normalizeForSearch('اموزش'));
    expect(normalizeForSearch('Ministry OF Interior')).toBe('ministryofinterior');
  });

  it('does not confuse different words', () => {
    expect(normalizeForSearch('کشور')).not.toBe(normalizeForSearch('کشاورزی'));
  });
});
