import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { TableScroll } from '../../../components/TableScroll';
import { formatGregorianDate, formatJalaliDate } from '../../../lib/dates';
import { intlLocaleOf } from '../../../lib/language';
import { localizedName } from '../../../lib/localizedName';
import { formatDecimalString, localizeDigits } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { SectionBoundary, useAgencySessions, type AgencySession } from '../../agencies';
import { useRounds } from '../api/getRounds';
import { useScores } from '../api/getScores';
import type { Criterion, Round, Score } from '../types/evaluations';
import { formatHundredths, parseHundredths } from '../../../lib/scores';

interface AgencyScoresSectionProps {
  agencyId: string;
}

/** The most scores the server gives in one page: one per round, so years of rounds. */
const PAGE_SIZE = 200;

/**
 * The agency's quality evaluations: its score in every round with each criterion's value against its weight (so a
 * change from one round to the next can be traced to the criteria that moved), and the sessions held with it. What
 * the lists hold depends on who asks: the public gets final scores and the sessions' public part; staff get drafts
 * and scores under review too, each with its status, and the sessions' evaluators and internal notes.
 */
export function AgencyScoresSection({ agencyId }: AgencyScoresSectionProps) {
  return (
    <>
      <SectionBoundary>
        <ScoreHistory agencyId={agencyId} />
      </SectionBoundary>
      <SectionBoundary>
        <SessionsSection agencyId={agencyId} />
      </SectionBoundary>
    </>
  );
}

function roundTitleOf(round: Round | undefined, language: ReturnType<typeof useLanguage>): string | null {
  return round ? localizedName({ nameFa: round.titleFa, nameEn: round.titleEn }, language).text : null;
}

/** `b − a` of two exact decimals with two places, as a signed decimal string ("+2.50", "-3.10", "0.00"). */
function difference(a: string, b: string): { sign: 1 | -1 | 0; magnitude: string } | null {
  const from = parseHundredths(a);
  const to = parseHundredths(b);
  if (from === null || to === null) return null;
  const delta = to - from;
  return { sign: delta > 0 ? 1 : delta < 0 ? -1 : 0, magnitude: formatHundredths(Math.abs(delta)) };
}

/** A criterion's share of the total, in points out of its weight: value × weight / 100, rounded half up. */
function weightedPoints(value: string, weight: string): string | null {
  const v = parseHundredths(value);
  const w = parseHundredths(weight);
  if (v === null || w === null) return null;
  return formatHundredths(Math.floor((v * w + 5_000) / 10_000));
}

function ScoreHistory({ agencyId }: AgencyScoresSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const scores = useScores({ agencyId, pageSize: PAGE_SIZE });
  const rounds = useRounds();

  const roundById = new Map<string, Round>((rounds.data ?? []).map((round) => [round.id, round]));
  // Rounds come newest first; a score whose round is not listed goes last.
  const roundOrder = new Map<string, number>((rounds.data ?? []).map((round, index) => [round.id, index]));
  const orderOf = (score: Score) => roundOrder.get(score.roundId) ?? Number.MAX_SAFE_INTEGER;

  let content: ReactNode;
  if (scores.isPending) {
    content = <LoadingMessage />;
  } else if (scores.isError) {
    content = <ErrorMessage error={scores.error} onRetry={() => void scores.refetch()} />;
  } else if (scores.data.items.length === 0) {
    content = <p className="muted">{t('scores.empty')}</p>;
  } else {
    // Newest round first (a stable sort: the server's order stands among scores of rounds not listed).
    const newestFirst = [...scores.data.items].sort((a, b) => orderOf(a) - orderOf(b));
    content = (
      <>
        <TableScroll label={t('scores.title')}>
          <table className="data-table">
            <caption className="visually-hidden">{t('scores.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scores.round')}</th>
                <th scope="col" className="numeric">
                  {t('scores.total')}
                </th>
                <th scope="col" className="numeric">
                  {t('agency.scores.change')}
                </th>
                <th scope="col">{t('scores.status')}</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((score, index) => {
                const previous = newestFirst[index + 1];
                const change = previous ? difference(previous.total, score.total) : null;
                return (
                  <tr key={score.id}>
                    <th scope="row">
                      {roundTitleOf(roundById.get(score.roundId), language) ?? <bdi>{score.roundCode}</bdi>}
                    </th>
                    <td className="numeric">{formatDecimalString(score.total, language)}</td>
                    <td className="numeric">
                      {change === null ? (
                        <span className="muted">{t('agency.scores.noChange')}</span>
                      ) : (
                        <bdi
                          dir="ltr"
                          className={`score-change score-change--${change.sign > 0 ? 'up' : change.sign < 0 ? 'down' : 'same'}`}
                        >
                          {change.sign > 0 ? '+' : change.sign < 0 ? '−' : ''}
                          {formatDecimalString(change.magnitude, language)}
                        </bdi>
                      )}
                    </td>
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
                );
              })}
            </tbody>
          </table>
        </TableScroll>
        {rounds.isPending ? (
          <LoadingMessage />
        ) : rounds.isError ? (
          <ErrorMessage error={rounds.error} onRetry={() => void rounds.refetch()} />
        ) : (
          <CriteriaBreakdown scores={[...newestFirst].reverse()} roundById={roundById} />
        )}
      </>
    );
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('scores.title')}</h2>
      {content}
    </section>
  );
}

interface CriteriaBreakdownProps {
  /** Oldest first: the rounds run in reading order. */
  scores: Score[];
  roundById: Map<string, Round>;
}

/**
 * Each criterion's value in each round against its weight. Rounds that share a criteria set share a table (one
 * column per round), so the criteria that moved the total stand side by side.
 */
