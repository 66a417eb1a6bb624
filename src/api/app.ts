import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import type { AppContext } from './context.ts';
import { errorMiddleware, notFound } from './error-middleware.ts';
import { buildOpenApi } from './openapi.ts';
import { RouteRegistry } from './registry.ts';
import { registerAskRoute, registerCoreRoutes } from './routes/core.ts';
import { registerGraphRoutes } from './routes/graph.ts';
import { registerIngestRoutes } from './routes/ingest.ts';
import { registerLineageRoutes } from './routes/lineage.ts';

/** Builds the Express app (no listening): API routes, OpenAPI document, 404 and the one error handler. */
export function createApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(express.json({ limit: '1mb' }));
  const registry = new RouteRegistry();
  registerCoreRoutes(registry, ctx);
  registerGraphRoutes(registry, ctx);
  registerAskRoute(registry, ctx);
  registerLineageRoutes(registry, ctx);
  const uploadMiddleware = registerIngestRoutes(registry, ctx);
  const router = express.Router();
  registry.mount(router, { 'post /api/ingest': uploadMiddleware });
  const openapi = buildOpenApi(registry, ctx.version);
  router.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.use(router);
  app.use(staticWeb());
  app.use(notFound);
  app.use(errorMiddleware(ctx.log));
  return app;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The web page (plain ES modules, no build step) and its vendored libraries from node_modules. */
function staticWeb(): express.Router {
  const web = express.Router();
  web.get('/vendor/cytoscape.esm.mjs', (_req, res) => {
    res
      .type('text/javascript')
      .sendFile(path.join(ROOT, 'node_modules/cytoscape/dist/cytoscape.esm.min.mjs'));
  });
  web.use(express.static(path.join(ROOT, 'src/web'), { index: 'index.html', maxAge: '1h' }));
  return web;
}
