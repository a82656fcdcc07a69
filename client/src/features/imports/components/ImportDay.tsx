import { formatGregorianDate, formatJalaliDate } from '../../../lib/dates';
import { useLanguage } from '../../../lib/useLanguage';

/**
 * A calendar day (ISO `YYYY-MM-DD`, a day in Tehran) in the Jalali calendar, with the Gregorian date beside it in
 * the English view (and as the tooltip in the Persian one); isolated so that it keeps its order in either direction.
 */
export function ImportDay({ value }: { value: string }) {
  const language = useLanguage();
  const gregorian = formatGregorianDate(value, language);
  return (
    <time dateTime={value} title={gregorian}>
      <bdi>{formatJalaliDate(value, language)}</bdi>
      {language === 'en' && <span className="muted"> ({gregorian})</span>}
    </time>
  );
}
