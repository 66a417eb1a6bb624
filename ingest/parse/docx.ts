/**
 * DOCX: mammoth → HTML → shared walker (headings, paragraphs, list items, tables as pipe rows). Tabs and
 * empty paragraphs are kept (`lineParagraphs`), so a DOCX typed or converted line by line from text gives
 * that text back, tab-separated rows included; those rows are tables as in plain text.
 */
import * as cheerio from 'cheerio';
import mammoth from 'mammoth';
import type { ParsedDocument, SourceFile } from '../../core/types.ts';
import { FileError } from '../../core/errors.ts';
import { assemble, scanTextTables } from './blocks.ts';
import type { ParsedTable } from '../../core/types.ts';
import { fixLegacyFonts } from './encoding.ts';
import { htmlToBlocks } from './html-walk.ts';
import { checkZip } from './zip-limits.ts';

/** Images are not text: mammoth is told to drop them instead of inlining them as base64. */
const dropImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

export async function parseDocx(file: SourceFile): Promise<ParsedDocument> {
  let html: string;
  const warnings: string[] = [];
  await checkZip(file.bytes, file.name);
  try {
    const result = await mammoth.convertToHtml(
      { buffer: file.bytes },
      { convertImage: dropImages, ignoreEmptyParagraphs: false },
    );
    html = result.value;
    const errors = result.messages.filter((m) => m.type === 'error');
    if (errors.length > 0) warnings.push(`mammoth: ${errors.map((m) => m.message).join('; ')}`);
  } catch (err) {
    throw new FileError('CORRUPT_FILE', 'The DOCX file is damaged and cannot be read', file.name, {
      cause: err instanceof Error ? err.message : String(err),
    });
  }
  const fixed = fixLegacyFonts(html);
  if (fixed.warning) warnings.push(fixed.warning);
  const $ = cheerio.load(fixed.text);
  const root = $.root().get(0);
  const blocks = root ? htmlToBlocks($, root, { lineParagraphs: true }) : [];
  const assembled = assemble(blocks);
  const { text } = assembled;
  const tables = withTextTables(assembled.tables, text);
  if (text.trim() === '') throw new FileError('EMPTY_FILE', 'The DOCX document contains no text', file.name);
  return { file: file.name, format: 'docx', text, warnings, ...(tables.length > 0 ? { tables } : {}) };
}

/** Tables of real DOCX tables, plus tab-separated (or pipe) rows typed as paragraphs. */
function withTextTables(tables: ParsedTable[], text: string): ParsedTable[] {
  const inside = (t: ParsedTable) => tables.some((x) => t.start < x.end && x.start < t.end);
  return [...tables, ...scanTextTables(text).filter((t) => !inside(t))].sort((a, b) => a.start - b.start);
}
