import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmPanelProps {
  /** The question, e.g. "Finalise the score of the Ministry of Interior?". */
  title: string;
  /** What saying yes means. */
  meaning: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before a step that cannot be taken back, in place (no modal): it takes the focus so its question and
 * meaning are read out, and Escape or "Cancel" goes back.
 */
export function ConfirmPanel({ title, meaning, confirmLabel, busy = false, onConfirm, onCancel }: ConfirmPanelProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const meaningId = useId();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.focus();
  }, []);

  return (
    <div
      ref={ref}
      className="review-confirm"
      role="group"
      tabIndex={-1}
      aria-labelledby={titleId}
      aria-describedby={meaningId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <p id={titleId} className="review-confirm__title">
        {title}
      </p>
      <div id={meaningId} className="review-confirm__meaning">
        {meaning}
      </div>
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
      {busy && (
        <p className="muted" role="status">
          {t('form.saving')}
        </p>
      )}
    </div>
  );
}
