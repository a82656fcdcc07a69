import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';

interface SearchBoxProps {
  label: string;
  hint?: string;
  /** The search in effect (from the URL). */
  value: string;
  /** Called with the trimmed text once typing pauses for `debounceMs`, or at once on Enter. */
  onSearchChange: (value: string) => void;
  debounceMs?: number;
}

/** A labelled search field whose text is passed on after a pause in typing. */
export function SearchBox({ label, hint, value, onSearchChange, debounceMs = 250 }: SearchBoxProps) {
  const inputId = useId();
  const hintId = useId();
  const [text, setText] = useState(value);
  // The value both sides last agreed on: when `value` moves away from it, the change came from outside
  // (back button, a link) and the field follows; our own emissions leave the typed text alone.
  const [agreedValue, setAgreedValue] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  if (value !== agreedValue) {
    setAgreedValue(value);
    setText(value);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  const emit = (next: string) => {
    clearTimeout(timer.current);
    const trimmed = next.trim();
    setAgreedValue(trimmed);
    onSearchChange(trimmed);
  };

  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    const next = event.target.value;
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => emit(next), debounceMs);
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    emit(text);
  };

  return (
    <form className="search-box" role="search" onSubmit={handleSubmit}>
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="search"
        value={text}
        onChange={handleChange}
        aria-describedby={hint ? hintId : undefined}
        dir="auto"
        autoComplete="off"
        spellCheck={false}
      />
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
    </form>
  );
}
