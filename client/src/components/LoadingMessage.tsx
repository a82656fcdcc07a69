import { useTranslation } from 'react-i18next';

export function LoadingMessage() {
  const { t } = useTranslation();
  return (
    <p className="state-message" role="status">
      {t('common.loading')}
    </p>
  );
}
