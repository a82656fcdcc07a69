import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localizedName } from '../../../lib/localizedName';
import { useLanguage } from '../../../lib/useLanguage';
import { useAgencies } from '../../agencies';

export interface AgencyOption {
  id: string;
  nameFa: string;
  nameEn: string;
}

interface AgencyPickerProps {
  id: string;
  label: string;
  value: AgencyOption | null;
  onChange: (agency: AgencyOption | null) => void;
  error?: string | null;
  required?: boolean;
}

const SEARCH_DELAY_MS = 250;
const RESULT_COUNT = 20;

/**
 * A searchable agency field (ARIA combobox with a list box): typing searches the server's agency list (Persian and
 * Arabic letter forms alike); arrows move through the results, Enter picks, Escape closes.
 */
export function AgencyPicker({ id, label, value, onChange, error, required = false }: AgencyPickerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const listboxId = useId();
  const hintId = useId();
  const errorId = `${id}-error`;
  const nameOf = (agency: AgencyOption) => localizedName(agency, language).text;

  const [text, setText] = useState(value ? nameOf(value) : '');
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // When the chosen agency is set from outside (the `?agencyId=` link) or the language switches, show its name.
  const [shownFor, setShownFor] = useState({ id: value?.id ?? null, language });
  if (shownFor.id !== (value?.id ?? null) || shownFor.language !== language) {
    setShownFor({ id: value?.id ?? null, language });
    if (value) setText(nameOf(value));
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  const agencies = useAgencies({ search: search || undefined, page: 1, pageSize: RESULT_COUNT });
  const options = open && agencies.data ? agencies.data.items : [];

  const handleTextChange = (next: string) => {
    setText(next);
    setOpen(true);
    setActiveIndex(-1);
    if (value) onChange(null);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setSearch(next.trim()), SEARCH_DELAY_MS);
  };

  const choose = (agency: AgencyOption) => {
    onChange({ id: agency.id, nameFa: agency.nameFa, nameEn: agency.nameEn });
    setShownFor({ id: agency.id, language });
    setText(nameOf(agency));
    setOpen(false);
    setActiveIndex(-1);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        setActiveIndex((index) => Math.min(index + 1, options.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActiveIndex((index) => Math.max(index - 1, 0));
        break;
      case 'Enter': {
        const active = options[activeIndex];
        if (open && active) {
          event.preventDefault();
          choose(active);
        }
        break;
      }
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
          setActiveIndex(-1);
        }
        break;
      default:
    }
  };

  const optionId = (index: number) => `${listboxId}-option-${index}`;
  const describedBy = [hintId, error ? errorId : null].filter(Boolean).join(' ');

  return (
    <div className="form-field combobox">
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        dir="auto"
        value={text}
        required={required}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listboxId}
        aria-activedescendant={open && activeIndex >= 0 ? optionId(activeIndex) : undefined}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(event) => handleTextChange(event.target.value)}
        onKeyDown={handleKeyDown}
        onFocus={() => {
          if (!value) setOpen(true);
        }}
        onBlur={() => setOpen(false)}
      />
      <p id={hintId} className="hint">
        {t('evaluations.agencyHint')}
      </p>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <ul
        id={listboxId}
        role="listbox"
        aria-label={label}
        className="combobox__list"
        hidden={!open || options.length === 0}
      >
        {options.map((agency, index) => (
          <li
            key={agency.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className={index === activeIndex ? 'combobox__option combobox__option--active' : 'combobox__option'}
            // Keep the focus in the field: a click would otherwise blur it and close the list first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(agency)}
          >
            {nameOf(agency)}
          </li>
        ))}
      </ul>
      {open && (
        <p className="combobox__status" role="status">
          {agencies.isPending
            ? t('common.loading')
            : agencies.isError
              ? t('common.loadFailed')
              : options.length === 0
                ? t('evaluations.noAgencyMatches')
                : ''}
        </p>
      )}
    </div>
  );
}
