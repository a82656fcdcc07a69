import { screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { mockFetch } from '../../../test/mockFetch';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { centralBank, openRequestToWeek, publishedToWeek, roadsMinistry } from '../test/responseFixtures';
import { AgencyResponseMark, WeekResponsesProvider, WeekResponsesSection } from './WeekResponses';

const unaskedAgencyId = '2b0c6a8e-7d1f-4f4e-9c1b-5a0e3d2f1a03';

/** A brief in miniature: three listed agencies, each with its mark, and the section of replies. */
function renderBrief() {
  return renderWithProviders(
    <MemoryRouter>
      <WeekResponsesProvider week="1401-06-26">
        <ul>
          <li data-testid="bank">
            بانک مرکزی <AgencyResponseMark agencyId={centralBank.id} />
          </li>
          <li data-testid="roads">
            وزارت راه <AgencyResponseMark agencyId={roadsMinistry.id} />
          </li>
          <li data-testid="unasked">
            دستگاه دیگر <AgencyResponseMark agencyId={unaskedAgencyId} />
          </li>
        </ul>
        <WeekResponsesSection />
      </WeekResponsesProvider>
    </MemoryRouter>,
  );
}

describe('the replies on the weekly brief', () => {
  it('mark the agency that answered with a link to its reply, and the one asked with "no response yet"', async () => {
    mockFetch({
      '/api/v1/weekly-reports/1401-06-26/responses': {
        body: { week: '1401-06-26', items: [publishedToWeek, openRequestToWeek] },
      },
    });
    renderBrief();
    const replied = await within(screen.getByTestId('bank')).findByRole('link', { name: 'جوابیه دارد' });
    expect(replied).toHaveAttribute('href', `#response-${publishedToWeek.id}`);
    const asked = within(screen.getByTestId('roads')).getByRole('link', { name: 'پاسخی نداده' });
    expect(asked).toHaveAttribute('href', `#response-${openRequestToWeek.id}`);
    expect(within(screen.getByTestId('unasked')).queryByRole('link')).not.toBeInTheDocument();

    const section = screen.getByRole('region', { name: 'جوابیه‌های دستگاه‌ها درباره این گزارش' });
    const reply = document.getElementById(`response-${publishedToWeek.id}`)!;
    expect(section).toContainElement(reply);
    expect(within(reply).getByRole('heading', { name: 'جوابیه بانک مرکزی' })).toBeInTheDocument();
    expect(reply).toHaveTextContent('با سپاس');
    const request = document.getElementById(`response-${openRequestToWeek.id}`)!;
    expect(
      within(request).getByRole('heading', { name: 'وزارت راه و شهرسازی: هنوز پاسخی منتشر نشده است' }),
    ).toBeInTheDocument();
    expect(request).toHaveTextContent('درخواست‌شده در۱۴۰۱/۰۷/۰۲');
  });

  it('leave the brief as it was when no agency was asked, or the replies cannot be read', async () => {
    const fetchMock = mockFetch({});
    renderBrief();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fetchMock).toHaveBeenCalled();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });
});
