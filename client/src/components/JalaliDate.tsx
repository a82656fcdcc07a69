import { formatGregorianDate, formatJalaliDate } from '../lib/dates';
import { useLanguage } from '../lib/useLanguage';

interface JalaliDateProps {
  /** An ISO calendar day (`YYYY-MM-DD`, Asia/Tehran), or null when the day has not come. */
  value: string | null;
  /** Shown when `value` is null. */
  fallback: string;
}

/** A calendar day shown in the Jalali calendar, with the Gregorian date as its tooltip. */
export function JalaliDate({ value, fallback }: JalaliDateProps) {
  const language = useLanguage();
  if (value === null) {
    return <span className="muted">{fallback}</span>;
  }
  return (
    <time dateTime={value} title={formatGregorianDate(value, language)}>
      {formatJalaliDate(value, language)}
    </time>
  );
}
