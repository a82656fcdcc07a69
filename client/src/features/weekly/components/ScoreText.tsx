import { useTranslation } from 'react-i18next';
import { formatDecimalString } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';

/** A quality score as an exact decimal («۲۶٫۰۷»), or a word when the agency has none. */
export function ScoreText({ score }: { score: string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (score === null) return <span className="muted">{t('weekly.noScore')}</span>;
  return <>{formatDecimalString(score, language)}</>;
}
