import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, toAppError } from '../../core/errors.ts';

export const notFound: RequestHandler = (req, _res, next) => {
  next(
    new AppError('NOT_FOUND', `No route ${req.method} ${req.path}`, { method: req.method, path: req.path }),
  );
};

/** The one error handler: typed errors → status + `{error: {code, message, details}}`. */
export function errorMiddleware(log: (line: string) => void): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    const e = fromHttpError(err) ?? toAppError(err);
    if (e.status >= 500) log(`error ${e.code}: ${e.message}`);
    res.status(e.status).json({ error: { code: e.code, message: e.message, details: e.details } });
  };
}

/** Errors raised by express/body-parser/multer carry a status or a code of their own. */
function fromHttpError(err: unknown): AppError | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as { status?: number; type?: string; code?: string; message?: string };
  if (e.type === 'entity.too.large' || e.code === 'LIMIT_FILE_SIZE') {
    return new AppError('TOO_LARGE', e.message ?? 'Request too large');
  }
  if (e.type === 'entity.parse.failed') return new AppError('INVALID_INPUT', 'Malformed JSON body');
  if (typeof e.code === 'string' && e.code.startsWith('LIMIT_')) {
    return new AppError('INVALID_INPUT', e.message ?? 'Invalid upload', { reason: e.code });
  }
  if (e.status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', e.message ?? 'Unsupported media type');
  return null;
}
