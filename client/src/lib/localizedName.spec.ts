import { localizedName } from './localizedName';

describe('localizedName', () => {
  const round = { nameFa: 'ارزیابی پاییز 1401', nameEn: 'Autumn 1401' };

  it('shows Persian text with Persian digits', () => {
    expect(localizedName(round, 'fa')).toEqual({ text: 'ارزیابی پاییز ۱۴۰۱', lang: 'fa' });
  });

  it('keeps the English name as it is in the English view', () => {
    expect(localizedName(round, 'en')).toEqual({ text: 'Autumn 1401', lang: 'en' });
  });

  it('falls back to the Persian name, still with Persian digits, when there is no English one', () => {
    expect(localizedName({ nameFa: 'سامانه 110', nameEn: ' ' }, 'en')).toEqual({ text: 'سامانه ۱۱۰', lang: 'fa' });
  });
});
