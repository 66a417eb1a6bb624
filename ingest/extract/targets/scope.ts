import type { StructuredDocument } from '../../../core/types.ts';
import { logicalLines, rank, toLines, type Line, type TextBlock } from '../text/index.ts';
import { headingHorizon, type Horizon, NO_HORIZON } from './horizon.ts';

/**
 * Where a document states its targets: the objective parts ("Mục tiêu", "Mục tiêu cụ thể", "Đến năm
 * 2030", "Tầm nhìn đến năm 2045", "Kế hoạch … giai đoạn 2026-2030") and aims stated inline elsewhere
 * ("…, mục tiêu tỷ lệ phủ sóng 5G đến năm 2030 đạt 100%", "phấn đấu đến năm 2030 đạt 30% …").
 */

export interface ObjectiveLine {
  line: TextBlock;
  /** Horizon of the heading context (the part and sub-heading the line is under). */
  heading: Horizon;
  path: string[];
}

const OBJECTIVE =
  /mục tiêu|chỉ tiêu|đến (?:hết |cuối )?năm 20\d\d|tầm nhìn|định hướng đến|phấn đấu đến (?:hết |cuối )?năm/iu;
/** A sub-heading opens an objective part only when it starts like one ("2. Mục tiêu cụ thể", "b) Đến năm 2030"). */
const OBJECTIVE_SUB =
  /^(?:các\s+)?(?:mục tiêu|chỉ tiêu|(?:giai đoạn\s+)?(?:đến|tới)\s+(?:hết\s+|cuối\s+)?năm\s+20\d\d|tầm nhìn|định hướng đến|phấn đấu đến (?:hết |cuối )?năm|(?:kế hoạch|lộ trình)[^.;]{0,40}giai đoạn\s+20\d\d)/iu;
/** "Đến năm 2030:", "Phấn đấu đến năm 2030:", "Năm 2026:", "Giai đoạn 2026 - 2030:" — a line that only gives a horizon to a list. */
const HORIZON_INTRO =
  /^(?:phấn đấu\s+|mục tiêu\s+)?(?:(?:đến|tới)\s+(?:hết\s+|cuối\s+)?năm\s+20\d\d|năm\s+20\d\d|giai đoạn\s+20\d\d\s*[-–]\s*20\d\d)[^:.;]{0,40}:$/iu;

/** "a) Năm 2030:", "b) Giai đoạn 2026 - 2030": a heading that is only a horizon. */
const PERIOD_HEAD = /^(?:năm\s+20\d\d|giai đoạn\s+20\d\d\s*[-–]\s*20\d\d)\s*:?$/iu;

/**
 * A horizon heading continues an objective part it sits in; it opens none ("III. LỘ TRÌNH THỰC HIỆN — 1. Giai
 * đoạn 2025 - 2030" lists activities, "1. Năm 2024" last year's results).
 */
function periodHeading(body: string, inside: boolean): boolean {
  return inside && PERIOD_HEAD.test(body.trim());
}

/** An aim stated inline outside the objective parts. */
const INLINE_AIM =
  /(?:mục tiêu|phấn đấu)[^.;]{0,80}(?:(?:đến|tới)\s+(?:hết\s+|cuối\s+)?)?năm\s+20\d\d[^.;]{0,60}\d|mục tiêu[^.;]{0,60}\d[^.;]{0,30}năm\s+20\d\d|(?:^|[.;:]\s+)(?:[-+•]\s*)?(?:đến|tới)\s+(?:hết\s+|cuối\s+)?năm\s+20\d\d\s*,[^.;]{0,150}\d/iu;

/** "Chương trình mục tiêu quốc gia …" names a programme; its "mục tiêu" opens no objective part. */
const PROGRAMME_NAME = /chương trình mục tiêu(?:\s+quốc gia)?/giu;

/** The words of `text` that may name an objective: programme names removed. */
function aimWords(text: string): string {
  return text.replace(PROGRAMME_NAME, ' ');
}

/** A sub-heading that names a part other than the objectives ("3. Nhiệm vụ, giải pháp", "4. Tổ chức thực hiện"). */
const OTHER_PART =
  /^(?:các\s+)?(?:nhiệm vụ|giải pháp|tổ chức thực hiện|quan điểm|kinh phí|nguồn\s+(?:vốn|lực|kinh phí)|phạm vi|đối tượng|trách nhiệm|phân công|yêu cầu|nội dung|chế độ báo cáo|điều khoản thi hành|hiệu lực)(?![\p{L}\p{M}])/iu;

