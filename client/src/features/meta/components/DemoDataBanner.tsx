import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/useLanguage';
import { useMeta } from '../api/getMeta';

/** Says plainly, on every page, when the figures shown are demonstration data. */
export function DemoDataBanner() {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleId = useId();
  const { data: meta } = useMeta();

  if (!meta?.demoData) {
    return null;
  }
  return (
    <aside className="demo-banner" aria-labelledby={titleId}>
      <strong id={titleId}>{t('meta.demoTitle')}</strong> <span>{meta.notice[language]}</span>
    </aside>
  );
}
