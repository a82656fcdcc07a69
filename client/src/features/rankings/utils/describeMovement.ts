import type { TFunction } from 'i18next';
import { intlLocaleOf, type Language } from '../../../lib/language';
import { formatInteger } from '../../../lib/numbers';
import type { RankingMovement } from '../api/getRankings';

export type MovementDirection = 'up' | 'down' | 'same' | 'none';

export interface MovementDescription {
  direction: MovementDirection;
  /** ▲, ▼, – or nothing: an illustration beside the words, never the only signal. */
  arrow: string;
  /** "3 places up", "no change", "not ranked a week before". */
  headline: string;
  /** Why: "2 from its own change, 1 from the others' changes"; null when there is nothing to split. */
  reason: string | null;
  /** The rank a week before, localised, or null. */
  previousRank: string | null;
}

const signedFormats = new Map<Language, Intl.NumberFormat>();

function formatSigned(value: number, language: Language): string {
  let format = signedFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(intlLocaleOf(language), { signDisplay: 'exceptZero', maximumFractionDigits: 0 });
    signedFormats.set(language, format);
  }
  return format.format(value);
}

function headlineOf(change: number, t: TFunction, language: Language): string {
  const count = Math.abs(change);
  const formattedCount = formatInteger(count, language);
  if (change > 0) return t('rankings.movement.up', { count, formattedCount });
  if (change < 0) return t('rankings.movement.down', { count, formattedCount });
  return t('rankings.movement.same');
}

/**
 * A row's movement since the week before, in words: places gained or lost, and how many of them the agency's own
 * change explains and how many the other agencies' changes. English signs each part ("up 3: own +2, others +1");
 * Persian gives plain counts when both parts go the way of the whole («۳ پله بالاتر: ۲ از تغییر خودش، ۱ از تغییر
 * دیگران») and says the direction of each part when they pull apart.
 */
export function describeMovement(
  rank: number | null,
  movement: RankingMovement,
  t: TFunction,
  language: Language,
): MovementDescription {
  const { change, own, others, previousRank } = movement;
  const previous = previousRank === null ? null : formatInteger(previousRank, language);

  if (change === null) {
    return {
      direction: 'none',
      arrow: '',
      headline: rank === null ? t('rankings.movement.notRanked') : t('rankings.movement.notRankedBefore'),
      reason: null,
      previousRank: previous,
    };
  }

  const direction: MovementDirection = change > 0 ? 'up' : change < 0 ? 'down' : 'same';
  const headline = headlineOf(change, t, language);
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '–';

  let reason: string | null = null;
  if (own !== null && others !== null && (change !== 0 || own !== 0 || others !== 0)) {
    const pullsApart = [own, others].some((part) => part !== 0 && Math.sign(part) !== Math.sign(change));
    const part = (value: number) => {
      if (language === 'en') return formatSigned(value, language);
      if (!pullsApart || value === 0) return formatInteger(Math.abs(value), language);
      return headlineOf(value, t, language);
    };
    reason = t('rankings.movement.reason', { own: part(own), others: part(others) });
  }

  return { direction, arrow, headline, reason, previousRank: previous };
}
