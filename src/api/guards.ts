/**
 * Request guards: write authorisation (bearer token, else the page's own origin), request size limits.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { AppError } from '../../core/errors.ts';

/** Bodies accepted by routes that take none (JSON is parsed up to this size too). */
export const SMALL_BODY_BYTES = 64 * 1024;

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time comparison of a presented token with the configured one (hashes have equal length). */
export function tokenMatches(presented: string, token: string): boolean {
  return timingSafeEqual(digest(presented), digest(token));
}

/** Host names that only this machine can reach. */
function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/gu, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/u.test(h);
}

export interface WriteGuardOptions {
  /** API_TOKEN; when set, writes need `Authorization: Bearer <token>` and nothing else. */
  token: string | undefined;
  /** Host names (besides loopback and the bind address) the page may be served under, lower case. */
  allowedHosts: readonly string[];
}

/**
 * Writes: with a token, a matching bearer token. Without one, only the page's own origin: the browser's
 * `Origin` (or `Sec-Fetch-Site: same-origin`) must match the `Host` the request was sent to, and that
 * host must be loopback, the bind address or listed in ALLOWED_HOSTS (so a DNS-rebinding page is
 * refused too). Requests without either header (curl, another site's form) are refused.
 */
export function requireWriteAccess(opts: WriteGuardOptions): RequestHandler {
  return (req, _res, next) => {
    if (opts.token) {
      const header = req.get('authorization') ?? '';
      const presented = header.startsWith('Bearer ') ? header.slice(7) : '';
      if (presented && tokenMatches(presented, opts.token)) return next();
      return next(new AppError('UNAUTHORIZED', 'This operation needs Authorization: Bearer <API_TOKEN>'));
    }
    const problem = sameOriginProblem(req, opts.allowedHosts);
    if (!problem) return next();
    next(
      new AppError(
        'FORBIDDEN',
        'Uploads without API_TOKEN are only accepted from the web page itself; set API_TOKEN for other clients',
        { reason: problem },
      ),
    );
  };
}

function sameOriginProblem(req: Request, allowedHosts: readonly string[]): string | null {
  const host = (req.get('host') ?? '').toLowerCase();
  const hostname = host.replace(/:\d+$/u, '');
  if (!host) return 'no Host header';
  if (!isLoopbackHost(hostname) && !allowedHosts.includes(hostname)) return `host ${hostname} not allowed`;
  const origin = req.get('origin');
  if (origin !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return 'malformed Origin';
    }
    return parsed.host.toLowerCase() === host ? null : 'cross-origin request';
  }
  return req.get('sec-fetch-site') === 'same-origin' ? null : 'no Origin header';
}

/** Refuses a declared body larger than `maxBytes` (413) before anything reads it. */
export function limitBody(maxBytes: number): RequestHandler {
  return (req, _res, next) => {
    const declared = Number(req.get('content-length') ?? 0);
    if (Number.isFinite(declared) && declared > maxBytes) {
      return next(
        new AppError('TOO_LARGE', `The request body is larger than ${maxBytes} bytes`, {
          size: declared,
          maxBytes,
        }),
      );
    }
    next();
  };
}
