import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../components/TableScroll';
import { localizedName } from '../../../lib/localizedName';
import { formatDecimalString } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { Criterion, Score } from '../types/review';
import { contributionOf } from '../../../lib/scores';

interface CriteriaBreakdownProps {
  score: Score;
  /** The round's criteria in display order; empty when the round could not be read (codes are shown then). */
  criteria: Criterion[];
}

/** Each criterion's value against its weight, what it adds to the total, and the total, all exact decimals. */
export function CriteriaBreakdown({ score, criteria }: CriteriaBreakdownProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const rows: Array<{ key: string; criterion: Criterion | undefined; code: string; value: string | null }> =
    criteria.length > 0
      ? criteria.map((criterion) => ({
          key: criterion.id,
          criterion,
          code: criterion.code,
          value: score.criterionScores.find((entry) => entry.criterionId === criterion.id)?.value ?? null,
        }))
      : score.criterionScores.map((entry) => ({
          key: entry.criterionId,
          criterion: undefined,
          code: entry.code,
          value: entry.value,
        }));
  const decimal = (value: string | null | undefined) =>
    value === null || value === undefined ? t('conflict.empty') : formatDecimalString(value, language);

  return (
    <section className="review-breakdown" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('review.breakdown.title')}</h3>
      <TableScroll label={t('review.breakdown.title')}>
        <table className="data-table data-table--compact">
          <caption className="visually-hidden">{t('review.breakdown.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('review.breakdown.criterion')}</th>
              <th scope="col" className="numeric">
                {t('review.breakdown.weight')}
              </th>
              <th scope="col" className="numeric">
                {t('review.breakdown.value')}
              </th>
              <th scope="col" className="numeric">
                {t('review.breakdown.points')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ key, criterion, code, value }) => {
              const name = criterion
                ? localizedName({ nameFa: criterion.titleFa, nameEn: criterion.titleEn }, language)
                : null;
              const points = criterion && value !== null ? contributionOf(criterion.weight, value) : null;
              return (
                <tr key={key}>
                  <th scope="row">
                    {name ? (
                      <span lang={name.lang === language ? undefined : name.lang}>{name.text}</span>
                    ) : (
                      <code dir="ltr">{code}</code>
                    )}
                  </th>
                  <td className="numeric">{decimal(criterion?.weight)}</td>
                  <td className="numeric">{decimal(value)}</td>
                  <td className="numeric">{decimal(points)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('review.breakdown.total')}</th>
              <td className="numeric">{criteria.length > 0 ? decimal('100.00') : ''}</td>
              <td />
              <td className="numeric review-breakdown__total">{decimal(score.total)}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      <p className="hint">{t('review.breakdown.hint')}</p>
    </section>
  );
}
