import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localizedName } from '../../../lib/localizedName';
import { formatDecimalString, formatInteger, localizeDigits } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { AuditEntityType } from '../hooks/useAuditFilters';
import { CRITERION_PREFIX, isPlainObject } from '../utils/auditChanges';
import { AuditDay, AuditTime } from './AuditTime';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;
/** A value that should be text, or '' when it is not. */
const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Fields that hold an exact decimal ("26.07"): shown as written, in the locale's digits, never through a float. */
const DECIMAL_FIELDS = new Set(['total', 'weight', 'value']);

interface AuditValueProps {
  field: string;
  value: unknown;
  entityType: AuditEntityType;
}

/** One value of an audit record, in words: days in the Jalali calendar, codes by their names, lists as lists. */
export function AuditValue({ field, value, entityType }: AuditValueProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const named = (entity: { titleFa?: unknown; titleEn?: unknown; nameFa?: unknown; nameEn?: unknown }) => {
    const nameFa = textOf(entity.titleFa) || textOf(entity.nameFa);
    const nameEn = textOf(entity.titleEn) || textOf(entity.nameEn);
    const name = localizedName({ nameFa, nameEn }, language);
    return <span lang={name.lang}>{name.text}</span>;
  };
  const list = (items: ReactNode[]) =>
    items.length === 1 ? (
      <>{items[0]}</>
    ) : (
      <ul className="audit-value-list">
        {items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    );

  if (value === null || value === undefined || value === '') {
    return <span className="muted">{t('audit.emptyValue')}</span>;
  }
  if (typeof value === 'boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  if (typeof value === 'number') {
    if (field === 'size') return <>{t('audit.bytes', { size: formatInteger(value, language) })}</>;
    return <>{Number.isInteger(value) ? formatInteger(value, language) : localizeDigits(String(value), language)}</>;
  }

  if (typeof value === 'string') {
    if (field === 'week') return <bdi>{localizeDigits(value.replace(/-/g, '/'), language)}</bdi>;
    if ((DECIMAL_FIELDS.has(field) || field.startsWith(CRITERION_PREFIX)) && DECIMAL.test(value)) {
      return <bdi>{formatDecimalString(value, language)}</bdi>;
    }
    if (ISO_DAY.test(value) && Number(value.slice(0, 4)) >= 1900) return <AuditDay value={value} />;
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return <AuditTime instant={value} />;
    switch (field) {
      case 'status':
        if (entityType === 'evaluation_round' && (value === 'open' || value === 'closed')) {
          return <>{t(`audit.values.roundStatus.${value}`)}</>;
        }
        if (value === 'draft' || value === 'submitted' || value === 'reviewed' || value === 'final') {
          return <>{t(`scoreStatus.${value}`)}</>;
        }
        break;
      case 'stage':
      case 'recordedStage':
        if (
          value === 'not_electronic' ||
          value === 'electronic' ||
          value === 'single_window' ||
          value === 'national_window'
        ) {
          return <>{t(`stage.${value}`)}</>;
        }
        break;
      case 'audience':
        if (value === 'g2c' || value === 'g2b' || value === 'g2g') return <>{t(`audience.${value}`)}</>;
        break;
      case 'rule':
        if (
          value === 'single_window_launched' ||
          value === 'single_window_service_share' ||
          value === 'national_window_connected'
        ) {
          return <>{t(`audit.values.rule.${value}`)}</>;
        }
        break;
      case 'kind':
        if (value === 'scores' || value === 'progress') return <>{t(`audit.values.importKind.${value}`)}</>;
        if (value === 'single_window_launched' || value === 'national_window_connected') {
          return <>{t(`progressKind.${value}`)}</>;
        }
        break;
      case 'role':
        if (value === 'admin' || value === 'evaluator' || value === 'cabinet') return <>{t(`role.${value}`)}</>;
        break;
      case 'format':
        return <bdi>{value.toUpperCase()}</bdi>;
    }
    // Free text or a code: as written, in its own direction (a URL or a code stays left to right).
    return <bdi className="break-anywhere">{value}</bdi>;
  }

  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === 'string')) return list(value.map((item) => <bdi>{item}</bdi>));
    if (value.every(isPlainObject)) {
      switch (field) {
        case 'events':
          return list(
            value.map((event) => (
              <>
                <AuditValue field="kind" value={event.kind} entityType={entityType} />
                {': '}
                <AuditValue field="occurredOn" value={event.occurredOn} entityType={entityType} />
              </>
            )),
          );
        case 'evaluators':
          return list(
            value.map((evaluator) => (
              <>
                {textOf(evaluator.displayName) || textOf(evaluator.username)}{' '}
                {typeof evaluator.username === 'string' && (
                  <span className="muted">
                    (<bdi>{evaluator.username}</bdi>)
                  </span>
                )}
              </>
            )),
          );
        case 'representatives':
          return list(
            value.map((person) => (
              <>
                {textOf(person.name)}
                {typeof person.title === 'string' && person.title !== '' && (
                  <span className="muted"> ({person.title})</span>
                )}
              </>
            )),
          );
        case 'milestones':
        case 'criteria':
          return list(
            value.map((item) => (
              <>
                {named(item)}
                {typeof item.weight === 'string' && DECIMAL.test(item.weight) && (
                  <span className="muted"> ({formatDecimalString(item.weight, language)})</span>
                )}
              </>
            )),
          );
      }
    }
    return <>{t('audit.itemCount', { count: value.length, formattedCount: formatInteger(value.length, language) })}</>;
  }

  if (isPlainObject(value)) {
    if (field === 'share' && typeof value.numerator === 'number' && typeof value.denominator === 'number') {
      return (
        <>
          {t('audit.share', {
            numerator: formatInteger(value.numerator, language),
            denominator: formatInteger(value.denominator, language),
          })}
        </>
      );
    }
  }
  // Anything else: compact JSON, wrapping in its box.
  return (
    <code dir="ltr" className="break-anywhere">
      {JSON.stringify(value)}
    </code>
  );
}
