import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, fieldProblemsOf } from '../../../api/http';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { ErrorSummary, type SummaryProblem } from '../../../components/ErrorSummary';
import { JalaliDateInput } from '../../../components/JalaliDateInput';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { inBothLanguages, type Bilingual } from '../../../lib/bilingual';
import { formatJalaliDate } from '../../../lib/dates';
import { localizedName } from '../../../lib/localizedName';
import { useLanguage } from '../../../lib/useLanguage';
import { useAgency } from '../../agencies';
import { useCreateSession } from '../api/createSession';
import { useRounds } from '../api/getRounds';
import type { CreateSessionInput, Round } from '../types/evaluations';
import { normalizeScoreValue } from '../utils/weightedTotal';
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
  const [problems, setProblems] = useState<Problems>({});
  const [summary, setSummary] = useState<{ message: Bilingual | null; problems: SummaryProblem[] } | null>(null);

  const round = openRounds.find((candidate) => candidate.id === roundId) ?? null;
  const criteria = round ? [...round.criteria].sort((a, b) => a.sortOrder - b.sortOrder) : [];

  useEffect(() => {
    if (summary) summaryRef.current?.focus();
  }, [summary]);

  const problemText = (fieldId: string) => problems[fieldId]?.[language] ?? null;

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

  const labelOf = (fieldId: string): string | null => {
    const element = document.getElementById(fieldId);
    const label = element ? document.querySelector(`label[for="${CSS.escape(fieldId)}"]`) : null;
    return label?.textContent?.replace(/\s*\*$/, '').trim() ?? null;
  };

  const showProblems = (found: Problems, message: Bilingual | null, general: Bilingual[] = []) => {
    setProblems(found);
    setSummary({
      message,
      problems: [
        ...general.map((text) => ({ message: text })),
        ...Object.entries(found).map(([fieldId, text]) => {
          const label = labelOf(fieldId);
          return {
            fieldId,
            message: label ? { fa: `${label}: ${text.fa}`, en: `${label}: ${text.en}` } : text,
          };
        }),
      ],
    });
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate();
    if (Object.keys(found).length > 0 || !round || !agency || !heldOn) {
      showProblems(found, null);
      return;
    }
    const named = representatives.filter((row) => row.name.trim() !== '');
    const scored = criteria.filter((criterion) => (scoreValues[criterion.id] ?? '').trim() !== '');
    const sent: SentShape = {
      representativeRows: named.map((row) => row.key),
      scoreCriteria: scored.map((criterion) => criterion.id),
    };
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
    setProblems({});
    setSummary(null);
    createSession.mutate(input, {
      onSuccess: () => {
        void navigate(`/agencies/${encodeURIComponent(agency.id)}`, { state: { notice: 'sessionSaved' } });
      },
      onError: (error) => {
        const serverFound: Problems = {};
        const general: Bilingual[] = [];
        for (const problem of fieldProblemsOf(error)) {
          const fieldId = fieldIdForServerPath(problem.field, sent);
          const text = { fa: problem.fa, en: problem.en };
          if (fieldId && !serverFound[fieldId]) serverFound[fieldId] = text;
          else general.push(text);
        }
        const message =
          error instanceof ApiError && error.serverMessage
            ? error.serverMessage
            : inBothLanguages((lng) => t('form.saveFailed', { lng }));
        showProblems(serverFound, message, general);
      },
    });
  };

  const roundHint = round
    ? t('evaluations.roundRuns', {
        from: formatJalaliDate(round.startsOn, language),
        to: formatJalaliDate(round.endsOn, language),
      })
    : undefined;

  return (
    <form className="form" onSubmit={handleSubmit} noValidate>
      {summary && <ErrorSummary ref={summaryRef} message={summary.message} problems={summary.problems} />}
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
        hint={roundHint ? `${t('date.format')} ${roundHint}` : t('date.format')}
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
