import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import {
  addDaysIso,
  addJalaliMonths,
  formatJalaliDate,
  isoToJalali,
  jalaliDaysInMonth,
  jalaliToIso,
  looksLikeWholeDay,
  parseTypedDay,
  todayInTehran,
  weekdayFromSaturday,
} from '../lib/dates';
import { directionOf } from '../lib/language';
import { localizeDigits } from '../lib/numbers';
import { useLanguage } from '../lib/useLanguage';

/** Month keys in i18n (`date.months.*`), Farvardin first. */
const MONTH_KEYS = [
  'farvardin',
  'ordibehesht',
  'khordad',
  'tir',
  'mordad',
  'shahrivar',
  'mehr',
  'aban',
  'azar',
  'dey',
  'bahman',
  'esfand',
] as const;

/** Weekday keys in i18n (`date.weekdays.*`), Saturday first: the Iranian week. */
const WEEKDAY_KEYS = ['sat', 'sun', 'mon', 'tue', 'wed', 'thu', 'fri'] as const;

export interface JalaliDateChange {
  /** The text as typed. */
  text: string;
  /** True when there is text that is not a real day. */
  invalid: boolean;
}

interface JalaliDateInputProps {
  label: string;
  /** The chosen day as ISO `YYYY-MM-DD` (Asia/Tehran), or null. */
  value: string | null;
  /** Called with the ISO day, or null when the field is empty or its text is not a date. */
  onChange: (value: string | null, change: JalaliDateChange) => void;
  /** A problem reported from outside (e.g. by the server), shown under the field. */
  error?: string | null;
  /** Said under the field (after the format example when `showFormat` is set). */
  hint?: ReactNode;
  /** Shows how to type a day (a Jalali and a Gregorian example, each kept in its own direction). */
  showFormat?: boolean;
  /** The first and last days the calendar offers (ISO); days outside them cannot be picked there. */
  min?: string | null;
  max?: string | null;
  /** The day the calendar opens on while the field is empty (else today), kept within `min` and `max`. */
  openTo?: string | null;
  required?: boolean;
  name?: string;
  id?: string;
}

/** The day kept within the bounds. ISO days compare as text. */
function clampIso(iso: string, min: string | null, max: string | null): string {
  if (min && iso < min) return min;
  if (max && iso > max) return max;
  return iso;
}

/**
 * A date field in the Jalali calendar. People type `1401/05/31` in Persian, Arabic-Indic or Latin digits, or pick
 * from a month grid (Saturday first; arrows move by day and week, PageUp/PageDown by month, Shift+PageUp/PageDown by
 * year, Enter picks, Escape closes), with buttons and lists to jump by month and year. Typed text is read by
 * `parseTypedDay`, the one rule for typed days (which also takes a Gregorian `2022-08-22`). The value handed out is
 * always an ISO calendar day. `min` and `max` bound the calendar (not what can be typed: the server has the last
 * word, and says why).
 */
