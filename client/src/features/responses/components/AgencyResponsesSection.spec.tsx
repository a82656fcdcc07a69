import { screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { mockFetch } from '../../../test/mockFetch';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { centralBank, openRequestToWeek, publishedToScore, publishedToWeek } from '../test/responseFixtures';
import { AgencyResponsesSection } from './AgencyResponsesSection';

const url = `/api/v1/agencies/${centralBank.id}/responses`;

function renderSection(language: 'fa' | 'en' = 'fa') {
  return renderWithProviders(
    <MemoryRouter>
      <AgencyResponsesSection agencyId={centralBank.id} />
    </MemoryRouter>,
    { language },
  );
}

describe('AgencyResponsesSection', () => {
  it("shows the agency's published replies and its open request, in Persian with Jalali days", async () => {
    mockFetch({ [url]: { body: { items: [publishedToWeek, { ...openRequestToWeek, agency: centralBank }] } } });
    renderSection();
    const section = await screen.findByRole('region', { name: 'جوابیه‌های رسمی دستگاه' });
    const [reply, request] = within(section).getAllByRole('article');

    expect(within(reply!).getByRole('heading', { name: 'جوابیه' })).toBeInTheDocument();
    const about = within(reply!).getByRole('link', { name: 'گزارش هفتگی هفته ۱۴۰۱/۰۶/۲۶' });
    expect(about).toHaveAttribute('href', '/weekly/1401-06-26');
    expect(reply).toHaveTextContent('دریافت‌شده در۱۴۰۱/۰۷/۰۹');
    expect(reply).toHaveTextContent('درخواست‌شده در۱۴۰۱/۰۷/۰۲');
    expect(reply).toHaveTextContent('پنجره واحد این بانک از 1401/06/20 فعال است.');
    expect(within(reply!).getByRole('link', { name: 'متن نامه رسمی (پیوند بیرونی)' })).toHaveAttribute(
      'href',
      'https://example.gov.ir/letters/123.pdf',
    );
    // The translation is there, folded, in the Persian view.
    expect(within(reply!).getByText('ترجمه انگلیسی').closest('details')).not.toHaveAttribute('open');

    expect(within(request!).getByRole('heading', { name: 'هنوز پاسخی منتشر نشده است' })).toBeInTheDocument();
    expect(request).toHaveTextContent('درخواست‌شده در۱۴۰۱/۰۷/۰۲');
    expect(request).not.toHaveTextContent('دریافت‌شده');
  });

  it('says what a reply about a score answers, with the Gregorian day beside the Jalali one in English', async () => {
    mockFetch({ [url]: { body: { items: [publishedToScore, publishedToWeek] } } });
    renderSection('en');
    const section = await screen.findByRole('region', { name: "The agency's official responses" });
    const [score, week] = within(section).getAllByRole('article');
    expect(score).toHaveTextContent('the score 26.07 in the evaluation round “Summer 1401 evaluation”');
    expect(score).toHaveTextContent('Received on1401/08/01 (October 23, 2022)');
    expect(score).not.toHaveTextContent('Asked on');
    // The official text is the Persian one; the translation is open in the English view.
    expect(within(week!).getByText('English translation').closest('details')).toHaveAttribute('open');
  });

  it('shows nothing for an agency without replies, and says so when they cannot be read', async () => {
    mockFetch({ [url]: { body: { items: [] } } });
    const empty = renderSection();
    // The request is answered; nothing appears.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    empty.unmount();

    mockFetch({
      [url]: { status: 500, body: { statusCode: 500, error: 'INTERNAL', message: { fa: 'خطا', en: 'Error' } } },
    });
    renderSection();
    expect(await screen.findByText('جوابیه‌ها بارگیری نشد.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'تلاش دوباره' })).toBeInTheDocument();
  });
});
