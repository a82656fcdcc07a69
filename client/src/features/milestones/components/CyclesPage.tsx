import { useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadingMessage } from '../../../components/LoadingMessage';
import type { Bilingual } from '../../../lib/bilingual';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useLanguage } from '../../../lib/useLanguage';
import { useCycles } from '../api/getCycles';
import '../milestones.css';
import { CycleForm } from './CycleForm';
import { CycleSection } from './CycleSection';
import { FormPanel } from '../../../components/FormPanel';

/**
 * The programme cycles and their milestones (admin): every cycle's days, baseline day and deadlines, with forms to
 * add and edit them. A saved change is announced in the status line at the top and the lists are read again.
 */
export function CyclesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('milestones.cyclesPageTitle'));
  const cycles = useCycles();
  const [notice, setNotice] = useState<Bilingual | null>(null);
  const [adding, setAdding] = useState(false);
  const addButtonRef = useRef<HTMLButtonElement>(null);

  const handleToggleAdd = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    setAdding((was) => !was);
  };

  const handleCloseAdd = () => {
    setAdding(false);
    addButtonRef.current?.focus();
  };

  return (
    <>
      <h1>{t('milestones.cyclesPageTitle')}</h1>
      <p className="milestones-intro">{t('milestones.intro')}</p>
      <div role="status" className="milestones-notice">
        {notice && <p className="state-message state-message--success">{notice[language]}</p>}
      </div>
      {cycles.isPending ? (
        <LoadingMessage />
      ) : cycles.isError ? (
        <ErrorMessage error={cycles.error} onRetry={() => void cycles.refetch()} />
      ) : (
        <>
          <p>
            <button
              ref={addButtonRef}
              type="button"
              className="button"
              aria-expanded={adding}
              onClick={handleToggleAdd}
            >
              {t('milestones.addCycle')}
            </button>
          </p>
          {adding && (
            <FormPanel title={t('milestones.newCycleTitle')} level={2}>
              {(headingId) => (
                <CycleForm
                  cycles={cycles.data.items}
                  headingId={headingId}
                  onDone={(message) => {
                    setNotice(message);
                    handleCloseAdd();
                  }}
                  onCancel={handleCloseAdd}
                  onReload={() => cycles.refetch()}
                />
              )}
            </FormPanel>
          )}
          {cycles.data.items.length === 0 ? (
            <p className="muted">{t('milestones.empty')}</p>
          ) : (
            cycles.data.items.map((cycle) => (
              <CycleSection
                key={cycle.id}
                cycle={cycle}
                cycles={cycles.data.items}
                onNotice={setNotice}
                onReload={() => cycles.refetch()}
              />
            ))
          )}
        </>
      )}
    </>
  );
}
