import { z } from 'zod';
import type { RouteRegistry } from './registry.ts';

const FORMAT_PARAMETER = {
  name: 'format',
  in: 'query',
  required: false,
  description:
    'csv (UTF-8 with BOM) or xlsx download with a citation column; json by default (Accept: text/csv too)',
  schema: { type: 'string', enum: ['json', 'csv', 'xlsx'] },
};
const TABLE_RESPONSE = {
  description: 'OK (JSON, or the table as CSV or XLSX)',
  content: {
    'application/json': {},
    'text/csv': { schema: { type: 'string' } },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: { type: 'string', format: 'binary' },
    },
  },
};

/** OpenAPI 3.1 document generated from the registered routes' zod schemas. */
export function buildOpenApi(registry: RouteRegistry, version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of registry.specs) {
    const oaPath = spec.path.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = (spec.params ?? []).map((name) => ({
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
        parameters.push({ name, in: 'query', required: json.required?.includes(name) ?? false, schema });
      }
    }
    if (spec.table) parameters.push(FORMAT_PARAMETER);
    paths[oaPath] = {
      ...(paths[oaPath] ?? {}),
      [spec.method]: {
        summary: spec.summary,
        tags: [spec.tag],
        parameters,
        responses: {
          '200': spec.table ? TABLE_RESPONSE : { description: 'OK' },
          '400': { $ref: '#/components/responses/Error' },
          '404': { $ref: '#/components/responses/Error' },
        },
        ...spec.openapi,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'policy-kg API', version },
    paths,
    components: {
      responses: {
        Error: {
          description: 'Error',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  error: {
                    type: 'object',
                    properties: {
                      code: { type: 'string' },
                      message: { type: 'string' },
                      details: { type: 'object' },
                    },
                    required: ['code', 'message'],
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
