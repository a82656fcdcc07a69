import type { Language } from '../../../lib/language';
import { localizedName, type Named } from '../../../lib/localizedName';

interface Titled {
  titleFa: string;
  titleEn: string;
}

/** A cycle's or milestone's titles as a name, for `LocalizedName` and `localizedName`. */
export function namedByTitle(item: Titled): Named {
  return { nameFa: item.titleFa, nameEn: item.titleEn };
}

/** The title in a language (the Persian one, with Persian digits, when no English title is recorded). */
export function titleIn(item: Titled, language: Language): string {
  return localizedName(namedByTitle(item), language).text;
}
