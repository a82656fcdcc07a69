import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../lib/usePageTitle';

// Placeholder: to be replaced by the page itself.
export function ReviewQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('review.reviewQueuePageTitle'));
  return <h1>{t('review.reviewQueuePageTitle')}</h1>;
}
