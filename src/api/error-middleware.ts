import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, toAppError, type ErrorCode } from '../../core/errors.ts';

/** HTTP methods the service answers at all; anything else (TRACE, PROPFIND, …) is 405 on every path. */
export const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'OPTIONS']);

export const notFound: RequestHandler = (req, _res, next) => {
  next(
    new AppError('NOT_FOUND', `No route ${req.method} ${req.path}`, { method: req.method, path: req.path }),
  );
};

/** TRACE, CONNECT and unknown methods → 405 before any routing. */
export const rejectUnknownMethods: RequestHandler = (req, res, next) => {
  if (KNOWN_METHODS.has(req.method)) return next();
  res.set('Allow', [...KNOWN_METHODS].join(', '));
  next(methodNotAllowed(req.method, [...KNOWN_METHODS]));
};

/** A route that exists under other methods: 405 with `Allow`. */
export function allowOnly(methods: string[]): RequestHandler {
  const allowed = [...new Set(methods.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])))];
  return (req, res, next) => {
    if (req.method === 'OPTIONS') {
      res
        .set('Allow', [...allowed, 'OPTIONS'].join(', '))
        .status(204)
        .end();
      return;
    }
    res.set('Allow', allowed.join(', '));
    next(methodNotAllowed(req.method, allowed));
  };
}

function methodNotAllowed(method: string, allowed: string[]): AppError {
  return new AppError('METHOD_NOT_ALLOWED', `Method ${method} is not allowed here`, { method, allowed });
}

/** Codes for the 4xx statuses raised by Express, body-parser, multer and the router. */
const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'INVALID_INPUT',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'TOO_LARGE',
  414: 'TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

interface HttpLikeError {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  code?: unknown;
  message?: unknown;
  expose?: unknown;
}

/**
 * An error thrown by the framework or a middleware that carries a 4xx status of its own (http-errors:
 * bad percent-encoding, bad gzip, unsupported encoding, body too large) keeps that status; its code comes
 * from the table above.
 */
export function fromHttpError(err: unknown): { status: number; error: AppError } | null {
  if (!err || typeof err !== 'object' || err instanceof AppError) return null;
  const e = err as HttpLikeError;
  const status =
    typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 0;
  if (status < 400 || status > 499) return null;
  const code = STATUS_CODES[status] ?? 'INVALID_INPUT';
  const message = typeof e.message === 'string' && e.expose !== false ? e.message : `HTTP ${status}`;
  const details: Record<string, unknown> = {};
  if (typeof e.type === 'string') details.reason = e.type;
  else if (typeof e.code === 'string') details.reason = e.code;
  return { status, error: new AppError(code, message, details) };
}

/** The one error handler: typed errors → status + `{error: {code, message, details}}`. */
export function errorMiddleware(log: (line: string) => void): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const http = fromHttpError(err);
    const e = http?.error ?? toAppError(err);
    const status = http?.status ?? e.status;
    if (status >= 500) {
      const stack = e.code === 'INTERNAL' && err instanceof Error ? ` ${err.stack ?? ''}` : '';
      log(`error ${e.code} on ${req.method} ${req.path}: ${e.message}${stack}`);
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    const retryAfter = e.details.retryAfter;
    if ((status === 429 || status === 503) && typeof retryAfter === 'number') {
      res.set('Retry-After', String(Math.ceil(retryAfter)));
    }
    const message = e.code === 'INTERNAL' ? 'Internal server error' : e.message;
    res.status(status).json({ error: { code: e.code, message, details: e.details } });
  };
}
