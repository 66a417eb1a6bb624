import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { allowOnly } from './error-middleware.ts';
import { exportFormat, sendTable } from './export/respond.ts';
import type { ExportTable } from './export/write.ts';

/** One API route: its zod query schema is both the validator and the OpenAPI description. */
export interface RouteSpec<Q extends z.ZodType> {
  method: 'get' | 'post' | 'delete';
  path: string;
  summary: string;
  tag: string;
  query?: Q;
  /** Path parameters documented in OpenAPI (express syntax `:id`). */
  params?: string[];
  /** Extra OpenAPI operation fields (request body, responses). */
  openapi?: Record<string, unknown>;
  handler: (query: z.infer<Q>, req: Request, res: Response) => Promise<unknown>;
  /** The response as a table, for `?format=csv|xlsx` (or `Accept: text/csv`) downloads. */
  table?: (body: unknown, req: Request) => ExportTable;
}

export class RouteRegistry {
  readonly specs: RouteSpec<z.ZodType>[] = [];

  add<Q extends z.ZodType>(spec: RouteSpec<Q>): void {
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
        else res.json(body);
      };
      router[spec.method](spec.path, ...(middleware[`${spec.method} ${spec.path}`] ?? []), handler);
    }
    for (const [path, allowed] of methods) router.all(path, allowOnly(allowed));
  }
}

function parseQuery<Q extends z.ZodType>(schema: Q, raw: unknown): z.infer<Q> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => ({ parameter: i.path.join('.'), message: i.message }));
  throw new AppError('INVALID_INPUT', `Invalid parameters: ${problems.map((p) => p.parameter).join(', ')}`, {
    problems,
  });
}
