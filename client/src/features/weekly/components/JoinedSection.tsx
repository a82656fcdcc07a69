import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../components/TableScroll';
import type { WeeklyReportContent } from '../api/types';
import { AgencyLink } from './AgencyLink';
import { DayText } from '../../../components/DayText';

/** The agencies that connected to the national window during the week. */
export function JoinedSection({ joined }: { joined: WeeklyReportContent['joined'] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="weekly-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('weekly.joinedTitle')}</h2>
      {joined.length === 0 ? (
        <p className="state-message">{t('weekly.joinedEmpty')}</p>
      ) : (
        <TableScroll label={t('weekly.joinedTitle')}>
          <table className="data-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t('weekly.columns.agency')}</th>
                <th scope="col">{t('weekly.columns.connectedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {joined.map(({ agency, connectedOn }) => (
                <tr key={agency.id}>
                  <th scope="row">
                    <AgencyLink agency={agency} />
                  </th>
                  <td>
                    <DayText value={connectedOn} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
