import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import cors, { type FastifyCorsOptions } from '@fastify/cors';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { ReadCache } from './common/cache/read-cache.js';
import { DataVersion } from './common/db/data-version.js';
import { BEARER_SCHEME, finishOpenApiDocument, SESSION_SCHEME } from './common/http/openapi-document.js';
import {
  CORS_EXPOSED_HEADERS,
  DoorRateLimit,
  RATE_WINDOW_MS,
  RequestCounter,
  sharedStore,
} from './common/http/rate-limit.js';
import { requestIdOf } from './common/http/request-id.js';
import { clientKey, trustFunction } from './common/http/trust-proxy.js';
import { HttpExceptionFilter } from './common/errors/http-exception.filter.js';
import { TooManyRequestsException } from './common/errors/too-many-requests.exception.js';
import { createValidationPipe } from './common/errors/validation.js';
import type { AppConfig } from './config/app-config.js';
import { APP_VERSION } from './config/version.js';

/** Fastify's own default, which a server of our own making must be given by hand. */
const KEEP_ALIVE_MS = 72_000;

const NOT_FOUND = {
  statusCode: 404,
  error: 'NOT_FOUND',
  message: { fa: 'این نشانی وجود ندارد.', en: 'There is nothing at this address.' },
};

const API_DESCRIPTION = `پایش اتصال دستگاه‌های اجرایی به پنجره ملی خدمات دولت هوشمند.

The public read API is under \`/api/v1\`; anyone may use it, from a script or from a page on another site.

- **Errors**: every error is \`{statusCode, error, message: {fa, en}, details?, requestId?}\`; \`error\` is a stable
  code (\`AGENCY_NOT_FOUND\`, \`VALIDATION_FAILED\`…); a validation error lists one problem per field in \`details\`.
- **Caching**: public reads answer with a strong \`ETag\` and \`Cache-Control: public, no-cache\`; send the tag back in
  \`If-None-Match\` and an unchanged answer is \`304 Not Modified\`, without a body.
- **CORS**: \`GET\` and \`HEAD\` under \`/api/v1\` are open to any origin, without credentials; other methods are not.
- **Rate limit**: each client address may make a fixed number of requests a minute (600 unless the operator set
  \`RATE_LIMIT_PER_MINUTE\`); over it, \`429\` with \`Retry-After\` (seconds). Sign-in has a stricter limit of its own.
- **Pagination**: lists take \`page\` (from 1) and \`pageSize\` and answer \`{items, total, page, pageSize}\`.
- **Days**: query parameters take a Gregorian \`YYYY-MM-DD\` or a Jalali \`YYYY/MM/DD\` day, in any digits; answers
  give ISO days.
- **Staff**: operations with a security requirement need a session: the \`monitor_session\` cookie set by
  \`signIn\`, or \`Authorization: Bearer <token>\` from \`signIn\` with \`mode: "token"\`.`;

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('National e-services connection monitor')
    .setDescription(API_DESCRIPTION)
    .setVersion(APP_VERSION)
    .setLicense('Data: CC BY 4.0', 'https://creativecommons.org/licenses/by/4.0/')
    .addServer('/', 'This server')
    .addCookieAuth(
      SESSION_COOKIE_NAME,
      { type: 'apiKey', in: 'cookie', description: 'The session cookie set by `signIn`' },
      SESSION_SCHEME,
    )
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'The token `signIn` returns with `mode: "token"`' },
      BEARER_SCHEME,
    )
    .build();
  return finishOpenApiDocument(SwaggerModule.createDocument(app, config));
}

/** The session cookie's name (modules/auth/auth.guard.ts). */
const SESSION_COOKIE_NAME = 'monitor_session';

/** Request headers a page on another site may send with a GET (If-None-Match is not CORS-safelisted). */
const CORS_ALLOWED_HEADERS = ['If-None-Match', 'If-Modified-Since', 'Accept', 'Accept-Language', 'X-Request-Id'];
const CORS_METHODS = new Set(['GET', 'HEAD']);
const NO_CORS: FastifyCorsOptions = { origin: false };
const OPEN_CORS: FastifyCorsOptions = {
  origin: '*',
  credentials: false,
  methods: ['GET', 'HEAD'],
  allowedHeaders: CORS_ALLOWED_HEADERS,
  exposedHeaders: CORS_EXPOSED_HEADERS,
  maxAge: 86_400,
};

/**
 * CORS: a \`GET\`/\`HEAD\` under \`/api/v1\` (and its preflight) from any site, without credentials; nothing for any
 * other method, whose preflight therefore gets no \`Access-Control-Allow-Origin\` and the browser refuses it.
 */
function corsOptionsFor(request: { url: string; method: string; headers: IncomingHttpHeaders }): FastifyCorsOptions {
  if (!request.url.startsWith('/api/v1/') && request.url !== '/api/v1') return NO_CORS;
  if (CORS_METHODS.has(request.method)) return OPEN_CORS;
  const asked = request.headers['access-control-request-method'];
  return request.method === 'OPTIONS' && typeof asked === 'string' && CORS_METHODS.has(asked.toUpperCase())
    ? OPEN_CORS
    : NO_CORS;
}

