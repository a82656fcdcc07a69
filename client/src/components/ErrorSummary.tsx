import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../lib/bilingual';
import { useLanguage } from '../lib/useLanguage';

export interface SummaryProblem {
  /** The id of the field the problem is about, to link to it; absent for problems of the whole form. */
  fieldId?: string;
  message: Bilingual;
}

interface ErrorSummaryProps {
  /** The server's message for the whole request, when there was one. */
  message?: Bilingual | null;
  problems: SummaryProblem[];
  ref?: Ref<HTMLDivElement>;
}

/**
 * The problems that stopped a form, listed at its top with links to the fields (focus it after a failed submit,
 * so screen-reader users hear what to fix).
 */
export function ErrorSummary({ message, problems, ref }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div ref={ref} className="state-message state-message--error error-summary" role="alert" tabIndex={-1}>
      <p className="error-summary__title">{message?.[language] ?? t('form.fixProblems')}</p>
      {problems.length > 0 && (
        <ul>
          {problems.map((problem, index) => (
            <li key={index}>
              {problem.fieldId ? (
                <a href={`#${problem.fieldId}`}>{problem.message[language]}</a>
              ) : (
                problem.message[language]
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
