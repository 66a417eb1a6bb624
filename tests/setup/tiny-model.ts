/**
 * Builds a tiny BERT-shaped ONNX model + WordPiece tokenizer on disk, laid out the way transformers.js v2
 * loads a local model (`<dir>/<name>/config.json`, `tokenizer.json`, `tokenizer_config.json`,
 * `onnx/model.onnx` and `onnx/model_quantized.onnx`). The graph is an embedding lookup:
 * `last_hidden_state = (word_emb[input_ids] + type_emb[token_type_ids]) * attention_mask`, so the real
 * feature-extraction pipeline (tokenise → run → mean-pool → normalise) can be tested without a download.
 * The ONNX ModelProto is encoded by hand (protobuf wire format, field numbers from onnx.proto).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TINY_MODEL_NAME = 'tiny-vi-wordpiece';
export const TINY_MODEL_DIM = 24;
const SEED_CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));
const SPECIALS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];

// ---- protobuf wire encoding -------------------------------------------------------------------
type Field = Uint8Array;

function varint(value: number | bigint): number[] {
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}

const int = (field: number, value: number): Field =>
  Uint8Array.from([...varint(field << 3), ...varint(value)]);
function bytes(field: number, payload: Uint8Array): Field {
  return Uint8Array.from([...varint((field << 3) | 2), ...varint(payload.length), ...payload]);
}
const str = (field: number, s: string): Field => bytes(field, new TextEncoder().encode(s));
const msg = (field: number, ...parts: Field[]): Field => bytes(field, concat(parts));

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const FLOAT = 1;
const INT64 = 7;

/** TensorProto: dims=1, data_type=2, name=8, raw_data=9. */
function tensor(name: string, dataType: number, dims: number[], raw: Uint8Array): Field {
  return msg(5, ...dims.map((d) => int(1, d)), int(2, dataType), str(8, name), bytes(9, raw));
}

/** ValueInfoProto with a tensor type whose dims are symbolic names or fixed sizes. */
function valueInfo(field: number, name: string, elemType: number, dims: (string | number)[]): Field {
  const shape = dims.map((d) => msg(1, typeof d === 'string' ? str(2, d) : int(1, d)));
  return msg(field, str(1, name), msg(2, msg(1, int(1, elemType), msg(2, ...shape))));
}

/** NodeProto: input=1, output=2, name=3, op_type=4, attribute=5 (AttributeProto name=1, i=3, type=20). */
function node(op: string, inputs: string[], output: string, intAttrs: Record<string, number> = {}): Field {
  const attrs = Object.entries(intAttrs).map(([k, v]) => msg(5, str(1, k), int(3, v), int(20, 2)));
  return msg(
    1,
    ...inputs.map((i) => str(1, i)),
    str(2, output),
    str(3, `${op}_${output}`),
    str(4, op),
    ...attrs,
  );
}

/** Deterministic embedding values in [-1, 1) from a mulberry32 stream. */
function seededFloats(count: number, seed: number): Float32Array {
  let s = seed >>> 0;
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return out;
}

const le = (a: Float32Array | BigInt64Array): Uint8Array =>
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

export function encodeTinyOnnx(vocabSize: number, dim: number): Uint8Array {
  const word = seededFloats(vocabSize * dim, 1234);
  const type = seededFloats(2 * dim, 99).map((x) => x * 0.05);
  const graph = msg(
    7,
    node('Gather', ['word_embeddings', 'input_ids'], 'word_vectors'),
    node('Gather', ['token_type_embeddings', 'token_type_ids'], 'type_vectors'),
    node('Add', ['word_vectors', 'type_vectors'], 'summed'),
    node('Cast', ['attention_mask'], 'mask_float', { to: FLOAT }),
    node('Unsqueeze', ['mask_float', 'last_axis'], 'mask_3d'),
    node('Mul', ['summed', 'mask_3d'], 'last_hidden_state'),
    str(2, 'tiny_embedding_lookup'),
    tensor('word_embeddings', FLOAT, [vocabSize, dim], le(word)),
    tensor('token_type_embeddings', FLOAT, [2, dim], le(type)),
    tensor('last_axis', INT64, [1], le(BigInt64Array.of(-1n))),
    valueInfo(11, 'input_ids', INT64, ['batch_size', 'sequence_length']),
    valueInfo(11, 'attention_mask', INT64, ['batch_size', 'sequence_length']),
    valueInfo(11, 'token_type_ids', INT64, ['batch_size', 'sequence_length']),
    valueInfo(12, 'last_hidden_state', FLOAT, ['batch_size', 'sequence_length', dim]),
  );
  // ModelProto: ir_version=1, producer_name=2, graph=7, opset_import=8 (domain=1, version=2).
  return concat([int(1, 7), str(2, 'policy-kg-tests'), graph, msg(8, str(1, ''), int(2, 13))]);
}

