import {
  getSchemaPath,
  type HeaderObject,
  type OpenAPIObject,
  type OperationObject,
  type ResponseObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../errors/error-response.dto.js';

/** Set by `@PublicRead()` on an operation; turned into the documented caching behaviour, then removed. */
export const PUBLIC_READ_EXTENSION = 'x-public-read';

/** The security schemes `@Roles(...)` refers to (modules/auth). */
export const SESSION_SCHEME = 'session';
export const BEARER_SCHEME = 'bearer';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** A schema that only `null` satisfies, in OpenAPI 3.0 (which has no `type: 'null'`). */
const NULL_ONLY: SchemaObject = { type: 'object', nullable: true, enum: [null] };

const header = (description: string, schema: SchemaObject): HeaderObject => ({ description, schema });

const RATE_LIMIT_HEADERS: Record<string, HeaderObject> = {
  'Retry-After': header('Seconds until the client may ask again', { type: 'integer', example: 42 }),
  'X-RateLimit-Limit': header('Requests a client address may make a minute', { type: 'integer', example: 600 }),
  'X-RateLimit-Remaining': header('Requests left in this minute (0 here)', { type: 'integer', example: 0 }),
  'X-RateLimit-Reset': header('Seconds until the minute ends', { type: 'integer', example: 42 }),
};

const DATABASE_UNAVAILABLE_HEADERS: Record<string, HeaderObject> = {
  'Retry-After': header('Seconds after which to try again', { type: 'integer', example: 5 }),
};

const CACHE_HEADERS: Record<string, HeaderObject> = {
  ETag: header('A strong tag of these bytes; send it back in `If-None-Match` to revalidate', {
    type: 'string',
    example: '"q3J1b0k8Zl5mYXN0aWZ5LWNhY2hlLXRhZw"',
  }),
  'Cache-Control': header('Revalidate before reuse (`public, no-cache`); `private, no-store` when signed in', {
    type: 'string',
    example: 'public, no-cache',
  }),
};

/**
 * Finishes the document @nestjs/swagger builds, for what decorators cannot say well in OpenAPI 3.0:
 * - every operation declares its security: `[]` (public) unless `@Roles` named the session schemes;
 * - a nullable reference (`nullable` beside `allOf: [$ref]`, which lets no `null` through the `allOf`) becomes
 *   `anyOf: [$ref, null-only]`;
 * - `@PublicRead()` operations document their `ETag`, `Cache-Control` and `304`;
 * - every `/api` operation documents the rate limit's `429` and its headers, and the `503` (`DATABASE_UNAVAILABLE`)
 *   any of them answers while the database is away (unless it documents a 503 of its own, as the health check does).
 */
export function finishOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  const errorContent = { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponseDto) } } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as (OperationObject & Record<string, unknown>) | undefined;
      if (!operation) continue;
      operation.security ??= [];
      if (operation[PUBLIC_READ_EXTENSION]) {
        delete operation[PUBLIC_READ_EXTENSION];
        const ok = operation.responses['200'] as ResponseObject | undefined;
        if (ok) ok.headers = { ...CACHE_HEADERS, ...ok.headers };
        operation.responses['304'] ??= {
          description: 'Not Modified: the `If-None-Match` tag is still current; no body.',
          headers: { ETag: CACHE_HEADERS.ETag! },
        };
      }
      if (path.startsWith('/api/')) {
        const tooMany: ResponseObject = (operation.responses['429'] as ResponseObject | undefined) ?? {
          description: 'Too many requests from this client address (see `RATE_LIMIT_PER_MINUTE`)',
          content: errorContent,
        };
        tooMany.headers = { ...RATE_LIMIT_HEADERS, ...tooMany.headers };
        operation.responses['429'] = tooMany;
        operation.responses['503'] ??= {
          description:
            'The database is unavailable (`DATABASE_UNAVAILABLE`): stopped, restarting or unreachable. Nothing was ' +
            'read or written; try again after `Retry-After` seconds',
          headers: DATABASE_UNAVAILABLE_HEADERS,
          content: errorContent,
        };
      }
    }
  }
  fixNullableReferences(document);
  return document;
}

/** Rewrites, everywhere in the document, `{nullable: true, allOf: [{$ref}]}` as `{anyOf: [{$ref}, null-only]}`. */
export function fixNullableReferences(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) fixNullableReferences(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const schema = node as SchemaObject & Record<string, unknown>;
  if (schema.nullable === true && Array.isArray(schema.allOf) && schema.allOf.length === 1) {
    const [reference] = schema.allOf;
    delete schema.allOf;
    delete schema.nullable;
    delete schema.type;
    schema.anyOf = [reference!, NULL_ONLY];
  }
  for (const value of Object.values(schema)) fixNullableReferences(value);
}
