import { createHash } from 'node:crypto';
import type { ParsedDocument, StructuredDocument } from '../../core/types.ts';
import { buildPassages, DEFAULT_PASSAGE_OPTIONS, type PassageOptions } from './passages.ts';
import { buildSections } from './tree.ts';

export { buildSections, splitLines } from './tree.ts';
export { buildPassages, pageAt, DEFAULT_PASSAGE_OPTIONS, type PassageOptions } from './passages.ts';
export { matchMarker, isTableLine } from './markers.ts';

/** Content hash of the source bytes: the document's identity (first 16 hex chars of sha256). */
export function contentHash(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function documentIdFor(hash: string): string {
  return hash.slice(0, 16);
}

export interface StructureInput {
  parsed: ParsedDocument;
  /** sha256 hex of the source bytes. */
  contentHash: string;
  options?: PassageOptions;
  /** Document id to build under (a file merged into a stored document); by default from the hash. */
  id?: string;
}

/**
 * Structure stage: section tree following the document's own numbering, and retrieval passages with
 * character offsets (and pages when the parser knew them).
 */
export function structure(input: StructureInput): StructuredDocument {
  const id = input.id ?? documentIdFor(input.contentHash);
  const { text } = input.parsed;
  const sections = buildSections(id, text);
  const passages = buildPassages(
    id,
    text,
    sections,
    input.parsed.pages,
    input.options ?? DEFAULT_PASSAGE_OPTIONS,
  );
  if (input.parsed.ocrConfidence !== undefined) {
    for (const p of passages) p.ocrConfidence = input.parsed.ocrConfidence;
  }
  return { id, contentHash: input.contentHash, parsed: input.parsed, sections, passages };
}
