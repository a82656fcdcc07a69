import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldProblemsOf } from '../api/http';
import type { SummaryProblem } from '../components/ErrorSummary';
import { inBothLanguages, type Bilingual } from './bilingual';

export type Problems<Field extends string> = Partial<Record<Field, Bilingual>>;

interface Summary {
  message: Bilingual | null;
  problems: SummaryProblem[];
}

interface FormProblemsOptions<Field extends string> {
  /** The form's fields, in the order they appear (the summary lists them so). */
  fields: readonly Field[];
  /** The element id of a field, for the summary's links. */
  idOf: (field: Field) => string;
  /** The form's field that a server field path (`share.numerator`) is about, or null for the whole form. */
  fieldOfServer?: (path: string) => Field | null;
  /** Server error codes that are about one field though they carry no field list (`SERVICE_CODE_TAKEN` → code). */
  fieldOfCode?: Partial<Record<string, Field>>;
  /** Reads the record again after a version conflict (for writes checked against a version). */
  onReload?: () => Promise<unknown>;
}

/**
 * What stopped a form: problems beside the fields and in a summary at its top (focused when it appears), or a
 * version conflict (409 `VERSION_CONFLICT`: someone saved first), kept until the current values are loaded or a
 * save succeeds. What was typed stays either way.
 */
export function useFormProblems<Field extends string>({
  fields,
  idOf,
  fieldOfServer,
  fieldOfCode = {},
  onReload,
}: FormProblemsOptions<Field>) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<Problems<Field>>({});
  const [summary, setSummary] = useState<Summary | null>(null);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const [reloading, setReloading] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (summary) summaryRef.current?.focus();
  }, [summary]);

  /** Shows the problems beside their fields and, with the message and any problems of no field, in the summary. */
  const show = (found: Problems<Field>, message: Bilingual | null = null, unplaced: SummaryProblem[] = []) => {
    setProblems(found);
    const listed = fields
      .filter((field) => found[field] !== undefined)
      .map((field) => ({ fieldId: idOf(field), message: found[field]! }));
    const all = [...listed, ...unplaced];
    setSummary(all.length > 0 || message ? { message, problems: all } : null);
  };

  /** Checks found before sending; true when there are none. */
  const check = (found: Problems<Field>): boolean => {
    show(found);
    return Object.keys(found).length === 0;
  };

  /** A refused save: a version conflict, or the server's message with its per-field problems. */
  const handleSaveError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 409 && error.code === 'VERSION_CONFLICT') {
      setProblems({});
      setSummary(null);
      setConflict(error);
      return;
    }
    const message =
      error instanceof ApiError && error.serverMessage
        ? error.serverMessage
        : inBothLanguages((lng) => t('form.saveFailed', { lng }));
    const found: Problems<Field> = {};
    const unplaced: SummaryProblem[] = [];
    for (const problem of fieldProblemsOf(error)) {
      const field = fieldOfServer?.(problem.field) ?? null;
      const text = { fa: problem.fa, en: problem.en };
      if (field && found[field] === undefined) found[field] = text;
      else if (!field) unplaced.push({ message: text });
    }
    const codeField = error instanceof ApiError && error.code ? fieldOfCode[error.code] : undefined;
    if (codeField && found[codeField] === undefined) found[codeField] = message;
    show(found, message, unplaced);
  };

  const handleSaved = () => {
    setProblems({});
    setSummary(null);
    setConflict(null);
  };

  /** Reads the record again; the typed values stay, to be saved on top of the current version. */
  const handleReload = async () => {
    setReloading(true);
    try {
      await onReload?.();
      setConflict(null);
    } finally {
      setReloading(false);
    }
  };

  return { problems, summary, summaryRef, conflict, reloading, check, handleSaveError, handleSaved, handleReload };
}
