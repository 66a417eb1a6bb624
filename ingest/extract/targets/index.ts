import type { DocumentMeta, StructuredDocument, Target } from '../../../core/types.ts';
import { findLocalities } from '../../../core/vocab/localities.ts';
import { tagFields } from '../fields.ts';
import { passageAt } from '../text/index.ts';
import { horizonIn, isAnnual, nearestYear, resolveHorizon } from './horizon.ts';
import { indicatorLabel } from './indicator.ts';
import { quantities, type Quantity } from './quantity.ts';
import { clauses, objectiveLines } from './scope.ts';
import { readSubject } from './subject.ts';
import { tableTargets } from './table.ts';
import { documentContext, type DocumentContext } from './context.ts';
import { dedupeTargets, isValidTarget, type TargetDraft } from './validate.ts';

/**
 * Targets stage: the quantitative aims a document itself sets — in its objective parts, inline aims and
 * indicator tables — each with what it measures (subject, metric), value or range, comparator, unit, year
 * or period, the agency that follows it (indicator tables) and whether it is a national aim. Baselines,
 * figures of other provinces, spending and legal amounts are not targets; a target stated twice (body and
 * appendix) is one target; a target without a subject, a value or a year/period is dropped.
 */
export function extractTargets(doc: StructuredDocument, meta: DocumentMeta): Target[] {
  const ctx = documentContext(meta);
  const drafts = [...proseTargets(doc, meta, ctx), ...tableTargets(doc, meta, ctx)];
  return dedupeTargets(drafts.filter(isValidTarget)).map((d, ordinal) => ({
    ...d,
    id: `${doc.id}:g${ordinal}`,
    ordinal,
    passageId: passageAt(doc.passages, d.start),
  }));
}

/** The current state or a past result ("Hiện nay …", "năm 2024 đạt …"), not an aim. */
const BASELINE =
  /^(?:[-+•]\s*)?(?:Hiện nay|Hiện tại|Tính đến|Đến nay|Kết quả|Đã đạt|Qua \d+ năm|Sau \d+ năm)(?![\p{L}\p{M}])/u;
/** "(Trong đó: VNPT: 25 trạm, …)": a breakdown of the figure before it, not a target of its own. */
const BREAKDOWN = /\(\s*trong đó[\s:][^)]*\)/giu;
/** "100% các khu … có tối thiểu 1 trạm": the count qualifies the subject of the percentage. */
const QUALIFIER = /\bcó\s+(?:tối thiểu|ít nhất)\s*$/u;
/** Money and rates set by rule or budget, not aims. */
const NOT_AIM_AMOUNT =
  /kinh phí|dự toán|nguồn vốn|tổng vốn|mức chi|mức hỗ trợ|mức thu|lãi suất|lệ phí|(?<![\p{L}\p{M}])phí(?![\p{L}\p{M}])|tỷ lệ phân chia|điều tiết/iu;
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

function skipQuantity(q: Quantity, text: string, seenPercent: boolean, breakdowns: number[][]): boolean {
  if (breakdowns.some(([from, to]) => q.index >= from! && q.index < to!)) return true;
  if (seenPercent && QUALIFIER.test(text.slice(0, q.numberAt))) return true;
  return (q.kind === 'money' || q.kind === 'percent') && NOT_AIM_AMOUNT.test(text);
}

function proseTargets(doc: StructuredDocument, meta: DocumentMeta, ctx: DocumentContext): TargetDraft[] {
  const out: TargetDraft[] = [];
  for (const { line, heading, path } of objectiveLines(doc)) {
    for (const { clause, context } of clauses(line)) {
      const text = clause.text;
      if (isBaseline(text) || aboutOtherProvince(text, meta)) continue;
      const breakdowns = [...text.matchAll(BREAKDOWN)].map((b) => [b.index, b.index + b[0].length]);
      const span = horizonIn(context).span;
      let percent = false;
      for (const q of quantities(text)) {
        if (skipQuantity(q, text, percent, breakdowns)) continue;
        percent ||= q.kind === 'percent';
        const near = nearestYear(context, context.length - text.length + q.numberAt);
        if (near && ctx.issued !== null && near.year < ctx.issued) continue; // "năm 2024 đạt …": a baseline
        const h = resolveHorizon([{ year: near?.year ?? null, span }, heading, ctx.title]);
        const s = readSubject(text, q, context);
        out.push({
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
        });
      }
    }
  }
  return out;
}
