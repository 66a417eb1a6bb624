/**
 * Parse stage entry point: every supported format (text, Markdown, PDF incl. OCR, DOCX, HTML) into one
 * NFC-normalised `ParsedDocument` whose spaces are plain spaces. Bad input is rejected per file with a
 * `FileError` and a stable code.
 */
import type { ParsedDocument, SourceFile } from '../../core/types.ts';
import { AppError, FileError } from '../../core/errors.ts';
import { plainSpaces } from '../../core/text/normalize.ts';
import { detectFormat } from './detect.ts';
import { parseDocx } from './docx.ts';
import { parseHtml } from './html.ts';
import { parsePdf } from './pdf.ts';
import type { ParseOptions } from './options.ts';
import { parseText } from './text.ts';

export type { ParseOptions } from './options.ts';

export { OCR_HOWTO, ocrAvailable } from './ocr.ts';

function checkSize(file: SourceFile, opts: ParseOptions): void {
  if (file.bytes.length > opts.maxBytes) {
    throw new FileError('TOO_LARGE', `The file is larger than ${opts.maxBytes} bytes`, file.name, {
      size: file.bytes.length,
      maxBytes: opts.maxBytes,
    });
  }
  if (file.bytes.length === 0) throw new FileError('EMPTY_FILE', 'The file is empty', file.name);
}

function dispatch(file: SourceFile, opts: ParseOptions, signal: AbortSignal): Promise<ParsedDocument> {
  const format = detectFormat(file);
  opts.log?.(`parse ${file.name} as ${format}`);
  switch (format) {
    case 'pdf':
      return parsePdf(file, opts, signal);
    case 'docx':
      return parseDocx(file);
    case 'html':
      return Promise.resolve(parseHtml(file));
    case 'text':
    case 'markdown':
      return Promise.resolve(parseText(file, format));
  }
}

/**
 * The last step of every parse: the text and table cells with every space character as a plain space
 * (lengths and offsets kept).
 */
export function withPlainSpaces(doc: ParsedDocument): ParsedDocument {
  const tables = doc.tables?.map((t) => ({ ...t, rows: t.rows.map((r) => r.map(plainSpaces)) }));
  return { ...doc, text: plainSpaces(doc.text), ...(tables ? { tables } : {}) };
}

/** Parse one file. Throws FileError (EMPTY_FILE, BINARY_FILE, UNSUPPORTED_FORMAT, CORRUPT_FILE, ENCRYPTED, TOO_LARGE, NO_TEXT, UNKNOWN_ENCODING, PARSE_TIMEOUT). */
export async function parse(file: SourceFile, opts: ParseOptions): Promise<ParsedDocument> {
  checkSize(file, opts);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        new FileError(
          'PARSE_TIMEOUT',
          `Parsing took longer than ${opts.timeoutMs} ms and was stopped`,
          file.name,
        ),
      );
    }, opts.timeoutMs);
  });
  try {
    const started = Date.now();
    const doc = await Promise.race([dispatch(file, opts, controller.signal), timeout]);
    opts.log?.(`parsed ${file.name} (${doc.format}) in ${Date.now() - started} ms`);
    return withPlainSpaces(doc);
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (controller.signal.aborted)
      throw new FileError('PARSE_TIMEOUT', 'Parsing was stopped by the timeout', file.name);
    throw new FileError('CORRUPT_FILE', 'The file could not be parsed', file.name, {
      cause: err instanceof Error ? err.message : String(err),
    });
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
