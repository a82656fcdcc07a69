import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { useLanguage } from '../lib/useLanguage';

interface ErrorMessageProps {
  error: unknown;
  onRetry?: () => void;
}

/** A failed request, in the server's words for the active language when it gave any. */
export function ErrorMessage({ error, onRetry }: ErrorMessageProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const apiError = error instanceof ApiError ? error : null;
  const message = apiError?.serverMessage?.[language] ?? t('common.loadFailed');
  // Asking again does not help when the request itself was refused (4xx).
  const canRetry = onRetry !== undefined && !(apiError && apiError.status >= 400 && apiError.status < 500);

  return (
    <div className="state-message state-message--error" role="alert">
      <p>{message}</p>
      {canRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
