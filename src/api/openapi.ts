import { z } from 'zod';
import { ERROR_STATUS, type ErrorCode } from '../../core/errors.ts';
import { errorCodes, type AnyRouteSpec, type RouteRegistry } from './registry.ts';
import { ErrorBody } from './responses.ts';

type Json = Record<string, unknown>;

const COMPONENTS = '#/components/schemas/';
const ERROR_ID = z.globalRegistry.get(ErrorBody)?.id ?? 'Error';

const FORMAT_PARAMETER = {
  name: 'format',
  in: 'query',
  required: false,
  description:
    'csv (UTF-8 with BOM) or xlsx download with a citation column; json by default (Accept: text/csv too)',
  schema: { type: 'string', enum: ['json', 'csv', 'xlsx'] },
};
const TABLE_CONTENT = {
  'text/csv': { schema: { type: 'string' } },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    schema: { type: 'string', format: 'binary' },
  },
};

/**
 * OpenAPI 3.1 document generated from the registered routes: parameters from the query schemas, bodies
 * from the response schemas (shared ones under `components.schemas`), and for each route the statuses of
 * the errors it can give with the error body `{error: {code, message, details}}` and those codes. Routes
 * with a table also answer CSV and XLSX (`?format=`).
 */
export function buildOpenApi(registry: RouteRegistry, version: string): Json {
  const paths: Record<string, Json> = {};
  for (const spec of registry.specs) {
    const oaPath = spec.path.replace(/:(\w+)/g, '{$1}');
    paths[oaPath] = {
      ...(paths[oaPath] ?? {}),
      [spec.method]: {
        operationId: operationId(spec),
        summary: spec.summary,
        tags: [spec.tag],
        parameters: parameters(spec),
        responses: responses(spec),
        ...spec.openapi,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'policy-kg API', version },
    paths,
    components: { schemas: componentSchemas(paths) },
  };
}

/** `get /api/documents/:id` → `getDocumentsById`, `get /api/graph/kinds` → `getGraphKinds`. */
function operationId(spec: AnyRouteSpec): string {
  const segments = spec.path.split('/').filter((s) => s && s !== 'api');
  const words = segments
    .filter((s) => !s.startsWith(':'))
    .flatMap((s) => s.split(/[-.]/))
    .map((w) => w[0]!.toUpperCase() + w.slice(1));
  return spec.method + words.join('') + (segments.some((s) => s.startsWith(':')) ? 'ById' : '');
}

function parameters(spec: AnyRouteSpec): Json[] {
  const list: Json[] = (spec.params ?? []).map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (spec.query) {
    const json = z.toJSONSchema(spec.query, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, unknown>;
      required?: string[];
    };
    for (const [name, schema] of Object.entries(json.properties ?? {})) {
      list.push({ name, in: 'query', required: json.required?.includes(name) ?? false, schema });
    }
  }
  if (spec.table) list.push(FORMAT_PARAMETER);
  return list;
}

function responses(spec: AnyRouteSpec): Json {
  const body = spec.mediaType
    ? { content: { [spec.mediaType]: { schema: { type: 'string' } } } }
    : {
        content: {
          'application/json': { schema: schemaRef(spec.response, spec) },
          ...(spec.table ? TABLE_CONTENT : {}),
        },
      };
  const out: Json =
    spec.success === 204
      ? { '204': { description: 'No content' } }
      : { [String(spec.success ?? 200)]: { description: 'OK', ...body } };
  for (const status of spec.statuses ?? []) out[String(status)] = { description: 'OK', ...body };
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodes(spec)) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    out[String(status)] = {
      description: codes.join(', '),
      content: {
        'application/json': {
          schema: {
            allOf: [{ $ref: COMPONENTS + ERROR_ID }],
            properties: { error: { properties: { code: { enum: codes } } } },
          },
        },
      },
    };
  }
  return out;
}

/** A `$ref` to the schema's component; a schema without an id gets one named after its route. */
function schemaRef(schema: z.ZodType, spec: AnyRouteSpec): Json {
  let id = z.globalRegistry.get(schema)?.id;
  if (!id) {
    id = `${operationId(spec)[0]!.toUpperCase()}${operationId(spec).slice(1)}Response`;
    z.globalRegistry.add(schema, { id });
  }
  return { $ref: COMPONENTS + id };
}

/** Every schema with an id, as components, keeping those the paths reach (directly or through others). */
function componentSchemas(paths: Json): Record<string, Json> {
  const all = z.toJSONSchema(z.globalRegistry, {
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => COMPONENTS + id,
  }).schemas as Record<string, Json>;
  const keep = new Set<string>();
  const queue = [...refsIn(paths), ERROR_ID];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (keep.has(id)) continue;
    keep.add(id);
    queue.push(...refsIn(all[id]));
  }
  const out: Record<string, Json> = {};
  for (const id of [...keep].sort()) {
    const schema = { ...all[id] };
    delete schema.$id; // components are addressed by their path, and `#/…` is no valid $id
    delete schema.$schema;
    out[id] = schema;
  }
  return out;
}

function refsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) refsIn(v, found);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(COMPONENTS))
        found.add(v.slice(COMPONENTS.length));
      else refsIn(v, found);
    }
  }
  return found;
}
