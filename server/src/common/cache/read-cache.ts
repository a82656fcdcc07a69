import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiExtension } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { QueryRunner } from 'typeorm';
import { tehranToday } from '../dates/calendar-day.js';
import type { DataVersion } from '../db/data-version.js';
import { publicReadScope, ReplicaReads } from '../db/replica-reads.js';
import { PUBLIC_READ_EXTENSION } from '../http/openapi-document.js';
import { requestIdOf } from '../http/request-id.js';

/**
 * Marks a public GET handler whose answer depends only on the URL, the day in Tehran and the data: its bytes are
 * served from the read cache. Signed-in requests (which may see drafts and internal notes) are never cached.
 */
export const PublicRead = () =>
  applyDecorators(RouteConfig({ publicRead: true }), ApiExtension(PUBLIC_READ_EXTENSION, true));

/** The session cookie's name (auth.guard.ts): its presence means the answer may be a staff answer. */
const SESSION_COOKIE_PREFIX = 'monitor_session=';

interface Entry {
  body: Buffer;
  etag: string;
  /** Every header of the first answer (security headers included) but the per-request ones, as name, value, … */
  head: string[];
  /** The same for a 304: without the length of a body it does not have. */
  notModifiedHead: string[];
}

/** Headers that belong to one response, never to the cached representation. */
const PER_REQUEST_HEADERS = new Set([
  'x-request-id',
  'content-length',
  'date',
  'connection',
  'keep-alive',
  'set-cookie',
  'retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
]);

/**
 * Lets a cached answer go, or answers in its place (e.g. 429 to a client over its rate limit) and says `false`.
 * Cached answers skip the Fastify hooks where uncached ones are counted, so this is where they are counted.
 */
export type ReadCacheGate = (request: IncomingMessage, response: ServerResponse, requestId: string) => boolean;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the read cache on a request it may answer: the key and the data version it was computed at. */
    readCacheKey?: { key: string; version: number; keep: boolean; flight?: Flight };
    /** The read replica connection this public read is computed on (replica-reads.ts), until its answer is made. */
    replicaRunner?: QueryRunner;
  }
}

/** One computation of an answer that is not cached yet; identical requests meanwhile wait for it. */
interface Flight {
  version: number;
  landed: Promise<void>;
  land: () => void;
}

/**
 * The one read path for public data: serialised response bytes kept per (route and normalised query, the day in
 * Tehran, the data version), with a strong ETag and `304 Not Modified`. "Today" (the default as-of day) therefore
 * rolls over at Tehran midnight, and a commit anywhere moves the data version (see DataVersion), which empties the
 * cache: an answer is never stale. Memory is bounded by bytes (least recently used first out). With no memory
 * for it (`READ_CACHE_MB=0`) or while the data version cannot be trusted, nothing is kept, but every public answer
 * is still tagged and revalidated (`ETag`, `304`): the tag is the hash of the bytes, true whatever the cache holds.
 */
export class ReadCache {
  private readonly entries: LRUCache<string, Entry> | undefined;
  /** Answers being computed, by key: a burst of identical misses (after every write) computes each page once. */
  private readonly flights = new Map<string, Flight>();
  private day = { at: 0, value: '' };

  constructor(
    maxBytes: number,
    private readonly dataVersion: DataVersion,
    private readonly gate: ReadCacheGate = () => true,
  ) {
    // An entry's size: its bytes, and about 2 KB for its headers.
    this.entries =
      maxBytes > 0
        ? new LRUCache<string, Entry>({ maxSize: maxBytes, sizeCalculation: (e) => e.body.length + 2048 })
        : undefined;
    dataVersion.onMove(() => this.entries?.clear());
  }

  /**
   * Registers the hooks on the Fastify instance: answer from the cache before anything else (register this before
   * the other plugins: a hit then skips their per-request work, and is sent with the headers they set the first
   * time, security headers included), and keep what Nest answers.
   */
  register(fastify: FastifyInstance): void {
    // Callback-style hooks: this runs on every request, and a promise per request costs measurable throughput.
    fastify.addHook('onRequest', (request, reply, done) => {
      const served = this.serve(request, reply);
      if (served === false) this.compute(request, done);
      else if (served !== true) {
        // The same answer is being computed for another request: wait for it, then answer from the cache; if it
        // was not kept (an error, or a write meanwhile), compute it here after all.
        void served.then(() => {
          if (!this.serveKept(request, reply)) this.compute(request, done);
        });
      }
    });
    fastify.addHook('onSend', (request, reply, payload, done) => {
      done(null, this.keep(request, reply, payload));
    });
    // A computation that ended without sending (a client that went away) must not keep others waiting. Its replica
    // connection is not released on an abort: the handler may still be using it, and sends (onSend) when done.
    fastify.addHook('onResponse', (request, _reply, done) => {
      this.land(request);
      releaseReplica(request);
      done();
    });
    fastify.addHook('onRequestAbort', (request, done) => {
      this.land(request);
      done();
    });
  }

  /**
   * The press-rush path, at the door of the HTTP server (create-app's `serverFactory`): a GET whose answer is
   * cached leaves with its bytes and headers as they are, without routing, hooks or serialisation. Only URLs that
   * a `@PublicRead()` route answered are ever cached, and a request with credentials is never answered here.
   */
  handle(request: IncomingMessage, response: ServerResponse): boolean {
    if (!this.entries || request.method !== 'GET' || !this.dataVersion.trusted) return false;
    if (hasCredentials(request.headers)) return false;
    const entry = this.entries.get(this.keyOf(request.url ?? '/'));
    if (!entry) return false;
    const requestId = requestIdOf(request.headers);
    if (this.gate(request, response, requestId)) send(response, entry, request.headers, requestId);
    return true;
  }

