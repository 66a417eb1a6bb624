/** Thin client for the public JSON API: every failure becomes an ApiError with a code and a message. */

/**
 * @typedef {import('./api-types.d.ts').Params} Params
 * @typedef {import('./api-types.d.ts').GetPath} GetPath
 */

export class ApiError extends Error {
  /**
   * @param {string} code stable error code (the server's, or NETWORK, ABORTED, HTTP_<status>)
   * @param {string} message
   * @param {number} [status] HTTP status, 0 when the server was not reached
   * @param {Record<string, unknown>} [details]
   */
  constructor(code, message, status = 0, details = {}) {
    super(message);
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/**
 * The `error` of an error body ({error: {code, message, details}}), or an empty one.
 * @param {unknown} body
 * @returns {Partial<import('./api-types.d.ts').ErrorBody['error']>}
 */
function errorOf(body) {
  return body && typeof body === 'object' && 'error' in body && body.error && typeof body.error === 'object'
    ? body.error
    : {};
}

/** @param {Params} [params] */
function query(params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `?${s}` : '';
}

/**
 * GET `/api/<path>` with query params; resolves to the JSON body (typed by the route's response schema)
 * or throws ApiError.
 * @template {GetPath} P
 * @param {P} path
 * @param {Params} [params]
 * @returns {Promise<import('./api-types.d.ts').GetBody<P>>}
 */
export async function get(path, params) {
  let res;
  try {
    res = await fetch(`/api/${path}${query(params)}`, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new ApiError('NETWORK', `Cannot reach the server: ${e instanceof Error ? e.message : String(e)}`);
  }
  /** @type {unknown} the JSON body: the route's schema when ok, the error body otherwise */
  let body;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!res.ok || !body) {
    const err = errorOf(body);
    throw new ApiError(
      err.code || `HTTP_${res.status}`,
      err.message || res.statusText || 'Bad response',
      res.status,
      err.details || {},
    );
  }
  return /** @type {import('./api-types.d.ts').GetBody<P>} */ (body);
}

/** @type {Map<string, Promise<unknown>>} */
const cache = new Map();

/**
 * GET with an in-page cache (for lists that rarely change while the page is open: fields, documents).
 * @template {GetPath} P
 * @param {P} path
 * @param {Params} [params]
 * @returns {Promise<import('./api-types.d.ts').GetBody<P>>}
 */
export function cached(path, params) {
  const key = path + query(params);
  let p = cache.get(key);
  if (!p) {
    p = get(path, params);
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return /** @type {Promise<import('./api-types.d.ts').GetBody<P>>} */ (p);
}

export function clearCache() {
  cache.clear();
}

/** @param {string} s */
export const enc = (s) => encodeURIComponent(s);

/**
 * Uploads one file to POST /api/ingest with XMLHttpRequest so upload progress can be shown.
 * Resolves to `{ok, status, body}` (the ingest response, or the error body); rejects only on network failure.
 * @param {File} file
 * @param {string} token API token ('' when the server needs none)
 * @param {(fraction: number) => void} onProgress
 * @returns {Promise<{ok: boolean, status: number, body: import('./api-types.d.ts').UploadBody}>}
 */
export function upload(file, token, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/ingest');
    xhr.setRequestHeader('Accept', 'application/json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener('load', () => {
      /** @type {import('./api-types.d.ts').UploadBody} */
      let body;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      resolve({ ok: xhr.status >= 200 && xhr.status < 300, status: xhr.status, body });
    });
    xhr.addEventListener('error', () =>
      reject(new ApiError('NETWORK', 'Upload failed: the server could not be reached')),
    );
    xhr.addEventListener('abort', () => reject(new ApiError('ABORTED', 'Upload cancelled')));
    const form = new FormData();
    form.append('files', file, file.name);
    xhr.send(form);
  });
}

/**
 * POST/DELETE `/api/<path>` with a JSON body; resolves to the JSON body (null for 204) or throws ApiError.
 * @template {'POST' | 'DELETE'} M
 * @template {string} P
 * @param {M} method
 * @param {P} path
 * @param {unknown} [body]
 * @returns {Promise<import('./api-types.d.ts').SendBody<M, P>>}
 */
export async function send(method, path, body) {
  let res;
  try {
    res = await fetch(`/api/${path}`, {
      method,
      headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch (e) {
    throw new ApiError('NETWORK', `Cannot reach the server: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (res.status === 204) return /** @type {import('./api-types.d.ts').SendBody<M, P>} */ (null);
  /** @type {unknown} the JSON body: the route's schema when ok, the error body otherwise */
  const json = await res.json().catch(() => null);
  if (!res.ok || !json) {
    const err = errorOf(json);
    throw new ApiError(
      err.code || `HTTP_${res.status}`,
      err.message || res.statusText,
      res.status,
      err.details || {},
    );
  }
  return /** @type {import('./api-types.d.ts').SendBody<M, P>} */ (json);
}
