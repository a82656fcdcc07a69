import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { OpenAPIObject } from '@nestjs/swagger';

// ajv-formats is CommonJS: its default export arrives as the module object or the function, by loader.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

type Json = Record<string, unknown>;

/**
 * An OpenAPI 3.0 schema as JSON Schema (draft 7, which ajv reads): `nullable: true` adds `null` to the type (and to
 * an `enum`), `$ref`s point into this document's components; and an object that lists its properties allows no
 * others, so an answer carrying an undocumented field fails too.
 */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const source = schema as Json;
  const out: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'nullable' || key === 'example' || key === 'examples') continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value as Json).map(([name, s]) => [name, toJsonSchema(s)]));
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  if (source.nullable === true) {
    if (typeof source.type === 'string') out.type = [source.type, 'null'];
    if (Array.isArray(source.enum) && !source.enum.includes(null)) out.enum = [...source.enum, null];
  }
  if (source.properties && source.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

/** Validators for the responses an OpenAPI document describes. */
export class ResponseValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenAPIObject) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'openapi', components: { schemas: toJsonSchema(document.components?.schemas ?? {}) } });
  }

  /** The documented schema of this operation's answer with this status, or undefined when none is documented. */
  schemaOf(path: string, method: string, status: number, mediaType = 'application/json'): unknown {
    const operation = (this.document.paths[path] as Json | undefined)?.[method.toLowerCase()] as Json | undefined;
    const responses = (operation?.responses ?? {}) as Record<string, Json>;
    const response = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    return (response?.content as Record<string, { schema?: unknown }> | undefined)?.[mediaType]?.schema;
  }

  /** The problems of `body` against the documented answer (`[]`: valid); throws when nothing is documented. */
  problems(path: string, method: string, status: number, body: unknown): string[] {
    const key = `${method} ${path} ${status}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      const schema = this.schemaOf(path, method, status);
      if (!schema) throw new Error(`no JSON schema documented for ${key}`);
      const json = JSON.stringify(toJsonSchema(schema)).replaceAll('"#/components/', '"openapi#/components/');
      validate = this.ajv.compile(JSON.parse(json) as Json);
      this.compiled.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
    );
  }
}
