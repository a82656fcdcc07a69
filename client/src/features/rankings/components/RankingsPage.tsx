import { Trans, useTranslation } from 'react-i18next';
import { Link, type To } from 'react-router-dom';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { Pagination } from '../../../components/Pagination';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useMilestoneTitles } from '../api/getMilestoneTitles';
import { useRankings, type Rankings } from '../api/getRankings';
import { useRankingsParams } from '../hooks/useRankingsParams';
import { hasRowFilters, nextSort, type RankingsView } from '../utils/rankingParams';
import { DayText } from '../../../components/DayText';
import { ExportMenu } from '../../../components/ExportMenu';
import { RANKINGS_EXPORT_PATH, rankingsExportParams } from '../utils/rankingsExport';
import { RankingsFilters } from './RankingsFilters';
import { RankingsTable } from './RankingsTable';
import '../rankings.css';

/**
 * Where each agency ranks on a day, by score or by connection progress, and why it moved since the week before:
 * what journalists come for. The whole view (filters, sort, page) lives in the address, so a link reproduces it.
 */
export function RankingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('rankings.rankingsPageTitle'));
  const { view, request, change, linkToPage, clearFiltersLink } = useRankingsParams();
  const rankings = useRankings(request);
  const data = rankings.data;
  const hasFlags = data?.items.some((row) => row.flags.overdue.length > 0 || row.flags.atRisk.length > 0) ?? false;
  const milestones = useMilestoneTitles(hasFlags && data ? data.asOf : null);

  let content;
  if (rankings.isPending) {
    content = <LoadingMessage />;
  } else if (rankings.isError) {
    content = <ErrorMessage error={rankings.error} onRetry={() => void rankings.refetch()} />;
  } else {
    const { items, total, pageSize } = rankings.data;
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    content = (
      <>
        <ResultsLine data={rankings.data} view={view} />
        {items.length > 0 ? (
          <RankingsTable
            items={items}
            sort={view.sort}
            onSort={(column) => change({ sort: nextSort(view.sort, column) })}
            milestones={milestones.data}
            isStale={rankings.isPlaceholderData}
          />
        ) : total > 0 ? (
          <EmptyState message={t('rankings.pageEmpty')} link={linkToPage(1)} linkText={t('rankings.firstPage')} />
        ) : (
          <EmptyState message={t('rankings.empty')} link={clearFiltersLink} linkText={t('rankings.filters.clear')} />
        )}
        {(items.length > 0 || view.page > 1) && (
          <Pagination page={view.page} pageCount={pageCount} linkToPage={linkToPage} />
        )}
      </>
    );
  }

  return (
    <>
      <h1>{t('rankings.rankingsPageTitle')}</h1>
      <p className="rankings-intro">{t('rankings.intro')}</p>
      <RankingsFilters view={view} onChange={change} clearFiltersLink={clearFiltersLink} />
      <ExportMenu
        label={t('exports.rankings')}
        path={RANKINGS_EXPORT_PATH}
        params={rankingsExportParams(view)}
        allRows
      />
      {content}
    </>
  );
}

/**
 * "17 agencies of 170; ranked by score on 1401/05/31, compared with 1401/05/24", in a live region so that a change
 * of filters is announced.
 */
function ResultsLine({ data, view }: { data: Rankings; view: RankingsView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { total, ranked } = data;
  const formattedCount = formatInteger(total, language);
  const formattedRanked = formatInteger(ranked, language);

  let count: string;
  if (ranked === 0) {
    count = `${t('rankings.results.count', { count: total, formattedCount })}${t('rankings.results.separator')}${t('rankings.results.noneRanked')}`;
  } else if (hasRowFilters(view)) {
    count = t('rankings.results.countOf', { count: total, formattedCount, ranked: formattedRanked });
  } else if (ranked < total) {
    count = `${t('rankings.results.count', { count: total, formattedCount })}${t('rankings.results.separator')}${t('rankings.results.rankedPart', { count: ranked, formattedCount: formattedRanked })}`;
  } else {
    count = t('rankings.results.count', { count: total, formattedCount });
  }

  return (
    <p className="result-count rankings-results" role="status">
      {count}
      {t('rankings.results.separator')}
      <Trans
        i18nKey={`rankings.results.basis.${data.by}`}
        components={{ asOf: <DayText value={data.asOf} />, comparedWith: <DayText value={data.comparedWith} /> }}
      />
    </p>
  );
}

function EmptyState({ message, link, linkText }: { message: string; link: To; linkText: string }) {
  return (
    <div className="state-message">
      <p>{message}</p>
      <p>
        <Link to={link}>{linkText}</Link>
      </p>
    </div>
  );
}
