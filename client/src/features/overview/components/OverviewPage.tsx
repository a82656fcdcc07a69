import { Trans, useTranslation } from 'react-i18next';
import { JalaliDateInput } from '../../../components/JalaliDateInput';
import { todayInTehran } from '../../../lib/dates';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useOverview } from '../api/getOverview';
import { useOverviewHistory } from '../api/getOverviewHistory';
import { useWeeklyHeadline } from '../api/getWeeklyHeadline';
import { jalaliParamOf, useOverviewAsOf } from '../hooks/useOverviewAsOf';
import { HISTORY_FROM } from '../utils/overviewLinks';
import { ConnectedHeadline } from './ConnectedHeadline';
import { DayText } from '../../../components/DayText';
import { HistorySection } from './HistorySection';
import { MilestoneSection } from './MilestoneSection';
import { ScoreSection } from './ScoreSection';
import { ServiceFigures } from './ServiceFigures';
import { WeeklyHeadline } from './WeeklyHeadline';
import '../overview.css';

/**
 * The national overview (`/`): the country on a day (today, or `?asOf=1401-05-31`). Three requests go out at once
 * (the day's figures, the weekly history since Mordad 1401, the weekly report of the day's week), and each part of
 * the page shows its own loading, empty and error states, so one failing request leaves the rest readable. The
 * charts are loaded on demand, after the text and figures; each has its figures in a table beside it.
 */
export function OverviewPage() {
  const { t } = useTranslation();
  usePageTitle(t('overview.overviewPageTitle'));
  const { asOf, invalid, setAsOf } = useOverviewAsOf();

  const overview = useOverview(asOf);
  const history = useOverviewHistory({ asOf, from: HISTORY_FROM });
  // The report of the week holding the chosen day; the newest one when the page shows today.
  const weekly = useWeeklyHeadline(asOf === null ? null : jalaliParamOf(asOf));

  // The day shown: the server's answer once it came, else the day asked for.
  const day = (overview.isPlaceholderData ? null : overview.data?.asOf) ?? asOf ?? todayInTehran();

  return (
    <div className="overview">
      <div className="page-header">
        <h1>{t('overview.overviewPageTitle')}</h1>
      </div>
      <p className="overview__intro">{t('overview.intro')}</p>

      <div className="overview-asof">
        <JalaliDateInput
          label={t('overview.asOfLabel')}
          hint={t('overview.asOfHint')}
          value={asOf ?? todayInTehran()}
          onChange={(iso) => {
            if (iso !== null) setAsOf(iso);
          }}
        />
        {asOf !== null && (
          <button type="button" className="button" onClick={() => setAsOf(null)}>
            {t('overview.backToToday')}
          </button>
        )}
      </div>
      {invalid && <p className="state-message">{t('overview.asOfInvalid')}</p>}
      <p className="overview-asof__day" role="status">
        <Trans
          i18nKey={asOf === null ? 'overview.showingToday' : 'overview.showingDay'}
          components={{ day: <DayText value={day} /> }}
        />
      </p>

      <ConnectedHeadline query={overview} asOf={asOf} />
      {overview.data && <MilestoneSection overview={overview.data} asOf={asOf} stale={overview.isPlaceholderData} />}
      <WeeklyHeadline query={weekly} asOf={asOf} />
      {overview.data && <ServiceFigures overview={overview.data} stale={overview.isPlaceholderData} />}
      <HistorySection query={history} />
      {overview.data && <ScoreSection overview={overview.data} stale={overview.isPlaceholderData} />}
    </div>
  );
}
