import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/useLanguage';
import { useMeta } from '../api/getMeta';

/**
 * Says plainly, on every page, when the figures shown are demonstration data: one short line (so that it stays on
 * a phone's first screen without crowding it), with the server's full notice a click away.
 */
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
      <details className="demo-banner__details">
        <summary>
          <strong id={titleId}>{t('meta.demoTitle')}</strong>{' '}
          <span className="demo-banner__short">{t('meta.demoShort')}</span>{' '}
          <span className="demo-banner__more">{t('meta.demoMore')}</span>
        </summary>
        <p className="demo-banner__notice">{meta.notice[language]}</p>
      </details>
    </aside>
  );
}
