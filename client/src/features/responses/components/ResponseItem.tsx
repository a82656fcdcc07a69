import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DayText } from '../../../components/DayText';
import { localizedName } from '../../../lib/localizedName';
import { useLanguage } from '../../../lib/useLanguage';
import type { PublicResponse } from '../types';
import { ResponseSubjectText } from './ResponseSubjectText';

interface ResponseItemProps {
  response: PublicResponse;
  /** Name the agency in the heading (where several agencies' replies are listed together). */
  showAgency?: boolean;
  /** The heading's level where the item sits. */
  level?: 3 | 4;
}

/** The element id of a reply, for links to it from beside the agency's name. */
export function responseAnchor(id: string): string {
  return `response-${id}`;
}

/**
 * One reply as the public reads it: whose, what it answers, the day received (Jalali), its text as received
 * (Persian, the official text; an English translation when there is one, open in the English view) and the letter;
 * or, for an open request, "no response yet" with the day asked. States are said in words, not colours.
 */
export function ResponseItem({ response, showAgency = false, level = 3 }: ResponseItemProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const Heading = level === 3 ? 'h3' : 'h4';
  const agency = localizedName(response.agency, language);
  const agencyName = agency.text;
  const open = response.status !== 'published';

  return (
    <article
      id={responseAnchor(response.id)}
      className={open ? 'response-item response-item--open' : 'response-item'}
      aria-labelledby={headingId}
      tabIndex={-1}
    >
      <Heading id={headingId} className="response-item__title">
        {open
          ? showAgency
            ? `${agencyName}: ${t('responses.noResponseYet')}`
            : t('responses.noResponseYet')
          : showAgency
            ? t('responses.officialResponseOf', { agency: agencyName })
            : t('responses.officialResponse')}
      </Heading>
      <dl className="response-item__meta">
        <div>
          <dt>{t('responses.about')}</dt>
          <dd>
            <ResponseSubjectText response={response} />
          </dd>
        </div>
        {response.requestedOn && (
          <div>
            <dt>{t('responses.asked')}</dt>
            <dd>
              <DayText value={response.requestedOn} />
            </dd>
          </div>
        )}
        {!open && response.receivedOn && (
          <div>
            <dt>{t('responses.received')}</dt>
            <dd>
              <DayText value={response.receivedOn} />
            </dd>
          </div>
        )}
      </dl>
      {!open && response.bodyFa && (
        <div className="response-item__body" lang="fa" dir="rtl">
          {response.bodyFa}
        </div>
      )}
      {!open && response.bodyEn && (
        <details className="response-item__translation" open={language === 'en'}>
          <summary>{t('responses.englishText')}</summary>
          <div className="response-item__body" lang="en" dir="ltr">
            {response.bodyEn}
          </div>
        </details>
      )}
      {!open && response.documentUrl && (
        <p>
          <a href={response.documentUrl} rel="noopener noreferrer nofollow">
            {t('responses.documentLabel')}
          </a>
        </p>
      )}
    </article>
  );
}
