import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { ReadCache } from './common/cache/read-cache.js';
import { DataVersion } from './common/db/data-version.js';
import { requestIdOf } from './common/http/request-id.js';
import { HttpExceptionFilter } from './common/errors/http-exception.filter.js';
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

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('National e-services connection monitor')
    .setDescription(
      'پایش اتصال دستگاه‌های اجرایی به پنجره ملی خدمات دولت هوشمند. Public read API under /api/v1; every error is `{statusCode, error, message: {fa, en}}`.',
    )
    .setVersion(APP_VERSION)
    .build();
  return SwaggerModule.createDocument(app, config);
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
  const readCache = new ReadCache(config.readCacheBytes, dataVersion);
  const adapter = new FastifyAdapter({
    trustProxy: true,
    bodyLimit: 1_048_576,
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
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10 } });
  // Only routes that ask for it (`@RouteConfig({ rateLimit })`, e.g. sign-in) are limited, per address and username.
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler', // after the body is parsed, so the key can include the username
    keyGenerator: (request) => {
      const body = request.body as { username?: unknown } | undefined;
      return `${request.ip}|${typeof body?.username === 'string' ? body.username.trim().toLowerCase() : ''}`;
    },
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'TOO_MANY_REQUESTS',
      message: {
        fa: `تلاش‌ها بیش از حد است؛ ${Math.ceil(context.ttl / 1000)} ثانیه دیگر دوباره تلاش کنید.`,
        en: `Too many attempts; try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
      },
    }),
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
