import { fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { renderWithProviders } from '../test/renderWithProviders';
import { JalaliDateInput, type JalaliDateChange } from './JalaliDateInput';

/** The field as a form holds it: the value handed out comes back in. */
function Harness({
  initial = null,
  onChange,
  ...bounds
}: {
  initial?: string | null;
  onChange: (value: string | null, change: JalaliDateChange) => void;
  min?: string;
  max?: string;
  openTo?: string;
  showFormat?: boolean;
}) {
  const [value, setValue] = useState<string | null>(initial);
  return (
    <JalaliDateInput
      label="تاریخ جلسه"
      value={value}
      onChange={(next, change) => {
        setValue(next);
        onChange(next, change);
      }}
      {...bounds}
    />
  );
}

function openCalendar() {
  fireEvent.click(screen.getByRole('button', { name: /باز کردن تقویم|Open the calendar/ }));
  return screen.getByRole('dialog');
}

describe('JalaliDateInput', () => {
  beforeEach(() => localStorage.clear());

  it('turns a date typed in Persian digits into an ISO day', () => {
    const onChange = jest.fn();
    renderWithProviders(<Harness onChange={onChange} />);
    const input = screen.getByRole('textbox', { name: 'تاریخ جلسه' });

    fireEvent.change(input, { target: { value: '۱۴۰۱/۰۵/۳۱' } });
    fireEvent.blur(input);

    expect(onChange).toHaveBeenLastCalledWith('2022-08-22', { text: '۱۴۰۱/۰۵/۳۱', invalid: false });
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText(/معتبر نیست/)).not.toBeInTheDocument();
  });

  it('accepts Arabic-Indic and Latin digits too', () => {
    const onChange = jest.fn();
    renderWithProviders(<Harness onChange={onChange} />);
    const input = screen.getByRole('textbox', { name: 'تاریخ جلسه' });
    fireEvent.change(input, { target: { value: '١٤٠١/١٠/٣٠' } });
    expect(onChange).toHaveBeenLastCalledWith('2023-01-20', expect.anything());
    fireEvent.change(input, { target: { value: '1401/6/31' } });
    expect(onChange).toHaveBeenLastCalledWith('2022-09-22', expect.anything());
  });

  it('reads a typed day by the one rule: 1300-1499 is Jalali whatever the separator, 1900-2199 Gregorian', () => {
    const onChange = jest.fn();
    renderWithProviders(<Harness onChange={onChange} />);
    const input = screen.getByRole('textbox', { name: 'تاریخ جلسه' });

    fireEvent.change(input, { target: { value: '1401-08-20' } }); // 20 Aban 1401, not a day in the year 1401 AD
    expect(onChange).toHaveBeenLastCalledWith('2022-11-11', { text: '1401-08-20', invalid: false });
    fireEvent.change(input, { target: { value: '2022/08/22' } });
    expect(onChange).toHaveBeenLastCalledWith('2022-08-22', { text: '2022/08/22', invalid: false });
    fireEvent.blur(input);
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('says at once that 1500/01/01 is neither a Jalali nor a Gregorian day', () => {
    const onChange = jest.fn();
    renderWithProviders(<Harness onChange={onChange} />);
    const input = screen.getByRole('textbox', { name: 'تاریخ جلسه' });

    fireEvent.change(input, { target: { value: '۱۵۰۰/۰۱/۰۱' } });

    expect(onChange).toHaveBeenLastCalledWith(null, { text: '۱۵۰۰/۰۱/۰۱', invalid: true });
    expect(input).toHaveAttribute('aria-invalid', 'true');
  });

  it('says at once that 1401/12/30 does not exist (1401 is not a leap year)', () => {
    const onChange = jest.fn();
    renderWithProviders(<Harness onChange={onChange} />);
    const input = screen.getByRole('textbox', { name: 'تاریخ جلسه' });

    fireEvent.change(input, { target: { value: '۱۴۰۱/۱۲/۳۰' } });

    expect(onChange).toHaveBeenLastCalledWith(null, { text: '۱۴۰۱/۱۲/۳۰', invalid: true });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('این تاریخ شمسی معتبر نیست (نمونه: ۱۴۰۱/۰۵/۳۱).');
    expect(input).toHaveValue('۱۴۰۱/۱۲/۳۰'); // what was typed stays, to be corrected
  });

  it('waits for the field to be left before flagging an unfinished date', () => {
    renderWithProviders(<Harness onChange={jest.fn()} />);
    const input = screen.getByRole('textbox', { name: 'تاریخ جلسه' });
    fireEvent.change(input, { target: { value: '۱۴۰۱/۱' } });
    expect(input).not.toHaveAttribute('aria-invalid');
    fireEvent.blur(input);
    expect(input).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows the month with Saturday first and Persian month names', () => {
    renderWithProviders(<Harness initial="2022-08-22" onChange={jest.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'باز کردن تقویم برای «تاریخ جلسه»' }));

    const dialog = screen.getByRole('dialog', { name: 'انتخاب تاریخ برای «تاریخ جلسه»' });
    const grid = within(dialog).getByRole('grid', { name: 'مرداد ۱۴۰۱' });
    const headers = within(grid).getAllByRole('columnheader');
    expect(headers.map((header) => header.getAttribute('abbr'))).toEqual([
      'شنبه',
      'یکشنبه',
      'دوشنبه',
      'سه‌شنبه',
      'چهارشنبه',
      'پنجشنبه',
      'جمعه',
    ]);
    // 1 Mordad 1401 (2022-07-23) was a Saturday: the first cell of the first week.
    const firstWeek = within(grid).getAllByRole('row')[1]!;
    expect(within(firstWeek).getAllByRole('gridcell')[0]).toHaveTextContent('۱');
    expect(within(grid).getByRole('gridcell', { selected: true })).toHaveTextContent('۳۱');
  });

  it('moves with the keyboard (right to left), changes months with PageUp/PageDown, and picks with Enter', () => {
    const onChange = jest.fn();
    renderWithProviders(<Harness initial="2022-08-22" onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: /باز کردن تقویم/ }));

    expect(screen.getByRole('button', { name: '۳۱ مرداد ۱۴۰۱' })).toHaveFocus();
    const grid = screen.getByRole('grid');

    fireEvent.keyDown(grid, { key: 'ArrowLeft' }); // in a right-to-left week, left is the next day
    expect(screen.getByRole('button', { name: '۱ شهریور ۱۴۰۱' })).toHaveFocus();
    expect(screen.getByRole('grid')).toHaveAccessibleName('شهریور ۱۴۰۱');

    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    expect(screen.getByRole('button', { name: '۳۱ مرداد ۱۴۰۱' })).toHaveFocus();

    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(screen.getByRole('button', { name: '۷ شهریور ۱۴۰۱' })).toHaveFocus();

    fireEvent.keyDown(grid, { key: 'PageDown' });
    expect(screen.getByRole('button', { name: '۷ مهر ۱۴۰۱' })).toHaveFocus();

    fireEvent.keyDown(grid, { key: 'PageUp' });
    fireEvent.keyDown(grid, { key: 'PageUp' });
    fireEvent.keyDown(grid, { key: 'ArrowUp' });
    expect(screen.getByRole('button', { name: '۳۱ تیر ۱۴۰۱' })).toHaveFocus();

    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith('2022-07-22', { text: '۱۴۰۱/۰۴/۳۱', invalid: false });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'تاریخ جلسه' })).toHaveValue('۱۴۰۱/۰۴/۳۱');
  });

  it('closes on Escape and gives the focus back to the calendar button', () => {
    const onChange = jest.fn();
    renderWithProviders(<Harness initial="2022-08-22" onChange={onChange} />);
    const toggle = screen.getByRole('button', { name: /باز کردن تقویم/ });
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');

    fireEvent.keyDown(screen.getByRole('button', { name: '۳۱ مرداد ۱۴۰۱' }), { key: 'Escape' });

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(toggle).toHaveFocus();
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('picks a day with a click', () => {
    const onChange = jest.fn();
    renderWithProviders(<Harness initial="2022-08-22" onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: /باز کردن تقویم/ }));
    fireEvent.click(screen.getByRole('button', { name: 'ماه بعد' }));
    fireEvent.click(screen.getByRole('button', { name: '۱۵ شهریور ۱۴۰۱' }));
    expect(onChange).toHaveBeenLastCalledWith('2022-09-06', expect.anything());
  });

  it('works left to right in English, with the Jalali month names in Latin letters', () => {
    const onChange = jest.fn();
    renderWithProviders(<Harness initial="2022-08-22" onChange={onChange} />, { language: 'en' });
    const input = screen.getByRole('textbox', { name: 'تاریخ جلسه' });
    expect(input).toHaveValue('1401/05/31');
    fireEvent.click(screen.getByRole('button', { name: /Open the calendar/ }));
    expect(screen.getByRole('grid')).toHaveAccessibleName('Mordad 1401');
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'ArrowRight' });
    expect(screen.getByRole('button', { name: '1 Shahrivar 1401' })).toHaveFocus();
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'End' });
    fireEvent.keyDown(screen.getByRole('grid'), { key: ' ' });
    // 1 Shahrivar 1401 was a Tuesday; the week ends on Friday, 4 Shahrivar.
    expect(onChange).toHaveBeenLastCalledWith('2022-08-26', { text: '1401/06/04', invalid: false });
  });

  it('jumps a year with its buttons and to any month and year with the lists', () => {
    renderWithProviders(<Harness initial="2022-08-22" onChange={jest.fn()} />);
    const dialog = openCalendar();

    fireEvent.click(within(dialog).getByRole('button', { name: 'سال بعد' }));
    expect(within(dialog).getByRole('grid')).toHaveAccessibleName('مرداد ۱۴۰۲');
    fireEvent.click(within(dialog).getByRole('button', { name: 'سال قبل' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'سال قبل' }));
    expect(within(dialog).getByRole('grid')).toHaveAccessibleName('مرداد ۱۴۰۰');

    fireEvent.change(within(dialog).getByRole('combobox', { name: 'ماه' }), { target: { value: '10' } });
    expect(within(dialog).getByRole('grid')).toHaveAccessibleName('دی ۱۴۰۰');
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'سال' }), { target: { value: '1395' } });
    expect(within(dialog).getByRole('grid')).toHaveAccessibleName('دی ۱۳۹۵');
    expect(within(dialog).getByRole('combobox', { name: 'سال' })).toHaveDisplayValue('۱۳۹۵');
    expect(within(dialog).getByRole('combobox', { name: 'ماه' })).toHaveDisplayValue('دی');
  });

  it('moves a year with Shift+PageUp and Shift+PageDown', () => {
    renderWithProviders(<Harness initial="2022-08-22" onChange={jest.fn()} />);
    openCalendar();
    const grid = screen.getByRole('grid');
    fireEvent.keyDown(grid, { key: 'PageDown', shiftKey: true });
    expect(screen.getByRole('button', { name: '۳۱ مرداد ۱۴۰۲' })).toHaveFocus();
    fireEvent.keyDown(grid, { key: 'PageUp', shiftKey: true });
    fireEvent.keyDown(grid, { key: 'PageUp', shiftKey: true });
    expect(screen.getByRole('button', { name: '۳۱ مرداد ۱۴۰۰' })).toHaveFocus();
  });

  it('opens within its bounds (on the last day when today is past them) and offers no day outside them', () => {
    // The round runs 1 Mehr to 30 Azar 1401; today is long after.
    renderWithProviders(<Harness min="2022-09-23" max="2022-12-21" onChange={jest.fn()} />);
    const dialog = openCalendar();

    expect(within(dialog).getByRole('grid')).toHaveAccessibleName('آذر ۱۴۰۱');
    expect(within(dialog).getByRole('button', { name: '۳۰ آذر ۱۴۰۱' })).toHaveFocus();
    expect(within(dialog).getByRole('button', { name: 'ماه بعد' })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'سال بعد' })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'سال قبل' })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'امروز' })).toBeDisabled();
    expect(within(dialog).getByText('روزهای قابل انتخاب:', { exact: false })).toHaveTextContent(
      'روزهای قابل انتخاب: از ۱۴۰۱/۰۷/۰۱ تا ۱۴۰۱/۰۹/۳۰',
    );
    // Only the round's years and months are offered.
    const years = within(within(dialog).getByRole('combobox', { name: 'سال' })).getAllByRole('option');
    expect(years.map((option) => option.textContent)).toEqual(['۱۴۰۱']);
    expect(within(dialog).getByRole('option', { name: 'شهریور' })).toBeDisabled();
    expect(within(dialog).getByRole('option', { name: 'مهر' })).toBeEnabled();

    // The keyboard stops at the bounds.
    const grid = within(dialog).getByRole('grid');
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'PageDown' });
    expect(within(dialog).getByRole('button', { name: '۳۰ آذر ۱۴۰۱' })).toHaveFocus();
    fireEvent.keyDown(grid, { key: 'PageUp', shiftKey: true });
    expect(within(dialog).getByRole('button', { name: '۱ مهر ۱۴۰۱' })).toHaveFocus();
    expect(within(dialog).getByRole('button', { name: 'ماه قبل' })).toBeDisabled();

    // Two clicks forward reach the last month; the spent button hands the focus to the day.
    fireEvent.click(within(dialog).getByRole('button', { name: 'ماه بعد' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'ماه بعد' }));
    expect(within(dialog).getByRole('grid')).toHaveAccessibleName('آذر ۱۴۰۱');
    expect(within(dialog).getByRole('button', { name: '۱ آذر ۱۴۰۱' })).toHaveFocus();
  });

  it('disables the days before the first allowed day and opens on openTo while empty', () => {
    const onChange = jest.fn();
    renderWithProviders(<Harness min="2022-09-28" max="2022-12-21" openTo="2022-10-10" onChange={onChange} />);
    const dialog = openCalendar();
    expect(within(dialog).getByRole('button', { name: '۱۸ مهر ۱۴۰۱' })).toHaveFocus();
    expect(within(dialog).getByRole('button', { name: '۵ مهر ۱۴۰۱' })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: '۶ مهر ۱۴۰۱' })).toBeEnabled();

    fireEvent.click(within(dialog).getByRole('button', { name: '۵ مهر ۱۴۰۱' }));
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: '۶ مهر ۱۴۰۱' }));
    expect(onChange).toHaveBeenLastCalledWith('2022-09-28', { text: '۱۴۰۱/۰۷/۰۶', invalid: false });
  });

  it('still takes a typed day outside the calendar’s bounds: the form and the server judge it', () => {
    const onChange = jest.fn();
    renderWithProviders(<Harness min="2022-09-23" max="2022-12-21" onChange={onChange} />);
    fireEvent.change(screen.getByRole('textbox'), { target: { value: '2023-01-05' } });
    expect(onChange).toHaveBeenLastCalledWith('2023-01-05', { text: '2023-01-05', invalid: false });
    // The calendar opens on the last day it offers.
    expect(within(openCalendar()).getByRole('grid')).toHaveAccessibleName('آذر ۱۴۰۱');
  });

  it('names its jump controls in English', () => {
    renderWithProviders(<Harness initial="2022-08-22" onChange={jest.fn()} />, { language: 'en' });
    const dialog = openCalendar();
    for (const name of ['Previous year', 'Previous month', 'Next month', 'Next year']) {
      expect(within(dialog).getByRole('button', { name })).toBeInTheDocument();
    }
    expect(within(dialog).getByRole('combobox', { name: 'Month' })).toHaveDisplayValue('Mordad');
    expect(within(dialog).getByRole('combobox', { name: 'Year' })).toHaveDisplayValue('1401');
  });

  it('shows how to type a day with each example kept left to right inside the Persian sentence', () => {
    renderWithProviders(<Harness showFormat onChange={jest.fn()} />);
    const input = screen.getByRole('textbox', { name: 'تاریخ جلسه' });
    const hint = document.getElementById(input.getAttribute('aria-describedby') ?? '');
    expect(hint).toHaveTextContent('به شکل سال/ماه/روز، مثلاً ۱۴۰۱/۰۵/۳۱؛ تاریخ میلادی هم پذیرفته است: ۲۰۲۲-۰۸-۲۲.', {
      normalizeWhitespace: false,
    });
    const gregorian = screen.getByText('۲۰۲۲-۰۸-۲۲');
    expect(gregorian.tagName).toBe('BDI');
    expect(gregorian).toHaveAttribute('dir', 'ltr');
    expect(screen.getByText('۱۴۰۱/۰۵/۳۱')).toHaveAttribute('dir', 'ltr');
  });

  it('rewrites the date in the new language’s digits on a language switch', async () => {
    const { i18n } = renderWithProviders(<Harness initial="2022-08-22" onChange={jest.fn()} />);
    expect(screen.getByRole('textbox')).toHaveValue('۱۴۰۱/۰۵/۳۱');
    await i18n.changeLanguage('en');
    expect(await screen.findByDisplayValue('1401/05/31')).toBeInTheDocument();
  });
});
