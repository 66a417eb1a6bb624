/**
 * The CPU-bound part of ingesting one file: parse → check for real text → structure → extract. Runs in the
 * isolated analysis worker (`ingest/isolate/`) for the server; pure apart from the parsers' own workers.
 */
import { FileError } from '../core/errors.ts';
import type { Extraction, ManifestEntry, SourceFile, StructuredDocument } from '../core/types.ts';
import { extract } from './extract/index.ts';
import { parse, type ParseOptions } from './parse/index.ts';
import { contentHash, structure } from './structure/index.ts';

export interface Analysis {
  doc: StructuredDocument;
  extraction: Extraction;
}

/** Fewer letters than this (after parsing) is not a document: `NO_TEXT`. */
export const MIN_TEXT_LETTERS = 40;

/** Letters (any script) in `text`, counted up to `cap`. */
function countLetters(text: string, cap: number): number {
  const letter = /\p{L}/gu;
  let n = 0;
  while (n < cap && letter.test(text)) n++;
  return n;
}

/**
 * The text a document is identified by: NFC, whitespace runs collapsed, trimmed. The same text sent as
 * UTF-8, UTF-16, Windows-1258 or a legacy font encoding gets one identity.
 */
export function identityText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

export async function analyse(
  file: SourceFile,
  opts: { parse: ParseOptions; manifest?: ManifestEntry | undefined },
): Promise<Analysis> {
  const parsed = await parse(file, opts.parse);
  const letters = countLetters(parsed.text, MIN_TEXT_LETTERS);
  if (letters < MIN_TEXT_LETTERS) {
    throw new FileError(
      'NO_TEXT',
      `The file holds too little text to be a document (${letters} letters)`,
      file.name,
      {
        letters,
        minLetters: MIN_TEXT_LETTERS,
      },
    );
  }
  const doc = structure({ parsed, contentHash: contentHash(identityText(parsed.text)) });
  return { doc, extraction: extract(doc, opts.manifest) };
}
