/**
 * PDF: text per page from pdf.js items (in a worker; tabs and paragraph breaks kept, see pdf-text.ts), OCR for pages without a text layer, running headers and
 * page numbers removed, ruled tables spliced in as pipe rows, lines re-flowed; `pages` are exact char
 * ranges of the final text.
 */
import type { ParsedDocument, SourceFile } from '../../core/types.ts';
import { FileError } from '../../core/errors.ts';
import { assemble } from './blocks.ts';
import { OCR_HOWTO, ocrAvailable, ocrPdf } from './ocr.ts';
import { detectLayoutTables, normalizePageText, removeRunningLines, spliceTables } from './pdf-layout.ts';
import { pageTexts } from './pdf-text.ts';
import { extractPdf, type RawPdf } from './pdf-worker.ts';
import { reflow, type Line } from './reflow.ts';
import type { ParseOptions } from './options.ts';

/** A page with fewer visible characters than this has no usable text layer. */
const MIN_PAGE_CHARS = 20;

interface PageTexts {
  texts: string[];
  ocrPages: number[];
  ocrConfidence?: number;
  warnings: string[];
}

function visibleChars(text: string): number {
  return text.replace(/\s/gu, '').length;
}

async function withOcr(
  file: SourceFile,
  raw: RawPdf,
  opts: ParseOptions,
  signal: AbortSignal,
): Promise<PageTexts> {
  const texts = pageTexts(raw.pages.map((p) => p.items)).map(normalizePageText);
  const empty = texts.flatMap((t, i) => (visibleChars(t) < MIN_PAGE_CHARS ? [i + 1] : []));
  const wanted = opts.ocr === 'on' ? texts.map((_, i) => i + 1) : empty;
  const allEmpty = texts.length === 0 || empty.length === texts.length;
  if (wanted.length === 0) return { texts, ocrPages: [], warnings: [] };
  const canOcr = opts.ocr !== 'off' && (await ocrAvailable());
  if (!canOcr) {
    if (allEmpty)
      throw new FileError('NO_TEXT', OCR_HOWTO, file.name, { pages: texts.length, ocr: opts.ocr });
    return {
      texts,
      ocrPages: [],
      warnings: [`pages without a text layer were skipped (no OCR): ${empty.join(', ')}`],
    };
  }
  opts.log?.(`OCR ${file.name}: pages ${wanted.join(', ')}`);
  const results = await ocrPdf(file.bytes, wanted, signal);
  const confs: number[] = [];
  for (const r of results) {
    texts[r.page - 1] = normalizePageText(r.text);
    if (r.confidence !== null) confs.push(r.confidence);
  }
  const mean = confs.length > 0 ? confs.reduce((a, b) => a + b, 0) / confs.length : 0;
  return {
    texts,
    ocrPages: wanted,
    ocrConfidence: Math.round(mean * 10) / 10,
    warnings: [
      `text of page(s) ${wanted.join(', ')} from OCR (tesseract, vie), mean confidence ${mean.toFixed(1)}`,
    ],
  };
}

function layoutLines(pages: string[][], raw: RawPdf, ocrPages: Set<number>): Line[] {
  let tableCount = 0;
  const nextTable = () => tableCount++;
  const lines: Line[] = [];
  pages.forEach((pageLines, i) => {
    const page = i + 1;
    let ls: Line[] = pageLines.map((text) => ({ text, page }));
    const ruled = ocrPages.has(page) ? [] : (raw.tables.find((t) => t.num === page)?.tables ?? []);
    ls = spliceTables(ls, ruled, nextTable);
    ls = detectLayoutTables(ls, nextTable);
    lines.push(...ls);
  });
  return lines;
}

/** Blank lines per text line from which the page text marks its paragraph breaks. */
const SPACED_PARAGRAPHS = 0.05;

function spacedParagraphs(lines: Line[]): boolean {
  const blank = lines.filter((l) => l.table === undefined && l.text.trim() === '').length;
  return blank >= Math.max(1, (lines.length - blank) * SPACED_PARAGRAPHS);
}

export async function parsePdf(
  file: SourceFile,
  opts: ParseOptions,
  signal: AbortSignal,
): Promise<ParsedDocument> {
  const raw = await extractPdf(file.bytes, file.name, signal);
  const { texts, ocrPages, ocrConfidence, warnings } = await withOcr(file, raw, opts, signal);
  const { pages: cleaned, removed } = removeRunningLines(texts.map((t) => t.split('\n')));
  if (removed > 0) warnings.push(`removed ${removed} running header/footer/page-number line(s)`);
  if (raw.tableError) warnings.push(`ruled table detection failed: ${raw.tableError}`);
  const lines = layoutLines(cleaned, raw, new Set(ocrPages));
  const assembled = assemble(reflow(lines, { paragraphBreaks: spacedParagraphs(lines) }), texts.length);
  if (assembled.text.trim() === '')
    throw new FileError('NO_TEXT', OCR_HOWTO, file.name, { pages: texts.length });
  return {
    file: file.name,
    format: 'pdf',
    text: assembled.text,
    pages: assembled.pages ?? [],
    ...(assembled.tables.length > 0 ? { tables: assembled.tables } : {}),
    ...(ocrConfidence !== undefined ? { ocrConfidence } : {}),
    warnings,
  };
}
