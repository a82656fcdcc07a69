import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { ExportMenu } from '../../../components/ExportMenu';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { Pagination } from '../../../components/Pagination';
import { SearchBox } from '../../../components/SearchBox';
import { formatInteger } from '../../../lib/numbers';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useLanguage } from '../../../lib/useLanguage';
import { useAgencies } from '../api/getAgencies';
import { useAgencyListParams } from '../hooks/useAgencyListParams';
import '../agencies.css';
import { AgencyTable } from './AgencyTable';

export function AgencyListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { search, page, pageSize, setSearch, linkToPage } = useAgencyListParams();
  const agencies = useAgencies({ search: search || undefined, page, pageSize });
  usePageTitle(t('agencies.title'));

  let content;
  if (agencies.isPending) {
    content = <LoadingMessage />;
  } else if (agencies.isError) {
    content = <ErrorMessage error={agencies.error} onRetry={() => void agencies.refetch()} />;
  } else {
    const { items, total } = agencies.data;
    const pageCount = Math.max(1, Math.ceil(total / agencies.data.pageSize));
    content = (
      <>
        <p className="result-count" role="status">
          {items.length === 0
            ? search
              ? t('agencies.emptyForSearch', { search })
              : t('agencies.empty')
            : t('agencies.total', { count: total, formattedCount: formatInteger(total, language) })}
        </p>
        {items.length > 0 && <AgencyTable agencies={items} isStale={agencies.isPlaceholderData} />}
        {(items.length > 0 || page > 1) && <Pagination page={page} pageCount={pageCount} linkToPage={linkToPage} />}
      </>
    );
  }

  return (
    <>
      <h1>{t('agencies.title')}</h1>
      <SearchBox
        label={t('agencies.searchLabel')}
        hint={t('agencies.searchHint')}
        value={search}
        onSearchChange={setSearch}
      />
      <ExportMenu label={t('exports.agencies')} path="/api/v1/agencies/export" params={{ search }} allRows />
      {content}
    </>
  );
}
