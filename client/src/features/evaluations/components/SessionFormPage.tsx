import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, fieldProblemsOf } from '../../../api/http';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { ErrorSummary, type SummaryProblem } from '../../../components/ErrorSummary';
import { JalaliDateInput } from '../../../components/JalaliDateInput';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { inBothLanguages, type Bilingual } from '../../../lib/bilingual';
import { formatJalaliDate } from '../../../lib/dates';
import type { Language } from '../../../lib/language';
import { localizedName } from '../../../lib/localizedName';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useAgency } from '../../agencies';
import { useCreateSession } from '../api/createSession';
import { useRounds } from '../api/getRounds';
import type { CreateSessionInput, Round } from '../types/evaluations';
import { normalizeScoreValue } from '../../../lib/scores';
import { AgencyPicker, type AgencyOption } from './AgencyPicker';
import { CriterionScoresFieldset } from './CriterionScoresFieldset';
import { RepresentativesFieldset, type RepresentativeRow } from './RepresentativesFieldset';

/** Field ids double as the keys of the problems shown beside the fields and in the summary. */
const FIELD = {
  round: 'session-round',
  agency: 'session-agency',
  heldOn: 'session-held-on',
  representatives: 'session-representatives',
  notes: 'session-notes',
  internalNotes: 'session-internal-notes',
  scores: 'session-scores',
  representativeName: (row: number) => `session-representative-${row}-name`,
  representativeTitle: (row: number) => `session-representative-${row}-title`,
  score: (criterionId: string) => `session-score-${criterionId}`,
} as const;

type Problems = Record<string, Bilingual>;

/** A field the server refused, and what it held when sent: changing it clears the problem. */
interface ServerFieldProblem {
  fieldId: string;
  message: Bilingual;
  sentValue: string;
}

/** A save that did not go through. */
interface Failure {
  /** The server's message for the whole request; null when the form's own check stopped it. */
  message: Bilingual | null;
  /** The fields the form's own check found wrong. */
  checkedFields: string[];
  serverFields: ServerFieldProblem[];
  /** The server's problems that belong to no field on the form. */
  general: Bilingual[];
}

/** What was sent, so that a server problem about `representatives.1.name` or `scores.2.value` finds its field. */
interface SentShape {
  representativeRows: number[];
  scoreCriteria: string[];
}

/** The server's field path (e.g. `scores.2.value`) as the id of the field on this form. */
function fieldIdForServerPath(path: string, sent: SentShape): string | undefined {
  const [head, index, leaf] = path.split('.');
  const position = index === undefined ? NaN : Number(index);
  switch (head) {
    case 'roundId':
      return FIELD.round;
    case 'agencyId':
      return FIELD.agency;
    case 'heldOn':
      return FIELD.heldOn;
    case 'notes':
      return FIELD.notes;
    case 'internalNotes':
      return FIELD.internalNotes;
    case 'representatives': {
      const row = sent.representativeRows[position];
      if (row === undefined) return FIELD.representatives;
      return leaf === 'title' ? FIELD.representativeTitle(row) : FIELD.representativeName(row);
    }
    case 'scores': {
      const criterionId = sent.scoreCriteria[position];
      return criterionId === undefined ? FIELD.scores : FIELD.score(criterionId);
    }
    default:
      return undefined;
  }
}

let nextRowKey = 1;
const newRow = (): RepresentativeRow => ({ key: nextRowKey++, name: '', title: '' });

/**
 * Records an evaluation session with an agency's representatives and, optionally, the criterion scores (saved as a
 * draft). The weighted total is shown as the scores are typed, computed exactly as the server does.
 */
