import { useTranslation } from 'react-i18next';
import { Link, type To } from 'react-router-dom';
import { formatInteger } from '../lib/numbers';
import { useLanguage } from '../lib/useLanguage';

interface PaginationProps {
  page: number;
  pageCount: number;
  /** Where the link to a page points (pages live in the URL so they can be shared). */
  linkToPage: (page: number) => To;
}

export function Pagination({ page, pageCount, linkToPage }: PaginationProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const hasPrevious = page > 1;
  const hasNext = page < pageCount;

  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {hasPrevious ? (
        <Link to={linkToPage(Math.min(page - 1, pageCount))} rel="prev">
          {t('pagination.previous')}
        </Link>
      ) : (
        <span className="pagination__disabled" aria-disabled="true">
          {t('pagination.previous')}
        </span>
      )}
      <span className="pagination__position">
        {t('pagination.pageOf', {
          page: formatInteger(page, language),
          pageCount: formatInteger(pageCount, language),
        })}
      </span>
      {hasNext ? (
        <Link to={linkToPage(page + 1)} rel="next">
          {t('pagination.next')}
        </Link>
      ) : (
        <span className="pagination__disabled" aria-disabled="true">
          {t('pagination.next')}
        </span>
      )}
    </nav>
  );
}
