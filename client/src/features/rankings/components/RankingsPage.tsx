import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../lib/usePageTitle';

// Placeholder: to be replaced by the page itself.
export function RankingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('rankings.rankingsPageTitle'));
  return <h1>{t('rankings.rankingsPageTitle')}</h1>;
}
