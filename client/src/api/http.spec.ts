import { mockFetch } from '../test/mockFetch';
import { ApiError, buildUrl, getJson } from './http';

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
