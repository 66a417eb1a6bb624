/** Thin client for the public JSON API: every failure becomes an ApiError with a code and a message. */

export class ApiError extends Error {
  constructor(code, message, status = 0, details = {}) {
    super(message);
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

function query(params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `?${s}` : '';
}

/** GET `/api/<path>` with query params; resolves to the JSON body or throws ApiError. */
export async function get(path, params) {
  let res;
  try {
    res = await fetch(`/api/${path}${query(params)}`, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new ApiError('NETWORK', `Cannot reach the server: ${e instanceof Error ? e.message : String(e)}`);
  }
  let body;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!res.ok || !body) {
    const err = body && body.error ? body.error : {};
    throw new ApiError(
      err.code || `HTTP_${res.status}`,
      err.message || res.statusText || 'Bad response',
      res.status,
      err.details || {},
    );
  }
  return body;
}

const cache = new Map();

/** GET with an in-page cache (for lists that rarely change while the page is open: fields, documents). */
export function cached(path, params) {
  const key = path + query(params);
  if (!cache.has(key)) {
    const p = get(path, params);
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return cache.get(key);
}

export function clearCache() {
  cache.clear();
}

export const enc = (s) => encodeURIComponent(s);

/**
 * Uploads one file to POST /api/ingest with XMLHttpRequest so upload progress can be shown.
 * Resolves to `{ok, status, body}`; rejects only on network failure.
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

/** POST/DELETE `/api/<path>` with a JSON body; resolves to the JSON body (null for 204) or throws ApiError. */
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
  if (res.status === 204) return null;
  const json = await res.json().catch(() => null);
  if (!res.ok || !json) {
    const err = json && json.error ? json.error : {};
    throw new ApiError(
      err.code || `HTTP_${res.status}`,
      err.message || res.statusText,
      res.status,
      err.details || {},
    );
  }
  return json;
}
