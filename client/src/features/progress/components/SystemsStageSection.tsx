import { Fragment, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { LocalizedName } from '../../../components/LocalizedName';
import { localizedName } from '../../../lib/localizedName';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { useAgencySystems } from '../api/getAgencySystems';
import { StageUpdateForm } from './StageUpdateForm';

/** The agency's systems: connecting a system connects the services it carries. */
export function SystemsStageSection({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const systems = useAgencySystems(agencyId);
  const [editingId, setEditingId] = useState<string | null>(null);

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('agency.systems')}</h2>
      {systems.isPending ? (
        <LoadingMessage />
      ) : systems.isError ? (
        <ErrorMessage error={systems.error} onRetry={() => void systems.refetch()} />
      ) : systems.data.length === 0 ? (
        <p className="muted">{t('agency.noSystems')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('agency.systems')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agency.systemName')}</th>
                <th scope="col">{t('agency.stage')}</th>
                <th scope="col" className="numeric">
                  {t('agency.services')}
                </th>
                <th scope="col">{t('progress.action')}</th>
              </tr>
            </thead>
            <tbody>
              {systems.data.map((system) => {
                const name = localizedName(system, language).text;
                return (
                  <Fragment key={system.id}>
                    <tr>
                      <th scope="row">
                        <LocalizedName entity={system} />
                      </th>
                      <td>{t(`stage.${system.stage}`)}</td>
                      <td className="numeric">{formatInteger(system.serviceCount, language)}</td>
                      <td>
                        <button
                          type="button"
                          className="button"
                          aria-expanded={editingId === system.id}
                          onClick={() => setEditingId(editingId === system.id ? null : system.id)}
                        >
                          {t('progress.recordStage')}
                          <span className="visually-hidden"> {t('progress.stageOf', { name })}</span>
                        </button>
                      </td>
                    </tr>
                    {editingId === system.id && (
                      <tr>
                        <td colSpan={4}>
                          <StageUpdateForm
                            target="systems"
                            agencyId={agencyId}
                            item={{ id: system.id, name, stage: system.stage, version: system.version }}
                            onDone={() => setEditingId(null)}
                            onCancel={() => setEditingId(null)}
                            onReload={() => systems.refetch()}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
