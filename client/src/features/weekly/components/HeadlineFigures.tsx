import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../components/TableScroll';
import { formatDecimalString, formatInteger } from '../../../lib/numbers';
import { localizedName } from '../../../lib/localizedName';
import { useLanguage } from '../../../lib/useLanguage';
import type { WeeklyReportContent } from '../api/types';
import { DayText } from '../../../components/DayText';

/** The counts the brief opens with, and where every milestone stood at the week's end. */
export function HeadlineFigures({ content }: { content: WeeklyReportContent }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const { overview } = content;
  const number = (value: number) => formatInteger(value, language);

  const figures: Array<{ key: string; label: string; value: string; note?: string }> = [
    { key: 'agencies', label: t('weekly.figures.agencies'), value: number(overview.agencies.total) },
    {
      key: 'connected',
      label: t('weekly.figures.connected'),
      value: number(overview.connected.count),
      note:
        overview.connected.share === null
          ? undefined
          : t('weekly.figures.connectedShare', {
              share: t('weekly.percent', { value: formatDecimalString(overview.connected.share, language) }),
            }),
    },
    { key: 'joined', label: t('weekly.figures.joined'), value: number(content.joined.length) },
    { key: 'laggards', label: t('weekly.figures.laggards'), value: number(content.laggards.count) },
    {
      key: 'servicesIdentified',
      label: t('weekly.figures.servicesIdentified'),
      value: number(overview.services.identified),
      note: t('weekly.figures.servicesBaseline', { value: number(overview.services.baseline) }),
    },
    {
      key: 'servicesInSingleWindow',
      label: t('weekly.figures.servicesInSingleWindow'),
      value: number(overview.services.inSingleWindow),
    },
    {
      key: 'servicesConnected',
      label: t('weekly.figures.servicesConnected'),
      value: number(overview.services.connected),
    },
  ];

  return (
    <section className="weekly-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('weekly.figuresTitle')}</h2>
      <dl className="weekly-figures">
        {figures.map((figure) => (
          <div key={figure.key} className="weekly-figure">
            <dt>{figure.label}</dt>
            <dd>
              <span className="weekly-figure__value">{figure.value}</span>
              {figure.note && <span className="weekly-figure__note">{figure.note}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <TableScroll label={t('weekly.milestoneCountsCaption')}>
        <table className="data-table">
          <caption>{t('weekly.milestoneCountsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('weekly.columns.milestone')}</th>
              <th scope="col">{t('weekly.columns.dueOn')}</th>
              <th scope="col" className="numeric">
                {t('weekly.columns.met')}
              </th>
              <th scope="col" className="numeric">
                {t('weekly.columns.pending')}
              </th>
              <th scope="col" className="numeric">
                {t('weekly.columns.atRisk')}
              </th>
              <th scope="col" className="numeric">
                {t('weekly.columns.overdue')}
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.milestones.map((milestone) => {
              const title = localizedName({ nameFa: milestone.titleFa, nameEn: milestone.titleEn }, language);
              return (
                <tr key={milestone.code}>
                  <th scope="row" lang={title.lang === language ? undefined : title.lang}>
                    {title.text}
                  </th>
                  <td>
                    <DayText value={milestone.dueOn} />
                  </td>
                  <td className="numeric">{number(milestone.met)}</td>
                  <td className="numeric">{number(milestone.pending)}</td>
                  <td className="numeric">{number(milestone.atRisk)}</td>
                  <td className="numeric">{number(milestone.overdue)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
