import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/http';
import { ConflictNotice, type ConflictField } from '../../../components/ConflictNotice';
import { useLanguage } from '../../../lib/useLanguage';
import type { ConflictState } from '../hooks/useConflictState';

interface SaveNoticesProps {
  state: ConflictState;
  /** The current values a conflict shows, and how to call them. */
  conflictFields: ConflictField[];
}

/** A form's failed save: the version conflict with the values now stored, or the server's message. */
export function SaveNotices({ state, conflictFields }: SaveNoticesProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { conflict, failure, reloading, handleReload } = state;

  return (
    <>
      {conflict !== null && (
        <ConflictNotice
          error={conflict}
          onReload={() => void handleReload()}
          reloading={reloading}
          fields={conflictFields}
        />
      )}
      {failure !== null && (
        <div className="state-message state-message--error" role="alert">
          <p>{(failure instanceof ApiError ? failure.serverMessage?.[language] : undefined) ?? t('form.saveFailed')}</p>
        </div>
      )}
    </>
  );
}
