import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { GraphConnection } from '../graph/connection.ts';
import { writeDocument, type WriteStatus } from '../graph/writer.ts';
import { toAppError, type ErrorCode } from '../core/errors.ts';
import { numberKey, referenceKey } from '../core/vocab/docnumber.ts';
import { analyse, type Analysis } from './analyse.ts';
import { extract } from './extract/index.ts';
import type { ParseOptions } from './parse/index.ts';
import { KeyedLock } from './queue.ts';
import { structure } from './structure/index.ts';
import type { ManifestEntry, SourceFile } from '../core/types.ts';

export interface IngestOptions {
  parse: ParseOptions;
  /** Source metadata by file name (corpus/manifest.json); fills only what the text lacks. */
  manifest: ReadonlyMap<string, ManifestEntry>;
  /** Called after each file with the number done so far. */
  onProgress?: (done: number, total: number, result: FileResult) => void;
  /** Where parse/structure/extract run; in this thread when omitted (the server passes its isolated worker). */
  analyse?: (file: SourceFile, parse: ParseOptions, manifest?: ManifestEntry) => Promise<Analysis>;
}

/** Writes of one identity (file name, document number) never overlap, whoever calls. */
const writeLock = new KeyedLock();

export interface FileResult {
  file: string;
  status: WriteStatus | 'failed';
  documentId?: string;
  replaced?: string[];
  /** With status `merged`: the stored document this file is another version or format of. */
  mergedInto?: string;
  counts?: { sections: number; passages: number; tasks: number; targets: number; references: number };
  error?: { code: ErrorCode; message: string };
}

/** File names the ingest accepts in a folder; anything else in a folder is ignored (named files are tried). */
export const INGESTIBLE = /\.(txt|md|markdown|pdf|docx|html?)$/i;

/** A file analysed and ready to write, or its failure. */
type Prepared = { file: SourceFile; analysis: Analysis } | { failed: FileResult };

const failure = (name: string, err: unknown): FileResult => {
  const e = toAppError(err);
  return { file: name, status: 'failed', error: { code: e.code, message: e.message } };
};

/** Parse → structure → extract of one file (in the worker when the options give one). Never throws. */
async function prepare(file: SourceFile, opts: IngestOptions): Promise<Prepared> {
  try {
    const manifest = opts.manifest.get(file.name);
    const analysis = opts.analyse
      ? await opts.analyse(file, opts.parse, manifest)
      : await analyse(file, { parse: opts.parse, manifest });
    return { file, analysis };
  } catch (err) {
    return { failed: failure(file.name, err) };
  }
}

/** Writes an analysed file (one transaction). Never throws: a failure leaves everything stored as it was. */
async function write(conn: GraphConnection, prepared: Prepared, opts: IngestOptions): Promise<FileResult> {
  if ('failed' in prepared) return prepared.failed;
  const { file } = prepared;
  const { doc, extraction } = prepared.analysis;
  try {
    const manifest = opts.manifest.get(file.name);
    // Re-keying (the writer found this document under another id) re-runs structure and extract here.
    const rekey = (id: string) => {
      const again = structure({ parsed: doc.parsed, contentHash: doc.contentHash, id });
      return { doc: again, extraction: extract(again, manifest) };
    };
    const { number, locality } = extraction.meta;
    const identity = number
      ? { key: referenceKey(number, locality), number, numberKey: numberKey(number) }
      : null;
    // the same text under two names at once: the second write must see the first (and stay `unchanged`)
    const keys = [
      `file:${file.name}`,
      `content:${doc.contentHash}`,
      ...(identity ? [`number:${identity.key}`] : []),
    ];
    const written = await writeLock.with(keys, () =>
      writeDocument(conn, { doc, extraction, file: file.name, identity, rekey }),
    );
    return {
      file: file.name,
      status: written.status,
      documentId: written.documentId,
      replaced: written.replaced,
      ...(written.mergedInto ? { mergedInto: written.mergedInto } : {}),
      counts: {
        sections: doc.sections.length,
        passages: doc.passages.length,
        tasks: extraction.tasks.length,
        targets: extraction.targets.length,
        references: extraction.references.length,
      },
    };
  } catch (err) {
    return failure(file.name, err);
  }
}

/**
 * Ingests one file: parse → structure → extract → write. Never throws: a failure is reported in the
 * result with its stable code and nothing stored changes (the write is one transaction).
 */
export async function ingestSource(
  conn: GraphConnection,
  file: SourceFile,
  opts: IngestOptions,
): Promise<FileResult> {
  return write(conn, await prepare(file, opts), opts);
}

/**
 * Ingests files in order; one failing file does not stop the others. The next file is read and analysed
 * while the current one is written, so analysis (a worker thread) and the graph write (Neo4j) overlap;
 * at most two analyses are held at once.
 */
export async function ingestPaths(
  conn: GraphConnection,
  paths: string[],
  opts: IngestOptions,
): Promise<FileResult[]> {
  const read = (p: string): Promise<Prepared> =>
    readSource(p).then(
      (file) => prepare(file, opts),
      (err: unknown): Prepared => ({ failed: failure(path.basename(p), err) }),
    );
  const results: FileResult[] = [];
  let next = paths.length > 0 ? read(paths[0]!) : null;
  for (let i = 0; next; i++) {
    const current = await next;
    next = i + 1 < paths.length ? read(paths[i + 1]!) : null;
    const result = await write(conn, current, opts);
    results.push(result);
    opts.onProgress?.(results.length, paths.length, result);
  }
  return results;
}

export async function readSource(p: string): Promise<SourceFile> {
  return { path: p, name: path.basename(p), bytes: await readFile(p) };
}

/** Expands folders (not recursively, skipping hidden files and manifest.json) into ingestible files. */
export async function collectFiles(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const s = await stat(input);
    if (!s.isDirectory()) {
      out.push(input);
      continue;
    }
    const names = (await readdir(input)).filter((n) => !n.startsWith('.') && INGESTIBLE.test(n)).sort();
    for (const n of names) {
      if ((await stat(path.join(input, n))).isFile()) out.push(path.join(input, n));
    }
  }
  return out;
}

/** Reads `manifest.json` of a folder (`{documents: [{file, ...}]}`); missing manifest → empty map. */
export async function loadManifest(dir: string): Promise<Map<string, ManifestEntry>> {
  try {
    const raw = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as {
      documents?: ManifestEntry[];
    };
    return new Map((raw.documents ?? []).map((d) => [d.file, d]));
  } catch {
    return new Map();
  }
}
