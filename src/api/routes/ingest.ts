import type { RequestHandler } from 'express';
import multer from 'multer';
import type { FileResult } from '../../../ingest/pipeline.ts';
import { AppError } from '../../../core/errors.ts';
import type { AppContext } from '../context.ts';
import { limitBody, requireWriteAccess } from '../guards.ts';
import type { RouteRegistry } from '../registry.ts';
import { IngestResponse } from '../responses.ts';

/** Max files per upload request. */
export const MAX_UPLOAD_FILES = 20;

/** Multer limit codes that mean "too much" (413); any other multer or busboy error is a malformed form (400). */
const TOO_MUCH = new Set([
  'LIMIT_FILE_SIZE',
  'LIMIT_FILE_COUNT',
  'LIMIT_PART_COUNT',
  'LIMIT_FIELD_VALUE',
  'LIMIT_FIELD_COUNT',
]);

/** multer with every limit set; its errors (and busboy's, which carry no status) become 413 or 400. */
function uploadParser(maxFileBytes: number): RequestHandler {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: {
      fileSize: maxFileBytes,
      files: MAX_UPLOAD_FILES,
      fields: 10,
      fieldSize: 64 * 1024,
      fieldNameSize: 100,
      parts: MAX_UPLOAD_FILES + 10,
      headerPairs: 100,
    },
  }).array('files', MAX_UPLOAD_FILES);
  return (req, res, next) => {
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const code = (err as { code?: unknown }).code;
      const reason = typeof code === 'string' ? code : 'MALFORMED_MULTIPART';
      const message = err instanceof Error ? err.message : 'invalid multipart body';
      next(
        TOO_MUCH.has(reason)
          ? new AppError('TOO_LARGE', message, { reason, maxFileBytes, maxFiles: MAX_UPLOAD_FILES })
          : new AppError('INVALID_INPUT', `Malformed upload: ${message}`, { reason }),
      );
    });
  };
}

const requireMultipart: RequestHandler = (req, _res, next) => {
  if (req.is('multipart/form-data')) return next();
  next(new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload files as multipart/form-data in the field "files"'));
};

/**
 * `POST /api/ingest`: multipart upload (field `files`). All files ingested → 200; every file failed →
 * the first file's error status and code with all results in `details`; some failed → 207.
 */
export function registerIngestRoutes(r: RouteRegistry, ctx: AppContext): RequestHandler[] {
  r.add({
    method: 'post',
    path: '/api/ingest',
    tag: 'ingest',
    summary: 'Upload documents (TXT, MD, PDF, DOCX, HTML) as multipart field "files"; per-file results',
    response: IngestResponse,
    statuses: [207],
    errors: [
      'INVALID_INPUT',
      'UNAUTHORIZED',
      'FORBIDDEN',
      'TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE',
      ...FILE_ERRORS,
      'GRAPH_UNAVAILABLE',
    ],
    openapi: {
      requestBody: {
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } },
            },
          },
        },
      },
    },
    handler: async (_q, req, res) => {
      const files = (req.files as Express.Multer.File[] | undefined) ?? [];
      if (files.length === 0) throw new AppError('INVALID_INPUT', 'No file in the field "files"');
      const results = await ctx.ingest(
        files.map((f) => ({ path: f.originalname, name: decodeName(f.originalname), bytes: f.buffer })),
      );
      return respond(results, res);
    },
  });
  const maxRequest = ctx.config.MAX_FILE_BYTES * MAX_UPLOAD_FILES + 1024 * 1024;
  return [
    requireWriteAccess({ token: ctx.config.API_TOKEN, allowedHosts: ctx.config.allowedHosts }),
    limitBody(maxRequest),
    requireMultipart,
    (_req, _res, next) => {
      ctx.admitIngest(1);
      next();
    },
    uploadParser(ctx.config.MAX_FILE_BYTES),
  ];
}

/** Codes a file of an upload can fail with (its status when every file failed). */
const FILE_ERRORS = [
  'UNSUPPORTED_FORMAT',
  'CORRUPT_FILE',
  'ENCRYPTED',
  'NO_TEXT',
  'EMPTY_FILE',
  'BINARY_FILE',
  'UNKNOWN_ENCODING',
  'PARSE_TIMEOUT',
] as const;

function respond(results: FileResult[], res: import('express').Response): IngestResponse {
  const failed = results.filter((x) => x.status === 'failed');
  if (failed.length === results.length && failed.length > 0) {
    const first = failed[0]!.error!;
    throw new AppError(first.code, first.message, { results });
  }
  if (failed.length > 0) res.status(207);
  return { results };
}

/** Multer hands over latin1-decoded names; browsers send UTF-8. */
function decodeName(name: string): string {
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  return utf8.includes('\uFFFD') ? name : utf8.normalize('NFC');
}
