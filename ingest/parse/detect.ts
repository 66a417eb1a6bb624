/** Format detection: magic bytes first, file extension second, content sniffing last. */
import { extname } from 'node:path';
import type { SourceFile, SourceFormat } from '../../core/types.ts';
import { FileError } from '../../core/errors.ts';
import { detectUtf16 } from './encoding.ts';

/** Known binary formats we do not parse, by magic bytes. */
const OTHER_MAGIC: [string, number[]][] = [
  ['png', [0x89, 0x50, 0x4e, 0x47]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['tiff', [0x49, 0x49, 0x2a, 0x00]],
  ['tiff', [0x4d, 0x4d, 0x00, 0x2a]],
  ['gzip', [0x1f, 0x8b]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf]],
  ['rar', [0x52, 0x61, 0x72, 0x21]],
  ['elf', [0x7f, 0x45, 0x4c, 0x46]],
  ['rtf', [0x7b, 0x5c, 0x72, 0x74, 0x66]],
];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function fail(
  code: 'UNSUPPORTED_FORMAT' | 'CORRUPT_FILE' | 'BINARY_FILE' | 'ENCRYPTED',
  msg: string,
  file: SourceFile,
  details = {},
): never {
  throw new FileError(code, msg, file.name, details);
}

/** Share of bytes that are control characters other than tab, newline, CR, form feed and ESC. */
function controlRatio(bytes: Buffer): number {
  const n = Math.min(bytes.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b)) bad++;
  }
  return n === 0 ? 0 : bad / n;
}

function detectZip(bytes: Buffer, ext: string, file: SourceFile): SourceFormat {
  const head = bytes.subarray(0, Math.min(bytes.length, 64 * 1024)).toString('latin1');
  if (head.includes('word/') || ext === '.docx') return 'docx';
  const kind = head.includes('xl/')
    ? 'xlsx'
    : head.includes('ppt/')
      ? 'pptx'
      : head.includes('opendocument')
        ? 'odf'
        : 'zip';
  return fail('UNSUPPORTED_FORMAT', `A ${kind} archive is not a supported document format`, file, {
    detected: kind,
  });
}

function detectOle2(bytes: Buffer, file: SourceFile): never {
  // Password-protected OOXML files are OLE2 containers with an "EncryptedPackage" stream (UTF-16 name).
  if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
    return fail('ENCRYPTED', 'The document is password-protected', file, { detected: 'encrypted-ooxml' });
  }
  return fail(
    'UNSUPPORTED_FORMAT',
    'Legacy binary Office files (.doc/.xls) are not supported; save as .docx',
    file,
    {
      detected: 'ole2',
    },
  );
}

function looksLikeHtml(bytes: Buffer): boolean {
  const head = bytes
    .subarray(0, 2048)
    .toString('utf8')
    .replace(/^\uFEFF/u, '')
    .trimStart()
    .toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /^<\?xml[^>]*>\s*<html/u.test(head);
}

/** Detect the format of a non-empty file or throw the matching FileError. */
export function detectFormat(file: SourceFile): SourceFormat {
  const bytes = file.bytes;
  const ext = extname(file.name).toLowerCase();
  const pdfAt = bytes.subarray(0, 1024).indexOf('%PDF-');
  if (pdfAt >= 0) return 'pdf';
  if (startsWith(bytes, ZIP)) return detectZip(bytes, ext, file);
  if (startsWith(bytes, OLE2)) return detectOle2(bytes, file);
  const other = OTHER_MAGIC.find(([, magic]) => startsWith(bytes, magic));
  if (other)
    return fail('UNSUPPORTED_FORMAT', `${other[0]} files are not supported`, file, { detected: other[0] });
  if (ext === '.pdf' || ext === '.docx') {
    return fail('CORRUPT_FILE', `The file is named ${ext} but does not start like one`, file, {
      extension: ext,
    });
  }
  if (!detectUtf16(bytes) && controlRatio(bytes) > 0.05) {
    return fail('BINARY_FILE', 'The file is binary data of no known document format', file);
  }
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.txt' || ext === '.text') return 'text';
  if (looksLikeHtml(bytes)) return 'html';
  if (ext === '' || ext.length > 6) return 'text';
  return fail('UNSUPPORTED_FORMAT', `Files with extension ${ext} are not supported`, file, {
    extension: ext,
  });
}
