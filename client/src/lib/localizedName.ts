import type { Language } from './language';
import { localizeDigits } from './numbers';

export interface Named {
  nameFa: string;
  nameEn: string;
}

export interface LocalizedText {
  text: string;
  /** The language the text is actually in (English view falls back to the Persian name). */
  lang: Language;
}

/**
 * The name in the active language; English falls back to the Persian name when none is recorded. The server
 * stores digits normalised to Latin ones (what people type in any digits is kept as one value), so Persian text
 * is shown with Persian digits here: «ارزیابی پاییز 1401» reads «ارزیابی پاییز ۱۴۰۱».
 */
export function localizedName(entity: Named, language: Language): LocalizedText {
  if (language === 'en' && entity.nameEn.trim() !== '') {
    return { text: entity.nameEn, lang: 'en' };
  }
  return { text: localizeDigits(entity.nameFa, 'fa'), lang: 'fa' };
}
