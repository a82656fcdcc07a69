import { useTranslation } from 'react-i18next';
import type { ScoreStatus } from '../types/review';

/** A score's status in words (the colour only helps). */
export function StatusBadge({ status }: { status: ScoreStatus }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-badge--${status}`}>{t(`scoreStatus.${status}`)}</span>;
}