export function JalaliDateInput({
  label,
  value,
  onChange,
  error,
  hint,
  showFormat = false,
  min = null,
  max = null,
  openTo = null,
  required = false,
  name,
  id,
}: JalaliDateInputProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const dialogId = `${inputId}-calendar`;

  const format = (iso: string | null) => (iso === null ? '' : formatJalaliDate(iso, language));
  const [text, setText] = useState(() => format(value));
  const [touched, setTouched] = useState(false);
  // The value and language the text was last written for: when either moves (a reset, the language switch), the
  // text follows; while someone types, the value handed out comes back unchanged and their text stays.
  const [agreed, setAgreed] = useState({ value, language });
  if (agreed.value !== value || agreed.language !== language) {
    const keepTyped = agreed.value === value && parseTypedDay(text) === null;
    setAgreed({ value, language });
    if (!keepTyped) setText(format(value));
  }

  const [open, setOpen] = useState(false);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  const parsed = parseTypedDay(text);
  const isInvalid = text.trim() !== '' && parsed === null;
  const showInvalid = isInvalid && (touched || looksLikeWholeDay(text));
  const message = showInvalid ? t('date.invalid') : (error ?? null);

  const emit = (nextText: string, iso: string | null) => {
    setAgreed({ value: iso, language });
    onChange(iso, { text: nextText, invalid: nextText.trim() !== '' && iso === null });
  };

  const handleTextChange = (nextText: string) => {
    setText(nextText);
    emit(nextText, parseTypedDay(nextText));
  };

  const handlePick = (iso: string) => {
    const nextText = formatJalaliDate(iso, language);
    setText(nextText);
    setTouched(false);
    emit(nextText, iso);
    setOpen(false);
    inputRef.current?.focus();
  };

  const handleClose = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return undefined;
    const handlePointerDown = (event: MouseEvent) => {
      if (wrapperRef.current && !wrapperRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', handlePointerDown);
    return () => document.removeEventListener('mousedown', handlePointerDown);
  }, [open]);

  const hasHint = showFormat || Boolean(hint);
  const describedBy = [hasHint ? hintId : null, message ? errorId : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className="form-field date-field" ref={wrapperRef}>
      <label htmlFor={inputId}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <div className="date-field__row">
        <input
          ref={inputRef}
          id={inputId}
          name={name}
          type="text"
          dir="ltr"
          className="date-field__input"
          value={text}
          placeholder={localizeDigits('1401/05/31', language)}
          autoComplete="off"
          spellCheck={false}
          required={required}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => handleTextChange(event.target.value)}
          onBlur={() => setTouched(true)}
        />
        <button
          ref={toggleRef}
          type="button"
          className="button date-field__toggle"
          aria-label={t('date.openCalendar', { label })}
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-controls={open ? dialogId : undefined}
          onClick={() => setOpen((was) => !was)}
        >
          <CalendarIcon />
        </button>
      </div>
      {hasHint && (
        <p id={hintId} className="hint">
          {showFormat && <DateFormatHint />}
          {showFormat && hint ? ' ' : null}
          {hint}
        </p>
      )}
      {message && (
        <p id={errorId} className="field-error">
          {message}
        </p>
      )}
      {open && (
        <CalendarPopover
          id={dialogId}
          label={label}
          min={min}
          max={max}
          initialIso={clampIso(parsed ?? value ?? openTo ?? todayInTehran(), min, max)}
          selectedIso={parsed ?? value}
          onPick={handlePick}
          onClose={handleClose}
        />
      )}
    </div>
  );
}

/** A day written inside a sentence: kept left to right so that «۲۰۲۲-۰۸-۲۲» never reads «۲۲-۰۸-۲۰۲۲» in Persian. */
const ISOLATED_DATE = <bdi dir="ltr" />;

/** "Year/month/day, e.g. 1401/05/31; a Gregorian date such as 2022-08-22 is taken too", the examples isolated. */
function DateFormatHint() {
  const language = useLanguage();
  return (
    <Trans
      i18nKey="date.formatHint"
      values={{ jalali: localizeDigits('1401/05/31', language), gregorian: localizeDigits('2022-08-22', language) }}
      components={{ date: ISOLATED_DATE }}
    />
  );
}

function CalendarIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24">
      <path
        fill="currentColor"
        d="M7 2h2v2h6V2h2v2h3a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3V2Zm12 8H5v9h14v-9ZM5 8h14V6H5v2Zm2 4h2v2H7v-2Zm4 0h2v2h-2v-2Zm4 0h2v2h-2v-2Z"
      />
    </svg>
  );
}

interface CalendarPopoverProps {
  id: string;
  label: string;
  min: string | null;
  max: string | null;
  initialIso: string;
  selectedIso: string | null;
  onPick: (iso: string) => void;
  onClose: () => void;
}

/** Years listed before and after this one when the calendar has no bounds (the shown year is always listed). */
const DEFAULT_YEARS = { before: 50, after: 10 } as const;

