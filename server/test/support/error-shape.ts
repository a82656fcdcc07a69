import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { OpenAPIObject } from '@nestjs/swagger';
import { toJsonSchema } from './openapi-validator.js';

// ajv-formats is CommonJS: its default export arrives as the module object or the function, by loader.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

/**
 * The error body as the OpenAPI document describes it (`ErrorResponseDto`), for any answer, documented for that
 * operation or not: `problemsOf(body)` lists what does not match (`[]`: it matches).
 */
export function errorShape(document: OpenAPIObject): { problemsOf(body: unknown): string[] } {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', components: { schemas: toJsonSchema(document.components?.schemas ?? {}) } });
  const validate: ValidateFunction = ajv.compile({ $ref: 'openapi#/components/schemas/ErrorResponseDto' });
  return {
    problemsOf(body) {
      if (validate(body)) return [];
      return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
    },
  };
}
