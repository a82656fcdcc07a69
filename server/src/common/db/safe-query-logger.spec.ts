import { QueryFailedError } from 'typeorm';
import { describeErrorForLog, SafeQueryLogger, safeMessage } from './safe-query-logger.js';

describe('SafeQueryLogger', () => {
  function logged(error: string | Error, query: string, parameters?: unknown[]): string {
    const lines: string[] = [];
    const sut = new SafeQueryLogger({ error: (m) => lines.push(m), warn: (m) => lines.push(m) });
    sut.logQueryError(error, query, parameters);
    return lines.join('\n');
  }

  it('logs the statement, the SQLSTATE and the names involved, not the values', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint "UQ_agency_code"'), {
      code: '23505',
      table: 'agency',
      constraint: 'UQ_agency_code',
      detail: 'Key (code)=(secret-code) already exists.',
    });
    const sut = logged(error, 'INSERT INTO agency (code, name_fa)\n  VALUES ($1, $2)', ['secret-code', 'نام محرمانه']);
    expect(sut).toBe(
      'query failed (SQLSTATE 23505, table agency, constraint UQ_agency_code): duplicate key value violates unique ' +
        'constraint "UQ_agency_code" -- INSERT INTO agency (code, name_fa) VALUES ($1, $2)',
    );
  });

  it('elides quoted values in the message, and parameters wherever they appear', () => {
    expect(safeMessage('invalid input syntax for type uuid: "a note"', [], ['a note'])).toBe(
      'invalid input syntax for type uuid: "…"',
    );
    expect(safeMessage('value too long: Dr Secret', [], [{ name: 'Dr Secret' }])).toBe('value too long: …');
    expect(safeMessage('new row for relation "app_user" violates check', ['app_user'], [])).toBe(
      'new row for relation "app_user" violates check',
    );
  });

  it('keeps the message readable when a parameter is a letter or two', () => {
    expect(safeMessage('relation does not exist', [], ['e', 'on', 1])).toBe('relation does not exist');
  });
});

describe('describeErrorForLog (what the 5xx log shows)', () => {
  it('keeps the SQLSTATE and the stack of a failed query but none of its values or parameters', () => {
    const marker = 'یادداشت محرمانه SECRET-NOTE';
    const driverError = Object.assign(new Error(`invalid input syntax for type uuid: "${marker}"`), { code: '22P02' });
    const sut = describeErrorForLog(new QueryFailedError('SELECT * FROM agency WHERE id = $1', [marker], driverError));
    expect(sut).toContain('SQLSTATE 22P02');
    expect(sut).toContain('invalid input syntax for type uuid');
    expect(sut).toMatch(/\n\s+at /);
    expect(sut).not.toContain('SECRET-NOTE');
  });

  it('leaves any other error as its stack', () => {
    const error = new TypeError('x is not a function');
    expect(describeErrorForLog(error)).toBe(error.stack);
  });
});
