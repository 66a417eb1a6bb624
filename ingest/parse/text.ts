/** Plain text and Markdown: decode bytes, convert legacy font mojibake, NFC, record pipe/tab tables. */
import type { ParsedDocument, SourceFile } from '../../core/types.ts';
import { FileError } from '../../core/errors.ts';
import { scanTextTables } from './blocks.ts';
import { decodeBytes, fixLegacyFonts } from './encoding.ts';

/** Decode, fix legacy fonts and NFC-normalise; shared by text and HTML. */
export function decodeDocumentText(file: SourceFile): { text: string; warnings: string[] } {
  const decoded = decodeBytes(file.bytes, file.name);
  const warnings = [...decoded.warnings];
  const fixed = fixLegacyFonts(decoded.text.replace(/\r\n?/gu, '\n'));
  if (fixed.warning) warnings.push(fixed.warning);
  return { text: fixed.text.normalize('NFC'), warnings };
}

export function parseText(file: SourceFile, format: 'text' | 'markdown'): ParsedDocument {
  const { text, warnings } = decodeDocumentText(file);
  if (text.trim() === '') throw new FileError('EMPTY_FILE', 'The file contains only whitespace', file.name);
  const tables = scanTextTables(text);
  return { file: file.name, format, text, warnings, ...(tables.length > 0 ? { tables } : {}) };
}
