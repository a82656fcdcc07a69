import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { QueryParams } from '../api/http';
import { EXPORT_FORMATS, EXPORT_MEDIA_TYPES, exportUrl, type ExportFormat } from '../lib/exportUrl';
import { useLanguage } from '../lib/useLanguage';
import './exportMenu.css';

const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';

interface ExportMenuProps {
  /** What the links download, as an action ("Download this ranking"): the name of the group of links. */
  label: string;
  /** The export's address in the API, e.g. `/api/v1/rankings/export`. */
  path: string;
  /** The view's parameters (filters, sort, day, revision); empty ones are left out. */
  params?: QueryParams;
  /** Say that the file holds every row, not only the page on screen (for paged lists). */
  allRows?: boolean;
  formats?: readonly ExportFormat[];
}

/**
 * Download links for one export, one per format: plain links to the API (`<a href download>`), so they work with a
 * right click ("save link as"), from a copied address and without any script; the server names the file. The file's
 * headers and sheet direction follow the UI language (`lang=`). Hidden when printed.
 */
export function ExportMenu({ label, path, params, allRows = false, formats = EXPORT_FORMATS }: ExportMenuProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labelId = useId();

  return (
    <div className="export-menu" role="group" aria-labelledby={labelId}>
      <p id={labelId} className="export-menu__label">
        {label}
      </p>
      <ul className="export-menu__links">
        {formats.map((format) => (
          <li key={format}>
            <a
              className="button button--small export-menu__link"
              href={exportUrl(path, format, language, params)}
              type={EXPORT_MEDIA_TYPES[format]}
              download
            >
              <span>
                <span className="export-menu__format">{t(`exports.formats.${format}.name`)}</span>
                {' — '}
                {t(`exports.formats.${format}.note`)}
              </span>
            </a>
          </li>
        ))}
      </ul>
      <p className="hint export-menu__hint">
        {allRows && <>{t('exports.allRows')} </>}
        <Trans i18nKey="exports.licence" components={{ licence: <a href={LICENCE_URL} rel="license" /> }} />
      </p>
    </div>
  );
}
