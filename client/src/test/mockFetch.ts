/**
 * Replaces `global.fetch` with a fake server: each route maps a pathname to a JSON reply.
 * The code under test (the HTTP client, the query hooks) runs for real.
 */

export interface FakeReply {
  status?: number;
  body: unknown;
}

/** A route that answers by the request: `init` carries the method and the JSON body of writes. */
export type FakeRoute = (url: URL, init?: RequestInit) => FakeReply | undefined;

export function jsonResponse({ status = 200, body }: FakeReply): Response {
  if (status === 204) return new Response(null, { status });
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}

/** Installs the fake server and returns the mock, whose calls record every URL requested. */
export function mockFetch(
  routes: Record<string, FakeReply | FakeRoute>,
): jest.Mock<Promise<Response>, [string, RequestInit?]> {
  // The real server sets this readable hint beside the session cookie; a fake server that answers /auth/me
  // stands for a browser that may hold a session, so the page asks it.
  if ('/api/v1/auth/me' in routes) document.cookie = 'monitor_signed_in=1; path=/';
  const fetchMock = jest.fn((input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://localhost');
    const route = routes[url.pathname];
    const reply = typeof route === 'function' ? route(url, init) : route;
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

/** The JSON bodies of the writes (`method`) sent to a path, parsed, in order. */
export function bodiesSentTo(fetchMock: jest.Mock, pathname: string, method = 'POST'): unknown[] {
  return (fetchMock.mock.calls as [string, RequestInit?][])
    .filter(
      ([input, init]) =>
        new URL(String(input), 'http://localhost').pathname === pathname && (init?.method ?? 'GET') === method,
    )
    .map(([, init]) => (typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined));
}

/** The JSON body of a write, parsed. */
export function jsonBodyOf<T = Record<string, unknown>>(init: RequestInit | undefined): T {
  if (typeof init?.body !== 'string') throw new Error('the request has no JSON body');
  return JSON.parse(init.body) as T;
}
