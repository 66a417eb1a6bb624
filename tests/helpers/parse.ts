import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parse, type ParseOptions } from '../../ingest/parse/index.ts';
import type { ParsedDocument } from '../../core/types.ts';

/** Parse options of the parser tests; each test overrides what it exercises. */
export const TEST_PARSE_OPTIONS: ParseOptions = { maxBytes: 50_000_000, timeoutMs: 120_000, ocr: 'off' };

/** Parses a file from disk as an upload named after it. */
export async function parseFile(
  path: string,
  opts: Partial<ParseOptions> = {},
  name = basename(path),
): Promise<ParsedDocument> {
  return parse({ path, name, bytes: await readFile(path) }, { ...TEST_PARSE_OPTIONS, ...opts });
}

/** The stable error code a promise rejects with, or undefined when it resolves. */
export async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code;
  }
}
