import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../lib/usePageTitle';

// Placeholder: to be replaced by the page itself.
export function WeeklyReportsPage() {
  const { t } = useTranslation();
  usePageTitle(t('weekly.weeklyReportsPageTitle'));
  return <h1>{t('weekly.weeklyReportsPageTitle')}</h1>;
}
