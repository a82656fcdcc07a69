import type { UseQueryResult } from '@tanstack/react-query';
import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { formatDecimalString, formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { Overview } from '../api/getOverview';
import { rankingsPath } from '../utils/overviewLinks';
import { DayText } from '../../../components/DayText';

interface ConnectedHeadlineProps {
  query: UseQueryResult<Overview>;
  /** The day asked for (ISO), or null for today: the rankings links keep it. */
  asOf: string | null;
}

/** The headline: how many of the 170 main agencies are connected to the national window on the day. */
export function ConnectedHeadline({ query, asOf }: ConnectedHeadlineProps) {
  const { t } = useTranslation();
  const headingId = useId();

  return (
    <section className="overview-hero" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('overview.connected.title')}</h2>
      {query.isPending ? (
        <LoadingMessage />
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.agencies.total === 0 ? (
        <p className="state-message">{t('overview.connected.noAgencies')}</p>
      ) : (
        <ConnectedFigures overview={query.data} asOf={asOf} stale={query.isPlaceholderData} />
      )}
    </section>
  );
}

function ConnectedFigures({ overview, asOf, stale }: { overview: Overview; asOf: string | null; stale: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { count, share } = overview.connected;
  const total = overview.agencies.total;
  const notConnected = total - count;
  const shareText = share === null ? null : formatDecimalString(share, language);
  const countText = formatInteger(count, language);
  const totalText = formatInteger(total, language);

  return (
    <div className={stale ? 'overview-stale' : undefined} aria-busy={stale}>
      <p className="overview-hero__figure">
        {t('overview.connected.figure', { connected: countText, total: totalText })}
      </p>
      <p className="overview-hero__sentence">
        <Trans i18nKey="overview.connected.sentence" components={{ day: <DayText value={overview.asOf} /> }} />
      </p>
      <div
        className="progress-bar overview-hero__bar"
        role="progressbar"
        aria-label={t('overview.connected.barLabel')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={count}
        aria-valuetext={t('overview.connected.barText', {
          connected: countText,
          total: totalText,
          share: shareText ?? '—',
        })}
      >
        <span className="progress-bar__fill" style={{ inlineSize: `${share ?? (count / total) * 100}%` }} />
      </div>
      {shareText !== null && (
        <p className="overview-hero__share">{t('overview.connected.share', { share: shareText })}</p>
      )}
      <ul className="overview-links">
        <li>
          <Link to={rankingsPath('connected', asOf)}>{t('overview.connected.connectedLink')}</Link>
        </li>
        {notConnected > 0 && (
          <li>
            <Link to={rankingsPath('not_connected', asOf)}>
              {t('overview.connected.notConnectedLink', {
                count: notConnected,
                formattedCount: formatInteger(notConnected, language),
              })}
            </Link>
          </li>
        )}
      </ul>
    </div>
  );
}
