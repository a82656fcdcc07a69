import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../lib/usePageTitle';

// Placeholder: to be replaced by the page itself.
export function WeeklyBriefPage() {
  const { t } = useTranslation();
  usePageTitle(t('weekly.weeklyBriefPageTitle'));
  return <h1>{t('weekly.weeklyBriefPageTitle')}</h1>;
}
