import type { DeadlineNorm } from '../../../core/types.ts';
import { fold } from '../../../core/text/normalize.ts';

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function quarterOf(q: string): number | undefined {
  return /^\d$/.test(q) ? Number(q) : ROMAN[q.toLowerCase()];
}

/**
 * Normalises a deadline as written: "Hằng năm"/"Hàng năm" → annual, "Thường xuyên" → ongoing,
 * "2024-2030"/"Giai đoạn 2024 - 2030"/"Quý IV/2025 - Quý II/2026" → range, "Quý II/2024" → quarter,
 * "30/12/2025"/"30-12-2025"/"30.12.2025"/"Tháng 12/2025" → date, "2025" → year; anything else → other.
 */
export function normalizeDeadline(raw: string | null): DeadlineNorm | null {
  if (raw === null) return null;
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text === '' || text === '-') return null;
  const f = fold(text);
  const years = [...f.matchAll(/\b(20\d{2}|19\d{2})\b/g)].map((m) => Number(m[1]));
  if (/\b(?:hang|hoang) nam\b|\bmoi nam\b|\bdinh ky\b/.test(f) && years.length === 0)
    return { kind: 'annual', text };
  if (/\bthuong xuyen\b|\blien tuc\b/.test(f) && years.length === 0) return { kind: 'ongoing', text };
  const range = /\b(20\d{2})\s*(?:-|–|—|den|den nam)\s*(?:nam\s*)?(20\d{2})\b/.exec(f.replace(/[–—]/g, '-'));
  if (range) return { kind: 'range', from: Number(range[1]), to: Number(range[2]), text };
  const quarters = [...f.matchAll(/\bquy\s*(iv|iii|ii|i|\d)\s*(?:\/|nam)\s*(20\d{2})/g)];
  if (quarters.length >= 2)
    return {
      kind: 'range',
      from: Number(quarters[0]![2]),
      to: Number(quarters[quarters.length - 1]![2]),
      text,
    };
  const q = quarters[0];
  if (q) return { kind: 'quarter', quarter: quarterOf(q[1]!), from: Number(q[2]), to: Number(q[2]), text };
  const date =
    /\b(\d{1,2})[/.-](\d{1,2})[/.-](20\d{2})\b|\bthang\s*(\d{1,2})\s*(?:\/|nam)\s*(20\d{2})\b/.exec(f);
  if (date) {
    const year = Number(date[3] ?? date[5]);
    return { kind: 'date', from: year, to: year, text };
  }
  if (years.length === 1) return { kind: 'year', from: years[0]!, to: years[0]!, text };
  if (years.length > 1) return { kind: 'range', from: Math.min(...years), to: Math.max(...years), text };
  if (/\b(?:hang|hoang) nam\b/.test(f)) return { kind: 'annual', text };
  if (/\bthuong xuyen\b/.test(f)) return { kind: 'ongoing', text };
  return { kind: 'other', text };
}

/** "trước ngày 15/12 hàng năm", "hằng năm (trước ngày 10/12)", "trước ngày 15 tháng 02 hàng năm" → "15/12 hàng năm". */
function yearlyDeadline(text: string): string | null {
  const day = String.raw`(\d{1,2}\/\d{1,2}(?!\/)|\d{1,2} tháng \d{1,2})`;
  const after = new RegExp(String.raw`trước ngày ${day}\s+(hằng|hàng) năm`, 'iu').exec(text);
  if (after) return `${after[1]!} ${after[2]!.toLowerCase()} năm`;
  const before = new RegExp(String.raw`(hằng|hàng) năm\s*\(\s*trước ngày ${day}\s*\)`, 'iu').exec(text);
  if (before) return `${before[2]!} ${before[1]!.toLowerCase()} năm`;
  // "Định kỳ hằng năm tổng hợp, báo cáo … trước ngày 31 tháng 12.": the yearly date later in the sentence.
  const later = new RegExp(
    String.raw`(hằng|hàng) năm[^.;]{0,160}?trước ngày ${day}(?![\d/]|\s+năm)`,
    'iu',
  ).exec(text);
  return later ? `${later[2]!} ${later[1]!.toLowerCase()} năm` : null;
}

