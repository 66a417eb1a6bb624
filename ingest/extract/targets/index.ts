import type { DocumentMeta, StructuredDocument, Target } from '../../../core/types.ts';
import { findLocalities } from '../../../core/vocab/localities.ts';
import { tagFields } from '../fields.ts';
import { canonicalDoc, passageAt } from '../text/index.ts';
import { horizonIn, isAnnual, nearestYear, NO_HORIZON, resolveHorizon, type Horizon } from './horizon.ts';
import { indicatorLabel } from './indicator.ts';
import { quantities, type Quantity } from './quantity.ts';
import { clauses, objectiveLines } from './scope.ts';
import { readSubject, type SubjectReading } from './subject.ts';
import { tableTargets } from './table.ts';
import { documentContext, type DocumentContext } from './context.ts';
import {
  asideReading,
  asideSpans,
  completeElided,
  lineLabel,
  structureShare,
  withoutAsides,
} from './neighbours.ts';
import { dedupeTargets, isValidTarget, type TargetDraft } from './validate.ts';
import { withoutEscapes } from './markup.ts';

/**
 * Targets stage: the quantitative aims a document itself sets — in its objective parts, inline aims and
 * indicator tables — each with what it measures (subject, metric), value or range, comparator, unit, year
 * or period, the agency that follows it (indicator tables) and whether it is a national aim. Baselines,
 * figures of other provinces, spending and legal amounts are not targets; a target stated twice (body and
 * appendix) is one target; a target without a subject, a value or a year/period is dropped.
 */
export function extractTargets(written: StructuredDocument, meta: DocumentMeta): Target[] {
  const doc = withoutEscapes(canonicalDoc(written));
  const ctx = documentContext(meta, doc.parsed.text);
  const drafts = [...proseTargets(doc, meta, ctx), ...tableTargets(doc, meta, ctx)];
  return dedupeTargets(drafts.filter(isValidTarget)).map((d, ordinal) => ({
    ...d,
    id: `${doc.id}:g${ordinal}`,
    ordinal,
    passageId: passageAt(doc.passages, d.start),
  }));
}

/** The current state, a past result or an estimate ("Hiện nay …", "Ước thực hiện …", "Theo thống kê, …"), not an aim. */
const BASELINE =
  /^(?:[-+•]\s*)?(?:Hiện nay|Hiện tại|Tính đến|Đến nay|Kết quả|Đã đạt|Qua \d+ năm|Sau \d+ năm|Ước (?:đạt|tính|thực hiện)|Dự kiến|Dự báo|Theo (?:thống kê|số liệu))(?![\p{L}\p{M}])/u;
/** "(Trong đó: VNPT: 25 trạm, …)": a breakdown of the figure before it, not a target of its own. */
const BREAKDOWN = /\(\s*trong đó[\s:][^)]*\)/giu;
/** "100% các khu … có tối thiểu 1 trạm": the count qualifies the subject of the percentage. */
const QUALIFIER = /\bcó\s+(?:tối thiểu|ít nhất)\s*$/u;
/**
 * Money and rates set by rule or budget, not aims. Society-wide investment ("Tổng vốn đầu tư phát triển
 * toàn xã hội đạt …") is an indicator of the economy a plan aims at, not the plan's own budget.
 */
const NOT_AIM_AMOUNT =
  /kinh phí|dự toán|nguồn vốn|tổng vốn(?!\s+đầu tư(?:\s+phát triển)?(?:\s+trên địa bàn)?\s+toàn xã hội)|mức chi|mức hỗ trợ|mức thu|lãi suất|lệ phí|(?<![\p{L}\p{M}])phí(?![\p{L}\p{M}])|tỷ lệ phân chia|điều tiết/iu;
/** "được hỗ trợ một lần 300 triệu đồng": a policy's support level, money it grants, not an aim. */
const SUPPORT_AMOUNT = /hỗ trợ(?:\s+(?:một lần|thêm|bằng|với mức|mức|là|kinh phí|tiền|ngay))*\s*$/iu;
/** A rule's rate or cap ("theo mức 60 triệu đồng/hộ", "mức trích … bằng 1%", "chỉ được sử dụng tối đa 50%"). */
const RULE_RATE =
  /(?<![\p{L}\p{M}])(?:theo mức|mức trích|trích lập|chỉ được|không được|được phép)(?![\p{L}\p{M}])/iu;
/** A scoring rule of an allocation formula ("Trên 10.500 tỷ đồng thêm 0,5 điểm"), not an aim. */
const SCORING = /(?:được|thêm|cộng|trừ)\s+\d+(?:[.,]\d+)?\s+điểm(?![\p{L}\p{M}])/iu;
/** The distribution list of the signature block ("Lưu: VT, KTN (100 bản)"). */
const DISTRIBUTION = /^(?:[-+•]\s*)?(?:Lưu|Nơi nhận)\s*:/u;
const NATIONAL = /cả nước|toàn quốc|đất nước|(?<!R)\bGDP\b/u;

function isBaseline(text: string): boolean {
  return BASELINE.test(text);
}

