import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../lib/usePageTitle';

// Placeholder: to be replaced by the page itself.
export function OverviewPage() {
  const { t } = useTranslation();
  usePageTitle(t('overview.overviewPageTitle'));
  return <h1>{t('overview.overviewPageTitle')}</h1>;
}