/** A date as a deadline states it: "30/12/2025" (or "30-12-2025", "30.12.2025"), "ngày 30 tháng 12 năm 2025", "tháng 11 năm 2025", "Quý I/2026", "năm 2027". */
const WHEN = String.raw`((?:ngày\s+)?\d{1,2}[/.-]\d{1,2}[/.-]20\d{2}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+20\d{2}|tháng\s+\d{1,2}(?:\/|\s+năm\s+)20\d{2}|quý\s+[IV]+(?:\/|\s+năm\s+)20\d{2}|năm\s+20\d{2})`;

/** "trước ngày …", "chậm nhất …": a deadline wherever it stands. */
const STRICT = new RegExp(String.raw`(?:trước|chậm nhất(?:\s+là)?(?:\s+(?:trước|vào))?)\s+${WHEN}`, 'iu');

/** "hoàn thành … trong tháng 11 năm 2025", "ký hợp đồng chính thức trong tháng 12 năm 2025": after a verb of completion. */
const AFTER_VERB = new RegExp(
  String.raw`(?:hoàn thành|xong|thực hiện|báo cáo|xử lý|ban hành|ký|trình|vận hành)[^.;]{0,160}?\s(?:trong|vào|trước)\s+${WHEN}(?![\d/])`,
  'iu',
);

/** "Hằng năm, …", "Định kỳ hàng quý, …", "Thường xuyên …": how often, opening the duty or its intro. */
const PERIODIC_OPENING =
  /^(?:(?:Định kỳ\s+)?(?:[Hh][ằà]ng|[Mm]ỗi)\s+(?:năm|quý|tháng|tuần)|Định kỳ\s+\d+\s+tháng|Thường xuyên)(?=[\s,])/u;

/** The frequency a duty or its intro opens with ("Hằng năm, Quỹ … có trách nhiệm:" → "Hằng năm"), or null. */
export function periodicOpening(text: string): string | null {
  return PERIODIC_OPENING.exec(text.trim())?.[0] ?? null;
}

/** A deadline stated inside prose ("hoàn thành trước ngày 30/12/2025", "trong Quý I/2026", "trước ngày 15/12 hằng năm"). */
export function deadlineInText(text: string): string | null {
  const yearly = yearlyDeadline(text);
  if (yearly) return yearly;
  const m = STRICT.exec(text) ?? AFTER_VERB.exec(text);
  if (!m) return labelledTime(text);
  // A date long past ("trước ngày 01/7/2004" of a land rule) conditions a case, it is no deadline.
  if (Number(/20\d{2}/u.exec(m[1]!)![0]) < 2020) return null;
  return m[1]!.replace(/^ngày\s+(?=\d{1,2}[/.-])/iu, '');
}

/** "… . Thời gian thực hiện: Thường xuyên.", "(thời gian: tháng 12/2026)": the time labelled inside the duty. */
const TIME_LABEL =
  /(?:^|[.;(]\s*)(?:thời gian|thời hạn|tiến độ)(?:\s+(?:thực hiện|hoàn thành|triển khai))?\s*:\s*([^.;()]{2,60})/iu;
/** "Xây dựng tài liệu hướng dẫn (Quý I/2026).": a time in the duty's closing parenthesis. */
const TIME_IN_PARENS =
  /\(\s*((?:(?:trước|trong|từ|đến)\s+)?(?:(?:quý|tháng|năm|giai đoạn)\s+[\dIVX][^()]{0,30}|\d{1,2}\/\d{1,2}\/20\d\d|20\d\d(?:\s*[-–]\s*20\d\d)?))\s*\)[.;]?\s*$/iu;

function labelledTime(text: string): string | null {
  const value = (TIME_LABEL.exec(text)?.[1] ?? TIME_IN_PARENS.exec(text)?.[1])?.trim();
  return value ? value.charAt(0).toUpperCase() + value.slice(1) : null;
}
