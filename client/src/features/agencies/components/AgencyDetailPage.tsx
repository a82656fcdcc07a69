import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { JalaliDate } from '../../../components/JalaliDate';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { LocalizedName } from '../../../components/LocalizedName';
import { formatDecimalString, formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { useAgency, type AgencyDetail, type ServiceStage } from '../api/getAgency';

const STAGES: readonly ServiceStage[] = ['not_electronic', 'electronic', 'single_window', 'national_window'];

interface AgencyDetailPageProps {
  /** More sections about the agency, from other features (composed by the app), shown after its details. */
  renderSections?: (agency: AgencyDetail) => ReactNode;
}

export function AgencyDetailPage({ renderSections }: AgencyDetailPageProps = {}) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const agency = useAgency(id);

  return (
    <>
      <p className="back-link">
        <Link to="/agencies">{t('agency.back')}</Link>
      </p>
      {agency.isPending ? (
        <LoadingMessage />
      ) : agency.isError ? (
        <ErrorMessage error={agency.error} onRetry={() => void agency.refetch()} />
      ) : (
        <AgencyDetails agency={agency.data} extra={renderSections?.(agency.data)} />
      )}
    </>
  );
}

function DetailRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="detail-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function AgencyDetails({ agency, extra }: { agency: AgencyDetail; extra?: ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const detailsId = useId();
  const childrenId = useId();

  return (
    <>
      <h1>
        <LocalizedName entity={agency} />
      </h1>

      <section aria-labelledby={detailsId}>
        <h2 id={detailsId}>{t('agency.details')}</h2>
        <dl className="details">
          <DetailRow label={t('agency.nameFa')}>
            <span lang="fa">{agency.nameFa}</span>
          </DetailRow>
          <DetailRow label={t('agency.nameEn')}>
            <span lang="en" dir="ltr">
              {agency.nameEn}
            </span>
          </DetailRow>
          <DetailRow label={t('agency.code')}>{agency.code}</DetailRow>
          <DetailRow label={t('agency.kind')}>{t(`kind.${agency.kind}`)}</DetailRow>
          <DetailRow label={t('agency.branch')}>{t(`branch.${agency.branch}`)}</DetailRow>
          <DetailRow label={t('agency.isMain')}>{agency.isMain ? t('common.yes') : t('common.no')}</DetailRow>
          <DetailRow label={t('agency.parent')}>
            {agency.parent ? (
              <Link to={`/agencies/${encodeURIComponent(agency.parent.id)}`}>
                <LocalizedName entity={agency.parent} />
              </Link>
            ) : (
              t('common.none')
            )}
          </DetailRow>
          <DetailRow label={t('agency.serviceCount')}>{formatInteger(agency.serviceCount, language)}</DetailRow>
          <DetailRow label={t('agency.connectedServiceCount')}>
            {formatInteger(agency.connectedServiceCount, language)}
          </DetailRow>
          <DetailRow label={t('agency.singleWindowLaunchedOn')}>
            <JalaliDate value={agency.singleWindowLaunchedOn} fallback={t('common.notYet')} />
          </DetailRow>
          <DetailRow label={t('agency.nationalWindowConnectedOn')}>
            <JalaliDate value={agency.nationalWindowConnectedOn} fallback={t('common.notYet')} />
          </DetailRow>
          <DetailRow label={t('agency.latestScore')}>
            {agency.latestScore === null ? t('agencies.noScore') : formatDecimalString(agency.latestScore, language)}
          </DetailRow>
        </dl>
      </section>

      {extra}

      <section>
        <table className="data-table">
          <caption>{t('agency.stages')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agency.stage')}</th>
              <th scope="col" className="numeric">
                {t('agency.services')}
              </th>
            </tr>
          </thead>
          <tbody>
            {STAGES.map((stage) => (
              <tr key={stage}>
                <th scope="row">{t(`stage.${stage}`)}</th>
                <td className="numeric">{formatInteger(agency.stageCounts[stage], language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby={childrenId}>
        <h2 id={childrenId}>{t('agency.children')}</h2>
        {agency.children.length === 0 ? (
          <p className="muted">{t('agency.noChildren')}</p>
        ) : (
          <ul className="link-list">
            {agency.children.map((child) => (
              <li key={child.id}>
                <Link to={`/agencies/${encodeURIComponent(child.id)}`}>
                  <LocalizedName entity={child} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section>
        {agency.systems.length === 0 ? (
          <>
            <h2>{t('agency.systems')}</h2>
            <p className="muted">{t('agency.noSystems')}</p>
          </>
        ) : (
          <table className="data-table">
            <caption>{t('agency.systems')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agency.systemName')}</th>
                <th scope="col">{t('agency.stage')}</th>
                <th scope="col" className="numeric">
                  {t('agency.services')}
                </th>
              </tr>
            </thead>
            <tbody>
              {agency.systems.map((system) => (
                <tr key={system.id}>
                  <th scope="row">
                    <LocalizedName entity={system} />
                  </th>
                  <td>{t(`stage.${system.stage}`)}</td>
                  <td className="numeric">{formatInteger(system.serviceCount, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
