import { formatGregorianDate, formatJalaliDate } from '../../../lib/dates';
import { useLanguage } from '../../../lib/useLanguage';

interface DayLabelProps {
  /** An ISO calendar day (`YYYY-MM-DD`, Asia/Tehran), or null. */
  value: string | null;
  /** Shown when `value` is null. */
  fallback?: string;
}

/**
 * A day in the Jalali calendar (the Gregorian date as its tooltip), with the Gregorian date beside it in the English
 * view. The date is isolated (`dir="ltr"`) so that it keeps its order inside a Persian sentence.
 */
export function DayLabel({ value, fallback = '' }: DayLabelProps) {
  const language = useLanguage();
  if (value === null) {
    return <span className="muted">{fallback}</span>;
  }
  const gregorian = formatGregorianDate(value, language);
  return (
    <>
      <time dateTime={value} dir="ltr" title={gregorian}>
        {formatJalaliDate(value, language)}
      </time>
      {language === 'en' && <span className="muted"> ({gregorian})</span>}
    </>
  );
}
