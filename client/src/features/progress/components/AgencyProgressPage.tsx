import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { JalaliDate } from '../../../components/JalaliDate';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { localizedName } from '../../../lib/localizedName';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useAgency } from '../../agencies';
import { useAgencyProgress } from '../api/getAgencyProgress';
import { ProgressEventForm } from './ProgressEventForm';
import { ProgressLedger } from './ProgressLedger';
import { ServicesStageSection } from './ServicesStageSection';
import { SystemsStageSection } from './SystemsStageSection';

/** Where evaluators record an agency's connection progress: its own dates, and its services' and systems' stages. */
export function AgencyProgressPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const agency = useAgency(id);
  const progress = useAgencyProgress(id);
  const currentId = useId();
  const name = agency.data ? localizedName(agency.data, language).text : '';
  const title = name ? t('progress.titleFor', { name }) : t('progress.title');
  usePageTitle(title);

  return (
    <>
      <p className="back-link">
        <Link to={`/agencies/${encodeURIComponent(id)}`}>{t('progress.backToAgency')}</Link>
      </p>
      <h1>{title}</h1>
      {progress.isPending ? (
        <LoadingMessage />
      ) : progress.isError ? (
        <ErrorMessage error={progress.error} onRetry={() => void progress.refetch()} />
      ) : (
        <>
          <section aria-labelledby={currentId}>
            <h2 id={currentId}>{t('progress.current')}</h2>
            <dl className="details">
              <div className="detail-row">
                <dt>{t('progress.singleWindowLaunchedOn')}</dt>
                <dd>
                  <JalaliDate value={progress.data.singleWindowLaunchedOn} fallback={t('common.notYet')} />
                </dd>
              </div>
              <div className="detail-row">
                <dt>{t('progress.url')}</dt>
                <dd dir="ltr">{progress.data.singleWindowUrl ?? '—'}</dd>
              </div>
              <div className="detail-row">
                <dt>{t('progress.nationalWindowConnectedOn')}</dt>
                <dd>
                  <JalaliDate value={progress.data.nationalWindowConnectedOn} fallback={t('common.notYet')} />
                </dd>
              </div>
              <div className="detail-row">
                <dt>{t('progress.version')}</dt>
                <dd>{formatInteger(progress.data.version, language)}</dd>
              </div>
            </dl>
          </section>
          <div className="card-grid">
            <ProgressEventForm
              agencyId={id}
              kind="single_window_launched"
              progress={progress.data}
              onReload={() => progress.refetch()}
            />
            <ProgressEventForm
              agencyId={id}
              kind="national_window_connected"
              progress={progress.data}
              onReload={() => progress.refetch()}
            />
          </div>
          <section>
            <ProgressLedger entries={progress.data.events} />
          </section>
        </>
      )}
      <ServicesStageSection agencyId={id} />
      <SystemsStageSection agencyId={id} />
    </>
  );
}