function CriteriaBreakdown({ scores, roundById }: CriteriaBreakdownProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const groups = new Map<string, { criteria: Criterion[]; scores: Score[] }>();
  for (const score of scores) {
    const round = roundById.get(score.roundId);
    if (!round || round.criteria.length === 0) continue;
    const group = groups.get(round.criteriaSetId) ?? { criteria: round.criteria, scores: [] };
    group.scores.push(score);
    groups.set(round.criteriaSetId, group);
  }
  if (groups.size === 0) return null;

  return (
    <>
      <h3>{t('agency.scores.breakdownTitle')}</h3>
      <p className="hint">{t('agency.scores.breakdownHint')}</p>
      {[...groups.values()].map((group, index) => {
        const caption =
          groups.size > 1
            ? `${t('agency.scores.breakdownCaption')} (${localizeDigits(String(index + 1), language)})`
            : t('agency.scores.breakdownCaption');
        const criteria = [...group.criteria].sort((a, b) => a.sortOrder - b.sortOrder);
        return (
          <TableScroll key={index} label={caption}>
            <table className="data-table score-breakdown">
              <caption className="visually-hidden">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('agency.scores.criterion')}</th>
                  <th scope="col" className="numeric">
                    {t('agency.scores.weight')}
                  </th>
                  {group.scores.map((score) => (
                    <th key={score.id} scope="col" className="numeric">
                      {roundTitleOf(roundById.get(score.roundId), language) ?? <bdi>{score.roundCode}</bdi>}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {criteria.map((criterion) => (
                  <tr key={criterion.id}>
                    <th scope="row">
                      {localizedName({ nameFa: criterion.titleFa, nameEn: criterion.titleEn }, language).text}
                    </th>
                    <td className="numeric">{formatDecimalString(criterion.weight, language)}</td>
                    {group.scores.map((score) => {
                      const value = score.criterionScores.find((entry) => entry.criterionId === criterion.id)?.value;
                      const points = value === undefined ? null : weightedPoints(value, criterion.weight);
                      return (
                        <td key={score.id} className="numeric">
                          {value === undefined ? (
                            <span className="muted">—</span>
                          ) : (
                            <>
                              {formatDecimalString(value, language)}
                              {points !== null && (
                                <span className="score-breakdown__points">
                                  {t('agency.scores.pointsOfWeight', {
                                    points: formatDecimalString(points, language),
                                    weight: formatDecimalString(criterion.weight, language),
                                  })}
                                </span>
                              )}
                            </>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('scores.total')}</th>
                  <td className="numeric">{formatDecimalString('100', language)}</td>
                  {group.scores.map((score) => (
                    <td key={score.id} className="numeric">
                      {formatDecimalString(score.total, language)}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </TableScroll>
        );
      })}
    </>
  );
}

function SessionsSection({ agencyId }: AgencyScoresSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const sessions = useAgencySessions(agencyId);
  const rounds = useRounds();
  const roundById = new Map<string, Round>((rounds.data ?? []).map((round) => [round.id, round]));

  let content: ReactNode;
  if (sessions.isPending) {
    content = <LoadingMessage />;
  } else if (sessions.isError) {
    content = <ErrorMessage error={sessions.error} onRetry={() => void sessions.refetch()} />;
  } else if (sessions.data.items.length === 0) {
    content = <p className="muted">{t('agency.sessions.empty')}</p>;
  } else {
    const newestFirst = [...sessions.data.items].sort((a, b) => b.heldOn.localeCompare(a.heldOn));
    content = (
      <ol className="agency-sessions">
        {newestFirst.map((session) => (
          <li key={session.id}>
            <SessionItem session={session} round={roundById.get(session.roundId)} />
          </li>
        ))}
      </ol>
    );
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('agency.sessions.title')}</h2>
      {content}
    </section>
  );
}

function SessionItem({ session, round }: { session: AgencySession; round: Round | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleId = useId();
  const gregorian = formatGregorianDate(session.heldOn, language);

  return (
    <article className="agency-session" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <time dateTime={session.heldOn} dir="ltr" title={gregorian}>
          {formatJalaliDate(session.heldOn, language)}
        </time>
        {language === 'en' && <span className="muted"> ({gregorian})</span>}
      </h3>
      <dl className="definition-list agency-dl-compact">
        <div>
          <dt>{t('agency.sessions.round')}</dt>
          <dd>{roundTitleOf(round, language) ?? <bdi>{session.roundCode}</bdi>}</dd>
        </div>
        <div>
          <dt>{t('agency.sessions.representatives')}</dt>
          <dd>
            {session.representatives.length === 0 ? (
              <span className="muted">{t('common.none')}</span>
            ) : (
              <ul className="agency-session__people">
                {session.representatives.map((person, index) => (
                  <li key={index}>
                    {person.name}
                    {person.title ? <span className="muted"> ({person.title})</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('agency.sessions.summary')}</dt>
          <dd className="agency-session__text">
            {session.notes.trim() === '' ? (
              <span className="muted">{t('agency.sessions.noSummary')}</span>
            ) : (
              session.notes
            )}
          </dd>
        </div>
        {session.evaluators && session.evaluators.length > 0 && (
          <div>
            <dt>{t('agency.sessions.evaluators')}</dt>
            <dd>
              {new Intl.ListFormat(intlLocaleOf(language)).format(
                session.evaluators.map((evaluator) => evaluator.displayName),
              )}
            </dd>
          </div>
        )}
        {session.internalNotes !== undefined && session.internalNotes.trim() !== '' && (
          <div>
            <dt>{t('agency.sessions.internalNotes')}</dt>
            <dd className="agency-session__text">{session.internalNotes}</dd>
          </div>
        )}
      </dl>
    </article>
  );
}
