import { useId, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface FilePickerProps {
  label: string;
  hint: string;
  accept: string;
  file: File | null;
  onFileChange: (file: File | null) => void;
}

/**
 * A file field that speaks the page's language: the browser's own control ("Choose File", "No file chosen", in
 * the browser's language whatever the page's) is hidden but still the one focused and operated by the keyboard;
 * a button-like label opens it, and the chosen file's name is shown beside it.
 */
export function FilePicker({ label, hint, accept, file, onFileChange }: FilePickerProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const labelId = useId();
  const hintId = useId();
  const nameId = useId();

  const handleChange = (event: ChangeEvent<HTMLInputElement>) => onFileChange(event.target.files?.[0] ?? null);

  return (
    <div className="form-field">
      <label id={labelId} htmlFor={inputId}>
        {label}
      </label>
      <div className="imports-file-picker">
        <input
          id={inputId}
          type="file"
          className="visually-hidden imports-file-picker__input"
          accept={accept}
          aria-labelledby={labelId}
          aria-describedby={`${nameId} ${hintId}`}
          onChange={handleChange}
        />
        {/* A second label of the same input, drawn as a button: clicking it opens the file dialog. The input is
            named by the field's label (aria-labelledby); this one is only the mouse's and the finger's way in. */}
        <label htmlFor={inputId} className="button imports-file-picker__button" aria-hidden="true">
          {t('imports.chooseFile')}
        </label>
        <span id={nameId} className={file ? 'imports-file-picker__name' : 'imports-file-picker__name muted'}>
          {file ? (
            <>
              <span className="visually-hidden">{t('imports.chosenFile')} </span>
              <bdi>{file.name}</bdi>
            </>
          ) : (
            t('imports.noFileChosen')
          )}
        </span>
      </div>
      <p id={hintId} className="hint">
        {hint}
      </p>
    </div>
  );
}