export function SessionFormPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const rounds = useRounds();
  const agencyIdFromLink = searchParams.get('agencyId');
  usePageTitle(t('evaluations.newSessionTitle'));

  return (
    <>
      <h1>{t('evaluations.newSessionTitle')}</h1>
      {rounds.isPending ? (
        <LoadingMessage />
      ) : rounds.isError ? (
        <ErrorMessage error={rounds.error} onRetry={() => void rounds.refetch()} />
      ) : rounds.data.filter((round) => round.status === 'open').length === 0 ? (
        <p className="state-message">{t('evaluations.noOpenRound')}</p>
      ) : agencyIdFromLink ? (
        <SessionFormWithLinkedAgency rounds={rounds.data} agencyId={agencyIdFromLink} />
      ) : (
        <SessionForm rounds={rounds.data} initialAgency={null} />
      )}
    </>
  );
}

/** The form opened from an agency's page (`?agencyId=`): the agency comes filled in. */
function SessionFormWithLinkedAgency({ rounds, agencyId }: { rounds: Round[]; agencyId: string }) {
  const agency = useAgency(agencyId);
  if (agency.isPending) return <LoadingMessage />;
  // An unknown agency in the link is no reason to refuse the form: it opens with the field empty.
  const initialAgency = agency.isSuccess
    ? { id: agency.data.id, nameFa: agency.data.nameFa, nameEn: agency.data.nameEn }
    : null;
  return <SessionForm rounds={rounds} initialAgency={initialAgency} />;
}

interface SessionFormProps {
  rounds: Round[];
  initialAgency: AgencyOption | null;
}

