import { useTranslation } from 'react-i18next';
import { LocalizedName } from '../../../components/LocalizedName';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { useAgencySystems } from '../api/getAgencySystems';
import type { AgencySystem } from '../types/progress';
import { StageSection } from './StageSection';

/** The agency's systems: connecting a system connects the services it carries. */
export function SystemsStageSection({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const systems = useAgencySystems(agencyId);

  return (
    <StageSection
      title={t('agency.systems')}
      target="systems"
      agencyId={agencyId}
      query={systems}
      itemsOf={(items: AgencySystem[]) => items}
      emptyMessage={t('agency.noSystems')}
      nameColumn={{ header: t('agency.systemName'), cell: (system) => <LocalizedName entity={system} /> }}
      columns={[
        { header: t('agency.stage'), cell: (system) => t(`stage.${system.stage}`) },
        {
          header: t('agency.services'),
          cell: (system) => formatInteger(system.serviceCount, language),
          numeric: true,
        },
      ]}
    />
  );
}
