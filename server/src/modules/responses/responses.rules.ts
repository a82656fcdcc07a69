import type { ResponseStatus } from './agency-response.entity.js';
import {
  ResponseDateInFutureException,
  ResponseNotEditableException,
  ResponseNotReceivedException,
  ResponseReceivedBeforeRequestedException,
  ResponseSubjectInvalidException,
} from './responses.exception.js';

/**
 * The rules of the right of reply, as pure functions: what a reply may be about, which days are possible, and what
 * an edit makes of a request or a draft. The service applies them before it writes; the CHECK constraints of
 * `agency_response` say the same, as the last word.
 */

/** A reply answers one thing: the agency (neither id), a weekly report revision or a score. */
export function checkOneSubject(subject: { weeklyReportId?: string | null; scoreId?: string | null }): void {
  if (subject.weeklyReportId && subject.scoreId) throw new ResponseSubjectInvalidException();
}

export interface ResponseDays {
  requestedOn: string | null;
  receivedOn: string | null;
}

/** Neither day after today (Tehran), and a reply not received before it was asked for. */
export function checkDays(days: ResponseDays, today: string): void {
  if (days.requestedOn && days.requestedOn > today) throw new ResponseDateInFutureException('requestedOn', today);
  if (days.receivedOn && days.receivedOn > today) throw new ResponseDateInFutureException('receivedOn', today);
  if (days.requestedOn && days.receivedOn && days.receivedOn < days.requestedOn) {
    throw new ResponseReceivedBeforeRequestedException(days.requestedOn, days.receivedOn);
  }
}

export interface StoredResponse extends ResponseDays {
  status: ResponseStatus;
  bodyFa: string | null;
  bodyEn: string | null;
  documentUrl: string | null;
}

export interface ResponseEdit {
  requestedOn?: string;
  receivedOn?: string;
  bodyFa?: string;
  /** `null` clears it. */
  bodyEn?: string | null;
  /** `null` clears it. */
  documentUrl?: string | null;
}

export interface EditedResponse extends ResponseDays {
  status: 'requested' | 'draft';
  bodyFa: string | null;
  bodyEn: string | null;
  documentUrl: string | null;
}

/**
 * The values after an edit. A published reply is not edited. A request stays a request while nothing of the reply
 * is given (only its day asked may change); given any of it, the reply is recorded as received, which needs the
 * day received and the Persian text. A draft takes any change. The days are checked as on creation.
 */
export function applyEdit(stored: StoredResponse, edit: ResponseEdit, today: string): EditedResponse {
  if (stored.status === 'published') throw new ResponseNotEditableException(stored.status);
  const merged: EditedResponse = {
    status: stored.status,
    requestedOn: edit.requestedOn ?? stored.requestedOn,
    receivedOn: edit.receivedOn ?? stored.receivedOn,
    bodyFa: edit.bodyFa ?? stored.bodyFa,
    bodyEn: edit.bodyEn === undefined ? stored.bodyEn : edit.bodyEn,
    documentUrl: edit.documentUrl === undefined ? stored.documentUrl : edit.documentUrl,
  };
  if (stored.status === 'requested') {
    const givesReply =
      edit.receivedOn !== undefined || edit.bodyFa !== undefined || Boolean(edit.bodyEn) || Boolean(edit.documentUrl);
    if (givesReply) {
      const missing = (['receivedOn', 'bodyFa'] as const).filter((field) => !merged[field]);
      if (missing.length > 0) throw new ResponseNotReceivedException([...missing]);
      merged.status = 'draft';
    }
  }
  checkDays(merged, today);
  return merged;
}

/** Only a received, unpublished reply is published. */
export function checkPublishable(status: ResponseStatus): void {
  if (status === 'requested') throw new ResponseNotReceivedException();
  if (status === 'published') throw new ResponseNotEditableException(status);
}

/** A request made in error, or a draft, may be withdrawn; a published reply stays. */
export function checkWithdrawable(status: ResponseStatus): void {
  if (status === 'published') throw new ResponseNotEditableException(status);
}
