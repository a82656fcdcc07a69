import type { Language } from './language';

export interface Named {
  nameFa: string;
  nameEn: string;
}

export interface LocalizedText {
  text: string;
  /** The language the text is actually in (English view falls back to the Persian name). */
  lang: Language;
}

/** The name in the active language; English falls back to the Persian name when none is recorded. */
export function localizedName(entity: Named, language: Language): LocalizedText {
  if (language === 'en' && entity.nameEn.trim() !== '') {
    return { text: entity.nameEn, lang: 'en' };
  }
  return { text: entity.nameFa, lang: 'fa' };
}
