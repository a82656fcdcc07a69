import { useTranslation } from 'react-i18next';
import { formatGregorianDate, formatJalaliDate } from '../../../lib/dates';
import { useLanguage } from '../../../lib/useLanguage';

interface DayTextProps {
  /** An ISO calendar day (Asia/Tehran). */
  iso: string;
  /** Leave out the Gregorian date that the English view shows beside the Jalali one. */
  jalaliOnly?: boolean;
}

/**
 * A day as the brief shows it: the Jalali date, isolated from the sentence around it (`dir="ltr"` on its own
 * element), and in the English view the Gregorian date beside it.
 */
export function DayText({ iso, jalaliOnly = false }: DayTextProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const gregorian = formatGregorianDate(iso, language);
  return (
    <>
      <time className="nowrap" dateTime={iso} dir="ltr" title={language === 'en' ? undefined : gregorian}>
        {formatJalaliDate(iso, language)}
      </time>
      {language === 'en' && !jalaliOnly && (
        <>
          {' '}
          <span className="weekly-gregorian">{t('weekly.gregorian', { date: gregorian })}</span>
        </>
      )}
    </>
  );
}
