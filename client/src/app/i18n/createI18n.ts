import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, directionOf, isLanguage, LANGUAGES, type Language } from '../../lib/language';
import { en } from './en';
import { fa } from './fa';

export const LANGUAGE_STORAGE_KEY = 'monitor.language';

export const resources = {
  fa: { translation: fa },
  en: { translation: en },
} as const;

function readStoredLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null; // storage disabled
  }
}

function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
}

/** Puts the language on `<html>` so the browser, screen readers and CSS (`:dir()`, logical properties) follow it. */
export function applyLanguageToDocument(language: Language): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = directionOf(language);
}

/**
 * A fresh i18next instance, initialised synchronously with the bundled resources.
 * The language is the one passed, else the remembered choice, else Persian; every later change is
 * applied to the document and remembered.
 */
export function createI18n(language?: Language): I18n {
  const instance = i18next.createInstance();
  const initial = language ?? readStoredLanguage() ?? DEFAULT_LANGUAGE;
  instance.on('languageChanged', (lng: string) => {
    if (!isLanguage(lng)) return;
    applyLanguageToDocument(lng);
    rememberLanguage(lng);
  });
  void instance.use(initReactI18next).init({
    resources,
    lng: initial,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
  });
  return instance;
}
