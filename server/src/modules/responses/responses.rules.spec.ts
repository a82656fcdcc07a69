import { AppException } from '../../common/errors/app-exception.js';
import { applyEdit, checkDays, checkOneSubject, checkPublishable, checkWithdrawable } from './responses.rules.js';

const TODAY = '2023-03-20';

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof AppException) return error.code;
    throw error;
  }
  return undefined;
}

const request = {
  status: 'requested' as const,
  requestedOn: '2022-10-01',
  receivedOn: null,
  bodyFa: null,
  bodyEn: null,
  documentUrl: null,
};

const draft = {
  status: 'draft' as const,
  requestedOn: '2022-10-01',
  receivedOn: '2022-10-05',
  bodyFa: 'متن پاسخ',
  bodyEn: 'The reply',
  documentUrl: 'https://example.gov.ir/letter.pdf',
};

describe('the right-of-reply rules', () => {
  it('accept one subject at most', () => {
    expect(codeOf(() => checkOneSubject({}))).toBeUndefined();
    expect(codeOf(() => checkOneSubject({ weeklyReportId: 'w' }))).toBeUndefined();
    expect(codeOf(() => checkOneSubject({ weeklyReportId: 'w', scoreId: 's' }))).toBe('RESPONSE_SUBJECT_INVALID');
  });

  it('refuse days after today and a reply received before it was asked for; the same day is fine', () => {
    expect(codeOf(() => checkDays({ requestedOn: TODAY, receivedOn: TODAY }, TODAY))).toBeUndefined();
    expect(codeOf(() => checkDays({ requestedOn: '2023-03-21', receivedOn: null }, TODAY))).toBe(
      'RESPONSE_DATE_IN_FUTURE',
    );
    expect(codeOf(() => checkDays({ requestedOn: null, receivedOn: '2023-03-21' }, TODAY))).toBe(
      'RESPONSE_DATE_IN_FUTURE',
    );
    expect(codeOf(() => checkDays({ requestedOn: '2022-10-02', receivedOn: '2022-10-01' }, TODAY))).toBe(
      'RESPONSE_RECEIVED_BEFORE_REQUESTED',
    );
  });

  it('keep a request a request while nothing of the reply is given', () => {
    expect(applyEdit(request, { requestedOn: '2022-09-30' }, TODAY)).toEqual({ ...request, requestedOn: '2022-09-30' });
  });

  it('make a request a draft once the day received and the Persian text are given, and only then', () => {
    expect(applyEdit(request, { receivedOn: '2022-10-03', bodyFa: 'پاسخ' }, TODAY)).toEqual({
      ...request,
      status: 'draft',
      receivedOn: '2022-10-03',
      bodyFa: 'پاسخ',
    });
    expect(codeOf(() => applyEdit(request, { bodyFa: 'پاسخ' }, TODAY))).toBe('RESPONSE_NOT_RECEIVED');
    expect(codeOf(() => applyEdit(request, { documentUrl: 'https://a.ir/x' }, TODAY))).toBe('RESPONSE_NOT_RECEIVED');
    expect(codeOf(() => applyEdit(request, { receivedOn: '2022-09-30', bodyFa: 'پاسخ' }, TODAY))).toBe(
      'RESPONSE_RECEIVED_BEFORE_REQUESTED',
    );
  });

  it('edit a draft field by field; null clears the translation and the document', () => {
    expect(applyEdit(draft, { bodyEn: null, documentUrl: null }, TODAY)).toEqual({
      ...draft,
      bodyEn: null,
      documentUrl: null,
    });
    expect(applyEdit(draft, { bodyFa: 'متن تازه' }, TODAY)).toEqual({ ...draft, bodyFa: 'متن تازه' });
    expect(codeOf(() => applyEdit(draft, { requestedOn: '2022-10-06' }, TODAY))).toBe(
      'RESPONSE_RECEIVED_BEFORE_REQUESTED',
    );
  });

  it('leave a published reply as published: no edit, no second publication, no withdrawal', () => {
    const published = { ...draft, status: 'published' as const };
    expect(codeOf(() => applyEdit(published, { bodyFa: 'دیگر' }, TODAY))).toBe('RESPONSE_NOT_EDITABLE');
    expect(codeOf(() => checkPublishable('published'))).toBe('RESPONSE_NOT_EDITABLE');
    expect(codeOf(() => checkWithdrawable('published'))).toBe('RESPONSE_NOT_EDITABLE');
  });

  it('publish only a received reply; withdraw a request or a draft', () => {
    expect(codeOf(() => checkPublishable('requested'))).toBe('RESPONSE_NOT_RECEIVED');
    expect(codeOf(() => checkPublishable('draft'))).toBeUndefined();
    expect(codeOf(() => checkWithdrawable('requested'))).toBeUndefined();
    expect(codeOf(() => checkWithdrawable('draft'))).toBeUndefined();
  });
});
