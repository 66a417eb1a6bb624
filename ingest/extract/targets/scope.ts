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
/** "Đến năm 2030:", "Phấn đấu đến 2025:", "Năm 2026:", "Giai đoạn 2026 - 2030:" — a line that only gives a horizon to a list. */
const HORIZON_INTRO =
  /^(?:phấn đấu\s+|mục tiêu\s+)?(?:(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:năm\s+)?20\d\d|năm\s+20\d\d|giai đoạn\s+20\d\d\s*[-–]\s*20\d\d)[^:.;]{0,40}:$/iu;
/** A horizon lead-in that states an aim ("Đến năm 2030:", "Phấn đấu đến 2025:"), not a bare year ("Năm 2024:"). */
const AIM_INTRO = /^(?:phấn đấu|mục tiêu|đến|tới|giai đoạn)\s/iu;

/**
 * A lead-in that announces a list of indicators: "Các chỉ tiêu chủ yếu:", "Chỉ tiêu năm 2023:", "… gồm các
 * chỉ tiêu sau đây:", "với các mục tiêu cụ thể như sau:".
 */
const INDICATOR_LEAD =
  /^(?:các\s+)?(?:mục tiêu|chỉ tiêu)[^.;:]{0,80}:$|(?:các|những)\s+(?:mục tiêu|chỉ tiêu)(?:\s+[\p{L}\p{M}]+){0,3}\s+(?:sau|như sau)(?:\s+đây)?\s*:$/iu;

/**
 * A part that reports results, the current state or a forecast ("ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2024", "I.
 * TÌNH HÌNH THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU NĂM 2024", "Kết quả đạt được", "Dự báo về lao động"): its figures are no aims.
 * Expected results ("Kết quả dự kiến", "Kết quả cần đạt") are aims.
 */
const RESULT_PART =
  /^(?:phần\s+[IVX\d]+\s*[.:-]?\s*)?(?:đánh giá|kết quả(?!\s+(?:dự kiến|cần|phải|mong đợi|đầu ra))|tình hình|thực trạng|bối cảnh|dự báo|sơ kết|tổng kết)(?![\p{L}\p{M}])/iu;

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
  /(?:mục tiêu|phấn đấu)[^.;]{0,80}(?:(?:(?:đến|tới)\s+(?:hết\s+|cuối\s+)?)?năm\s+|(?:đến|tới)\s+)20\d\d[^.;]{0,60}\d|mục tiêu[^.;]{0,60}\d[^.;]{0,30}năm\s+20\d\d|(?:^|[.;:]\s+)(?:[-+•]\s*)?(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:năm\s+)?20\d\d\s*,[^.;]{0,150}\d/iu;

/** "Chương trình mục tiêu quốc gia …" names a programme; its "mục tiêu" opens no objective part. */
const PROGRAMME_NAME = /chương trình mục tiêu(?:\s+quốc gia)?/giu;

/** The words of `text` that may name an objective: programme names removed. */
function aimWords(text: string): string {
  return text.replace(PROGRAMME_NAME, ' ');
}

/** A sub-heading that names a part other than the objectives ("3. Nhiệm vụ, giải pháp", "4. Tổ chức thực hiện"). */
const OTHER_PART =
  /^(?:các\s+)?(?:nhiệm vụ|giải pháp|tổ chức thực hiện|quan điểm|kinh phí|nguồn\s+(?:vốn|lực|kinh phí)|phạm vi|đối tượng|trách nhiệm|phân công|yêu cầu|nội dung|chế độ báo cáo|điều khoản thi hành|hiệu lực)(?![\p{L}\p{M}])/iu;

/** A sub-heading that ends the objective part: another part, or results. */
function otherPart(body: string): boolean {
  return OTHER_PART.test(body) || RESULT_PART.test(body);
}

const TOP = new Set(['roman', 'chapter', 'appendix', 'article']);
const HEADING = new Set(['roman', 'arabic', 'decimal', 'chapter', 'letter']);

/**
 * A line that ends the objective part: a numbered line as high as the heading that opened it (its sibling,
 * "11. Nội dung …" after "10. Mục tiêu"), or a sub-heading that names another part ("3. Nhiệm vụ, giải pháp").
 */
function closesPart(l: Line, headingLike: boolean, openRank: number): boolean {
  const sibling = l.kind !== null && HEADING.has(l.kind) && rank(l.kind) <= openRank;
  return sibling || (headingLike && otherPart(l.body));
}

/** Where the walk over a document's lines stands (see `objectiveLines`). */
interface Walk {
  inside: boolean;
  /** In a part that reports results: no inline aims are read there. */
  results: boolean;
  /** Horizon of the top heading, and of the nearest heading or lead-in that gives one. */
  part: Horizon;
  heading: Horizon;
  /** Rank of the line that gave `heading`: a line as high ends it. */
  subRank: number;
  /** Rank of the heading that opened the objective part: a later heading as high closes it. */
  openRank: number;
  path: string[];
}

/** Opens (or continues) an objective part at rank `r`; a horizon `h` holds for the lines under it. */
function open(w: Walk, h: Horizon, r: number): void {
  if (!w.inside) w.openRank = r;
  w.inside = true;
  w.results = false;
  if (h.year !== null || h.span !== null) [w.heading, w.subRank] = [h, r];
}

/**
 * A plain line over a list (`next` is its first item) that opens objectives or gives them a horizon:
 * "Các chỉ tiêu chủ yếu:", "Chỉ tiêu năm 2023:", "Đến năm 2030:", "Mục tiêu cụ thể đến năm 2025".
 */
