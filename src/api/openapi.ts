import { z } from 'zod';
import type { RouteRegistry } from './registry.ts';

/** Statuses every read route can answer with the error body (405: other methods; 413: body limit). */
const READ_ERRORS = ['400', '404', '405', '413', '429', '503'];
/** Uploads add the write guard, media type and per-file failures. */
const WRITE_ERRORS = [...READ_ERRORS, '401', '403', '415', '422'];

function errorResponses(statuses: string[]): Record<string, unknown> {
  return Object.fromEntries(statuses.map((s) => [s, { $ref: '#/components/responses/Error' }]));
}

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
    paths[oaPath] = {
      ...(paths[oaPath] ?? {}),
      [spec.method]: {
        summary: spec.summary,
        tags: [spec.tag],
        parameters,
        responses: {
          '200': { description: 'OK' },
          ...errorResponses(spec.method === 'post' ? WRITE_ERRORS : READ_ERRORS),
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
