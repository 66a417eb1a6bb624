/**
 * Synthetic benchmark corpus built from the real passages of the seeds and the dev corpus (parsed and
 * structured by the ingest stages). Each synthetic passage starts from a real passage, swaps some of
 * its sentences for sentences of another passage of the same document, shuffles them and appends a
 * numeric suffix, so the texts keep the real vocabulary and length but are not exact duplicates.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from '../../ingest/parse/index.ts';
import { contentHash, structure } from '../../ingest/structure/index.ts';
import { seedAndDevFiles } from '../eval/runtime.ts';

/** How the bench parses the real documents (text files: no OCR). */
export const BENCH_PARSE = { maxBytes: 50 * 1024 * 1024, timeoutMs: 120_000, ocr: 'off' as const };

export interface BenchPassage {
  id: string;
  /** Source document file name. */
  file: string;
  text: string;
}

/** Deterministic PRNG (mulberry32) so every run builds the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Real passages of the seeds and dev documents: section path + text, as the search indexes them. */
export async function realPassages(): Promise<BenchPassage[]> {
  const out: BenchPassage[] = [];
  for (const p of seedAndDevFiles()) {
    const bytes = await readFile(p);
    const file = path.basename(p);
    const parsed = await parse({ path: p, name: file, bytes }, BENCH_PARSE);
    const doc = structure({ parsed, contentHash: contentHash(bytes) });
    for (const passage of doc.passages) {
      const text = `${passage.sectionPath}\n${passage.text}`.trim();
      if (text.length >= 40) out.push({ id: passage.id, file, text });
    }
  }
  return out;
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.;:!?])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function shuffle<T>(items: T[], rand: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** `count` synthetic passages varied from `real` (see the file comment). */
export function syntheticCorpus(real: BenchPassage[], count: number, seed = 7): BenchPassage[] {
  return [...syntheticPassages(real, count, seed)];
}

/** The passages of `syntheticCorpus` one at a time, so a large corpus need not be held in memory. */
export function* syntheticPassages(real: BenchPassage[], count: number, seed = 7): Generator<BenchPassage> {
  const rand = rng(seed);
  const byFile = new Map<string, string[][]>();
  const split = real.map((p) => sentences(p.text));
  real.forEach((p, i) => byFile.set(p.file, [...(byFile.get(p.file) ?? []), split[i]!]));
  for (let i = 0; i < count; i++) {
    const base = real[i % real.length]!;
    const own = split[i % real.length]!;
    const siblings = byFile.get(base.file)!;
    const other = siblings[Math.floor(rand() * siblings.length)]!;
    const mixed = own.map((s) =>
      rand() < 0.3 && other.length > 0 ? other[Math.floor(rand() * other.length)]! : s,
    );
    const text = `${shuffle(mixed, rand).join(' ')} (${i})`;
    yield { id: `b${i}`, file: base.file, text };
  }
}

/** Query texts drawn from the corpus: 3–8 consecutive words of random passages, some with diacritics removed. */
export function sampleQueries(corpus: BenchPassage[], count: number, seed = 11): string[] {
  const rand = rng(seed);
  const out: string[] = [];
  while (out.length < count) {
    const words = corpus[Math.floor(rand() * corpus.length)]!.text.split(/\s+/).filter((w) =>
      /\p{L}/u.test(w),
    );
    if (words.length < 8) continue;
    const len = 3 + Math.floor(rand() * 6);
    const start = Math.floor(rand() * (words.length - len));
    const q = words.slice(start, start + len).join(' ');
    out.push(rand() < 0.3 ? q.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd') : q);
  }
  return out;
}