  /**
   * Within Fastify (requests that did not come through the server's door, e.g. `inject`, and every miss): the
   * cached answer (`true`), or go on and compute it (`false`), or wait for the identical request already computing
   * it at this data version (the promise), so that a burst of misses after a write costs one computation.
   */
  private serve(request: FastifyRequest, reply: FastifyReply): boolean | Promise<void> {
    if (request.method !== 'GET') return false;
    const config = request.routeOptions.config as { publicRead?: boolean } | undefined;
    if (!config?.publicRead || hasCredentials(request.headers)) return false;
    const key = this.keyOf(request.url);
    const keep = this.entries !== undefined && this.dataVersion.trusted;
    const entry = keep ? this.entries?.get(key) : undefined;
    if (entry) {
      this.answer(request, reply, entry);
      return true;
    }
    const version = this.dataVersion.current;
    if (!keep) {
      request.readCacheKey = { key, version, keep };
      return false;
    }
    const flying = this.flights.get(key);
    if (flying && flying.version === version) return flying.landed;
    let land = () => {};
    const landed = new Promise<void>((resolve) => (land = resolve));
    const flight: Flight = { version, landed, land };
    this.flights.set(key, flight);
    request.readCacheKey = { key, version, keep, flight };
    return false;
  }

  /**
   * Goes on to compute the answer: a public read (one `serve` gave a key) on a read replica that has replayed
   * every commit of the current data version when there is one (replica-reads.ts), else on the primary.
   */
  private compute(request: FastifyRequest, done: HookHandlerDoneFunction): void {
    const replicas = request.readCacheKey ? ReplicaReads.of(this.dataVersion) : undefined;
    if (!replicas?.enabled) {
      done();
      return;
    }
    void replicas.open().then((runner) => {
      if (!runner) {
        done();
        return;
      }
      request.replicaRunner = runner;
      // Everything the handler does from here runs in the scope: its `dataSource.manager` is this connection's.
      publicReadScope.run(runner.manager, done);
    });
  }

  /** After waiting: the answer the other request kept, or `false` to compute it (without waiting again). */
  private serveKept(request: FastifyRequest, reply: FastifyReply): boolean {
    const key = this.keyOf(request.url);
    const entry = this.dataVersion.trusted ? this.entries?.get(key) : undefined;
    if (entry) {
      this.answer(request, reply, entry);
      return true;
    }
    request.readCacheKey = { key, version: this.dataVersion.current, keep: this.entries !== undefined };
    return false;
  }

  private answer(request: FastifyRequest, reply: FastifyReply, entry: Entry): void {
    reply.hijack();
    if (this.gate(request.raw, reply.raw, String(request.id))) {
      send(reply.raw, entry, request.headers, String(request.id));
    }
  }

  /** The request computing an answer is done with it (kept or not): whoever waited goes on. */
  private land(request: FastifyRequest): void {
    const flight = request.readCacheKey?.flight;
    if (!flight) return;
    request.readCacheKey!.flight = undefined;
    if (this.flights.get(request.readCacheKey!.key) === flight) this.flights.delete(request.readCacheKey!.key);
    flight.land();
  }

  private keyOf(url: string): string {
    return `${normalisedUrl(url)}|${this.today()}`;
  }

  /** Keeps a fresh public answer and tags it; answers 304 when the client already has these bytes. */
  private keep(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
    try {
      return this.tagAndKeep(request, reply, payload);
    } finally {
      this.land(request);
      // The answer is made: the handler is done with the database (`@PublicRead()` routes answer whole bytes).
      releaseReplica(request);
    }
  }

  private tagAndKeep(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
    const pending = request.readCacheKey;
    if (!pending || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
    setCacheHeaders(reply, etag);
    // Computed at an older version: a write committed meanwhile, so these bytes may predate it. Serve, don't keep.
    if (pending.keep && pending.version === this.dataVersion.current) {
      const head: string[] = [];
      for (const [name, value] of Object.entries({ ...reply.raw.getHeaders(), ...reply.getHeaders() })) {
        if (value === undefined || PER_REQUEST_HEADERS.has(name)) continue;
        for (const one of Array.isArray(value) ? value : [String(value)]) head.push(name, one);
      }
      const notModifiedHead = [...head, 'x-request-id', ''];
      head.push('content-length', String(body.length), 'x-request-id', '');
      this.entries?.set(pending.key, { body, etag, head, notModifiedHead });
    }
    if (matchesEtag(request.headers['if-none-match'], etag)) {
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

function releaseReplica(request: FastifyRequest): void {
  const runner = request.replicaRunner;
  if (!runner) return;
  request.replicaRunner = undefined;
  void runner.release();
}

/** The cached bytes and their headers straight to Node's response, or 304 when the client has them. */
function send(response: ServerResponse, entry: Entry, headers: IncomingHttpHeaders, requestId: string): void {
  const notModified = matchesEtag(headers['if-none-match'], entry.etag);
  // The head arrays are built once per entry and end with the request id's slot: JavaScript runs one request at a
  // time, so the slot is filled and read by writeHead before any other request can touch it.
  const head = notModified ? entry.notModifiedHead : entry.head;
  head[head.length - 1] = requestId;
  response.writeHead(notModified ? 304 : 200, head);
  response.end(notModified ? undefined : entry.body);
}

function setCacheHeaders(reply: FastifyReply, etag: string): void {
  void reply.header('etag', etag).header('cache-control', 'public, no-cache').header('vary', 'Cookie, Authorization');
}

/** A request that carries credentials gets the uncached (possibly staff) answer. */
function hasCredentials(headers: IncomingHttpHeaders): boolean {
  return headers.authorization !== undefined || (headers.cookie ?? '').includes(SESSION_COOKIE_PREFIX);
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
