import { useTranslation } from 'react-i18next';
import { ApiError, conflictCurrentOf } from '../api/http';
import { formatJalaliDate } from '../lib/dates';
import { formatInteger } from '../lib/numbers';
import { useLanguage } from '../lib/useLanguage';

export interface ConflictField {
  /** The key in the server's `details.current`. */
  key: string;
  label: string;
}

interface ConflictNoticeProps {
  /** The 409 error; its `details.current` holds the record's current values. */
  error: unknown;
  /** Which current values to show, and how to call them. */
  fields: ConflictField[];
  onReload: () => void;
  reloading?: boolean;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Someone else saved first: says so, shows the values now stored, and offers to load them (the form keeps what was
 * typed, so it can be saved again on top of the current version).
 */
export function ConflictNotice({ error, fields, onReload, reloading = false }: ConflictNoticeProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const current = conflictCurrentOf(error) ?? {};
  const message = error instanceof ApiError ? error.serverMessage?.[language] : undefined;
  const shown = fields.filter((field) => field.key in current);

  const display = (value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('conflict.empty');
    if (typeof value === 'string' && ISO_DAY.test(value)) return formatJalaliDate(value, language);
    if (typeof value === 'number') return formatInteger(value, language);
    return typeof value === 'string' ? value : JSON.stringify(value);
  };

  return (
    <div className="state-message state-message--error conflict" role="alert">
      <p>{message ?? t('conflict.message')}</p>
      {shown.length > 0 && (
        <>
          <p className="conflict__title">{t('conflict.currentValues')}</p>
          <dl className="conflict__values">
            {shown.map((field) => (
              <div key={field.key} className="detail-row">
                <dt>{field.label}</dt>
                <dd>{display(current[field.key])}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <button type="button" className="button" onClick={onReload} disabled={reloading}>
        {t('conflict.reload')}
      </button>
    </div>
  );
}