function CalendarPopover({ id, label, min, max, initialIso, selectedIso, onPick, onClose }: CalendarPopoverProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const isRtl = directionOf(language) === 'rtl';
  const titleId = `${id}-title`;
  const monthSelectId = `${id}-month`;
  const yearSelectId = `${id}-year`;
  const [focusedIso, setFocusedIso] = useState(initialIso);
  // Focus follows the focused day when the grid moved it (or the calendar just opened), not after a month button.
  const focusDayRef = useRef(true);
  const gridRef = useRef<HTMLTableElement>(null);
  const today = todayInTehran();

  useEffect(() => {
    if (!focusDayRef.current) return;
    focusDayRef.current = false;
    gridRef.current?.querySelector<HTMLButtonElement>(`button[data-iso="${focusedIso}"]`)?.focus();
  }, [focusedIso]);

  const digits = (value: number) => localizeDigits(String(value), language);
  const monthNameOf = (month: number) => t(`date.months.${MONTH_KEYS[month - 1]!}`);
  const inBounds = (iso: string) => (!min || iso >= min) && (!max || iso <= max);
  /** Whether any day of the Jalali month can be picked. */
  const monthOpen = (year: number, month: number) => {
    const first = jalaliToIso(year, month, 1);
    const last = jalaliToIso(year, month, jalaliDaysInMonth(year, month));
    return first !== null && last !== null && (!max || first <= max) && (!min || last >= min);
  };

  const { year, month } = isoToJalali(focusedIso);
  const monthName = monthNameOf(month);
  const title = `${monthName} ${digits(year)}`;
  const firstIso = jalaliToIso(year, month, 1)!;
  const leading = weekdayFromSaturday(firstIso);
  const dayCount = jalaliDaysInMonth(year, month);
  const cells: (string | null)[] = [
    ...Array.from({ length: leading }, () => null),
    ...Array.from({ length: dayCount }, (_, index) => addDaysIso(firstIso, index)),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));

  const thisYear = isoToJalali(today).year;
  const firstYear = Math.min(min ? isoToJalali(min).year : thisYear - DEFAULT_YEARS.before, year);
  const lastYear = Math.max(max ? isoToJalali(max).year : thisYear + DEFAULT_YEARS.after, year);
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, index) => firstYear + index);

  /** The day `months` months on, if that month has a day to pick, kept within the bounds. */
  const monthsOn = (from: string, months: number): string | null => {
    const target = addJalaliMonths(from, months);
    const { year: targetYear, month: targetMonth } = isoToJalali(target);
    return monthOpen(targetYear, targetMonth) ? clampIso(target, min, max) : null;
  };

  /** Moves the focused day; the grid takes the focus when asked (keyboard) or when the control used is spent. */
  const moveTo = (iso: string, focusDay: boolean) => {
    const next = clampIso(iso, min, max);
    if (next === focusedIso) return;
    focusDayRef.current = focusDay;
    setFocusedIso(next);
  };

  const jumpMonths = (months: number) => {
    const next = monthsOn(focusedIso, months);
    if (next === null) return;
    // The button that was pressed becomes disabled at the bounds: the focus then goes to the day, not to nowhere.
    moveTo(next, monthsOn(next, months) === null);
  };

  const jumpTo = (targetYear: number, targetMonth: number) => {
    const { day } = isoToJalali(focusedIso);
    const iso = jalaliToIso(targetYear, targetMonth, Math.min(day, jalaliDaysInMonth(targetYear, targetMonth)));
    if (iso !== null) moveTo(iso, false);
  };

  const handleGridKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const forward = isRtl ? -1 : 1; // ArrowRight goes back in time when the week runs right to left
    const weekday = weekdayFromSaturday(focusedIso);
    let next: string;
    switch (event.key) {
      case 'ArrowRight':
        next = addDaysIso(focusedIso, forward);
        break;
      case 'ArrowLeft':
        next = addDaysIso(focusedIso, -forward);
        break;
      case 'ArrowDown':
        next = addDaysIso(focusedIso, 7);
        break;
      case 'ArrowUp':
        next = addDaysIso(focusedIso, -7);
        break;
      case 'Home':
        next = addDaysIso(focusedIso, -weekday);
        break;
      case 'End':
        next = addDaysIso(focusedIso, 6 - weekday);
        break;
      case 'PageUp':
        next = addJalaliMonths(focusedIso, event.shiftKey ? -12 : -1);
        break;
      case 'PageDown':
        next = addJalaliMonths(focusedIso, event.shiftKey ? 12 : 1);
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        if (inBounds(focusedIso)) onPick(focusedIso);
        return;
      default:
        return;
    }
    event.preventDefault();
    moveTo(next, true);
  };

  const navButton = (months: number, labelKey: 'previousYear' | 'previousMonth' | 'nextMonth' | 'nextYear') => {
    // The arrows point the way time runs: leftwards is "earlier" from left to right, "later" from right to left.
    const earlier = months < 0;
    const pointsLeft = earlier !== isRtl;
    const glyph = Math.abs(months) === 12 ? (pointsLeft ? '«' : '»') : pointsLeft ? '‹' : '›';
    return (
      <button
        type="button"
        className="button calendar__nav"
        aria-label={t(`date.${labelKey}`)}
        disabled={monthsOn(focusedIso, months) === null}
        onClick={() => jumpMonths(months)}
      >
        <span aria-hidden="true">{glyph}</span>
      </button>
    );
  };

  return (
    <div
      id={id}
      className="calendar"
      role="dialog"
      aria-modal="false"
      aria-label={t('date.calendarLabel', { label })}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="calendar__header">
        <div className="calendar__nav-group">
          {navButton(-12, 'previousYear')}
          {navButton(-1, 'previousMonth')}
        </div>
        <div className="calendar__jump">
          <label className="visually-hidden" htmlFor={monthSelectId}>
            {t('date.month')}
          </label>
          <select id={monthSelectId} value={month} onChange={(event) => jumpTo(year, Number(event.target.value))}>
            {MONTH_KEYS.map((key, index) => (
              <option key={key} value={index + 1} disabled={!monthOpen(year, index + 1)}>
                {t(`date.months.${key}`)}
              </option>
            ))}
          </select>
          <label className="visually-hidden" htmlFor={yearSelectId}>
            {t('date.year')}
          </label>
          <select id={yearSelectId} value={year} onChange={(event) => jumpTo(Number(event.target.value), month)}>
            {years.map((option) => (
              <option key={option} value={option}>
                {digits(option)}
              </option>
            ))}
          </select>
        </div>
        <div className="calendar__nav-group">
          {navButton(1, 'nextMonth')}
          {navButton(12, 'nextYear')}
        </div>
      </div>
      <p id={titleId} className="visually-hidden" aria-live="polite">
        {title}
      </p>
      <table
        ref={gridRef}
        role="grid"
        className="calendar__grid"
        aria-labelledby={titleId}
        onKeyDown={handleGridKeyDown}
      >
        <thead>
          <tr>
            {WEEKDAY_KEYS.map((key) => (
              <th key={key} scope="col" abbr={t(`date.weekdays.${key}`)}>
                {t(`date.weekdaysShort.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, weekIndex) => (
            <tr key={weekIndex}>
              {week.map((iso, dayIndex) =>
                iso === null ? (
                  <td key={`blank-${dayIndex}`} role="gridcell" />
                ) : (
                  <td key={iso} role="gridcell" aria-selected={iso === selectedIso}>
                    <button
                      type="button"
                      data-iso={iso}
                      tabIndex={iso === focusedIso ? 0 : -1}
                      disabled={!inBounds(iso)}
                      className={[
                        'calendar__day',
                        iso === selectedIso ? 'calendar__day--selected' : '',
                        iso === today ? 'calendar__day--today' : '',
                      ]
                        .filter(Boolean)
                        .join(' ')}
                      aria-label={t('date.dayLabel', {
                        day: digits(isoToJalali(iso).day),
                        month: monthName,
                        year: digits(year),
                      })}
                      aria-current={iso === today ? 'date' : undefined}
                      onClick={() => onPick(iso)}
                      onFocus={() => {
                        if (iso !== focusedIso) setFocusedIso(iso);
                      }}
                    >
                      {digits(isoToJalali(iso).day)}
                    </button>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {min && max && (
        <p className="calendar__range">
          <Trans
            i18nKey="date.range"
            values={{ from: formatJalaliDate(min, language), to: formatJalaliDate(max, language) }}
            components={{ date: ISOLATED_DATE }}
          />
        </p>
      )}
      <div className="calendar__footer">
        <button type="button" className="button" disabled={!inBounds(today)} onClick={() => moveTo(today, true)}>
          {t('date.today')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('date.close')}
        </button>
      </div>
    </div>
  );
}
