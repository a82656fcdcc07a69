import { formatGregorianDate, formatTehranDateTime, todayInTehran } from '../../../lib/dates';
import { useLanguage } from '../../../lib/useLanguage';

/**
 * An instant as its Jalali day and 24-hour time in Tehran, each kept in its own direction; the English view shows
 * the Gregorian day beside them.
 */
export function InstantText({ instant }: { instant: string }) {
  const language = useLanguage();
  const { date, time } = formatTehranDateTime(instant, language);
  const gregorian = formatGregorianDate(todayInTehran(new Date(instant)), language);
  return (
    <>
      <time dateTime={instant} className="review-date" title={gregorian}>
        <bdi dir="ltr">{date}</bdi> <bdi dir="ltr">{time}</bdi>
      </time>
      {language === 'en' && <span className="muted"> ({gregorian})</span>}
    </>
  );
}
