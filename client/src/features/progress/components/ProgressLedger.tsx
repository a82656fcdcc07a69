import { useTranslation } from 'react-i18next';
import { JalaliDate } from '../../../components/JalaliDate';
import { TableScroll } from '../../../components/TableScroll';
import { formatTehranDateTime } from '../../../lib/dates';
import { useLanguage } from '../../../lib/useLanguage';
import type { ProgressLedgerEntry } from '../types/progress';

/** Every launch and connection date ever recorded for the agency, corrections included, superseded rows marked. */
export function ProgressLedger({ entries }: { entries: ProgressLedgerEntry[] }) {
  const { t } = useTranslation();
  const language = useLanguage();

  if (entries.length === 0) {
    return (
      <>
        <h2>{t('progress.ledgerTitle')}</h2>
        <p className="muted">{t('progress.ledgerEmpty')}</p>
      </>
    );
  }

  return (
    <TableScroll label={t('progress.ledgerTitle')}>
      <table className="data-table">
        <caption>{t('progress.ledgerTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('progress.kind')}</th>
            <th scope="col">{t('progress.date')}</th>
            <th scope="col">{t('progress.url')}</th>
            <th scope="col">{t('progress.note')}</th>
            <th scope="col">{t('progress.recordedAt')}</th>
            <th scope="col">{t('progress.source')}</th>
            <th scope="col">{t('progress.rowStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const isSuperseded = !entry.isCurrent;
            const recorded = formatTehranDateTime(entry.recordedAt, language);
            return (
              <tr key={entry.id} className={isSuperseded ? 'row--superseded' : undefined}>
                <th scope="row">{t(`progressKind.${entry.kind}`)}</th>
                <td>
                  <JalaliDate value={entry.occurredOn} fallback={t('conflict.empty')} />
                </td>
                <td dir="ltr">{entry.url ?? ''}</td>
                <td>{entry.note ?? ''}</td>
                <td>
                  <time dateTime={entry.recordedAt}>
                    {recorded.date} {recorded.time}
                  </time>
                  {entry.recordedBy ? ` (${entry.recordedBy.displayName})` : ''}
                </td>
                <td>{t(`recordSource.${entry.source}`)}</td>
                <td>{isSuperseded ? t('progress.superseded') : t('progress.inEffect')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
