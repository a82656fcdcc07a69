import type { Language } from './language';

/** A message in both interface languages, so it can follow a language switch after it was made. */
export interface Bilingual {
  fa: string;
  en: string;
}

/** Builds a bilingual message from a function of the language, e.g. `(lng) => t('key', { lng })`. */
export function inBothLanguages(message: (language: Language) => string): Bilingual {
  return { fa: message('fa'), en: message('en') };
}
