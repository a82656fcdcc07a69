import { getMe } from './getMe';

describe('getMe', () => {
  afterEach(() => {
    document.cookie = 'monitor_signed_in=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('asks nobody when the browser holds no session hint: a public visitor is simply signed out', async () => {
    const fetchMock = jest.fn();
    global.fetch = fetchMock;
    await expect(getMe()).resolves.toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('asks the server when the hint is there, and treats its 401 as signed out', async () => {
    document.cookie = 'monitor_signed_in=1; path=/';
    const fetchMock = jest.fn(() =>
      Promise.resolve(
        new Response(
          JSON.stringify({
            statusCode: 401,
            error: 'UNAUTHENTICATED',
            message: { fa: 'ابتدا وارد شوید.', en: 'Please sign in first.' },
          }),
          {
            status: 401,
            headers: { 'content-type': 'application/json' },
          },
        ),
      ),
    );
    global.fetch = fetchMock as unknown as typeof fetch;
    await expect(getMe()).resolves.toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
