import express, { type Express } from 'express';
import type { AppContext } from './context.ts';
import { errorMiddleware, notFound } from './error-middleware.ts';
import { buildOpenApi } from './openapi.ts';
import { RouteRegistry } from './registry.ts';
import { registerCoreRoutes } from './routes/core.ts';
import { registerGraphRoutes } from './routes/graph.ts';

/** Builds the Express app (no listening): API routes, OpenAPI document, 404 and the one error handler. */
export function createApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(express.json({ limit: '1mb' }));
  const registry = new RouteRegistry();
  registerCoreRoutes(registry, ctx);
  registerGraphRoutes(registry, ctx);
  const router = express.Router();
  registry.mount(router);
  const openapi = buildOpenApi(registry, ctx.version);
  router.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.use(router);
  app.use(notFound);
  app.use(errorMiddleware(ctx.log));
  return app;
}
