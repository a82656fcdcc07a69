import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { JalaliDate } from '../../../components/JalaliDate';
import { LocalizedName } from '../../../components/LocalizedName';
import { TableScroll } from '../../../components/TableScroll';
import { formatDecimalString, formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { Agency } from '../api/getAgencies';

interface AgencyTableProps {
  agencies: Agency[];
  /** True while a newer page is loading and the rows shown are the previous ones. */
  isStale?: boolean;
}

export function AgencyTable({ agencies, isStale = false }: AgencyTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();

  return (
    <>
      {/* The table is wider than a phone: its box scrolls (with shadows at the edges that have more), and says so. */}
      <p className="hint agency-table__hint">{t('agencies.scrollHint')}</p>
      <TableScroll label={t('agencies.caption')} busy={isStale}>
        <table className={isStale ? 'data-table data-table--stale' : 'data-table'}>
          <caption>{t('agencies.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agencies.columns.name')}</th>
              <th scope="col">{t('agencies.columns.kind')}</th>
              <th scope="col" className="numeric">
                {t('agencies.columns.serviceCount')}
              </th>
              <th scope="col" className="numeric">
                {t('agencies.columns.connectedServiceCount')}
              </th>
              <th scope="col">{t('agencies.columns.singleWindowLaunchedOn')}</th>
              <th scope="col">{t('agencies.columns.nationalWindowConnectedOn')}</th>
              <th scope="col" className="numeric">
                {t('agencies.columns.latestScore')}
              </th>
            </tr>
          </thead>
          <tbody>
            {agencies.map((agency) => (
              <tr key={agency.id}>
                <th scope="row">
                  <Link to={`/agencies/${encodeURIComponent(agency.id)}`}>
                    <LocalizedName entity={agency} />
                  </Link>
                </th>
                <td>{t(`kind.${agency.kind}`)}</td>
                <td className="numeric">{formatInteger(agency.serviceCount, language)}</td>
                <td className="numeric">{formatInteger(agency.connectedServiceCount, language)}</td>
                <td>
                  <JalaliDate value={agency.singleWindowLaunchedOn} fallback={t('common.notYet')} />
                </td>
                <td>
                  <JalaliDate value={agency.nationalWindowConnectedOn} fallback={t('common.notYet')} />
                </td>
                <td className="numeric">
                  {agency.latestScore === null ? (
                    <span className="muted">{t('agencies.noScore')}</span>
                  ) : (
                    formatDecimalString(agency.latestScore, language)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
