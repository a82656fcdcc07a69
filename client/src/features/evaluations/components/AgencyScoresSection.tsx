import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { TableScroll } from '../../../components/TableScroll';
import { localizedName } from '../../../lib/localizedName';
import { formatDecimalString } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { useRounds } from '../api/getRounds';
import { useScores } from '../api/getScores';
import type { Round } from '../types/evaluations';

interface AgencyScoresSectionProps {
  agencyId: string;
}

const PAGE_SIZE = 100;

/**
 * The agency's quality scores by round. What the list holds depends on who asks: the public gets final scores
 * only, staff get drafts and scores under review too, each with its status.
 */
export function AgencyScoresSection({ agencyId }: AgencyScoresSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const scores = useScores({ agencyId, pageSize: PAGE_SIZE });
  const rounds = useRounds();

  const roundById = new Map<string, Round>((rounds.data ?? []).map((round) => [round.id, round]));
  const roundTitle = (roundId: string) => {
    const round = roundById.get(roundId);
    return round ? localizedName({ nameFa: round.titleFa, nameEn: round.titleEn }, language).text : null;
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('scores.title')}</h2>
      {scores.isPending ? (
        <LoadingMessage />
      ) : scores.isError ? (
        <ErrorMessage error={scores.error} onRetry={() => void scores.refetch()} />
      ) : scores.data.items.length === 0 ? (
        <p className="muted">{t('scores.empty')}</p>
      ) : (
        <TableScroll label={t('scores.title')}>
          <table className="data-table">
            <caption className="visually-hidden">{t('scores.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scores.round')}</th>
                <th scope="col" className="numeric">
                  {t('scores.total')}
                </th>
                <th scope="col">{t('scores.status')}</th>
              </tr>
            </thead>
            <tbody>
              {scores.data.items.map((score) => (
                <tr key={score.id}>
                  <th scope="row">{roundTitle(score.roundId) ?? <bdi>{score.roundCode}</bdi>}</th>
                  <td className="numeric">{formatDecimalString(score.total, language)}</td>
                  <td>
                    <span className={`status-badge status-badge--${score.status}`}>
                      {t(`scoreStatus.${score.status}`)}
                    </span>
                    {score.isCorrection && (
                      <span className="muted">
                        {' '}
                        {t('scores.correction')}
                        {score.correctionReason ? `: ${score.correctionReason}` : ''}
                      </span>
                    )}
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
