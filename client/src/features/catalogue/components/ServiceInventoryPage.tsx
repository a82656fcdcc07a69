import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../lib/usePageTitle';

// Placeholder: to be replaced by the page itself.
export function ServiceInventoryPage() {
  const { t } = useTranslation();
  usePageTitle(t('catalogue.serviceInventoryPageTitle'));
  return <h1>{t('catalogue.serviceInventoryPageTitle')}</h1>;
}
