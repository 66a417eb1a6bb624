import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { AppError } from '../../core/errors.ts';
import type { AppContext } from './context.ts';
import { errorMiddleware, notFound, rejectUnknownMethods } from './error-middleware.ts';
import { limitBody, SMALL_BODY_BYTES } from './guards.ts';
import { buildOpenApi } from './openapi.ts';
import { RouteRegistry } from './registry.ts';
import { registerAskRoute, registerCoreRoutes } from './routes/core.ts';
import { registerGraphRoutes } from './routes/graph.ts';
import { registerIngestRoutes } from './routes/ingest.ts';
import { registerImplementerRoutes } from './routes/implementers.ts';
import { registerLineageRoutes } from './routes/lineage.ts';
import { registerMatrixRoutes } from './routes/matrix.ts';
import { registerSavedSearchRoutes } from './routes/saved-searches.ts';

const INGEST_PATH = '/api/ingest';

/**
 * Builds the Express app (no listening): security headers, rate limits, body limits, API routes (405 for
 * other methods on their paths), OpenAPI document, the page, 405 for unknown methods elsewhere, 404 and
 * the one error handler.
 */
export function createApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(securityHeaders());
  app.use(...rateLimits(ctx));
  const small = limitBody(SMALL_BODY_BYTES);
  app.use((req, res, next) => (req.path === INGEST_PATH ? next() : small(req, res, next)));
  app.use(express.json({ limit: SMALL_BODY_BYTES }));
  const registry = new RouteRegistry();
  registerCoreRoutes(registry, ctx);
  registerGraphRoutes(registry, ctx);
  registerAskRoute(registry, ctx);
  registerLineageRoutes(registry, ctx);
  registerImplementerRoutes(registry, ctx);
  registerMatrixRoutes(registry, ctx);
  registerSavedSearchRoutes(registry, ctx);
  const uploadMiddleware = registerIngestRoutes(registry, ctx);
  const router = express.Router();
  const openapi = buildOpenApi(registry, ctx.version);
  router.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  registry.mount(router, { [`post ${INGEST_PATH}`]: uploadMiddleware });
  app.use(router);
  app.use(staticWeb());
  app.use(rejectUnknownMethods);
  app.use(notFound);
  app.use(errorMiddleware(ctx.log));
  return app;
}

/** helmet's headers; the page is served over plain HTTP on a LAN, so no HTTPS upgrade or HSTS. */
function securityHeaders(): RequestHandler {
  return helmet({
    strictTransportSecurity: false,
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  });
}

/** Per-client request rates (RATE_LIMIT_PER_MIN for everything, INGEST_RATE_PER_MIN for uploads); 0 = off. */
function rateLimits(ctx: AppContext): RequestHandler[] {
  const limiter = (limit: number): RequestHandler =>
    rateLimit({
      windowMs: 60_000,
      limit,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: (_req, res, next) => {
        const retryAfter = Number(res.getHeader('Retry-After') ?? 60);
        next(new AppError('RATE_LIMITED', 'Too many requests; try again later', { retryAfter, limit }));
      },
    });
  const out: RequestHandler[] = [];
  if (ctx.config.RATE_LIMIT_PER_MIN > 0) out.push(limiter(ctx.config.RATE_LIMIT_PER_MIN));
  if (ctx.config.INGEST_RATE_PER_MIN > 0) {
    const ingest = limiter(ctx.config.INGEST_RATE_PER_MIN);
    out.push((req, res, next) => (req.path === INGEST_PATH ? ingest(req, res, next) : next()));
  }
  return out;
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
