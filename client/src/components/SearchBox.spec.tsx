import { act, fireEvent, render, screen } from '@testing-library/react';
import { SearchBox } from './SearchBox';

describe('SearchBox', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('passes the text on only after typing pauses for 250 ms', () => {
    const onSearchChange = jest.fn();
    render(<SearchBox label="جستجو" value="" onSearchChange={onSearchChange} />);
    const input = screen.getByRole('searchbox', { name: 'جستجو' });

    fireEvent.change(input, { target: { value: 'وزا' } });
    act(() => jest.advanceTimersByTime(200));
    fireEvent.change(input, { target: { value: 'وزارت ' } });
    act(() => jest.advanceTimersByTime(249));
    expect(onSearchChange).not.toHaveBeenCalled();

    act(() => jest.advanceTimersByTime(1));
    expect(onSearchChange).toHaveBeenCalledTimes(1);
    expect(onSearchChange).toHaveBeenCalledWith('وزارت');
  });

  it('searches at once on Enter', () => {
    const onSearchChange = jest.fn();
    render(<SearchBox label="Search" value="" onSearchChange={onSearchChange} />);
    const input = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.change(input, { target: { value: 'bank' } });
    fireEvent.submit(input);
    expect(onSearchChange).toHaveBeenCalledWith('bank');
  });

  it('follows a search changed elsewhere (e.g. the back button)', () => {
    const { rerender } = render(<SearchBox label="Search" value="bank" onSearchChange={jest.fn()} />);
    expect(screen.getByRole('searchbox')).toHaveValue('bank');
    rerender(<SearchBox label="Search" value="" onSearchChange={jest.fn()} />);
    expect(screen.getByRole('searchbox')).toHaveValue('');
  });
});
