/**
 * Golden-file support for metadata and reference extraction: loading a corpus file as a
 * StructuredDocument, reading `*.refs.json` goldens, and field-by-field comparison with precision/recall
 * counts. Used by the unit tests and by `scripts/eval-extraction-refs.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path, { basename, join } from 'node:path';
import { contentHash, structure } from '../../ingest/structure/index.ts';
import { withPlainSpaces } from '../../ingest/parse/index.ts';
import { decodeDocumentText } from '../../ingest/parse/text.ts';
import type { DocumentMeta, LegalReference, ManifestEntry, StructuredDocument } from '../../core/types.ts';
import { numberKey } from '../../core/vocab/docnumber.ts';
import type { RelationType } from '../../core/vocab/relations.ts';
import { extractMeta } from '../../ingest/extract/meta/index.ts';
import { extractReferences } from '../../ingest/extract/references/index.ts';
import { fold } from '../../core/text/text-util.ts';

export const META_FIELDS = [
  'type',
  'number',
  'issuer',
  'locality',
  'province',
  'date',
  'signer',
  'signerPosition',
  'effectiveDate',
  'status',
] as const;
export type MetaField = (typeof META_FIELDS)[number];

export interface GoldenRef {
  number: string;
  type: string | null;
  relation: RelationType;
}

export interface Golden {
  file: string;
  meta: Record<MetaField, string | null>;
  references: GoldenRef[];
}

export interface GoldenCase {
  golden: Golden;
  /** Path of the source text. */
  source: string;
  manifest?: ManifestEntry;
}

/** Reads a text file the way the text parser does (decoding, legacy fonts, NFC, plain spaces) and runs the structure stage. */
export function loadDoc(path: string): StructuredDocument {
  const bytes = readFileSync(path);
  const { text, warnings } = decodeDocumentText({ path, name: basename(path), bytes });
  return structure({
    parsed: withPlainSpaces({ file: basename(path), format: 'text', text, warnings }),
    contentHash: contentHash(bytes),
  });
}

export function readManifest(dir: string): ManifestEntry[] {
  const raw = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { documents: ManifestEntry[] };
  return raw.documents;
}

const CORPUS_DEV = path.resolve('..', 'shared', 'corpus-dev');

/** Dev goldens of metadata and relations: the seeds (corpus/golden) and tests/golden/dev. */
export function devRefGoldens(): GoldenCase[] {
  return [...loadGoldens('corpus/golden', 'corpus'), ...loadGoldens('tests/golden/dev', CORPUS_DEV)];
}

/** Sealed held-out goldens: evaluated only, their errors never read (tests/golden/README.md). */
export function heldoutRefGoldens(): GoldenCase[] {
  return loadGoldens('tests/golden/heldout', CORPUS_DEV);
}

/** The opened half of the held-out split: evaluated apart, errors may be read (tests/golden/README.md). */
export function openedRefGoldens(): GoldenCase[] {
  return loadGoldens('tests/golden/opened', CORPUS_DEV);
}

/** Golden cases of a directory of `*.refs.json` whose sources live in `sourceDir`. */
export function loadGoldens(goldenDir: string, sourceDir: string): GoldenCase[] {
  const manifest = readManifest(sourceDir);
  return readdirSync(goldenDir)
    .filter((f) => f.endsWith('.refs.json'))
    .sort()
    .map((f) => {
      const golden = JSON.parse(readFileSync(join(goldenDir, f), 'utf8')) as Golden;
      return {
        golden,
        source: join(sourceDir, golden.file),
        manifest: manifest.find((m) => m.file === golden.file),
      };
    });
}

export interface Extracted {
  meta: DocumentMeta;
  references: LegalReference[];
}

export function runCase(c: GoldenCase): Extracted {
  const doc = loadDoc(c.source);
  const meta = extractMeta(doc, c.manifest);
  return { meta, references: extractReferences(doc, meta) };
}

/** Comparison form of a metadata value: folded, whitespace-collapsed; numbers by `numberKey`. */
export function metaValue(field: MetaField, v: string | null): string | null {
  if (v === null) return null;
  return field === 'number' ? numberKey(v) : fold(v).replace(/\s+/g, ' ').trim();
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export function emptyCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0 };
}

/** Set comparison of string keys, adding to `c`; returns the missing and spurious keys. */
export function compareSets(
  expected: string[],
  actual: string[],
  c: Counts,
): { missing: string[]; extra: string[] } {
  const e = new Set(expected);
  const a = new Set(actual);
  const missing = [...e].filter((k) => !a.has(k));
  const extra = [...a].filter((k) => !e.has(k));
  c.tp += e.size - missing.length;
  c.fn += missing.length;
  c.fp += extra.length;
  return { missing, extra };
}

/** Reference identity for comparison within one document: number key. */
export function refKeys(refs: readonly { number: string }[]): string[] {
  return refs.map((r) => numberKey(r.number));
}

export function implementsKeys(refs: readonly { number: string; relation: string }[]): string[] {
  return refKeys(refs.filter((r) => r.relation === 'IMPLEMENTS'));
}

/** Typed relation facts: number key + relation, so a wrong relation counts as a miss and a false hit. */
export function relationKeys(refs: readonly { number: string; relation: string }[]): string[] {
  return refs.map((r) => `${numberKey(r.number)}|${r.relation}`);
}

/** Relation facts of one type. */
export function relationKeysOf(
  refs: readonly { number: string; relation: string }[],
  type: RelationType,
): string[] {
  return refKeys(refs.filter((r) => r.relation === type));
}

/** "type" facts: number key + type, so a wrong type counts as a miss and a false hit. */
export function typedKeys(refs: readonly { number: string; type: string | null }[]): string[] {
  return refs.map((r) => `${numberKey(r.number)}|${r.type ?? '-'}`);
}

export function precision(c: Counts): number {
  return c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
}

export function recall(c: Counts): number {
  return c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
}
