import { formatGregorianDate, formatJalaliDate } from '../../../lib/dates';
import { useLanguage } from '../../../lib/useLanguage';
import '../forms.css';

interface CalendarDayProps {
  /** An ISO calendar day (`YYYY-MM-DD`, Asia/Tehran). */
  value: string;
}

/**
 * A day in the Jalali calendar, isolated from the text around it so it never reads backwards in a Persian
 * sentence; the English view shows the Gregorian date beside it (the Persian view has it as the tooltip).
 */
export function CalendarDay({ value }: CalendarDayProps) {
  const language = useLanguage();
  const gregorian = formatGregorianDate(value, language);
  return (
    <bdi className="calendar-day">
      <time dateTime={value} dir="ltr" title={language === 'fa' ? gregorian : undefined}>
        {formatJalaliDate(value, language)}
      </time>
      {language === 'en' && <span className="calendar-day__gregorian"> ({gregorian})</span>}
    </bdi>
  );
}
