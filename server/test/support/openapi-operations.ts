import type { OpenAPIObject } from '@nestjs/swagger';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

export interface DocumentedParameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: { type?: string; format?: string; enum?: unknown[]; example?: unknown; maximum?: number; minimum?: number };
}

export interface DocumentedOperation {
  operationId?: string;
  parameters?: DocumentedParameter[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, unknown>;
  security?: Array<Record<string, string[]>>;
  'x-roles'?: string[];
}

/** One operation of the document, with its path and method (lower case, as in the document). */
export interface Operation {
  path: string;
  method: string;
  operation: DocumentedOperation;
  /** "METHOD /path (operationId)", for test names and failure messages. */
  label: string;
}

/** Every operation the OpenAPI document lists. */
export function operationsOf(document: OpenAPIObject): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, DocumentedOperation>)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, operation]) => ({
        path,
        method,
        operation,
        label: `${method.toUpperCase()} ${path} (${operation.operationId ?? 'no operationId'})`,
      })),
  );
}

/** The path with each `{param}` replaced by the value `valueOf` gives for its documented parameter. */
export function fillPath(op: Operation, valueOf: (parameter: DocumentedParameter) => string): string {
  return op.path.replace(/\{(\w+)\}/g, (_all, name: string) => {
    const parameter = op.operation.parameters?.find((p) => p.in === 'path' && p.name === name) ?? {
      in: 'path',
      name,
    };
    return encodeURIComponent(valueOf(parameter));
  });
}
