import { useTranslation } from 'react-i18next';
import { LocalizedName } from '../../../components/LocalizedName';
import { TableScroll } from '../../../components/TableScroll';
import { localizedName } from '../../../lib/localizedName';
import { useLanguage } from '../../../lib/useLanguage';
import { DayText } from '../../../components/DayText';
import type { InventoryService } from '../api/getInventory';

interface InventoryTableProps {
  services: readonly InventoryService[];
  /** The rows shown are the previous page's while the next one loads. */
  isStale: boolean;
  /** The service whose withdrawal form is open. */
  withdrawingId: string | null;
  onToggleWithdraw: (service: InventoryService, opener: HTMLButtonElement) => void;
}

/** The agency's services: withdrawn ones say so in words, with the day and the reason. */
export function InventoryTable({ services, isStale, withdrawingId, onToggleWithdraw }: InventoryTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const caption = t('catalogue.caption');

  return (
    <TableScroll label={caption} busy={isStale}>
      <table className={`data-table catalogue-table${isStale ? ' data-table--stale' : ''}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalogue.service')}</th>
            <th scope="col">{t('catalogue.audience')}</th>
            <th scope="col">{t('catalogue.stage')}</th>
            <th scope="col">{t('catalogue.identifiedOn')}</th>
            <th scope="col">{t('catalogue.status')}</th>
            <th scope="col">{t('catalogue.action')}</th>
          </tr>
        </thead>
        <tbody>
          {services.map((service) => (
            <tr key={service.id} className={service.withdrawnOn ? 'catalogue-row--withdrawn' : undefined}>
              <th scope="row">
                <LocalizedName entity={service} />
                <br />
                <code className="muted" dir="ltr">
                  {service.code}
                </code>
              </th>
              <td>{t(`audience.${service.audience}`)}</td>
              <td>{t(`stage.${service.stage}`)}</td>
              <td>
                <DayText value={service.identifiedOn} />
              </td>
              <td>
                {service.withdrawnOn ? (
                  <div className="catalogue-withdrawal">
                    <span className="status-badge catalogue-badge--withdrawn">
                      <span aria-hidden="true">⊘ </span>
                      {t('catalogue.withdrawn')}
                    </span>
                    <span>
                      {t('catalogue.withdrawnOn')} <DayText value={service.withdrawnOn} />
                    </span>
                    {service.withdrawalReason && (
                      <span>
                        {t('catalogue.reason')} <bdi>{service.withdrawalReason}</bdi>
                      </span>
                    )}
                  </div>
                ) : (
                  t('catalogue.inInventory')
                )}
              </td>
              <td>
                {service.withdrawnOn ? (
                  <span className="muted">—</span>
                ) : (
                  <button
                    type="button"
                    className="button button--small"
                    aria-expanded={withdrawingId === service.id}
                    onClick={(event) => onToggleWithdraw(service, event.currentTarget)}
                  >
                    {t('catalogue.withdraw')}
                    <span className="visually-hidden">
                      {' '}
                      {t('catalogue.quoted', { name: localizedName(service, language).text })}
                    </span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
