import { z } from 'zod';
import type { RouteRegistry } from './registry.ts';

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
