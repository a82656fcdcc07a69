import { Trans } from 'react-i18next';
import { formatTehranDateTime } from '../../../lib/dates';
import { useLanguage } from '../../../lib/useLanguage';

/** An instant as its Jalali day and 24-hour time in Tehran, each isolated from the sentence around it. */
export function TehranDateTime({ instant }: { instant: string }) {
  const language = useLanguage();
  const { date, time } = formatTehranDateTime(instant, language);
  return (
    <Trans
      i18nKey="weekly.dateTime"
      components={{
        date: (
          <time className="nowrap" dateTime={instant} dir="ltr">
            {date}
          </time>
        ),
        time: (
          <bdi className="nowrap" dir="ltr">
            {time}
          </bdi>
        ),
      }}
    />
  );
}
