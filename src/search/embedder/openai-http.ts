/**
 * The transport of the OpenAI-compatible embedder: one `POST …/embeddings` with a timeout, bounded retries
 * on transient failures (network error, timeout, 408, 429, 5xx; `Retry-After` honoured up to a cap), the
 * response checked with zod, and every failure turned into AppError MODEL_UNAVAILABLE naming the endpoint,
 * the reason, the HTTP status and a hint. The API key is sent, never logged nor put in error details.
 */
import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';

export interface EmbeddingsEndpoint {
  /** Full URL of the embeddings route. */
  url: string;
  /** `url` without credentials or query, for messages. */
  safeUrl: string;
  apiKey?: string;
  timeoutMs: number;
  /** Retries after the first attempt, for transient failures only. */
  retries: number;
}

export interface EmbeddingsRequest {
  model: string;
  input: string[];
  input_type?: 'query' | 'passage';
  encoding_format: 'float';
}

const ResponseSchema = z.object({
  data: z.array(
    z.object({
      index: z.number().int().nonnegative(),
      embedding: z.union([z.array(z.number()), z.string()]),
    }),
  ),
  model: z.string().optional(),
});
export type EmbeddingsResponse = z.infer<typeof ResponseSchema>;

/** Why a request failed, in `details.reason` of the error. */
export type FailureReason = 'unreachable' | 'timeout' | 'http-status' | 'bad-response';

type Attempt =
  { ok: true; value: EmbeddingsResponse } | { ok: false; retry: boolean; waitMs?: number; error: AppError };

const BACKOFF_MS = 250;
const MAX_WAIT_MS = 10_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `http://h:8080/v1` → `http://h:8080/v1/embeddings`; a URL already ending in `/embeddings` is kept. */
export function embeddingsUrl(base: string): string {
  const u = new URL(base);
  if (!/\/embeddings\/?$/.test(u.pathname)) u.pathname = `${u.pathname.replace(/\/+$/, '')}/embeddings`;
  return u.toString();
}

/** The URL without user, password, query or fragment. */
export function safeUrl(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

export function endpointError(
  ep: EmbeddingsEndpoint,
  reason: FailureReason,
  problem: string,
  details: Record<string, unknown> = {},
  cause?: unknown,
): AppError {
  return new AppError(
    'MODEL_UNAVAILABLE',
    `embeddings endpoint ${ep.safeUrl}: ${problem}`,
    { url: ep.safeUrl, reason, ...details },
    cause === undefined ? undefined : { cause },
  );
}

/** Posts one request, retrying transient failures up to `ep.retries` times with exponential backoff. */
export async function postEmbeddings(
  ep: EmbeddingsEndpoint,
  body: EmbeddingsRequest,
): Promise<EmbeddingsResponse> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptOnce(ep, body);
    if (outcome.ok) return outcome.value;
    if (!outcome.retry || attempt > ep.retries) {
      outcome.error.details.attempts = attempt;
      throw outcome.error;
    }
    await sleep(outcome.waitMs ?? BACKOFF_MS * 2 ** (attempt - 1));
  }
}

async function attemptOnce(ep: EmbeddingsEndpoint, body: EmbeddingsRequest): Promise<Attempt> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (ep.apiKey) headers.authorization = `Bearer ${ep.apiKey}`;
  let res: Response;
  try {
    res = await fetch(ep.url, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(ep.timeoutMs),
    });
  } catch (err) {
    return { ok: false, retry: true, error: networkError(ep, err) };
  }
  if (!res.ok) return statusFailure(ep, res);
  let json: unknown;
  try {
    json = await res.json();
  } catch (err) {
    const timedOut = isTimeout(err);
    const problem = timedOut ? `no complete answer within ${ep.timeoutMs} ms` : 'the answer is not JSON';
    return {
      ok: false,
      retry: timedOut,
      error: endpointError(ep, timedOut ? 'timeout' : 'bad-response', problem),
    };
  }
  const parsed = ResponseSchema.safeParse(json);
  if (!parsed.success) {
    const problem = 'the answer is not an embeddings list ({ data: [{ index, embedding }] })';
    return { ok: false, retry: false, error: endpointError(ep, 'bad-response', problem) };
  }
  return { ok: true, value: parsed.data };
}

function isTimeout(err: unknown): boolean {
  return err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
}

function networkError(ep: EmbeddingsEndpoint, err: unknown): AppError {
  if (isTimeout(err)) return endpointError(ep, 'timeout', `no answer within ${ep.timeoutMs} ms`, {}, err);
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
  return endpointError(ep, 'unreachable', `cannot connect (${cause})`, {
    hint: 'is the embeddings server running? Check EMBEDDINGS_URL',
  });
}

async function statusFailure(ep: EmbeddingsEndpoint, res: Response): Promise<Attempt> {
  const text = await res.text().catch(() => '');
  const status = res.status;
  const retry = status === 408 || status === 429 || status >= 500;
  const error = endpointError(ep, 'http-status', `HTTP ${status}${serverMessage(text)}`, {
    status,
    ...(statusHint(status) ? { hint: statusHint(status) } : {}),
  });
  return { ok: false, retry, error, ...retryAfter(res) };
}

function serverMessage(body: string): string {
  let msg = body;
  try {
    const j = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    const m = typeof j.error === 'string' ? j.error : (j.error?.message ?? j.message);
    if (typeof m === 'string') msg = m;
  } catch {
    // not JSON: keep the text
  }
  msg = msg.replace(/\s+/g, ' ').trim().slice(0, 300);
  return msg ? ` (${msg})` : '';
}

function statusHint(status: number): string | null {
  if (status === 401 || status === 403) return 'check EMBEDDINGS_API_KEY';
  if (status === 404)
    return 'check EMBEDDINGS_URL (the API base, e.g. http://127.0.0.1:8080/v1) and EMBEDDINGS_MODEL';
  if (status === 400 || status === 422) return 'check EMBEDDINGS_MODEL and EMBEDDINGS_INPUT_TYPE';
  return null;
}

function retryAfter(res: Response): { waitMs?: number } {
  const seconds = Number(res.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? { waitMs: Math.min(seconds * 1000, MAX_WAIT_MS) } : {};
}
