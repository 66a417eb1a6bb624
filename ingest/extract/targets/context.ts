import type { DocumentMeta } from '../../../core/types.ts';
import { headingHorizon, type Horizon } from './horizon.ts';

export interface DocumentContext {
  /** Horizon of the document title ("… đến năm 2030", "giai đoạn 2026-2030"). */
  title: Horizon;
  /** Year the document was issued; earlier bare years are baselines. */
  issued: number | null;
  /** Issued by a central body: its targets are national. */
  central: boolean;
}

const CENTRAL_ISSUER =
  /Chính phủ|Thủ tướng|^Bộ\s|Bộ Chính trị|Ban Chấp hành Trung ương|Ban Bí thư|Quốc hội|Trung ương/u;

/** The head of a document, where its title and date stand. */
const HEAD_CHARS = 1500;

/** "ngày 9/12/2022", "ngày 03 tháng 12 năm 2018": the first date of the head, when the metadata has none. */
const HEAD_DATE = /(?:\d{1,2}\/\d{1,2}\/|tháng\s+\d{1,2}\s+năm\s+)(20\d\d)(?!\d)/u;

/** A web copy's first line names the document ("Nghị quyết về kế hoạch … năm 2023", "Kế hoạch 515/KH-UBND …"). */
const NAMED_FIRST_LINE =
  /^(?:Nghị quyết|Kế hoạch|Quyết định|Chỉ thị|Chương trình|Đề án|Thông tư|Chiến lược)\s+\S/u;

/** A line in capitals ("TRIỂN KHAI … GIAI ĐOẠN 2023-2025 …"): a title line of the head. */
const CAPS_LINE = /^(?=.*\p{Lu}{2})[^\p{Ll}]+$/u;

/**
 * The title as the head writes it, when the metadata has none: the lines in capitals of the head and a web
 * copy's first line that names the document.
 */
function headTitle(text: string): string {
  const lines = text
    .slice(0, HEAD_CHARS)
    .split('\n')
    .map((l) => l.replace(/[|]/gu, ' ').trim())
    .filter((l) => l !== '');
  const first = lines[0] !== undefined && NAMED_FIRST_LINE.test(lines[0]) ? [lines[0]] : [];
  return [...first, ...lines.filter((l) => CAPS_LINE.test(l))].join(' ');
}

function issuedYear(meta: DocumentMeta, text: string): number | null {
  if (meta.date) return Number(meta.date.slice(0, 4));
  const d = HEAD_DATE.exec(text.slice(0, HEAD_CHARS));
  return d ? Number(d[1]) : null;
}

/**
 * "… giai đoạn 2021-2030 và tầm nhìn đến năm 2045": the vision a title adds is no horizon for the targets
 * of the document (those fall due within its period); a part headed "Tầm nhìn đến năm 2045" keeps it.
 */
const VISION = /,?\s*(?:và\s+)?tầm nhìn\s+(?:đến|tới)\s+(?:hết\s+)?(?:năm\s+)?20\d\d/giu;

/** Title horizon, issue year and issuer level of a document (`text`: its text, read when the metadata lacks them). */
export function documentContext(meta: DocumentMeta, text = ''): DocumentContext {
  const issued = issuedYear(meta, text);
  return {
    title: headingHorizon((meta.title ?? headTitle(text)).replace(VISION, ' '), issued),
    issued,
    central: meta.locality === null && CENTRAL_ISSUER.test(meta.issuer ?? ''),
  };
}
