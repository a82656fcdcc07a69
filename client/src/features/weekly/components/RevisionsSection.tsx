import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { WeeklyReport, WeeklyReportRevisions } from '../api/types';
import { briefPath } from '../utils/weeks';
import { TehranDateTime } from './TehranDateTime';

interface RevisionsSectionProps {
  /** The revision shown. */
  report: WeeklyReport;
  /** Every revision, newest first; undefined when not asked (a newest revision 1 has never been corrected). */
  revisions: { data?: WeeklyReportRevisions; isPending: boolean; error: unknown; refetch: () => unknown } | undefined;
}

/** The week's revisions with their dates and reasons, each linking to itself; the one shown is marked. */
export function RevisionsSection({ report, revisions }: RevisionsSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const name = (revision: number) => t('weekly.revisionName', { revision: formatInteger(revision, language) });

  let content;
  if (revisions === undefined) {
    content = <p>{t('weekly.notCorrected')}</p>;
  } else if (revisions.data) {
    const newest = revisions.data.items[0]?.revision;
    content = (
      <ol className="weekly-revisions" reversed>
        {revisions.data.items.map((item) => {
          const isShown = item.revision === report.revision;
          return (
            <li key={item.id}>
              <Link
                to={briefPath(item.week, item.revision === newest ? null : item.revision)}
                aria-current={isShown ? 'page' : undefined}
              >
                {name(item.revision)}
              </Link>
              {isShown && <span className="muted"> {t('weekly.shownNow')}</span>}
              {' · '}
              <TehranDateTime instant={item.publishedAt} />
              <p className="weekly-revision-reason">
                {item.reason === null ? (
                  t('weekly.firstPublication')
                ) : (
                  <>
                    <strong>{t('weekly.reasonLabel')}</strong> <span dir="auto">{item.reason}</span>
                  </>
                )}
              </p>
            </li>
          );
        })}
      </ol>
    );
  } else if (revisions.isPending) {
    content = <LoadingMessage />;
  } else {
    content = <ErrorMessage error={revisions.error} onRetry={() => void revisions.refetch()} />;
  }

  return (
    <section className="weekly-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('weekly.revisionsTitle')}</h2>
      {content}
    </section>
  );
}