function SessionForm({ rounds, initialAgency }: SessionFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const createSession = useCreateSession();
  const summaryRef = useRef<HTMLDivElement>(null);
  const notesHintId = useId();
  const internalNotesHintId = useId();

  const openRounds = rounds.filter((round) => round.status === 'open');
  const [roundId, setRoundId] = useState(openRounds.length === 1 ? openRounds[0]!.id : '');
  const [agency, setAgency] = useState<AgencyOption | null>(initialAgency);
  const [heldOn, setHeldOn] = useState<string | null>(null);
  const [heldOnInvalid, setHeldOnInvalid] = useState(false);
  const [representatives, setRepresentatives] = useState<RepresentativeRow[]>(() => [newRow()]);
  const [notes, setNotes] = useState('');
  const [internalNotes, setInternalNotes] = useState('');
  const [scoreValues, setScoreValues] = useState<Record<string, string>>({});
  // The last failed save: the fields the form's own check stopped at, or what the server refused. What is shown
  // is worked out from it on every render, so that a problem goes away as soon as its field is put right.
  const [failure, setFailure] = useState<Failure | null>(null);
  // Counts failed saves: each one moves the focus to the summary (a problem fixed meanwhile does not).
  const [failureCount, setFailureCount] = useState(0);

  const round = openRounds.find((candidate) => candidate.id === roundId) ?? null;
  const criteria = round ? [...round.criteria].sort((a, b) => a.sortOrder - b.sortOrder) : [];

  useEffect(() => {
    if (failureCount > 0) summaryRef.current?.focus();
  }, [failureCount]);

  const validate = (): Problems => {
    const found: Problems = {};
    if (!round) found[FIELD.round] = inBothLanguages((lng) => t('evaluations.errors.roundRequired', { lng }));
    if (!agency) found[FIELD.agency] = inBothLanguages((lng) => t('evaluations.errors.agencyRequired', { lng }));
    if (heldOnInvalid) {
      found[FIELD.heldOn] = inBothLanguages((lng) => t('date.invalid', { lng }));
    } else if (!heldOn) {
      found[FIELD.heldOn] = inBothLanguages((lng) => t('evaluations.errors.dateRequired', { lng }));
    }
    const named = representatives.filter((row) => row.name.trim() !== '');
    if (named.length === 0) {
      const first = representatives[0];
      found[first ? FIELD.representativeName(first.key) : FIELD.representatives] = inBothLanguages((lng) =>
        t('evaluations.errors.representativeRequired', { lng }),
      );
    }
    representatives.forEach((row) => {
      if (row.name.trim() === '' && row.title.trim() !== '') {
        found[FIELD.representativeName(row.key)] = inBothLanguages((lng) =>
          t('evaluations.errors.representativeNameRequired', { lng }),
        );
      }
    });
    const entered = criteria.filter((criterion) => (scoreValues[criterion.id] ?? '').trim() !== '');
    for (const criterion of entered) {
      if (normalizeScoreValue(scoreValues[criterion.id] ?? '') === null) {
        found[FIELD.score(criterion.id)] = inBothLanguages((lng) => t('evaluations.errors.scoreFormat', { lng }));
      }
    }
    if (entered.length > 0 && entered.length < criteria.length) {
      for (const criterion of criteria) {
        if (!entered.includes(criterion)) {
          found[FIELD.score(criterion.id)] = inBothLanguages((lng) => t('evaluations.errors.scoreMissing', { lng }));
        }
      }
    }
    return found;
  };

  /** What each field holds now, to tell whether a field the server refused has been changed since. */
  const fieldValues = (): Record<string, string> => {
    const values: Record<string, string> = {
      [FIELD.round]: roundId,
      [FIELD.agency]: agency?.id ?? '',
      [FIELD.heldOn]: `${heldOn ?? ''}|${String(heldOnInvalid)}`,
      [FIELD.representatives]: JSON.stringify(representatives.map(({ name, title }) => [name, title])),
      [FIELD.notes]: notes,
      [FIELD.internalNotes]: internalNotes,
      [FIELD.scores]: JSON.stringify(criteria.map((criterion) => scoreValues[criterion.id] ?? '')),
    };
    for (const row of representatives) {
      values[FIELD.representativeName(row.key)] = row.name;
      values[FIELD.representativeTitle(row.key)] = row.title;
    }
    for (const criterion of criteria) values[FIELD.score(criterion.id)] = scoreValues[criterion.id] ?? '';
    return values;
  };

  /** The field's name in both languages, to begin its line in the summary. */
  const labelOf = (fieldId: string): Bilingual | null => {
    const fixed: Record<string, (lng: Language) => string> = {
      [FIELD.round]: (lng) => t('evaluations.round', { lng }),
      [FIELD.agency]: (lng) => t('evaluations.agency', { lng }),
      [FIELD.heldOn]: (lng) => t('evaluations.heldOn', { lng }),
      [FIELD.representatives]: (lng) => t('evaluations.representatives', { lng }),
      [FIELD.notes]: (lng) => t('evaluations.notes', { lng }),
      [FIELD.internalNotes]: (lng) => t('evaluations.internalNotes', { lng }),
      [FIELD.scores]: (lng) => t('evaluations.scoresLegend', { lng }),
    };
    const label = fixed[fieldId];
    if (label) return inBothLanguages(label);
    const rowIndex = representatives.findIndex(
      (row) => FIELD.representativeName(row.key) === fieldId || FIELD.representativeTitle(row.key) === fieldId,
    );
    if (rowIndex >= 0) {
      const row = representatives[rowIndex]!;
      const key = FIELD.representativeName(row.key) === fieldId ? 'representativeName' : 'representativeTitle';
      return inBothLanguages((lng) => t(`evaluations.${key}`, { lng, position: formatInteger(rowIndex + 1, lng) }));
    }
    const criterion = criteria.find((candidate) => FIELD.score(candidate.id) === fieldId);
    return criterion ? { fa: criterion.titleFa, en: criterion.titleEn } : null;
  };

  // The problems as they stand now: the form's own for the fields it stopped at (while they are still wrong), and
  // the server's for the fields left as they were sent.
  const problems: Problems = {};
  if (failure) {
    const values = fieldValues();
    for (const problem of failure.serverFields) {
      if (values[problem.fieldId] === problem.sentValue) problems[problem.fieldId] = problem.message;
    }
    const current = validate();
    for (const fieldId of failure.checkedFields) {
      const problem = current[fieldId];
      if (problem) problems[fieldId] = problem;
    }
  }
  const problemText = (fieldId: string) => problems[fieldId]?.[language] ?? null;

  const summaryProblems: SummaryProblem[] = [
    ...(failure?.general ?? []).map((message) => ({ message })),
    ...Object.entries(problems).map(([fieldId, text]) => {
      const label = labelOf(fieldId);
      return {
        fieldId,
        message: label ? { fa: `${label.fa}: ${text.fa}`, en: `${label.en}: ${text.en}` } : text,
      };
    }),
  ];
  // A failure that named no field (the network, the server) stays until the next try; one that did, until fixed.
  const namedNoField =
    failure !== null &&
    failure.checkedFields.length === 0 &&
    failure.serverFields.length === 0 &&
    failure.general.length === 0;
  const showSummary = failure !== null && (summaryProblems.length > 0 || namedNoField);

  const fail = (next: Failure) => {
    setFailure(next);
    setFailureCount((count) => count + 1);
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate();
    if (Object.keys(found).length > 0 || !round || !agency || !heldOn) {
      fail({ message: null, checkedFields: Object.keys(found), serverFields: [], general: [] });
      return;
    }
    const named = representatives.filter((row) => row.name.trim() !== '');
    const scored = criteria.filter((criterion) => (scoreValues[criterion.id] ?? '').trim() !== '');
    const sent: SentShape = {
      representativeRows: named.map((row) => row.key),
      scoreCriteria: scored.map((criterion) => criterion.id),
    };
    const sentValues = fieldValues();
    const input: CreateSessionInput = {
      roundId: round.id,
      agencyId: agency.id,
      heldOn,
      representatives: named.map((row) =>
        row.title.trim() ? { name: row.name.trim(), title: row.title.trim() } : { name: row.name.trim() },
      ),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      ...(internalNotes.trim() ? { internalNotes: internalNotes.trim() } : {}),
      ...(scored.length > 0
        ? {
            scores: scored.map((criterion) => ({
              criterionId: criterion.id,
              value: normalizeScoreValue(scoreValues[criterion.id] ?? '')!,
            })),
          }
        : {}),
    };
    setFailure(null);
    createSession.mutate(input, {
      onSuccess: () => {
        void navigate(`/agencies/${encodeURIComponent(agency.id)}`, { state: { notice: 'sessionSaved' } });
      },
      onError: (error) => {
        const serverFields: ServerFieldProblem[] = [];
        const general: Bilingual[] = [];
        for (const problem of fieldProblemsOf(error)) {
          const fieldId = fieldIdForServerPath(problem.field, sent);
          const text = { fa: problem.fa, en: problem.en };
          if (fieldId && !serverFields.some((known) => known.fieldId === fieldId)) {
            serverFields.push({ fieldId, message: text, sentValue: sentValues[fieldId] ?? '' });
          } else {
            general.push(text);
          }
        }
        const message =
          error instanceof ApiError && error.serverMessage
            ? error.serverMessage
            : inBothLanguages((lng) => t('form.saveFailed', { lng }));
        fail({ message, checkedFields: [], serverFields, general });
      },
    });
  };

  const roundHint = round ? (
    <Trans
      i18nKey="evaluations.roundRuns"
      values={{
        from: formatJalaliDate(round.startsOn, language),
        to: formatJalaliDate(round.endsOn, language),
      }}
      components={{ date: <bdi dir="ltr" /> }}
    />
  ) : undefined;

  return (
    <form className="form" onSubmit={handleSubmit} noValidate>
      {showSummary && <ErrorSummary ref={summaryRef} message={failure?.message} problems={summaryProblems} />}
      <p className="hint">{t('form.requiredNote')}</p>

      <div className="form-field">
        <label htmlFor={FIELD.round}>
          {t('evaluations.round')}
          <span aria-hidden="true"> *</span>
        </label>
        <select
          id={FIELD.round}
          value={roundId}
          required
          aria-invalid={problemText(FIELD.round) ? true : undefined}
          aria-describedby={problemText(FIELD.round) ? `${FIELD.round}-error` : undefined}
          onChange={(event) => {
            setRoundId(event.target.value);
            setScoreValues({});
          }}
        >
          <option value="">{t('evaluations.chooseRound')}</option>
          {openRounds.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {localizedName({ nameFa: candidate.titleFa, nameEn: candidate.titleEn }, language).text}
            </option>
          ))}
        </select>
        {problemText(FIELD.round) && (
          <p id={`${FIELD.round}-error`} className="field-error">
            {problemText(FIELD.round)}
          </p>
        )}
      </div>

      <AgencyPicker
        id={FIELD.agency}
        label={t('evaluations.agency')}
        value={agency}
        onChange={setAgency}
        error={problemText(FIELD.agency)}
        required
      />

      <JalaliDateInput
        id={FIELD.heldOn}
        label={t('evaluations.heldOn')}
        value={heldOn}
        onChange={(iso, change) => {
          setHeldOn(iso);
          setHeldOnInvalid(change.invalid);
        }}
        showFormat
        hint={roundHint}
        min={round?.startsOn}
        max={round?.endsOn}
        error={problemText(FIELD.heldOn)}
        required
      />

      <RepresentativesFieldset
        id={FIELD.representatives}
        rows={representatives}
        onRowsChange={setRepresentatives}
        onAddRow={() => setRepresentatives((rows) => [...rows, newRow()])}
        nameIdOf={FIELD.representativeName}
        titleIdOf={FIELD.representativeTitle}
        problemOf={problemText}
      />

      <div className="form-field">
        <label htmlFor={FIELD.notes}>{t('evaluations.notes')}</label>
        <textarea
          id={FIELD.notes}
          rows={3}
          dir="auto"
          value={notes}
          aria-describedby={[notesHintId, problemText(FIELD.notes) ? `${FIELD.notes}-error` : null]
            .filter(Boolean)
            .join(' ')}
          onChange={(event) => setNotes(event.target.value)}
        />
        <p id={notesHintId} className="hint">
          {t('evaluations.notesHint')}
        </p>
        {problemText(FIELD.notes) && (
          <p id={`${FIELD.notes}-error`} className="field-error">
            {problemText(FIELD.notes)}
          </p>
        )}
      </div>

      <div className="form-field">
        <label htmlFor={FIELD.internalNotes}>{t('evaluations.internalNotes')}</label>
        <textarea
          id={FIELD.internalNotes}
          rows={3}
          dir="auto"
          value={internalNotes}
          aria-describedby={[
            internalNotesHintId,
            problemText(FIELD.internalNotes) ? `${FIELD.internalNotes}-error` : null,
          ]
            .filter(Boolean)
            .join(' ')}
          onChange={(event) => setInternalNotes(event.target.value)}
        />
        <p id={internalNotesHintId} className="hint">
          {t('evaluations.internalNotesHint')}
        </p>
        {problemText(FIELD.internalNotes) && (
          <p id={`${FIELD.internalNotes}-error`} className="field-error">
            {problemText(FIELD.internalNotes)}
          </p>
        )}
      </div>

      {round ? (
        <div id={FIELD.scores} tabIndex={-1}>
          <CriterionScoresFieldset
            criteria={criteria}
            values={scoreValues}
            onValueChange={(criterionId, value) => setScoreValues((current) => ({ ...current, [criterionId]: value }))}
            errors={Object.fromEntries(
              criteria.map((criterion) => [criterion.id, problemText(FIELD.score(criterion.id)) ?? undefined]),
            )}
            inputIdOf={FIELD.score}
          />
        </div>
      ) : (
        <p className="muted">{t('evaluations.chooseRoundForScores')}</p>
      )}

      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={createSession.isPending}>
          {createSession.isPending ? t('form.saving') : t('evaluations.save')}
        </button>
        <Link to={agency ? `/agencies/${encodeURIComponent(agency.id)}` : '/'}>{t('form.cancel')}</Link>
      </div>
    </form>
  );
}
