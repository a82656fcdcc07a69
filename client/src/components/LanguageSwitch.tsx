import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../lib/language';
import { useLanguage } from '../lib/useLanguage';

/** Buttons that switch the interface between Persian and English; each language is named in itself. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = useLanguage();

  const handleSelect = (language: Language) => {
    if (language !== active) {
      void i18n.changeLanguage(language);
    }
  };

  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={language === active}
          onClick={() => handleSelect(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
