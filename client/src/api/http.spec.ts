import { mockFetch } from '../test/mockFetch';
import { ApiError, buildUrl, conflictCurrentOf, fieldProblemsOf, getJson, sendJson } from './http';

describe('buildUrl', () => {
  it('leaves out empty parameters', () => {
    expect(buildUrl('/api/v1/agencies', { search: '', page: 2, pageSize: undefined, x: null })).toBe(
      '/api/v1/agencies?page=2',
    );
    expect(buildUrl('/api/v1/meta')).toBe('/api/v1/meta');
  });

  it('encodes Persian text', () => {
    const url = new URL(buildUrl('/api/v1/agencies', { search: 'وزارت کشور' }), 'http://localhost');
    expect(url.searchParams.get('search')).toBe('وزارت کشور');
  });
});

describe('getJson', () => {
  it('returns the parsed body of a 2xx response', async () => {
    const fetchMock = mockFetch({ '/api/v1/meta': { body: { version: '1' } } });
    await expect(getJson('/api/v1/meta')).resolves.toEqual({ version: '1' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('throws an ApiError carrying the status and both of the server’s messages', async () => {
    mockFetch({
      '/api/v1/agencies/x': {
        status: 404,
        body: {
          statusCode: 404,
          error: 'AGENCY_NOT_FOUND',
          message: { fa: 'دستگاه پیدا نشد.', en: 'Agency not found.' },
        },
      },
    });
    const failure = getJson('/api/v1/agencies/x');
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({
      status: 404,
      code: 'AGENCY_NOT_FOUND',
      serverMessage: { fa: 'دستگاه پیدا نشد.', en: 'Agency not found.' },
    });
  });

  it('still throws an ApiError when the error body is not JSON', async () => {
    global.fetch = jest.fn(() =>
      Promise.resolve(
        new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
      ),
    );
    await expect(getJson('/api/v1/meta')).rejects.toMatchObject({ status: 502, serverMessage: null });
  });
});

describe('sendJson', () => {
  it('sends JSON with the method and returns the reply', async () => {
    const fetchMock = mockFetch({ '/api/v1/things': { status: 201, body: { id: 'x' } } });
    await expect(sendJson('POST', '/api/v1/things', { name: 'وزارت کشور' })).resolves.toEqual({ id: 'x' });
    const [, init] = fetchMock.mock.calls[0]!;
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"name":"وزارت کشور"}' });
    expect(init?.headers).toMatchObject({ 'Content-Type': 'application/json' });
  });

  it('returns undefined for 204 No Content', async () => {
    mockFetch({ '/api/v1/auth/logout': { status: 204, body: null } });
    await expect(sendJson('POST', '/api/v1/auth/logout')).resolves.toBeUndefined();
  });

  it('keeps the per-field problems of a validation error', async () => {
    mockFetch({
      '/api/v1/things': {
        status: 400,
        body: {
          statusCode: 400,
          error: 'VALIDATION_FAILED',
          message: { fa: 'درخواست نامعتبر است.', en: 'The request is not valid.' },
          details: [{ field: 'heldOn', fa: 'تاریخ معتبر نیست', en: 'heldOn must be a date' }, { nonsense: true }],
        },
      },
    });
    const error = await sendJson('POST', '/api/v1/things', {}).catch((caught: unknown) => caught);
    expect(fieldProblemsOf(error)).toEqual([{ field: 'heldOn', fa: 'تاریخ معتبر نیست', en: 'heldOn must be a date' }]);
    expect(conflictCurrentOf(error)).toBeNull();
  });

  it('keeps the current values of a version conflict', async () => {
    mockFetch({
      '/api/v1/things': {
        status: 409,
        body: {
          statusCode: 409,
          error: 'VERSION_CONFLICT',
          message: { fa: 'تغییر کرده است.', en: 'It changed.' },
          details: { current: { version: 4, singleWindowLaunchedOn: '2022-09-18' } },
        },
      },
    });
    const error = await sendJson('POST', '/api/v1/things', { version: 3 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 409, code: 'VERSION_CONFLICT' });
    expect(conflictCurrentOf(error)).toEqual({ version: 4, singleWindowLaunchedOn: '2022-09-18' });
    expect(fieldProblemsOf(error)).toEqual([]);
  });
});
