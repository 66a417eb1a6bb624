import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { AppError, type ErrorCode } from '../../core/errors.ts';
import { allowOnly } from './error-middleware.ts';
import { exportFormat, sendTable } from './export/respond.ts';
import type { ExportTable } from './export/write.ts';

/**
 * One API route. Its zod query schema validates requests and documents the parameters; its zod response
 * schema types the handler's result and documents the body. Both generate `/api/openapi.json`.
 */
export interface RouteSpec<Q extends z.ZodType, R extends z.ZodType> {
  method: 'get' | 'post' | 'delete';
  path: string;
  summary: string;
  tag: string;
  query?: Q;
  /** Path parameters documented in OpenAPI (express syntax `:id`). */
  params?: string[];
  /** Body of a successful answer (200, or a status in `statuses`). */
  response: R;
  /** Success statuses besides 200 that carry the same body (e.g. 207 for a partly failed upload). */
  statuses?: number[];
  /** Status of a successful answer when it is not 200 (201 created; 204 answers no body). */
  success?: 201 | 204;
  /** Media type of a non-JSON body (e.g. an Atom feed); its response schema is then `z.string()`. */
  mediaType?: string;
  /**
   * Error codes this route answers with, besides `INVALID_INPUT` (any route with a query schema),
   * `RATE_LIMITED` and `INTERNAL` (every route). OpenAPI lists their statuses with the error body.
   */
  errors?: readonly ErrorCode[];
  /** Extra OpenAPI operation fields (request body). */
  openapi?: Record<string, unknown>;
  handler: (query: z.infer<Q>, req: Request, res: Response) => Promise<z.input<NoInfer<R>>>;
  /** The response as a table, for `?format=csv|xlsx` (or `Accept: text/csv`) downloads. */
  table?: (body: z.input<NoInfer<R>>, req: Request) => ExportTable;
}

/** A route as the registry keeps it, whatever its schemas. */
export type AnyRouteSpec = RouteSpec<z.ZodType, z.ZodType>;

export class RouteRegistry {
  readonly specs: AnyRouteSpec[] = [];

  add<Q extends z.ZodType, R extends z.ZodType>(spec: RouteSpec<Q, R>): void {
    this.specs.push(spec);
  }

  /**
   * Mounts every route on `router`, validating the query string first; a registered path asked with
   * another method answers 405 with `Allow`.
   */
  mount(router: Router, middleware: Partial<Record<string, RequestHandler[]>> = {}): void {
    const methods = new Map<string, string[]>();
    for (const spec of this.specs) {
      methods.set(spec.path, [...(methods.get(spec.path) ?? []), spec.method.toUpperCase()]);
      const handler: RequestHandler = async (req, res) => {
        const query = spec.query ? parseQuery(spec.query, req.query) : {};
        const format = spec.table ? exportFormat(req) : null;
        const body = await spec.handler(query, req, res);
        if (res.headersSent) return;
        if (format && spec.table) await sendTable(res, spec.table(body, req), format);
        else if (spec.mediaType) res.type(spec.mediaType).send(body);
        else res.json(body);
      };
      router[spec.method](spec.path, ...(middleware[`${spec.method} ${spec.path}`] ?? []), handler);
    }
    for (const [path, allowed] of methods) router.all(path, allowOnly(allowed));
  }
}

/** The error codes a route can answer with (see `RouteSpec.errors`). */
export function errorCodes(spec: AnyRouteSpec): ErrorCode[] {
  const codes = new Set<ErrorCode>(spec.query ? ['INVALID_INPUT'] : []);
  for (const c of spec.errors ?? []) codes.add(c);
  // every route: other methods (405), body limit (413), rate limit (429), Neo4j down (503)
  for (const c of ['METHOD_NOT_ALLOWED', 'TOO_LARGE', 'RATE_LIMITED', 'GRAPH_UNAVAILABLE'] as const)
    codes.add(c);
  if (spec.method !== 'get') {
    // writes: token or same origin, media type, a full ingest queue
    for (const c of ['UNAUTHORIZED', 'FORBIDDEN', 'UNSUPPORTED_MEDIA_TYPE', 'BUSY'] as const) codes.add(c);
  }
  codes.add('INTERNAL');
  return [...codes];
}

function parseQuery<Q extends z.ZodType>(schema: Q, raw: unknown): z.infer<Q> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => ({ parameter: i.path.join('.'), message: i.message }));
  throw new AppError('INVALID_INPUT', `Invalid parameters: ${problems.map((p) => p.parameter).join(', ')}`, {
    problems,
  });
}
