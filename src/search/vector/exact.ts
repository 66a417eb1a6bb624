/**
 * Brute-force cosine index: exact results, O(n·dim) per query; the right choice for small collections.
 * Files: `vectors.f32` (little-endian Float32, count × dim, rows unit-normalised) and `ids.json`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../core/errors.ts';
import {
  type SearchHit,
  VECTOR_FORMAT_VERSION,
  type VectorIndex,
  type VectorIndexMeta,
  type VectorIndexOptions,
} from './types.ts';

export class ExactIndex implements VectorIndex {
  readonly kind = 'exact' as const;
  readonly model: string;
  readonly dim: number;
  private readonly vectors = new Map<string, Float32Array>();

  constructor(opts: VectorIndexOptions) {
    this.model = opts.model;
    this.dim = opts.dim;
  }

  get size(): number {
    return this.vectors.size;
  }

  add(id: string, v: number[]): void {
    this.vectors.set(id, unit(checkDim(v, this.dim)));
  }

  remove(id: string): void {
    this.vectors.delete(id);
  }

  ids(): string[] {
    return [...this.vectors.keys()];
  }

  has(id: string): boolean {
    return this.vectors.has(id);
  }

  search(q: number[], k: number, filter?: (id: string) => boolean): SearchHit[] {
    const query = unit(checkDim(q, this.dim));
    const hits: SearchHit[] = [];
    for (const [id, v] of this.vectors) {
      if (filter && !filter(id)) continue;
      let dot = 0;
      for (let i = 0; i < v.length; i++) dot += v[i]! * query[i]!;
      hits.push({ id, score: dot });
    }
    hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return hits.slice(0, Math.max(0, k));
  }

  async save(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    const ids = [...this.vectors.keys()];
    const flat = new Float32Array(ids.length * this.dim);
    ids.forEach((id, i) => flat.set(this.vectors.get(id)!, i * this.dim));
    const meta: VectorIndexMeta = {
      formatVersion: VECTOR_FORMAT_VERSION,
      kind: this.kind,
      model: this.model,
      dim: this.dim,
      count: ids.length,
      savedAt: new Date().toISOString(),
    };
    await writeFile(join(dir, 'vectors.f32'), new Uint8Array(flat.buffer));
    await writeFile(join(dir, 'ids.json'), JSON.stringify(ids));
    await writeFile(join(dir, 'meta.json'), JSON.stringify(meta, null, 2));
  }

  static async load(dir: string, meta: VectorIndexMeta): Promise<ExactIndex> {
    const index = new ExactIndex({ model: meta.model, dim: meta.dim });
    const ids = JSON.parse(await readFile(join(dir, 'ids.json'), 'utf8')) as string[];
    const buf = await readFile(join(dir, 'vectors.f32'));
    if (buf.byteLength !== ids.length * meta.dim * 4) {
      throw new AppError('INDEX_MISMATCH', 'vector file size does not match ids.json and meta.json', {
        expected: ids.length * meta.dim * 4,
        found: buf.byteLength,
        hint: 'rebuild the vector index',
      });
    }
    const flat = new Float32Array(buf.byteLength / 4);
    new Uint8Array(flat.buffer).set(buf);
    ids.forEach((id, i) => index.vectors.set(id, flat.slice(i * meta.dim, (i + 1) * meta.dim)));
    return index;
  }
}

export function checkDim(v: number[], dim: number): number[] {
  if (v.length !== dim) {
    throw new AppError('INVALID_INPUT', `vector has ${v.length} dimensions, the index expects ${dim}`, {
      expected: dim,
      found: v.length,
    });
  }
  return v;
}

function unit(v: number[]): Float32Array {
  const out = Float32Array.from(v);
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i] = out[i]! / norm;
  return out;
}