/** A clause about another province (and not this document's), e.g. a comparison figure. */
function aboutOtherProvince(text: string, meta: DocumentMeta): boolean {
  if (!meta.province) return false;
  const found = findLocalities(text);
  return found.length > 0 && found.every((l) => l.province !== meta.province && l.name !== meta.locality);
}

/**
 * A number that opens the clause as a row or item index, not a count: the row number of a table or list
 * ("8 xã Tân Tiến", "3.1 Khu vực nước cấp …", "4 Tổ chức các hoạt động …") — the word after it is
 * capitalised, or a name follows the unit.
 */
function isRowIndex(q: Quantity, text: string): boolean {
  if (q.kind === 'percent' || q.index !== q.numberAt || text.slice(0, q.index).trim() !== '') return false;
  const unit = text.slice(q.numberAt).replace(/^[\d.,]+\s*/u, '');
  const after = text.slice(q.index + q.raw.length);
  return /^\p{Lu}/u.test(unit) || /^\s+\p{Lu}\p{Ll}/u.test(after);
}

/** "đạt 76,5% mục tiêu", "bằng 102% kế hoạch": how far a plan was met, a result. */
const SHARE_OF_PLAN = /^\s*(?:so với\s+)?(?:mục tiêu|kế hoạch|chỉ tiêu)(?![\p{L}\p{M}])/iu;

/** "phấn đấu tỷ lệ giải ngân … đạt 95% kế hoạch": a share of plan the document aims at, not one reached. */
const STRIVES = /(?:phấn đấu|mục tiêu)(?![\p{L}\p{M}])/iu;

/** "2 lần/tháng", "02 lần/năm": how often something is done, not an aim. */
function isFrequency(q: Quantity, text: string): boolean {
  return q.kind === 'times' && /^\s*\//u.test(text.slice(q.index + q.raw.length));
}

function skipQuantity(q: Quantity, text: string, seenPercent: boolean, breakdowns: number[][]): boolean {
  if (breakdowns.some(([from, to]) => q.index >= from! && q.index < to!)) return true;
  if (isRowIndex(q, text) || isFrequency(q, text) || RULE_RATE.test(text.slice(0, q.index))) return true;
  if (
    q.kind === 'percent' &&
    SHARE_OF_PLAN.test(text.slice(q.index + q.raw.length)) &&
    !STRIVES.test(text.slice(0, q.index))
  )
    return true;
  if (q.kind === 'money' && SUPPORT_AMOUNT.test(text.slice(0, q.index))) return true;
  if (seenPercent && q.kind !== 'percent' && QUALIFIER.test(text.slice(0, q.numberAt))) return true;
  if (q.kind === 'percent' && SHARE_OF_GDP.test(text.slice(q.index + q.raw.length))) return false;
  return (q.kind === 'money' || q.kind === 'percent') && NOT_AIM_AMOUNT.test(text);
}

/** "Kinh phí chi cho R&D đạt 2% GDP": spending set as a share of the economy is an aim, not a budget figure. */
const SHARE_OF_GDP = /^\s*(?:GRDP|GDP)(?![\p{L}\p{M}])/u;

/** After a figure, words that still belong to it ("/năm", "trở lên") and the separator before the next item. */
const FIGURE_TAIL = /^(?:\s*\/\s*[\p{L}\p{M}]+|\s+trở\s+(?:lên|xuống))?[\s,;]*/u;

/** Only connectors and a year between two quantities: the second repeats the first's subject. */
const ONLY_LINK =
  /^[\s,;]*(?:và|hoặc)?[\s,;]*(?:(?:vào|đến|tới|trong)?\s*năm\s+20\d\d)?[\s,;]*(?:và|hoặc)?[\s,;]*(?:(?:phấn đấu|đạt|lên|khoảng|xuống|còn|ở mức|dưới|trên)\s*)*$/iu;

/**
 * The kept quantities of a clause with what each measures. A quantity after another one reads its
 * subject from the words between them ("tỷ lệ A đạt 90%, tỷ lệ B đạt 80%"), or repeats the previous
 * subject when only a year or "và" stands between ("đạt 90% năm 2026 và 95% năm 2030").
 */
interface MeasuredQuantity {
  q: Quantity;
  s: SubjectReading;
}

