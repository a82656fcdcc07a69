export const LANGUAGES = ['fa', 'en'] as const;

export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'fa';

const INTL_LOCALES: Record<Language, string> = {
  fa: 'fa-IR',
  en: 'en-US',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The BCP 47 locale handed to `Intl` for a UI language (`fa-IR` gives Persian digits). */
export function intlLocaleOf(language: Language): string {
  return INTL_LOCALES[language];
}

export function directionOf(language: Language): 'rtl' | 'ltr' {
  return language === 'fa' ? 'rtl' : 'ltr';
}
