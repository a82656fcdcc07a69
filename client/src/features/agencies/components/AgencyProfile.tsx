import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LocalizedName } from '../../../components/LocalizedName';
import { formatDecimalString, formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { AgencyDetail } from '../api/getAgency';
import { DayText } from '../../../components/DayText';

/** Beyond this many subordinate bodies the list folds away behind its count. */
const CHILDREN_SHOWN_OPEN = 6;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Who the agency is: its names, code, kind and branch, where it sits among the agencies, and its two key days. */
export function AgencyProfile({ agency }: { agency: AgencyDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const count = (value: number) => formatInteger(value, language);

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('agency.details')}</h2>
      <div className="card">
        <dl className="definition-list">
          <Fact label={t('agency.nameFa')}>
            <span lang="fa">{agency.nameFa}</span>
          </Fact>
          <Fact label={t('agency.nameEn')}>
            <span lang="en" dir="ltr">
              {agency.nameEn}
            </span>
          </Fact>
          <Fact label={t('agency.code')}>
            <bdi>{agency.code}</bdi>
          </Fact>
          <Fact label={t('agency.kind')}>{t(`kind.${agency.kind}`)}</Fact>
          <Fact label={t('agency.branch')}>{t(`branch.${agency.branch}`)}</Fact>
          <Fact label={t('agency.isMain')}>{agency.isMain ? t('common.yes') : t('common.no')}</Fact>
          <Fact label={t('agency.parent')}>
            {agency.parent ? (
              <Link to={`/agencies/${encodeURIComponent(agency.parent.id)}`}>
                <LocalizedName entity={agency.parent} />
              </Link>
            ) : (
              t('common.none')
            )}
          </Fact>
          <Fact label={t('agency.children')}>
            <ChildrenList agencyChildren={agency.children} />
          </Fact>
          <Fact label={t('agency.singleWindowLaunchedOn')}>
            <DayText value={agency.singleWindowLaunchedOn} fallback={t('common.notYet')} />
          </Fact>
          <Fact label={t('agency.nationalWindowConnectedOn')}>
            <DayText value={agency.nationalWindowConnectedOn} fallback={t('common.notYet')} />
          </Fact>
          <Fact label={t('agency.serviceCount')}>{count(agency.serviceCount)}</Fact>
          <Fact label={t('agency.connectedServiceCount')}>{count(agency.connectedServiceCount)}</Fact>
          <Fact label={t('agency.latestScore')}>
            {agency.latestScore === null ? (
              <span className="muted">{t('agencies.noScore')}</span>
            ) : (
              formatDecimalString(agency.latestScore, language)
            )}
          </Fact>
        </dl>
      </div>
    </section>
  );
}

function ChildrenList({ agencyChildren }: { agencyChildren: AgencyDetail['children'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (agencyChildren.length === 0) {
    return <span className="muted">{t('agency.noChildren')}</span>;
  }
  const list = (
    <ul className="agency-children">
      {agencyChildren.map((child) => (
        <li key={child.id}>
          <Link to={`/agencies/${encodeURIComponent(child.id)}`}>
            <LocalizedName entity={child} />
          </Link>
        </li>
      ))}
    </ul>
  );
  if (agencyChildren.length <= CHILDREN_SHOWN_OPEN) return list;
  return (
    <details>
      <summary>
        {t('agency.childrenCount', {
          count: agencyChildren.length,
          formattedCount: formatInteger(agencyChildren.length, language),
        })}
      </summary>
      {list}
    </details>
  );
}
