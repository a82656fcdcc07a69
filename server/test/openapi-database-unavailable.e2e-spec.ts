import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument, createApp } from '../src/create-app.js';
import { createDataSource } from '../src/database/data-source.js';
import { operationsOf } from './support/openapi-operations.js';
import { testConfig } from './support/test-config.js';

/**
 * While the database is away every `/api` operation answers 503 `DATABASE_UNAVAILABLE` with `Retry-After`
 * (common/errors/http-exception.filter.ts, test/database-faults.e2e-spec.ts): the document says so for each of
 * them, as it does the 429, so that a client generated from it expects the answer.
 */

let app: NestFastifyApplication;
let document: OpenAPIObject;

beforeAll(async () => {
  const url = 'postgres://preview@localhost/preview';
  app = await createApp(testConfig(url), createDataSource(url), { preview: true });
  document = buildOpenApiDocument(app);
});

afterAll(async () => {
  await app?.close();
});

interface Documented503 {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: { $ref?: string } }>;
}

describe('the OpenAPI document', () => {
  it('documents the 503 DATABASE_UNAVAILABLE, its error body and Retry-After on every /api operation', () => {
    const operations = operationsOf(document).filter((o) => o.path.startsWith('/api/'));
    expect(operations.length).toBeGreaterThan(40);
    const missing = operations
      .filter((o) => o.operation.operationId !== 'getHealth')
      .filter((o) => {
        const answer = o.operation.responses['503'] as Documented503 | undefined;
        return (
          !answer?.description?.includes('DATABASE_UNAVAILABLE') ||
          !answer.headers?.['Retry-After'] ||
          answer.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorResponseDto'
        );
      })
      .map((o) => o.label);
    expect(missing).toEqual([]);
  });

  it("keeps the health check's own 503, which reports the database's state in the health body", () => {
    const health = operationsOf(document).find((o) => o.operation.operationId === 'getHealth')!;
    const answer = health.operation.responses['503'] as Documented503;
    expect(answer.content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/HealthDto');
  });
});