function leadIn(l: Line, next: Line | undefined, w: Walk): boolean {
  if (l.kind !== null || !next?.kind || l.body.length > 160 || w.results) return false;
  if (!/:$/u.test(l.body)) return OBJECTIVE_SUB.test(aimWords(l.body)) && !/[.;]$/u.test(l.body);
  return (
    INDICATOR_LEAD.test(aimWords(l.body)) ||
    (HORIZON_INTRO.test(l.body) && (w.inside || AIM_INTRO.test(l.body)))
  );
}

/** A heading that opens an objective part or a sub-part of it. */
function objectiveHeading(l: Line, headingLike: boolean, inside: boolean): boolean {
  if (!headingLike) return false;
  const words = aimWords(l.body);
  return OBJECTIVE_SUB.test(words) || INDICATOR_LEAD.test(words) || periodHeading(l.body, inside);
}

/** Moves the walk over line `l`; true when `l` is a heading, which states no target itself. */
function step(w: Walk, l: Line, next: Line | undefined, issued: number | null): boolean {
  const headingLike = l.kind !== null && HEADING.has(l.kind) && !/[.;]$/.test(l.body) && l.body.length < 200;
  if (l.kind !== null && TOP.has(l.kind)) {
    w.results = RESULT_PART.test(l.body);
    w.inside = OBJECTIVE.test(aimWords(l.body)) && !w.results;
    w.part = w.heading = headingHorizon(l.body, issued);
    [w.subRank, w.openRank, w.path] = [Infinity, rank(l.kind), [l.body]];
    if (w.inside) return true;
  } else if (headingLike && RESULT_PART.test(l.body)) w.results = true;
  const objective = objectiveHeading(l, headingLike, w.inside);
  if (!objective && closesPart(l, headingLike, w.openRank)) w.inside = false;
  if (objective) {
    if (rank(l.kind) <= w.subRank) w.heading = w.part;
    open(w, headingHorizon(l.body, issued), rank(l.kind));
    w.path = [...w.path.slice(0, 1), l.body];
    return true;
  }
  if (l.kind !== null && rank(l.kind) <= w.subRank) [w.heading, w.subRank] = [w.part, Infinity];
  // "Đến năm 2030:" on a line of its own over "a) …", "- …": its horizon holds for the items below it
  if (next?.kind && leadIn(l, next, w))
    open(w, headingHorizon(l.body.replace(/:\s*$/u, ''), issued), rank(next.kind) - 0.5);
  return false;
}

/**
 * "2.1. Giai đoạn 2023 -" + "2025": a heading whose span a wrap cut before its last year (the year, a bare
 * number, stands as a line of its own). The two lines are one heading.
 */
function joinWrappedSpans(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (prev?.kind && /20\d\d\s*[-–]$/u.test(prev.body) && /^20\d\d(?!\d)/u.test(l.text)) {
      const join = (a: string): string => `${a} ${l.text}`;
      out[out.length - 1] = { ...prev, text: join(prev.text), body: join(prev.body), end: l.end };
    } else out.push(l);
  }
  return out;
}

/**
 * Lines of the objective parts of the document, each with the horizon of its heading context. A
 * sub-heading's horizon ("a) Đến năm 2030:") holds for the lines under it, not for its siblings ("b) Hằng
 * năm, …"), which fall back to the horizon of the part. A plain lead-in ("Các chỉ tiêu chủ yếu năm 2026:")
 * opens objectives as a heading does; parts that report results open none.
 */
export function objectiveLines(doc: StructuredDocument, issued: number | null = null): ObjectiveLine[] {
  const out: ObjectiveLine[] = [];
  const w: Walk = {
    inside: false,
    results: false,
    part: NO_HORIZON,
    heading: NO_HORIZON,
    subRank: Infinity,
    openRank: -1,
    path: [],
  };
  const lines = joinWrappedSpans(toLines(logicalLines(doc.parsed.text)));
  for (const [i, l] of lines.entries()) {
    if (step(w, l, lines[i + 1], issued)) continue;
    if (w.inside || (!w.results && INLINE_AIM.test(aimWords(l.text))))
      out.push({ line: l, heading: w.inside ? w.heading : NO_HORIZON, path: w.path });
  }
  return out;
}

/**
 * Where a clause ends: after ";", or before a sentence that opens with its own horizon ("… nguồn kinh phí
 * … đến năm 2030. Đến năm 2030, tỷ lệ … đạt 100%"): the aim is not read with the sentence before it.
 */
const CLAUSE_END = /(?<=;)|(?<=[\p{Ll}\d%)]\.)(?=\s+(?:Đến|Tới)\s+(?:hết\s+|cuối\s+)?năm\s+20\d\d)/u;

/** "42,5%[1]", "thuốc lá[2]": a footnote mark after a figure or word (blanked; offsets are kept). */
const FOOTNOTE = /(?<=[\p{L}\p{M}\d%)])\[\d{1,3}\]/gu;

function withoutFootnotes(text: string): string {
  return text.replace(FOOTNOTE, (m) => ' '.repeat(m.length));
}

/** Clauses of a line (split at ";" and sentence ends); a lower-case clause inherits the previous number-free clause as context. */
export function clauses(line: TextBlock): { clause: TextBlock; context: string }[] {
  const out: { clause: TextBlock; context: string }[] = [];
  let from = 0;
  let lead = '';
  for (const part of withoutFootnotes(line.text).split(CLAUSE_END)) {
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
