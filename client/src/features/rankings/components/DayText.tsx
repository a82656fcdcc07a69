import { useTranslation } from 'react-i18next';
import { formatGregorianDate, formatJalaliDate } from '../../../lib/dates';
import { useLanguage } from '../../../lib/useLanguage';

interface DayTextProps {
  /** An ISO calendar day (Asia/Tehran). */
  iso: string;
}

/**
 * A day inside a sentence: the Jalali date isolated from the text around it (so «۱۴۰۱/۰۵/۳۱» never turns around),
 * with the Gregorian date beside it in the English view and as its tooltip in the Persian one.
 */
export function DayText({ iso }: DayTextProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const gregorian = formatGregorianDate(iso, language);
  return (
    <>
      <time className="nowrap" dateTime={iso} dir="ltr" title={language === 'en' ? undefined : gregorian}>
        {formatJalaliDate(iso, language)}
      </time>
      {language === 'en' && (
        <>
          {' '}
          <span className="nowrap">{t('rankings.results.gregorian', { date: gregorian })}</span>
        </>
      )}
    </>
  );
}
