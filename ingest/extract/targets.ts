import type { DocumentMeta, StructuredDocument, Target } from '../../core/types.ts';
import { tagFields } from './fields.ts';
import { indicatorLabel } from './target-indicator.ts';
import { logicalLines, passageAt, toLines, type TextBlock } from './text/index.ts';

/**
 * Quantitative targets of a plan's objective sections ("Mục tiêu", "Đến năm 2030", "Tầm nhìn đến năm
 * 2045", "Mục tiêu cụ thể"): value or range, unit, comparator and horizon year (from the sentence, else
 * from the heading context).
 */

const UNITS = [
  '%',
  'lần',
  'doanh nghiệp',
  'công nghệ',
  'sản phẩm',
  'mô hình',
  'tỷ đồng',
  'triệu đồng',
  'nghìn tỷ đồng',
  'ha',
  'lượt',
  'cơ sở',
  'trung tâm',
  'vùng',
  'dự án',
  'đề tài',
  'nhiệm vụ',
  'hợp tác xã',
  'người',
  'giống',
  'sáng chế',
  'khu',
  'chương trình',
  'phòng thí nghiệm',
  'tổ chức',
  'đơn vị',
  'trạm',
];
const COMPARATORS = [
  'không dưới',
  'không thấp hơn',
  'ít nhất',
  'tối thiểu',
  'tối đa',
  'khoảng',
  'trên',
  'dưới',
  'đạt',
  'từ',
  'hơn',
];

const NUM = String.raw`\d{1,3}(?:[.]\d{3})*(?:,\d+)?|\d+(?:[.,]\d+)?`;
const UNIT_RE = UNITS.map((u) => u.replace(/%/, '%').replace(/ /g, '\\s+')).join('|');
const COMP_RE = COMPARATORS.join('|');
const QUANTITY = new RegExp(
  String.raw`(?:(${COMP_RE})\s+)?(${NUM})\s*(?:(?:-|–|đến|tới)\s*(${NUM})\s*)?(${UNIT_RE})(?![\p{L}\p{M}])`,
  'giu',
);

const OBJECTIVE = /mục tiêu|chỉ tiêu|đến năm 20\d\d|tầm nhìn|định hướng đến|phấn đấu đến năm/iu;
/** A sub-heading opens an objective part only when it starts like one ("2. Mục tiêu cụ thể", "b) Đến năm 2030"). */
const OBJECTIVE_SUB =
  /^(?:các\s+)?(?:mục tiêu|chỉ tiêu|(?:giai đoạn\s+)?(?:đến|tới)\s+năm\s+20\d\d|tầm nhìn|định hướng đến|phấn đấu đến năm|(?:kế hoạch|lộ trình)[^.;]{0,40}giai đoạn\s+20\d\d)/iu;
/** An aim stated inline outside the objective parts ("…, mục tiêu tỷ lệ phủ sóng 5G đến năm 2030 đạt 100%"). */
const INLINE_AIM = /mục tiêu[^.;]{0,80}(?:đến|tới)\s+năm\s+20\d\d[^.;]{0,40}\d/iu;
/** "(Trong đó: VNPT: 25 trạm, …)": a breakdown of the figure before it, not a target of its own. */
const BREAKDOWN = /\(\s*trong đó[\s:][^)]*\)/giu;
/** The current state ("Hiện nay, tổng số trạm … là 180 trạm") is a baseline, not a target. */
const BASELINE = /^(?:[-+•]\s*)?(?:Hiện nay|Hiện tại|Tính đến nay)\b/u;
/** "100% các khu … có tối thiểu 1 trạm": the count qualifies the subject of the percentage. */
const QUALIFIER = /\bcó\s+(?:tối thiểu|ít nhất)\s*$/u;
/** Words before a number that make it a rank, an ordinal or a reference, not a quantity. */
const NOT_QUANTITY = /(?:số|năm|ngày|tháng|quý|khóa|khoá|top|thứ|hạng|nhóm|lần thứ)\s*$/iu;

function toNumber(s: string): number {
  const t = s.includes(',')
    ? s.replace(/\./g, '').replace(',', '.')
    : /^\d{1,3}(?:\.\d{3})+$/.test(s)
      ? s.replace(/\./g, '')
      : s;
  return Number(t);
}

