import type { Language } from '../../../lib/language';
import { localizeDigits } from '../../../lib/numbers';

/** A week id (`1401-05-29`, its Jalali Saturday) as people read it: «۱۴۰۱/۰۵/۲۹» in fa, "1401/05/29" in en. */
export function formatWeekLabel(week: string, language: Language): string {
  return localizeDigits(week.replaceAll('-', '/'), language);
}
