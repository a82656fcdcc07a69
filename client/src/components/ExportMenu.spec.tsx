import { act, screen, within } from '@testing-library/react';
import { renderWithProviders } from '../test/renderWithProviders';
import { ExportMenu } from './ExportMenu';

function linkHref(name: RegExp): URL {
  return new URL(screen.getByRole('link', { name }).getAttribute('href')!, 'http://monitor.test');
}

describe('ExportMenu', () => {
  beforeEach(() => localStorage.clear());

  it('offers each format as a plain download link to the export, with Persian headers in Persian', () => {
    renderWithProviders(
      <ExportMenu
        label="دریافت همین رتبه‌بندی"
        path="/api/v1/rankings/export"
        params={{ search: 'کشور', sort: '-score', page: undefined }}
        allRows
      />,
    );

    const group = screen.getByRole('group', { name: 'دریافت همین رتبه‌بندی' });
    const links = within(group).getAllByRole('link', { name: /—/ });
    expect(links.map((link) => link.textContent)).toEqual([
      'CSV — برای اکسل',
      'XLSX — صفحه‌گسترده',
      'JSON — برای برنامه‌ها',
    ]);
    for (const link of links) expect(link).toHaveAttribute('download');

    const xlsx = linkHref(/XLSX/);
    expect(xlsx.pathname).toBe('/api/v1/rankings/export');
    expect(Object.fromEntries(xlsx.searchParams)).toEqual({
      format: 'xlsx',
      lang: 'fa',
      search: 'کشور',
      sort: '-score',
    });
    expect(linkHref(/CSV/).searchParams.get('format')).toBe('csv');
    expect(linkHref(/JSON/).searchParams.get('format')).toBe('json');
    expect(screen.getByRole('link', { name: /CSV/ })).toHaveAttribute('type', 'text/csv');

    expect(group).toHaveTextContent('فایل همه ردیف‌ها را دارد، نه فقط این صفحه را.');
    expect(within(group).getByRole('link', { name: 'CC BY 4.0' })).toHaveAttribute(
      'href',
      'https://creativecommons.org/licenses/by/4.0/',
    );
  });

  it('asks for English headers in English, and follows a change of language', async () => {
    const { i18n } = renderWithProviders(<ExportMenu label="Download the list" path="/api/v1/agencies/export" />, {
      language: 'en',
    });

    expect(screen.getAllByRole('link', { name: /—/ }).map((link) => link.textContent)).toEqual([
      'CSV — for Excel',
      'XLSX — spreadsheet',
      'JSON — for programs',
    ]);
    expect(linkHref(/CSV/).search).toBe('?format=csv&lang=en');
    // Only paged lists say the file holds every row.
    expect(screen.getByRole('group')).not.toHaveTextContent('every row');

    await act(() => i18n.changeLanguage('fa'));
    expect(linkHref(/CSV/).search).toBe('?format=csv&lang=fa');
    expect(screen.getByRole('link', { name: /CSV/ })).toHaveTextContent('CSV — برای اکسل');
  });

  it('offers only the formats asked for', () => {
    renderWithProviders(<ExportMenu label="x" path="/api/v1/x/export" formats={['json']} />);
    expect(screen.getAllByRole('link', { name: /—/ }).map((link) => link.textContent)).toEqual([
      'JSON — برای برنامه‌ها',
    ]);
  });
});