function horizonOf(s: string): number | null {
  const m =
    /(?:đến|tới|vào)\s+(?:hết\s+|cuối\s+)?năm\s+(20\d\d)/iu.exec(s) ??
    /giai đoạn\s+20\d\d\s*[-–]\s*(20\d\d)/iu.exec(s);
  return m ? Number(m[1]) : null;
}

/** Lines of the objective parts of the document, each with the horizon year of its heading context. */
function objectiveLines(
  doc: StructuredDocument,
): { line: TextBlock; horizon: number | null; path: string[] }[] {
  const out: { line: TextBlock; horizon: number | null; path: string[] }[] = [];
  let inside = false;
  let horizon: number | null = null;
  let path: string[] = [];
  for (const l of toLines(logicalLines(doc.parsed.text))) {
    const heading =
      l.kind === 'roman' ||
      l.kind === 'arabic' ||
      l.kind === 'decimal' ||
      l.kind === 'chapter' ||
      l.kind === 'letter';
    const headingLike = heading && !/[.;]$/.test(l.body) && l.body.length < 200;
    if (l.kind === 'roman' || l.kind === 'chapter' || l.kind === 'appendix' || l.kind === 'article') {
      inside = OBJECTIVE.test(l.body);
      horizon = horizonOf(l.body);
      path = [l.body];
      if (inside) continue;
    }
    if (headingLike && OBJECTIVE_SUB.test(l.body)) {
      inside = true;
      horizon = horizonOf(l.body) ?? horizon;
      path = [...path.slice(0, 1), l.body];
      continue;
    }
    if (inside || INLINE_AIM.test(l.text)) out.push({ line: l, horizon, path });
  }
  return out;
}

/** Clauses of a line (split at ";"); a lower-case clause inherits the previous number-free clause. */
function clauses(line: TextBlock): TextBlock[] {
  const out: TextBlock[] = [];
  let from = 0;
  let lead = '';
  for (const part of line.text.split(/(?<=;)/)) {
    const text = part.trim();
    const start = line.start + from;
    from += part.length;
    if (text === '') continue;
    if (!/\d/.test(text)) {
      lead = text.replace(/;$/, '');
      continue;
    }
    out.push({
      text: /^[\p{Ll}]/u.test(text) && lead ? `${lead}; ${text}` : text,
      start,
      end: start + part.length,
    });
  }
  return out;
}

/** Quantitative targets of the objective sections. */
export function extractTargets(doc: StructuredDocument, _meta: DocumentMeta): Target[] {
  const targets: Target[] = [];
  for (const { line, horizon, path } of objectiveLines(doc)) {
    for (const c of clauses(line)) {
      if (BASELINE.test(c.text)) continue;
      const breakdowns = [...c.text.matchAll(BREAKDOWN)].map((b) => [b.index, b.index + b[0].length]);
      let percent = false;
      for (const m of c.text.matchAll(QUANTITY)) {
        if (breakdowns.some(([from, to]) => m.index >= from! && m.index < to!)) continue;
        if (percent && QUALIFIER.test(c.text.slice(0, m.index + m[0].indexOf(m[2]!)))) continue;
        percent ||= m[4] === '%';
        const a = toNumber(m[2]!);
        const b = m[3] !== undefined ? toNumber(m[3]) : null;
        const prefix = c.text.slice(0, m.index + m[0].indexOf(m[2]!));
        if (NOT_QUANTITY.test(prefix) || /\d[/-]$/.test(prefix)) continue;
        const unit = m[4]!.replace(/\s+/g, ' ').toLowerCase();
        const ordinal = targets.length;
        targets.push({
          id: `${doc.id}:g${ordinal}`,
          ordinal,
          indicator: indicatorLabel(c.text, m.index, m[0], unit),
          text: c.text,
          value: b === null ? a : null,
          valueMin: b === null ? null : a,
          valueMax: b,
          unit,
          comparator: m[1] ? m[1].toLowerCase() : null,
          year: horizonOf(c.text) ?? horizon,
          fields: tagFields(c.text, path),
          passageId: passageAt(doc.passages, c.start),
          start: c.start,
        });
      }
    }
  }
  return targets;
}
