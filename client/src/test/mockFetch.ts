/**
 * Replaces `global.fetch` with a fake server: each route maps a pathname to a JSON reply.
 * The code under test (the HTTP client, the query hooks) runs for real.
 */

export interface FakeReply {
  status?: number;
  body: unknown;
}

export type FakeRoute = (url: URL) => FakeReply | undefined;

export function jsonResponse({ status = 200, body }: FakeReply): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}

/** Installs the fake server and returns the mock, whose calls record every URL requested. */
export function mockFetch(routes: Record<string, FakeReply | FakeRoute>): jest.Mock<Promise<Response>, [string]> {
  const fetchMock = jest.fn((input: string) => {
    const url = new URL(input, 'http://localhost');
    const route = routes[url.pathname];
    const reply = typeof route === 'function' ? route(url) : route;
    return Promise.resolve(
      jsonResponse(
        reply ?? {
          status: 404,
          body: { statusCode: 404, error: 'NOT_FOUND', message: { fa: 'یافت نشد', en: 'Not found' } },
        },
      ),
    );
  });
  global.fetch = fetchMock as unknown as typeof fetch;
  return fetchMock;
}

/** The URLs requested for a path, parsed, in order. */
export function requestsTo(fetchMock: jest.Mock, pathname: string): URL[] {
  return fetchMock.mock.calls
    .map(([input]) => new URL(String(input), 'http://localhost'))
    .filter((url) => url.pathname === pathname);
}