/**
 * The whole HTTP application on Fastify: `/api/...` for the API (public reads under `/api/v1`), `/api/docs` for
 * OpenAPI, and the built client at `/` with a fallback to its `index.html` for client-side routes.
 */
export async function createApp(
  config: AppConfig,
  dataSource: DataSource,
  options: { preview?: boolean } = {},
): Promise<NestFastifyApplication> {
  // Preview (the OpenAPI export) opens no connection; otherwise the data version listens before the first request.
  const listenUrl = options.preview ? undefined : (dataSource.options as { url?: string }).url;
  const dataVersion = new DataVersion(listenUrl);
  await dataVersion.start();
  // One count per client address for the whole API: @fastify/rate-limit counts the requests Fastify handles, the
  // read cache's door counts the cached answers it sends itself, both in this counter.
  // Whose word about the client's address counts (TRUST_PROXY): one rule for Fastify and for the door.
  const trustProxy = trustFunction(config.trustProxy ?? false);
  const requestCounter = new RequestCounter();
  const door = new DoorRateLimit(requestCounter, config.rateLimitPerMinute, trustProxy);
  const readCache = new ReadCache(config.readCacheBytes, dataVersion, (request, response, requestId) =>
    door.admit(request, response, requestId),
  );
  const adapter = new FastifyAdapter({
    trustProxy,
    bodyLimit: 1_048_576,
    // Errors Fastify raises before routing (a path parameter over 100 characters, a URL it cannot decode) get our
    // bilingual body, without the URL echoed back.
    frameworkErrors: (error: { code?: string }, request: FastifyRequest, reply: FastifyReply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      void reply.code(tooLong ? 414 : 400).send({
        statusCode: tooLong ? 414 : 400,
        error: tooLong ? 'URI_TOO_LONG' : 'BAD_URL',
        message: tooLong
          ? { fa: 'بخشی از این نشانی بیش از اندازه بلند است.', en: 'A part of this address is too long.' }
          : { fa: 'این نشانی خوانا نیست.', en: 'This address cannot be read.' },
        requestId: String(request.id),
      });
    },
    genReqId: (req: { headers: IncomingHttpHeaders }) => requestIdOf(req.headers),
    // A cached public answer leaves at the door of the HTTP server, before routing; everything else goes on.
    serverFactory: (handler: (request: IncomingMessage, response: ServerResponse) => void) => {
      const server = createServer((request, response) => {
        if (!readCache.handle(request, response)) handler(request, response);
      });
      server.keepAliveTimeout = KEEP_ALIVE_MS;
      return server;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, dataSource, dataVersion),
    adapter,
    {
      logger: config.nodeEnv === 'test' ? ['error', 'warn'] : ['log', 'error', 'warn'],
      preview: options.preview ?? false,
      abortOnError: false,
    },
  );
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());

  // First of all hooks: a cached public answer is sent before any other plugin's per-request work.
  readCache.register(app.getHttpAdapter().getInstance());
  await app.register(cors, {
    hook: 'onRequest',
    delegator: (request, callback) => callback(null, corsOptionsFor(request)),
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10 } });
  // Every `/api` request counts against its client address's limit a minute (RATE_LIMIT_PER_MINUTE; 0: no limit).
  // A route with a limit of its own (`@RouteConfig({ rateLimit })`: sign-in, counted after the body is parsed)
  // is counted per address and username instead.
  await app.register(rateLimit, {
    global: config.rateLimitPerMinute > 0,
    max: config.rateLimitPerMinute > 0 ? config.rateLimitPerMinute : 1,
    timeWindow: RATE_WINDOW_MS,
    hook: 'onRequest',
    store: sharedStore(requestCounter),
    allowList: (request) => !request.url.startsWith('/api/'),
    // Only a 429 says how many are left: on other answers the numbers would be cached with the bytes.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    keyGenerator: (request) => {
      const body = request.body as { username?: unknown } | undefined;
      const address = clientKey(request.ip);
      return typeof body?.username === 'string' ? `${address}|${body.username.trim().toLowerCase()}` : address;
    },
    // Thrown, so the one error filter writes it as every error (with the request id).
    errorResponseBuilder: (_request, context) => new TooManyRequestsException(Math.ceil(context.ttl / 1000)),
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    done(null, payload);
  });
  fastify.addHook('onClose', async () => dataVersion.stop());

  const indexHtml = join(config.clientDir, 'index.html');
  if (existsSync(indexHtml)) {
    await fastify.register(fastifyStatic, {
      root: config.clientDir,
      prefix: '/',
      wildcard: false,
      index: false,
      setHeaders: (res, path) => {
        res.header(
          'cache-control',
          path.startsWith(join(config.clientDir, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  // Client-side routes get index.html; unknown API paths get a JSON 404.
  fastify.get('/*', (request, reply) => {
    if (request.url === '/api' || request.url.startsWith('/api/') || !existsSync(indexHtml)) {
      return reply
        .code(404)
        .header('cache-control', 'no-store')
        .send({ ...NOT_FOUND, requestId: request.id });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', config.clientDir);
  });

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
  return app;
}
