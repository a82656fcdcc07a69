import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../lib/usePageTitle';

// Placeholder: to be replaced by the page itself.
export function CyclesPage() {
  const { t } = useTranslation();
  usePageTitle(t('milestones.cyclesPageTitle'));
  return <h1>{t('milestones.cyclesPageTitle')}</h1>;
}
