import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { localizedName } from '../../../lib/localizedName';
import { formatInteger, localizeDigits } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { AuditRecord } from '../api/getAudit';
import { useAgencyNames } from '../api/getAgencyName';
import { isPlainObject } from '../utils/auditChanges';
import { AuditDay } from './AuditTime';

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const WEEK_ID = /^\d{4}-\d{2}-\d{2}$/;

/** A name in the active language (English falls back to Persian), marked with its language. */
function Name({ fa, en }: { fa: string; en: string | null }) {
  const language = useLanguage();
  const name = localizedName({ nameFa: fa, nameEn: en ?? '' }, language);
  return name.lang === language ? <>{name.text}</> : <span lang={name.lang}>{name.text}</span>;
}

/** An id where no name is known: its first characters, the whole of it in the tooltip and the raw data. */
function ShortId({ id }: { id: string }) {
  return (
    <code dir="ltr" title={id} className="break-anywhere">
      {id.length > 13 ? `${id.slice(0, 8)}…` : id}
    </code>
  );
}

/** An agency the record names by id only: its names are asked for (once per agency), its page linked. */
function AgencyById({ id }: { id: string }) {
  const names = useAgencyNames(id);
  return (
    <Link to={`/agencies/${id}`}>
      {names.data ? <Name fa={names.data.nameFa} en={names.data.nameEn} /> : <ShortId id={id} />}
    </Link>
  );
}

/** An agency the record names itself (a score, a session): linked to its page. */
function AgencyLink({ id, fa, en }: { id: string | null; fa: string; en: string | null }) {
  const name = <Name fa={fa} en={en} />;
  return id ? <Link to={`/agencies/${id}`}>{name}</Link> : name;
}

/**
 * What an audit record is about, for people: its kind in words and its name (an agency, a round, a service, a
 * week's report …), read from the record's own values, with a link where the app has a page for it (an agency,
 * a weekly report). Where the record carries no name, the id's first characters stand in.
 */
export function AuditEntity({ item }: { item: AuditRecord }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const values = isPlainObject(item.after) ? item.after : isPlainObject(item.before) ? item.before : {};
  const agencyId = text(values.agencyId);
  const agencyFa = text(values.agencyNameFa);
  const agencyEn = text(values.agencyNameEn);
  const titleFa = text(values.titleFa) ?? text(values.nameFa);
  const titleEn = text(values.titleEn) ?? text(values.nameEn);
  const code = text(values.code);

  let name: ReactNode = null;
  let extra: ReactNode = null;
  switch (item.entityType) {
    case 'score':
    case 'agency_response':
    case 'evaluation_session': {
      if (agencyFa) name = <AgencyLink id={agencyId} fa={agencyFa} en={agencyEn} />;
      else if (agencyId) name = <AgencyById id={agencyId} />;
      const round = text(values.roundCode);
      const heldOn = text(values.heldOn);
      if (item.entityType === 'evaluation_session' && heldOn) extra = <AuditDay value={heldOn} />;
      else if (round) extra = t('audit.inRound', { round });
      break;
    }
    case 'agency':
      name = <AgencyById id={item.entityId} />;
      break;
    case 'e_service':
    case 'evaluation_round':
    case 'programme_cycle':
    case 'milestone_definition':
      if (titleFa) name = <Name fa={titleFa} en={titleEn} />;
      if (code) extra = <bdi dir="ltr">{code}</bdi>;
      if (item.entityType === 'e_service' && agencyId && titleFa) {
        name = (
          <>
            {name} <span className="muted">—</span> <AgencyById id={agencyId} />
          </>
        );
      }
      break;
    case 'weekly_report': {
      const week = text(values.week);
      if (week && WEEK_ID.test(week)) {
        name = (
          <Link to={`/weekly/${week}`}>
            {t('audit.week', { week: localizeDigits(week.replace(/-/g, '/'), language) })}
          </Link>
        );
      }
      if (typeof values.revision === 'number') {
        extra = t('audit.revision', { revision: formatInteger(values.revision, language) });
      }
      break;
    }
    case 'import': {
      const fileName = text(values.fileName) ?? item.reason;
      if (fileName) name = <bdi>{fileName}</bdi>;
      if (values.kind === 'scores') extra = t('audit.values.importKind.scores');
      if (values.kind === 'progress') extra = t('audit.values.importKind.progress');
      break;
    }
    case 'app_user': {
      const username = text(values.username);
      if (username) name = <bdi>{username}</bdi>;
      break;
    }
    case 'dataset':
      name = <bdi>{item.entityId}</bdi>;
      break;
    case 'user_session':
      name = <bdi>{item.actorUsername ?? ''}</bdi>;
      break;
    default:
      break;
  }

  return (
    <span className="audit-entity">
      <span className="audit-entity__type">{t(`audit.entityTypes.${item.entityType}`)}:</span>{' '}
      {name ?? <ShortId id={item.entityId} />}
      {extra && (
        <>
          {' '}
          <span className="muted">({extra})</span>
        </>
      )}
    </span>
  );
}
