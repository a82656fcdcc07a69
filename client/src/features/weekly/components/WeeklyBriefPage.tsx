import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { formatInteger } from '../../../lib/numbers';
import { positiveIntegerParam } from '../../../lib/searchParams';
import { useLanguage } from '../../../lib/useLanguage';
import { usePageTitle } from '../../../lib/usePageTitle';
import { ADMIN_ROLES, hasRole, useMe } from '../../auth';
import { WeekResponsesProvider, WeekResponsesSection } from '../../responses';
import { LATEST, useWeeklyReport } from '../api/getWeeklyReport';
import { useWeeklyReportRevisions } from '../api/getWeeklyReportRevisions';
import type { WeeklyReport } from '../api/types';
import { formatWeekId } from '../../../lib/dates';
import { briefPath } from '../utils/weeks';
import '../weekly.css';
import { BriefUnavailable } from './BriefUnavailable';
import { CorrectionForm } from './CorrectionForm';
import { HeadlineFigures } from './HeadlineFigures';
import { IntegritySection } from './IntegritySection';
import { JoinedSection } from './JoinedSection';
import { MilestoneSection } from './MilestoneSection';
import { OverdueChanges } from './OverdueChanges';
import { RankingSection } from './RankingSection';
import { RevisionsSection } from './RevisionsSection';
import { WeekHeader } from './WeekHeader';
import { WeekNavigation } from './WeekNavigation';
import { WeeklyExports } from './WeeklyExports';

/**
 * The weekly brief (`/weekly/:week`, `/weekly/latest`): what the cabinet was shown for a week, as published, with
 * its digest, its revisions and its permanent address. `latest` stays `latest` in the address bar (it is what the
 * menu links to, and a bookmark of it should keep meaning "the newest"); the week's own address is shown on the page.
 * Any other spelling of a week (another day of it, an ISO day) is replaced by the week's own address.
 */
export function WeeklyBriefPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { week: weekParam = LATEST } = useParams();
  const [searchParams] = useSearchParams();
  const revision = weekParam === LATEST ? null : positiveIntegerParam(searchParams.get('revision'));
  const report = useWeeklyReport(weekParam, revision);

  usePageTitle(
    report.data
      ? t('weekly.briefPageTitle', { week: formatWeekId(report.data.week, language) })
      : t('weekly.weeklyBriefPageTitle'),
  );

  if (report.isPending) {
    return (
      <>
        <h1>{t('weekly.weeklyBriefPageTitle')}</h1>
        <LoadingMessage />
      </>
    );
  }
  if (report.isError) {
    return (
      <BriefUnavailable
        error={report.error}
        week={weekParam}
        revision={revision}
        onRetry={() => void report.refetch()}
      />
    );
  }
  if (weekParam !== LATEST && report.data.week !== weekParam) {
    return <Navigate to={briefPath(report.data.week, revision)} replace />;
  }
  return <WeeklyBrief report={report.data} isLatestAddress={weekParam === LATEST} askedRevision={revision} />;
}

interface WeeklyBriefProps {
  report: WeeklyReport;
  isLatestAddress: boolean;
  /** The revision the address asks for (`?revision=`), or null for the newest. */
  askedRevision: number | null;
}

function WeeklyBrief({ report, isLatestAddress, askedRevision }: WeeklyBriefProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const methodId = useId();
  const milestonesId = useId();
  const me = useMe();
  const isAdmin = hasRole(me.data, ADMIN_ROLES);
  const { week, content } = report;

  // Without `?revision=` the server gave the newest revision, and a revision 1 has never been corrected: only an
  // older revision asked for, or a corrected week, needs the list.
  const needsRevisions = askedRevision !== null || report.revision > 1;
  const revisions = useWeeklyReportRevisions(week, needsRevisions);
  const newestRevision = askedRevision === null ? report.revision : (revisions.data?.items[0]?.revision ?? null);
  const isOlder = newestRevision !== null && newestRevision > report.revision;

  const path = briefPath(week, isOlder ? report.revision : null);
  const permalink = { path, absolute: `${window.location.origin}${path}` };

  const handlePublished = (published: WeeklyReport) => {
    if (askedRevision !== null) void navigate(briefPath(published.week));
  };

  return (
    <WeekResponsesProvider week={week}>
      <div className="weekly-brief">
        <WeekHeader report={report} permalink={isLatestAddress ? permalink : null} />

        {isOlder && newestRevision !== null && (
          <div className="weekly-older-notice" role="note">
            <p>
              <span aria-hidden="true">⚠ </span>
              {t('weekly.olderNotice', { revision: formatInteger(report.revision, language) })}
            </p>
            <p>
              <Link to={briefPath(week)}>
                {t('weekly.newestLink', { revision: formatInteger(newestRevision, language) })}
              </Link>
            </p>
          </div>
        )}

        <HeadlineFigures content={content} />
        <JoinedSection joined={content.joined} />

        <section className="weekly-section" aria-labelledby={milestonesId}>
          <h2 id={milestonesId}>{t('weekly.milestonesTitle')}</h2>
          {content.milestones.map((milestone) => (
            <MilestoneSection key={milestone.code} milestone={milestone} />
          ))}
        </section>

        <OverdueChanges content={content} />
        <RankingSection ranking={content.ranking} />
        <WeekResponsesSection />

        <section className="weekly-section weekly-method" aria-labelledby={methodId}>
          <h2 id={methodId}>{t('weekly.methodologyTitle')}</h2>
          <p>{content.methodology[language]}</p>
        </section>

        <RevisionsSection report={report} revisions={needsRevisions ? revisions : undefined} />
        <IntegritySection key={report.id} report={report} permalink={permalink} />
        <WeeklyExports report={report} />

        {isAdmin && (
          <CorrectionForm
            week={week}
            nextRevision={(newestRevision ?? report.revision) + 1}
            onPublished={handlePublished}
          />
        )}

        <WeekNavigation week={week} weekStartsOn={report.weekStartsOn} isLatestAddress={isLatestAddress} />
      </div>
    </WeekResponsesProvider>
  );
}
