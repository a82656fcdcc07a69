import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface TableScrollProps {
  /** What the table holds (its caption): the name of the scrolling region. */
  label: string;
  busy?: boolean;
  children: ReactNode;
}

/**
 * A wide table's box: on a narrow screen it scrolls sideways instead of widening the page, and it takes the
 * keyboard focus so that people who do not use a mouse can scroll it too.
 */
export function TableScroll({ label, busy, children }: TableScrollProps) {
  const { t } = useTranslation();
  return (
    <div
      className="table-scroll"
      role="region"
      aria-label={t('common.tableRegion', { name: label })}
      tabIndex={0}
      aria-busy={busy}
    >
      {children}
    </div>
  );
}
