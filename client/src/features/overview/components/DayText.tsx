import { formatGregorianDate, formatJalaliDate } from '../../../lib/dates';
import { useLanguage } from '../../../lib/useLanguage';

interface DayTextProps {
  /** An ISO calendar day (`YYYY-MM-DD`, Asia/Tehran). */
  value: string;
}

/**
 * A day in the Jalali calendar (the Gregorian date as its tooltip), with the Gregorian date beside it in the English
 * view. The Jalali date is isolated (`dir="ltr"`) so that it keeps its order inside a Persian sentence.
 */
export function DayText({ value }: DayTextProps) {
  const language = useLanguage();
  const gregorian = formatGregorianDate(value, language);
  return (
    <>
      <time className="nowrap" dateTime={value} dir="ltr" title={gregorian}>
        {formatJalaliDate(value, language)}
      </time>
      {language === 'en' && <span className="muted"> ({gregorian})</span>}
    </>
  );
}
