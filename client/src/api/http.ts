/**
 * The one HTTP client. It turns responses into data or an `ApiError` and nothing else:
 * no toasts, redirects or logging here; components decide what a failure looks like.
 */

export interface ApiErrorMessage {
  fa: string;
  en: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    /** The server's message in both languages, when the body carried one. */
    readonly serverMessage: ApiErrorMessage | null,
    /** The server's error code (e.g. `AGENCY_NOT_FOUND`), when given. */
    readonly code: string | null = null,
  ) {
    super(serverMessage?.en ?? `Request failed with status ${status}`);
  }
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  signal?: AbortSignal;
}

/** `path` with the params as a query string; empty, null and undefined params are left out. */
export function buildUrl(path: string, params: QueryParams = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    query.set(key, String(value));
  }
  const queryString = query.toString();
  return queryString ? `${path}?${queryString}` : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function readErrorBody(body: unknown): { message: ApiErrorMessage | null; code: string | null } {
  if (!isRecord(body)) return { message: null, code: null };
  const { message, error } = body;
  const code = typeof error === 'string' ? error : null;
  if (isRecord(message) && typeof message.fa === 'string' && typeof message.en === 'string') {
    return { message: { fa: message.fa, en: message.en }, code };
  }
  return { message: null, code };
}

/**
 * GETs JSON from the API. `T` is the response type from the generated OpenAPI schema.
 * @throws ApiError on a non-2xx status.
 */
export async function getJson<T>(path: string, params?: QueryParams, options: RequestOptions = {}): Promise<T> {
  const response = await fetch(buildUrl(path, params), {
    headers: { Accept: 'application/json' },
    signal: options.signal,
  });
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // Not JSON (a proxy's HTML error page, say): the status alone has to do.
    }
    const { message, code } = readErrorBody(body);
    throw new ApiError(response.status, message, code);
  }
  return (await response.json()) as T;
}
