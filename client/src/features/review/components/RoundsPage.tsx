import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../lib/usePageTitle';

// Placeholder: to be replaced by the page itself.
export function RoundsPage() {
  const { t } = useTranslation();
  usePageTitle(t('review.roundsPageTitle'));
  return <h1>{t('review.roundsPageTitle')}</h1>;
}
