import { useId, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalizedName } from '../../../components/LocalizedName';
import { TableScroll } from '../../../components/TableScroll';
import type { Bilingual } from '../../../lib/bilingual';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import type { Cycle } from '../api/getCycles';
import { namedByTitle, titleIn } from '../utils/titles';
import { DayText } from '../../../components/DayText';
import { CycleForm } from './CycleForm';
import { FormPanel } from '../../../components/FormPanel';
import { MilestoneForm } from './MilestoneForm';
import { ShareFraction } from './ShareFraction';

/** Which form of the cycle is open: its own (`cycle`), a new milestone's (`new-milestone`), or a milestone's id. */
type Editing = 'cycle' | 'new-milestone' | { milestoneId: string } | null;

const keyOf = (editing: Editing) => (editing !== null && typeof editing === 'object' ? editing.milestoneId : editing);

interface CycleSectionProps {
  cycle: Cycle;
  /** Every cycle, for the overlap check of the cycle form. */
  cycles: readonly Cycle[];
  onNotice: (message: Bilingual) => void;
  onReload: () => Promise<unknown>;
}

function DetailRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="detail-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** One programme cycle: its days and baseline day, its milestones, and the forms that change them. */
export function CycleSection({ cycle, cycles, onNotice, onReload }: CycleSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const [editing, setEditing] = useState<Editing>(null);
  // The button that opened the form, which takes the focus back when it closes.
  const openerRef = useRef<HTMLButtonElement | null>(null);
  const title = titleIn(cycle, language);
  const milestonesCaption = t('milestones.milestonesOf', { title });
  const editedMilestone =
    editing !== null && typeof editing === 'object'
      ? cycle.milestones.find((milestone) => milestone.id === editing.milestoneId)
      : undefined;

  const isOpen = (which: NonNullable<Editing>) => keyOf(editing) === keyOf(which);

  const handleToggle = (event: MouseEvent<HTMLButtonElement>, next: NonNullable<Editing>) => {
    openerRef.current = event.currentTarget;
    setEditing(isOpen(next) ? null : next);
  };

  const close = () => {
    setEditing(null);
    openerRef.current?.focus();
  };

  const done = (message: Bilingual) => {
    onNotice(message);
    close();
  };

  return (
    <section className="card milestones-cycle" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <LocalizedName entity={namedByTitle(cycle)} />
      </h2>
      <dl className="details">
        <DetailRow label={t('milestones.code')}>
          <code dir="ltr">{cycle.code}</code>
        </DetailRow>
        <DetailRow label={t('milestones.startsOn')}>
          <DayText value={cycle.startsOn} />
        </DetailRow>
        <DetailRow label={t('milestones.endsOn')}>
          <DayText value={cycle.endsOn} />
        </DetailRow>
        <DetailRow label={t('milestones.baselineOn')}>
          <DayText value={cycle.baselineOn} />
        </DetailRow>
      </dl>
      <p>
        <button
          type="button"
          className="button"
          aria-expanded={isOpen('cycle')}
          onClick={(event) => handleToggle(event, 'cycle')}
        >
          {t('milestones.editCycle')}
          <span className="visually-hidden"> {t('milestones.quoted', { title })}</span>
        </button>
      </p>
      {editing === 'cycle' && (
        <FormPanel title={t('milestones.editCycleTitle', { title })} level={3}>
          {(formHeadingId) => (
            <CycleForm
              cycle={cycle}
              cycles={cycles}
              headingId={formHeadingId}
              onDone={done}
              onCancel={close}
              onReload={onReload}
            />
          )}
        </FormPanel>
      )}

      <h3>{t('milestones.milestones')}</h3>
      {cycle.milestones.length === 0 ? (
        <p className="muted">{t('milestones.noMilestones')}</p>
      ) : (
        <TableScroll label={milestonesCaption}>
          <table className="data-table milestones-table">
            <caption className="visually-hidden">{milestonesCaption}</caption>
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  {t('milestones.order')}
                </th>
                <th scope="col">{t('milestones.milestone')}</th>
                <th scope="col">{t('milestones.rule')}</th>
                <th scope="col">{t('milestones.share')}</th>
                <th scope="col">{t('milestones.dueOn')}</th>
                <th scope="col">{t('milestones.atRisk')}</th>
                <th scope="col">{t('milestones.action')}</th>
              </tr>
            </thead>
            <tbody>
              {cycle.milestones.map((milestone) => {
                const open = isOpen({ milestoneId: milestone.id });
                return (
                  <tr key={milestone.id}>
                    <td className="numeric">{formatInteger(milestone.sortOrder, language)}</td>
                    <th scope="row">
                      <LocalizedName entity={namedByTitle(milestone)} />
                      <br />
                      <code className="muted" dir="ltr">
                        {milestone.code}
                      </code>
                    </th>
                    <td>{t(`milestones.rules.${milestone.rule}`)}</td>
                    <td>
                      {milestone.share ? (
                        <ShareFraction share={milestone.share} />
                      ) : (
                        <span className="muted">{t('milestones.shareNotApplicable')}</span>
                      )}
                    </td>
                    <td>
                      <DayText value={milestone.dueOn} />
                    </td>
                    <td>
                      {t('milestones.atRiskDays', {
                        count: milestone.atRiskDays,
                        formattedCount: formatInteger(milestone.atRiskDays, language),
                      })}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button--small"
                        aria-expanded={open}
                        onClick={(event) => handleToggle(event, { milestoneId: milestone.id })}
                      >
                        {t('milestones.edit')}
                        <span className="visually-hidden">
                          {' '}
                          {t('milestones.quoted', { title: titleIn(milestone, language) })}
                        </span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {editedMilestone && (
        <FormPanel title={t('milestones.editMilestoneTitle', { title: titleIn(editedMilestone, language) })} level={3}>
          {(formHeadingId) => (
            <MilestoneForm
              key={editedMilestone.id}
              cycle={cycle}
              milestone={editedMilestone}
              headingId={formHeadingId}
              onDone={done}
              onCancel={close}
              onReload={onReload}
            />
          )}
        </FormPanel>
      )}
      <p>
        <button
          type="button"
          className="button"
          aria-expanded={isOpen('new-milestone')}
          onClick={(event) => handleToggle(event, 'new-milestone')}
        >
          {t('milestones.addMilestone')}
          <span className="visually-hidden"> {t('milestones.quoted', { title })}</span>
        </button>
      </p>
      {editing === 'new-milestone' && (
        <FormPanel title={t('milestones.newMilestoneTitle', { title })} level={3}>
          {(formHeadingId) => (
            <MilestoneForm cycle={cycle} headingId={formHeadingId} onDone={done} onCancel={close} onReload={onReload} />
          )}
        </FormPanel>
      )}
    </section>
  );
}
