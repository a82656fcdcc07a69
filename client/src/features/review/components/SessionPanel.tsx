import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LoadingMessage } from '../../../components/LoadingMessage';
import type { Bilingual } from '../../../lib/bilingual';
import type { Me } from '../../auth';
import { useScoreSession } from '../api/getScoreSession';
import type { Round, Score, Session } from '../types/review';
import { DayText } from '../../../components/DayText';
import { EditSessionForm } from './EditSessionForm';

interface SessionPanelProps {
  score: Score;
  round: Round | undefined;
  user: Me | null;
  /** Called after the session was changed, with what to tell the user. */
  onSaved: (message: Bilingual) => void;
}

/** Evaluators and administrators change a session of an open round; only an administrator one of a closed round. */
function mayEditSession(round: Round | undefined, user: Me | null): round is Round {
  if (!round || !user) return false;
  if (user.role === 'admin') return true;
  return user.role === 'evaluator' && round.status === 'open';
}

/**
 * The evaluation session the score came from: its day, the agency's representatives, the summary; and for
 * evaluators and administrators, an action that opens a form to change it.
 */
export function SessionPanel({ score, round, user, onSaved }: SessionPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const formId = useId();
  const session = useScoreSession(score);
  const [editing, setEditing] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);

  const editAction = (data: Session) =>
    mayEditSession(round, user) ? (
      <>
        <p className="review-session__action">
          <button
            ref={openRef}
            type="button"
            className="button"
            aria-expanded={editing}
            aria-controls={editing ? formId : undefined}
            onClick={() => setEditing((now) => !now)}
          >
            {t('review.sessionEdit.open')}
          </button>
        </p>
        {editing && (
          <div id={formId}>
            <EditSessionForm
              session={data}
              round={round}
              onSaved={(message) => {
                setEditing(false);
                onSaved(message);
              }}
              onCancel={() => {
                setEditing(false);
                requestAnimationFrame(() => openRef.current?.focus());
              }}
            />
          </div>
        )}
      </>
    ) : null;

  let content;
  if (score.sessionId === null) {
    content = <p className="muted">{t('review.session.none')}</p>;
  } else if (session.isPending) {
    content = <LoadingMessage />;
  } else if (session.isError) {
    content = <ErrorMessage error={session.error} onRetry={() => void session.refetch()} />;
  } else if (session.data === null) {
    content = <p className="muted">{t('review.session.notFound')}</p>;
  } else {
    const { heldOn, representatives, notes, internalNotes, evaluators, createdBy } = session.data;
    content = (
      <>
        <dl className="review-session">
          <div>
            <dt>{t('review.session.heldOn')}</dt>
            <dd>
              <DayText value={heldOn} />
            </dd>
          </div>
          <div>
            <dt>{t('review.session.representatives')}</dt>
            <dd>
              {representatives.length === 0 ? (
                t('common.none')
              ) : (
                <ul className="review-session__people">
                  {representatives.map((person, index) => (
                    <li key={index}>
                      {person.name}
                      {person.title ? <span className="muted"> — {person.title}</span> : null}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          {evaluators && evaluators.length > 0 && (
            <div>
              <dt>{t('review.session.evaluators')}</dt>
              <dd>
                <ul className="review-session__people">
                  {evaluators.map((evaluator) => (
                    <li key={evaluator.id}>
                      {evaluator.displayName}{' '}
                      <bdi className="muted" dir="ltr">
                        ({evaluator.username})
                      </bdi>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
          {createdBy && (
            <div>
              <dt>{t('review.session.recordedBy')}</dt>
              <dd>
                <bdi>{createdBy}</bdi>
              </dd>
            </div>
          )}
          <div>
            <dt>{t('review.session.summary')}</dt>
            <dd className="review-session__text" dir="auto">
              {notes.trim() ? notes : <span className="muted">{t('review.session.noSummary')}</span>}
            </dd>
          </div>
          {internalNotes && internalNotes.trim() !== '' && (
            <div>
              <dt>{t('review.session.internalNotes')}</dt>
              <dd className="review-session__text" dir="auto">
                {internalNotes}
              </dd>
            </div>
          )}
        </dl>
        {editAction(session.data)}
      </>
    );
  }

  return (
    <section className="review-session-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('review.session.title')}</h3>
      {content}
    </section>
  );
}
