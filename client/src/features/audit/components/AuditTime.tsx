import { formatGregorianDate, formatJalaliDate, formatTehranDateTime, todayInTehran } from '../../../lib/dates';
import { useLanguage } from '../../../lib/useLanguage';

/**
 * An instant as the day and time in Tehran: the Jalali date and the 24-hour time («۱۴۰۱/۰۵/۳۱ ۱۴:۳۵» with Persian
 * digits), with the Gregorian date beside it in the English view and as the tooltip in the Persian one. Date and
 * time are each isolated, so that neither direction reorders their digits.
 */
export function AuditTime({ instant }: { instant: string }) {
  const language = useLanguage();
  const { date, time } = formatTehranDateTime(instant, language);
  const gregorian = formatGregorianDate(todayInTehran(new Date(instant)), language);
  return (
    <time dateTime={instant} title={gregorian} className="audit-time">
      <bdi>{date}</bdi> <bdi>{time}</bdi>
      {language === 'en' && <span className="muted"> ({gregorian})</span>}
    </time>
  );
}

/** A calendar day (ISO, a day in Tehran): Jalali, with the Gregorian date beside it in English. */
export function AuditDay({ value }: { value: string }) {
  const language = useLanguage();
  let gregorian: string;
  try {
    gregorian = formatGregorianDate(value, language);
  } catch {
    return <bdi>{value}</bdi>; // not a real day: as recorded
  }
  return (
    <time dateTime={value} title={gregorian}>
      <bdi>{formatJalaliDate(value, language)}</bdi>
      {language === 'en' && <span className="muted"> ({gregorian})</span>}
    </time>
  );
}
