import { formatGregorianDate, formatJalaliDate } from '../lib/dates';
import { useLanguage } from '../lib/useLanguage';

interface DayTextProps {
  /** An ISO calendar day (`YYYY-MM-DD`, Asia/Tehran), or null when there is none. */
  value: string | null;
  /** Shown when `value` is null. */
  fallback?: string;
  /** Leave out the Gregorian date the English view shows beside the Jalali one. */
  jalaliOnly?: boolean;
}

/**
 * A day as text: the Jalali date, isolated from the sentence around it (`dir="ltr"` on its own element, so
 * «۱۴۰۱/۰۵/۳۱» never turns around in Persian), with the Gregorian date as its tooltip and, in the English view,
 * beside it. (`JalaliDate` is the compact form for table cells.)
 */
export function DayText({ value, fallback = '', jalaliOnly = false }: DayTextProps) {
  const language = useLanguage();
  if (value === null) return <span className="muted">{fallback}</span>;
  const gregorian = formatGregorianDate(value, language);
  return (
    <>
      <time className="nowrap" dateTime={value} dir="ltr" title={gregorian}>
        {formatJalaliDate(value, language)}
      </time>
      {language === 'en' && !jalaliOnly && <span className="muted"> ({gregorian})</span>}
    </>
  );
}