function measuredQuantities(text: string, context: string): MeasuredQuantity[] {
  const out: MeasuredQuantity[] = [];
  const breakdowns = [...text.matchAll(BREAKDOWN)].map((b) => [b.index, b.index + b[0].length]);
  let percent = false;
  let from = 0;
  let prev: SubjectReading | null = null;
  const asides = asideSpans(text);
  for (const q of quantities(text)) {
    const start = from;
    // the next item's words start after this figure's tail ("0,3%/năm, tỷ lệ …", "7 xã trở lên, số xã …")
    from = q.index + q.raw.length + (FIGURE_TAIL.exec(text.slice(q.index + q.raw.length))?.[0].length ?? 0);
    if (skipQuantity(q, text, percent, breakdowns)) continue;
    percent ||= q.kind === 'percent';
    // "dưới 17% (khu vực miền núi dưới 28%) vào năm 2025 và dưới 15% …": the bracket sets the measure for a
    // part; the figures around it keep reading one subject
    const aside = asides.find(([open, close]) => q.index > open && q.index < close);
    // "(tương đương 1.200 xã)": the same figure restated, one target
    if (aside && prev && RESTATES.test(text.slice(aside[0] + 1, q.index))) continue;
    // "(khu vực thành phố dưới 11% và khu vực nông thôn dưới 7%)": each figure's part is named after the one before
    const part = aside && prev ? asideReading(prev, text.slice(Math.max(aside[0], start), q.index)) : null;
    if (aside && part) {
      out.push({ q, s: part });
      continue;
    }
    const shifted = { ...q, index: q.index - start, numberAt: q.numberAt - start };
    const s: SubjectReading =
      prev && ONLY_LINK.test(withoutAsides(text.slice(start, q.index)))
        ? prev
        : readSubject(text.slice(start), shifted, context);
    prev = s;
    out.push({ q, s });
  }
  return out;
}

/** A clause that opens with its time and names no subject: "năm 2030 đạt 95%", "giai đoạn 2026-2030 đạt …". */
const ONLY_WHEN =
  /^(?:(?:đến|tới|vào)\s+)?(?:(?:hết|cuối)\s+)?(?:năm\s+20\d\d|giai đoạn\s+20\d\d\s*[-–]\s*20\d\d)\s*,?\s*(?:đạt|là|còn|tăng|giảm|lên)?\s/iu;

/** Words that open a bracket restating the figure before it in other terms. */
const RESTATES = /^\s*(?:tương đương|tương ứng|tức là|tức|bằng|khoảng)(?![\p{L}\p{M}])/iu;

/** "giai đoạn 2011-2015" in a document of 2016: a span already over, so its figures are results. */
function isPast(span: string | null, issued: number | null): boolean {
  return span !== null && issued !== null && Number(span.slice(-4)) < issued;
}

/**
 * The reading of a figure with what the line around it tells: "… đạt 85%; năm 2030 đạt 95%" (a clause of
 * only a time and a figure measures what the one before did), elliptical items and structure shares
 * (see neighbours.ts).
 */
function inLine(
  m: MeasuredQuantity,
  text: string,
  last: SubjectReading | null,
  label: string,
): SubjectReading {
  const s = m.s.subject === '' && last !== null && ONLY_WHEN.test(text) ? last : completeElided(m.s, last);
  return structureShare(s, m.q, label);
}

/**
 * "A dưới 10%; B dưới 19%; C dưới 20% vào năm 2025": a year closing a list of items holds for the items
 * before it that state none. `open` are the drafts of the line still without their own horizon.
 */
function closeList(open: TargetDraft[], own: Horizon): void {
  if (own.year === null) return;
  for (const d of open.splice(0)) [d.year, d.period] = [own.year, d.period === 'hằng năm' ? d.period : null];
}

function proseTargets(doc: StructuredDocument, meta: DocumentMeta, ctx: DocumentContext): TargetDraft[] {
  const out: TargetDraft[] = [];
  for (const { line, heading, path } of objectiveLines(doc, ctx.issued)) {
    // "Đến năm 2030, A đạt …; B đạt …; C …": the clauses after the first keep its horizon
    let sentence: Horizon = NO_HORIZON;
    let last: SubjectReading | null = null;
    const label = lineLabel(line.text);
    const unstated: TargetDraft[] = [];
    for (const { clause, context } of clauses(line)) {
      const text = clause.text;
      if (isBaseline(text) || DISTRIBUTION.test(text) || SCORING.test(text)) continue;
      const span = horizonIn(context).span;
      if (aboutOtherProvince(text, meta) || isPast(span, ctx.issued)) continue;
      for (const m of measuredQuantities(text, context)) {
        const { q } = m;
        const s = inLine(m, text, last, label);
        if (s.subject !== '') last = s;
        const offset = context.length - text.length;
        const near = nearestYear(context, offset + q.numberAt, offset + q.index + q.raw.length);
        if (near && ctx.issued !== null && near.year < ctx.issued) continue; // "năm 2024 đạt …": a baseline
        const own = { year: near?.year ?? null, span };
        if (own.year !== null || own.span !== null) sentence = own;
        if (own.year !== null && near?.by) closeList(unstated, own);
        const h = resolveHorizon([own, sentence, heading, ctx.title]);
        const draft: TargetDraft = {
          indicator: s.indicator || indicatorLabel(text, q.index, q.raw, q.unit),
          subject: s.subject,
          metric: s.metric,
          text: context,
          value: q.value,
          valueMin: q.valueMin,
          valueMax: q.valueMax,
          unit: q.unit,
          comparator: q.comparator,
          year: h.year,
          period: isAnnual(text) ? 'hằng năm' : h.span,
          responsibleAgency: null,
          national: ctx.central || NATIONAL.test(context),
          fields: tagFields(context, path),
          start: clause.start,
        };
        if (sentence.year === null && sentence.span === null) unstated.push(draft);
        out.push(draft);
      }
    }
  }
  return out;
}
