import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TableScroll } from '../../../components/TableScroll';
import type { Bilingual } from '../../../lib/bilingual';
import { localizedName } from '../../../lib/localizedName';
import { formatDecimalString } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { Round } from '../types/review';
import { CloseRoundControl } from './CloseRoundControl';
import { DayText } from '../../../components/DayText';
import { InstantText } from './InstantText';

interface RoundCardProps {
  round: Round;
  /** Admins may close an open round. */
  canClose: boolean;
  onNotice: (message: Bilingual) => void;
}

/** A round: its title and code, its days, open or closed, and its criteria with their weights. */
export function RoundCard({ round, canClose, onNotice }: RoundCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const title = localizedName({ nameFa: round.titleFa, nameEn: round.titleEn }, language);
  const criteria = [...round.criteria].sort((a, b) => a.sortOrder - b.sortOrder);
  const tableLabel = t('review.rounds.criteriaOf', { round: title.text });

  return (
    <article className="card round-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="round-card__title">
        <span lang={title.lang === language ? undefined : title.lang}>{title.text}</span>
      </h3>
      <p className="round-card__status">
        {round.status === 'open' ? (
          <span className="round-status round-status--open">
            <span aria-hidden="true">● </span>
            {t('review.rounds.open')}
          </span>
        ) : (
          <span className="round-status round-status--closed">
            <span aria-hidden="true">🔒 </span>
            {t('review.rounds.closed')}
          </span>
        )}{' '}
        <code dir="ltr" className="round-card__code">
          {round.code}
        </code>
      </p>
      <dl className="review-people">
        <div>
          <dt>{t('review.rounds.runs')}</dt>
          <dd>
            <DayText value={round.startsOn} /> {t('review.rounds.to')} <DayText value={round.endsOn} />
          </dd>
        </div>
        {round.closedAt && (
          <div>
            <dt>{t('review.rounds.closedAt')}</dt>
            <dd>
              <InstantText instant={round.closedAt} />
            </dd>
          </div>
        )}
      </dl>

      <TableScroll label={tableLabel}>
        <table className="data-table data-table--compact">
          <caption className="visually-hidden">{tableLabel}</caption>
          <thead>
            <tr>
              <th scope="col">{t('review.rounds.criterion')}</th>
              <th scope="col">{t('review.rounds.criterionCode')}</th>
              <th scope="col" className="numeric">
                {t('review.rounds.weight')}
              </th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((criterion) => {
              const name = localizedName({ nameFa: criterion.titleFa, nameEn: criterion.titleEn }, language);
              return (
                <tr key={criterion.id}>
                  <th scope="row">
                    <span lang={name.lang === language ? undefined : name.lang}>{name.text}</span>
                  </th>
                  <td>
                    <code dir="ltr">{criterion.code}</code>
                  </td>
                  <td className="numeric">{formatDecimalString(criterion.weight, language)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>

      <p className="round-card__links">
        <Link to={`/review?roundId=${encodeURIComponent(round.id)}`}>{t('review.rounds.queueLink')}</Link>
      </p>

      {canClose && round.status === 'open' && <CloseRoundControl round={round} onNotice={onNotice} />}
    </article>
  );
}
