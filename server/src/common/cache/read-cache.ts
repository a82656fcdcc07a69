import { createHash } from 'node:crypto';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { tehranToday } from '../dates/calendar-day.js';
import type { DataVersion } from '../db/data-version.js';

/**
 * Marks a public GET handler whose answer depends only on the URL, the day in Tehran and the data: its bytes are
 * served from the read cache. Signed-in requests (which may see drafts and internal notes) are never cached.
 */
export const PublicRead = () => RouteConfig({ publicRead: true });

/** The session cookie's name (auth.guard.ts): its presence means the answer may be a staff answer. */
const SESSION_COOKIE_PREFIX = 'monitor_session=';

interface Entry {
  body: Buffer;
  contentType: string;
  etag: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the read cache on a request it may answer: the key and the data version it was computed at. */
    readCacheKey?: { key: string; version: number };
  }
}

/**
 * The one read path for public data: serialised response bytes kept per (route and normalised query, the day in
 * Tehran, the data version), with a strong ETag and `304 Not Modified`. "Today" (the default as-of day) therefore
 * rolls over at Tehran midnight, and a commit anywhere moves the data version (see DataVersion), which empties the
 * cache: an answer is never stale. Memory is bounded by bytes (least recently used first out).
 */
export class ReadCache {
  private readonly entries: LRUCache<string, Entry> | undefined;
  private day = { at: 0, value: '' };

  constructor(
    maxBytes: number,
    private readonly dataVersion: DataVersion,
  ) {
    this.entries =
      maxBytes > 0
        ? new LRUCache<string, Entry>({ maxSize: maxBytes, sizeCalculation: (e) => e.body.length + 200 })
        : undefined;
    dataVersion.onMove(() => this.entries?.clear());
  }

  /** Registers the hooks on the Fastify instance: answer from the cache before Nest, keep what Nest answers. */
  register(fastify: FastifyInstance): void {
    // Callback-style hooks: this runs on every request, and a promise per request costs measurable throughput.
    fastify.addHook('onRequest', (request, reply, done) => {
      if (!this.serve(request, reply)) done();
    });
    fastify.addHook('onSend', (request, reply, payload, done) => {
      done(null, this.keep(request, reply, payload));
    });
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries?.size ?? 0, bytes: this.entries?.calculatedSize ?? 0 };
  }

  /** Answers from the cache when it can (true: answered). */
  private serve(request: FastifyRequest, reply: FastifyReply): boolean {
    if (!this.entries || request.method !== 'GET' || !this.dataVersion.trusted) return false;
    const config = request.routeOptions.config as { publicRead?: boolean } | undefined;
    if (!config?.publicRead || isStaffRequest(request)) return false;
    const key = `${normalisedUrl(request.url)}|${this.today()}`;
    const entry = this.entries.get(key);
    if (!entry) {
      request.readCacheKey = { key, version: this.dataVersion.current };
      return false;
    }
    setCacheHeaders(reply, entry);
    if (matchesEtag(request.headers['if-none-match'], entry.etag)) void reply.code(304).send();
    else void reply.code(200).send(entry.body);
    return true;
  }

  /** Keeps a fresh public answer and tags it; answers 304 when the client already has these bytes. */
  private keep(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
    const pending = request.readCacheKey;
    if (!pending || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const entry: Entry = {
      body,
      contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
    };
    // Computed at an older version: a write committed meanwhile, so these bytes may predate it. Serve, don't keep.
    if (pending.version === this.dataVersion.current) this.entries?.set(pending.key, entry);
    setCacheHeaders(reply, entry);
    if (matchesEtag(request.headers['if-none-match'], entry.etag)) {
      void reply.code(304);
      return '';
    }
    return body;
  }

  /** Tehran's calendar day, worked out at most once a second. */
  private today(): string {
    const now = Date.now();
    if (now - this.day.at >= 1000) this.day = { at: now, value: tehranToday(new Date(now)) };
    return this.day.value;
  }
}

function setCacheHeaders(reply: FastifyReply, entry: Entry): void {
  void reply
    .header('content-type', entry.contentType)
    .header('etag', entry.etag)
    .header('cache-control', 'public, no-cache')
    .header('vary', 'Cookie, Authorization');
}

/** A request that carries credentials gets the uncached (possibly staff) answer. */
function isStaffRequest(request: FastifyRequest): boolean {
  return request.headers.authorization !== undefined || (request.headers.cookie ?? '').includes(SESSION_COOKIE_PREFIX);
}

/** The path and its query parameters in a fixed order, so `?a=1&b=2` and `?b=2&a=1` share an entry. */
export function normalisedUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  params.sort();
  const query = params.toString();
  return query ? `${url.slice(0, q)}?${query}` : url.slice(0, q);
}

/** `If-None-Match` holds this tag (weak comparison, as RFC 9110 asks for this header), or `*`. */
export function matchesEtag(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const text = Array.isArray(header) ? header.join(',') : header;
  if (text.trim() === '*') return true;
  return text.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