// ---- tokenizer ------------------------------------------------------------------------------

/** The `count` most frequent syllables of the seed corpus (NFC, lowercase), ties broken by spelling. */
export async function corpusSyllables(count: number, dir = SEED_CORPUS): Promise<string[]> {
  const freq = new Map<string, number>();
  for (const f of (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort()) {
    const text = (await readFile(join(dir, f), 'utf8')).normalize('NFC').toLowerCase();
    for (const w of text.split(/[^\p{L}]+/u)) if (w) freq.set(w, (freq.get(w) ?? 0) + 1);
  }
  return [...freq.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([w]) => w);
}

function tokenizerJson(vocab: string[]): unknown {
  const ids = Object.fromEntries(vocab.map((t, i) => [t, i]));
  const added = SPECIALS.map((content, id) => ({
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  }));
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: added,
    normalizer: {
      type: 'Sequence',
      normalizers: [
        { type: 'NFC' },
        {
          type: 'BertNormalizer',
          clean_text: true,
          handle_chinese_chars: true,
          strip_accents: false,
          lowercase: true,
        },
      ],
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: { type: 'BertProcessing', sep: ['[SEP]', 3], cls: ['[CLS]', 2] },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: ids,
    },
  };
}

/** Writes the tiny model under `dir/<TINY_MODEL_NAME>/` and returns the model name. */
export async function buildTinyModel(dir: string): Promise<string> {
  const syllables = await corpusSyllables(400);
  const letters = [...new Set(syllables.join(''))].sort();
  const vocab = [
    ...SPECIALS,
    ...syllables,
    ...letters.filter((c) => !syllables.includes(c)),
    ...letters.map((c) => `##${c}`),
  ];
  const root = join(dir, TINY_MODEL_NAME);
  await mkdir(join(root, 'onnx'), { recursive: true });
  const config = {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: TINY_MODEL_DIM,
    vocab_size: vocab.length,
    type_vocab_size: 2,
    max_position_embeddings: 128,
    num_hidden_layers: 0,
    num_attention_heads: 1,
    pad_token_id: 0,
  };
  const tokConfig = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    strip_accents: false,
    model_max_length: 128,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
  };
  const onnx = encodeTinyOnnx(vocab.length, TINY_MODEL_DIM);
  await writeFile(join(root, 'config.json'), JSON.stringify(config, null, 2));
  await writeFile(join(root, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab)));
  await writeFile(join(root, 'tokenizer_config.json'), JSON.stringify(tokConfig, null, 2));
  await writeFile(join(root, 'onnx', 'model.onnx'), onnx);
  await writeFile(join(root, 'onnx', 'model_quantized.onnx'), onnx);
  return TINY_MODEL_NAME;
}

// ---- corpus passages for embedder tests -------------------------------------------------------

export const SHARED_DEV_CORPUS = '/work/shared/corpus-dev/';

/** Splits every `.txt` file under the given directories into ~`target`-character passages of whole lines. */
export async function corpusPassages(
  dirs: string[] = [SEED_CORPUS],
  target = 600,
): Promise<{ doc: string; text: string }[]> {
  const out: { doc: string; text: string }[] = [];
  for (const dir of dirs) {
    for (const f of (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort()) {
      const lines = (await readFile(join(dir, f), 'utf8'))
        .split(/\n+/)
        .map((l) => l.trim())
        .filter(Boolean);
      let cur = '';
      for (const line of lines) {
        cur = cur ? `${cur}\n${line}` : line;
        if (cur.length >= target) {
          out.push({ doc: f, text: cur });
          cur = '';
        }
      }
      if (cur) out.push({ doc: f, text: cur });
    }
  }
  return out;
}