const TOP = new Set(['roman', 'chapter', 'appendix', 'article']);
const HEADING = new Set(['roman', 'arabic', 'decimal', 'chapter', 'letter']);

/**
 * A line that ends the objective part: a numbered line as high as the heading that opened it (its sibling,
 * "11. Nội dung …" after "10. Mục tiêu"), or a sub-heading that names another part ("3. Nhiệm vụ, giải pháp").
 */
function closesPart(l: Line, headingLike: boolean, openRank: number): boolean {
  const sibling = l.kind !== null && HEADING.has(l.kind) && rank(l.kind) <= openRank;
  return sibling || (headingLike && OTHER_PART.test(l.body));
}

/**
 * Lines of the objective parts of the document, each with the horizon of its heading context. A
 * sub-heading's horizon ("a) Đến năm 2030:") holds for the lines under it, not for its siblings ("b) Hằng
 * năm, …"), which fall back to the horizon of the part.
 */
export function objectiveLines(doc: StructuredDocument, issued: number | null = null): ObjectiveLine[] {
  const out: ObjectiveLine[] = [];
  let inside = false;
  let part: Horizon = NO_HORIZON;
  let heading: Horizon = NO_HORIZON;
  let subRank = Infinity;
  /** Rank of the heading that opened the objective part: a later heading as high closes it. */
  let openRank = -1;
  let path: string[] = [];
  const lines = toLines(logicalLines(doc.parsed.text));
  for (const [i, l] of lines.entries()) {
    const headingLike =
      l.kind !== null && HEADING.has(l.kind) && !/[.;]$/.test(l.body) && l.body.length < 200;
    if (l.kind !== null && TOP.has(l.kind)) {
      inside = OBJECTIVE.test(aimWords(l.body));
      part = heading = headingHorizon(l.body, issued);
      subRank = Infinity;
      openRank = rank(l.kind);
      path = [l.body];
      if (inside) continue;
    }
    const objective = headingLike && (OBJECTIVE_SUB.test(aimWords(l.body)) || periodHeading(l.body, inside));
    if (!objective && closesPart(l, headingLike, openRank)) inside = false;
    if (objective) {
      if (!inside) openRank = rank(l.kind);
      inside = true;
      const h = headingHorizon(l.body, issued);
      if (rank(l.kind) <= subRank) heading = part;
      if (h.year !== null || h.span !== null) [heading, subRank] = [h, rank(l.kind)];
      path = [...path.slice(0, 1), l.body];
      continue;
    }
    if (l.kind !== null && rank(l.kind) <= subRank) [heading, subRank] = [part, Infinity];
    // "Đến năm 2030:" on a line of its own over "a) …", "- …": its horizon holds for the items below it
    const next = lines[i + 1];
    if (inside && l.kind === null && next?.kind && HORIZON_INTRO.test(l.body)) {
      const h = headingHorizon(l.body.replace(/:\s*$/u, ''), issued);
      if (h.year !== null || h.span !== null) [heading, subRank] = [h, rank(next.kind) - 0.5];
    }
    if (inside || INLINE_AIM.test(aimWords(l.text)))
      out.push({ line: l, heading: inside ? heading : NO_HORIZON, path });
  }
  return out;
}

/**
 * Where a clause ends: after ";", or before a sentence that opens with its own horizon ("… nguồn kinh phí
 * … đến năm 2030. Đến năm 2030, tỷ lệ … đạt 100%"): the aim is not read with the sentence before it.
 */
const CLAUSE_END = /(?<=;)|(?<=[\p{Ll}\d%)]\.)(?=\s+(?:Đến|Tới)\s+(?:hết\s+|cuối\s+)?năm\s+20\d\d)/u;

/** Clauses of a line (split at ";" and sentence ends); a lower-case clause inherits the previous number-free clause as context. */
export function clauses(line: TextBlock): { clause: TextBlock; context: string }[] {
  const out: { clause: TextBlock; context: string }[] = [];
  let from = 0;
  let lead = '';
  for (const part of line.text.split(CLAUSE_END)) {
    const text = part.trim();
    const start = line.start + from;
    from += part.length;
    if (text === '') continue;
    if (!/\d/.test(text)) {
      lead = text.replace(/;$/, '');
      continue;
    }
    const inherits = /^[\p{Ll}]/u.test(text) && lead !== '';
    out.push({
      clause: { text, start, end: start + part.length },
      context: inherits ? `${lead}; ${text}` : text,
    });
  }
  return out;
}
