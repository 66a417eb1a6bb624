/**
 * The title ("trích yếu") of a document: the paragraph after the type heading (mixed case) or the
 * upper-case lines that follow it, with its offsets so that the reference extractor can read the title
 * as the document's own statement ("KẾ HOẠCH Thực hiện Nghị quyết số 36-NQ/TW …").
 */
import { squash } from '../../../core/text/text-util.ts';
import type { Heading } from './header.ts';

export interface Title {
  text: string;
  /** Offsets of the title in the original text (first character, end of the last line). */
  start: number;
  end: number;
}

const PREAMBLE_START = /^(Căn cứ|Xét |Theo đề nghị|Tại phiên|Ngày \d)/u;
const ISSUER_LINE = /^(CHÍNH PHỦ|CỤC TRƯỞNG|BỘ TRƯỞNG|THỦ TƯỚNG|CHỦ TỊCH|ỦY BAN|UỶ BAN|HỘI ĐỒNG NHÂN)/u;

/** True when `line` ends the title that `out` holds so far. */
function endsTitle(line: string, out: string[]): boolean {
  if (/^(-{3,}|\*+)$/.test(line)) return true;
  if (out.length === 0) return false;
  if (PREAMBLE_START.test(line) || /^[IVX]+\.\s/u.test(line)) return true;
  const upper = line === line.toUpperCase();
  if (upper && ISSUER_LINE.test(line)) return true;
  return !upper && out.every((l) => l === l.toUpperCase());
}

/** Title after `heading`, at most 8 lines (blank lines between lines in capitals allowed); null when the heading is followed by nothing title-like. */
export function findTitle(text: string, heading: Heading): Title | null {
  const out: string[] = [];
  let start = -1;
  let end = heading.after;
  let pos = heading.after;
  for (const raw of text.slice(heading.after).split('\n')) {
    const lineStart = pos;
    pos += raw.length + 1;
    const line = squash(raw);
    if (line === '') {
      // a title in capitals may be double-spaced: the next line in capitals still belongs to it
      if (out.length > 0 && !out.every((l) => l === l.toUpperCase())) break;
      continue;
    }
    if (endsTitle(line, out)) break;
    if (start < 0) start = lineStart + raw.search(/\S/u);
    out.push(line);
    end = lineStart + raw.trimEnd().length;
    if (out.length >= 8) break;
  }
  const joined = out.join(' ').trim();
  return joined === '' ? null : { text: joined, start, end };
}
