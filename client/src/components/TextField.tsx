import type { HTMLAttributes } from 'react';
import './forms.css';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The problem with the value, shown under the field and read with it. */
  error?: string | null;
  hint?: string;
  required?: boolean;
  /** `ltr` for codes and English text; `auto` (the default) follows what is typed. */
  dir?: 'ltr' | 'rtl' | 'auto';
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  lang?: string;
  /** A text area of this many rows instead of a one-line input. */
  rows?: number;
  autoComplete?: string;
}

/** A labelled text field with its hint and its problem tied to it (`aria-describedby`, `aria-invalid`). */
export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  required = false,
  dir = 'auto',
  inputMode,
  lang,
  rows,
  autoComplete = 'off',
}: TextFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const shared = {
    id,
    value,
    dir,
    lang,
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  } as const;

  return (
    <div className="form-field">
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {rows ? (
        <textarea {...shared} rows={rows} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...shared}
          type="text"
          inputMode={inputMode}
          autoComplete={autoComplete}
          spellCheck={inputMode === 'numeric' ? false : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
