import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../../components/ExportMenu';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { weeklyReportPath, type WeeklyReport } from '../api/types';

/** The API address that always returns this revision of the week's report, byte for byte. */
export function revisionPermalinkPath(week: string, revision: number): string {
  return `${weeklyReportPath(week)}/revisions/${revision}`;
}

/**
 * The report's data for newsrooms' tools: the rows of the revision shown as CSV, XLSX or JSON (always this revision,
 * so a file downloaded today and one downloaded next year are the same bytes), and the revision's permanent address.
 */
export function WeeklyExports({ report }: { report: WeeklyReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const revision = formatInteger(report.revision, language);
  const permalinkPath = revisionPermalinkPath(report.week, report.revision);

  return (
    <section className="weekly-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('exports.weekly.title')}</h2>
      <ExportMenu
        label={t('exports.weekly.download', { revision })}
        path={`${weeklyReportPath(report.week)}/export`}
        params={{ revision: report.revision }}
      />
      <dl className="weekly-stack">
        <div>
          <dt>{t('exports.weekly.permalinkLabel', { revision })}</dt>
          <dd>
            <a href={permalinkPath} className="weekly-break" dir="ltr">
              {`${window.location.origin}${permalinkPath}`}
            </a>
            <p className="hint">{t('exports.weekly.permalinkHint')}</p>
          </dd>
        </div>
      </dl>
    </section>
  );
}
