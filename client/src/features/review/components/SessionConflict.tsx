import { useTranslation } from 'react-i18next';
import { ApiError, conflictCurrentOf } from '../../../api/http';
import { useLanguage } from '../../../lib/useLanguage';
import { DayText } from '../../../components/DayText';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

interface SessionConflictProps {
  /** The 409 error, with the session as it is now in `details.current`. */
  error: unknown;
  onReload: () => void;
  reloading?: boolean;
}

function representativesOf(value: unknown): Array<{ name: string; title?: string }> | null {
  if (!Array.isArray(value)) return null;
  return (value as unknown[])
    .filter(
      (item): item is { name: string; title?: unknown } =>
        typeof item === 'object' && item !== null && typeof (item as { name?: unknown }).name === 'string',
    )
    .map((item) => ({ name: item.name, title: typeof item.title === 'string' ? item.title : undefined }));
}

/**
 * Someone changed the session first: says so in the server's words, shows the session as it is now (its day in
 * the calendar of the view, its representatives, its notes) and offers to load it. The form keeps what was typed.
 */
export function SessionConflict({ error, onReload, reloading = false }: SessionConflictProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const message = error instanceof ApiError ? error.serverMessage?.[language] : undefined;
  const current = conflictCurrentOf(error);
  const heldOn = typeof current?.heldOn === 'string' && ISO_DAY.test(current.heldOn) ? current.heldOn : null;
  const representatives = representativesOf(current?.representatives);
  const notes = typeof current?.notes === 'string' ? current.notes : null;
  const internalNotes = typeof current?.internalNotes === 'string' ? current.internalNotes : null;
  const text = (value: string) => (value.trim() === '' ? t('conflict.empty') : value);

  return (
    <div className="state-message state-message--error conflict" role="alert">
      <p>{message ?? t('conflict.message')}</p>
      {current && (
        <>
          <p className="conflict__title">{t('conflict.currentValues')}</p>
          <dl className="conflict__values">
            {heldOn && (
              <div className="detail-row">
                <dt>{t('review.session.heldOn')}</dt>
                <dd>
                  <DayText value={heldOn} />
                </dd>
              </div>
            )}
            {representatives && (
              <div className="detail-row">
                <dt>{t('review.session.representatives')}</dt>
                <dd>
                  {representatives.length === 0
                    ? t('conflict.empty')
                    : representatives.map((person, index) => (
                        <span key={index}>
                          {index > 0 ? (language === 'fa' ? '، ' : ', ') : ''}
                          <bdi>{person.name}</bdi>
                          {person.title ? <> ({person.title})</> : null}
                        </span>
                      ))}
                </dd>
              </div>
            )}
            {notes !== null && (
              <div className="detail-row">
                <dt>{t('review.session.summary')}</dt>
                <dd dir="auto">{text(notes)}</dd>
              </div>
            )}
            {internalNotes !== null && (
              <div className="detail-row">
                <dt>{t('review.session.internalNotes')}</dt>
                <dd dir="auto">{text(internalNotes)}</dd>
              </div>
            )}
          </dl>
        </>
      )}
      <button type="button" className="button" onClick={onReload} disabled={reloading}>
        {t('conflict.reload')}
      </button>
    </div>
  );
}
