import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

/** An OpenAPI document as served at `/api/openapi.json` (only the parts the tests read). */
export interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
}

/** `method path` of every documented operation, e.g. `get /api/documents/{id}`. */
export function operations(doc: OpenApiDoc): string[] {
  return Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
}

const isEmpty = (v: unknown): boolean => typeof v === 'object' && v !== null && Object.keys(v).length === 0;

const pointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Validates response bodies against the schemas the document itself publishes (JSON Schema 2020-12, as
 * OpenAPI 3.1 uses): `check('get', '/api/documents/{id}', 200, body)` → the errors, or [] when valid.
 * A status the operation does not document is an error too.
 */
export function responseChecker(doc: OpenApiDoc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema(doc, 'openapi.json');
  const cache = new Map<string, ValidateFunction>();
  return (method: string, path: string, status: number, body: unknown): string[] => {
    const op = doc.paths[path]?.[method];
    if (!op) return [`${method} ${path} is not documented`];
    const documented = op.responses[String(status)] as { content?: Record<string, unknown> } | undefined;
    if (!documented) return [`${method} ${path} does not document status ${status}`];
    if (!documented.content) return body === undefined || body === '' || isEmpty(body) ? [] : ['body on 204'];
    if (!documented.content['application/json']) return []; // a text body (e.g. Atom), not JSON
    const ref = `openapi.json#/paths/${pointer(path)}/${method}/responses/${status}/content/${pointer('application/json')}/schema`;
    let validate = cache.get(ref);
    if (!validate) {
      validate = ajv.getSchema(ref);
      if (!validate) return [`no schema at ${ref}`];
      cache.set(ref, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
    );
  };
}
