/**
 * Typed errors with stable codes. The API error middleware maps `code` to an HTTP status and the body
 * `{ error: { code, message, details } }`; tests assert codes, never message text.
 */

export const ERROR_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNSUPPORTED_FORMAT: 422,
  CORRUPT_FILE: 422,
  ENCRYPTED: 422,
  NO_TEXT: 422,
  EMPTY_FILE: 422,
  BINARY_FILE: 422,
  UNKNOWN_ENCODING: 422,
  PARSE_TIMEOUT: 422,
  RATE_LIMITED: 429,
  BUSY: 429,
  INDEX_MISMATCH: 409,
  MODEL_UNAVAILABLE: 503,
  GRAPH_UNAVAILABLE: 503,
  NEO4J_LAUNCH_FAILED: 503,
  CONFIG_INVALID: 500,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Errors about one input file; the batch reports them and goes on with the other files. */
export class FileError extends AppError {
  constructor(code: ErrorCode, message: string, file: string, details: Record<string, unknown> = {}) {
    super(code, message, { file, ...details });
    this.name = 'FileError';
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** Wraps anything thrown into an AppError, keeping AppErrors as they are. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new AppError('INTERNAL', message, {}, { cause: err });
}
