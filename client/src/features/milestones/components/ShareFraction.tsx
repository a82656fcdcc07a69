import { localizeDigits } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { Share } from '../api/getCycles';

/** A share threshold as the exact fraction it is: «۱/۳» in Persian, "1/3" in English. */
export function ShareFraction({ share }: { share: Share }) {
  const language = useLanguage();
  return (
    <bdi dir="ltr" className="nowrap">
      {localizeDigits(`${share.numerator}/${share.denominator}`, language)}
    </bdi>
  );
}
