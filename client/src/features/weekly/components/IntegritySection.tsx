import { QRCodeSVG } from 'qrcode.react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { WeeklyReport } from '../api/types';
import { useVerifyWeeklyReport } from '../api/verifyWeeklyReport';

interface IntegritySectionProps {
  report: WeeklyReport;
  permalink: { path: string; absolute: string };
}

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * What makes a brief checkable: its permanent address (with a QR code for the printed copy), the SHA-256 digest of
 * its content, and a button that has the server recompute the digest from the content as stored now.
 */
export function IntegritySection({ report, permalink }: IntegritySectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const verify = useVerifyWeeklyReport(report.week, report.revision);
  const [copy, setCopy] = useState<CopyState>('idle');
  // Browsers without the Clipboard API (or outside a secure context) get no copy button: the address is selectable.
  const canCopy = typeof navigator !== 'undefined' && typeof navigator.clipboard?.writeText === 'function';

  const handleCopy = () => {
    navigator.clipboard.writeText(permalink.absolute).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };

  const result = verify.data;
  return (
    <section className="weekly-section weekly-integrity" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('weekly.integrityTitle')}</h2>
      <div className="weekly-integrity__layout">
        <div className="weekly-integrity__text">
          <dl className="weekly-stack">
            <div>
              <dt>{t('weekly.permalinkLabel')}</dt>
              <dd>
                <Link to={permalink.path} className="weekly-break" dir="ltr">
                  {permalink.absolute}
                </Link>
                {canCopy && (
                  <>
                    {' '}
                    <button type="button" className="button button--small weekly-screen-only" onClick={handleCopy}>
                      {t('weekly.copy')}
                    </button>
                  </>
                )}
                <span role="status" className="weekly-copy-status">
                  {copy === 'copied' && t('weekly.copied')}
                  {copy === 'failed' && t('weekly.copyFailed')}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('weekly.digestLabel')}</dt>
              <dd>
                <code className="weekly-digest" dir="ltr">
                  {report.digest}
                </code>
                <p className="hint">{t('weekly.digestHint')}</p>
              </dd>
            </div>
          </dl>
          <button
            type="button"
            className="button weekly-screen-only"
            onClick={() => verify.mutate()}
            disabled={verify.isPending}
          >
            {verify.isPending ? t('weekly.verifying') : t('weekly.verify')}
          </button>
          <div role="status" className="weekly-verify-result">
            {result && (
              <div
                className={
                  result.valid ? 'weekly-verdict weekly-verdict--valid' : 'weekly-verdict weekly-verdict--invalid'
                }
              >
                <p>
                  <strong>
                    {t(result.valid ? 'weekly.verifyValid' : 'weekly.verifyInvalid', {
                      revision: formatInteger(result.revision, language),
                    })}
                  </strong>
                </p>
                <dl className="weekly-stack">
                  <div>
                    <dt>{t('weekly.storedDigest')}</dt>
                    <dd>
                      <code className="weekly-digest" dir="ltr">
                        {result.digest}
                      </code>
                    </dd>
                  </div>
                  <div>
                    <dt>{t('weekly.recomputedDigest')}</dt>
                    <dd>
                      <code className="weekly-digest" dir="ltr">
                        {result.recomputed}
                      </code>
                    </dd>
                  </div>
                </dl>
              </div>
            )}
          </div>
          {verify.isError && <ErrorMessage error={verify.error} onRetry={() => verify.mutate()} />}
        </div>
        <figure className="weekly-qr">
          <QRCodeSVG
            value={permalink.absolute}
            size={128}
            marginSize={2}
            title={t('weekly.qrTitle')}
            role="img"
            aria-label={t('weekly.qrTitle')}
          />
          <figcaption>{t('weekly.qrCaption')}</figcaption>
        </figure>
      </div>
    </section>
  );
}
