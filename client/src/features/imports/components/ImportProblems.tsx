import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../components/TableScroll';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { ImportProblem } from '../types/imports';

/** Problems of the whole file first, then by row, then by column. */
function byPosition(a: ImportProblem, b: ImportProblem): number {
  return (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').localeCompare(b.column ?? '');
}

/**
 * Every problem as a sentence in the active language (the server words each one in Persian and English, naming
 * the column by its title in the template), by row and column: the column by its title, with the header as
 * written in the file when it says something else, so that it can be found in the spreadsheet.
 */
export function ImportProblems({ problems }: { problems: ImportProblem[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sorted = [...problems].sort(byPosition);
  return (
    <TableScroll label={t('imports.problemsCaption')}>
      <table className="data-table imports-problems">
        <caption>{t('imports.problemsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t('imports.row')}
            </th>
            <th scope="col">{t('imports.column')}</th>
            <th scope="col">{t('imports.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((problem, index) => (
            <tr key={`${problem.row}-${problem.column}-${index}`}>
              <td className="numeric">
                {problem.row === null ? t('imports.wholeFile') : formatInteger(problem.row, language)}
              </td>
              <td>
                <ProblemColumn problem={problem} />
              </td>
              <td>{problem[language]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function ProblemColumn({ problem }: { problem: ImportProblem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (problem.column === null) return <>{t('imports.wholeRow')}</>;
  const title = (language === 'fa' ? problem.columnFa : problem.columnEn) ?? null;
  // The header as written is shown too when it says something else than the title ("agency" beside «دستگاه»).
  if (!title || title.toLocaleLowerCase() === problem.column.toLocaleLowerCase())
    return <bdi>{title ?? problem.column}</bdi>;
  return (
    <>
      {title}{' '}
      <span className="muted imports-header-in-file">
        ({t('imports.headerInFile')} <bdi>{problem.column}</bdi>)
      </span>
    </>
  );
}
