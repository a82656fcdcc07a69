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
    /**
     * The body's `details`, when given: per-field problems (`[{field, fa, en}]`) for validation errors,
     * `{current}` for version conflicts, the problem list for refused imports.
     */
    readonly details: unknown = null,
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

/** An `ApiError` from a parsed error body (or `null` when the body was not JSON). */
export function apiErrorFromBody(status: number, body: unknown): ApiError {
  if (!isRecord(body)) return new ApiError(status, null);
  const { message, error, details } = body;
  const code = typeof error === 'string' ? error : null;
  const serverMessage =
    isRecord(message) && typeof message.fa === 'string' && typeof message.en === 'string'
      ? { fa: message.fa, en: message.en }
      : null;
  return new ApiError(status, serverMessage, code, details ?? null);
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's HTML error page, say): the status alone has to do.
  }
  return apiErrorFromBody(response.status, body);
}

/** One problem with one field of a refused request, in both languages. */
export interface FieldProblem {
  field: string;
  fa: string;
  en: string;
}

/** The per-field problems of a validation error (`details: [{field, fa, en}]`); empty for any other error. */
export function fieldProblemsOf(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return error.details.filter(
    (item): item is FieldProblem =>
      isRecord(item) && typeof item.field === 'string' && typeof item.fa === 'string' && typeof item.en === 'string',
  );
}

/** The record's current values sent with a 409 version conflict (`details.current`), or null. */
export function conflictCurrentOf(error: unknown): Record<string, unknown> | null {
  if (!(error instanceof ApiError) || error.status !== 409 || !isRecord(error.details)) return null;
  const { current } = error.details;
  return isRecord(current) ? current : null;
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
    throw await toApiError(response);
  }
  return (await response.json()) as T;
}

export type WriteMethod = 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Sends JSON to the API (same origin, so the session cookie goes along) and returns the parsed reply, or
 * `undefined` for 204 No Content.
 * @throws ApiError on a non-2xx status.
 */
export async function sendJson<T>(
  method: WriteMethod,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const response = await fetch(path, {
    method,
    headers:
      body === undefined
        ? { Accept: 'application/json' }
        : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (!response.ok) {
    throw await toApiError(response);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
