import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { ErrorBody } from '../errors/app-exception.js';
import { TooManyRequestsException } from '../errors/too-many-requests.exception.js';
import { clientAddressOf, type TrustFunction } from './trust-proxy.js';

/** One minute: the window of the API's limit per client (`RATE_LIMIT_PER_MINUTE`). */
export const RATE_WINDOW_MS = 60_000;

/**
 * Requests per key in fixed windows: the first request of a key opens its window, which lasts `windowMs`. Plain
 * synchronous work (a map lookup and an increment), cheap enough for the read cache's door; keys whose window has
 * ended are swept at most once a window, so memory holds only the clients of the last window or two.
 */
export class RequestCounter {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();
  private nextSweep = 0;

  /** Counts one request of `key`: how many it has made in its current window, and the ms until the window ends. */
  hit(key: string, windowMs: number, now = Date.now()): { current: number; ttl: number } {
    if (now >= this.nextSweep) {
      for (const [k, w] of this.windows) if (w.endsAt <= now) this.windows.delete(k);
      this.nextSweep = now + windowMs;
    }
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { count: 0, endsAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { current: window.count, ttl: window.endsAt - now };
  }
}

/**
 * A store for `@fastify/rate-limit` that counts in `counter`, the same counter the read cache's door counts in, so
 * a client's cached and uncached requests share one limit. A route with a limit of its own (sign-in) gets a
 * counter of its own.
 */
export function sharedStore(counter: RequestCounter): FastifyRateLimitStoreCtor {
  // The plugin constructs the store itself (with its options, which this one has no use for).
  class CounterStore implements FastifyRateLimitStore {
    own = counter;

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      callback(null, this.own.hit(key, timeWindow));
    }

    child(): FastifyRateLimitStore {
      const store = new CounterStore();
      store.own = new RequestCounter();
      return store;
    }
  }
  return CounterStore;
}

/** The client's address of a raw request, by the same rule as Fastify's `request.ip` (see `trust-proxy.ts`). */
export function clientAddress(request: IncomingMessage, trust: TrustFunction): string {
  return clientAddressOf(request.socket.remoteAddress, request.headers['x-forwarded-for'], trust);
}

/** The 429 body, as every error's: `{statusCode, error, message: {fa, en}, requestId}`. */
export function tooManyRequestsBody(retryAfterSeconds: number, requestId: string): ErrorBody {
  const exception = new TooManyRequestsException(retryAfterSeconds);
  return { statusCode: exception.getStatus(), error: exception.code, message: exception.bilingual, requestId };
}

/** The headers of a 429: when to come back and the limit (also in `@fastify/rate-limit`'s answers). */
export function tooManyRequestsHeaders(limit: number, retryAfterSeconds: number): OutgoingHttpHeaders {
  return {
    'retry-after': String(retryAfterSeconds),
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': String(retryAfterSeconds),
  };
}

/**
 * The API's limit per client at the read cache's door: a cached answer is the cheap path, yet it is a request like
 * any other, so it counts, and a client over its limit gets the 429 there too (with the CORS header, so a page on
 * another site can read it).
 */
export class DoorRateLimit {
  constructor(
    private readonly counter: RequestCounter,
    private readonly perMinute: number,
    /** Which proxies to believe about the client's address: the one rule Fastify is given too (`TRUST_PROXY`). */
    private readonly trust: TrustFunction,
  ) {}

  /** Counts the request; `false` when the client is over its limit, after answering 429. */
  admit(request: IncomingMessage, response: ServerResponse, requestId: string): boolean {
    if (this.perMinute <= 0) return true;
    const { current, ttl } = this.counter.hit(clientAddress(request, this.trust), RATE_WINDOW_MS);
    if (current <= this.perMinute) return true;
    const seconds = Math.ceil(ttl / 1000);
    const body = Buffer.from(JSON.stringify(tooManyRequestsBody(seconds, requestId)));
    response.writeHead(429, {
      ...tooManyRequestsHeaders(this.perMinute, seconds),
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(body.length),
      'cache-control': 'no-store',
      'access-control-allow-origin': '*',
      'access-control-expose-headers': CORS_EXPOSED_HEADERS.join(', '),
      'x-request-id': requestId,
    });
    response.end(body);
    return false;
  }
}

/** What a script on another site may read of an answer, beyond the CORS-safelisted headers. */
export const CORS_EXPOSED_HEADERS = [
  'ETag',
  'Retry-After',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'X-Request-Id',
  'Content-Disposition',
];
