import { findLocalities } from '../../../core/vocab/localities.ts';
import type { TargetMetric } from '../../../core/types.ts';
import { ABBREVIATIONS } from '../../../core/vocab/agency-gazetteer.ts';
import { canonicalSubject } from '../../../core/vocab/target-subjects.ts';
import { squash } from '../text/index.ts';
import type { Quantity } from './quantity.ts';

/**
 * What a target's value measures. The noun phrase is read on the side of the number the wording puts
 * it: before it when a measure opens the phrase ("tỷ lệ phủ sóng mạng 5G … đạt 100%", "Quy mô kinh tế
 * số đạt 40% GRDP"), after it when the number quantifies a population ("100% các khu công nghiệp có …",
 * "ít nhất 20 mô hình sản xuất …"). The measure word, the GRDP tail, the unit's kind and verbs of change
 * ("tăng", "giảm") give the metric; the subject vocabulary turns known wordings into one canonical subject.
 */

export interface SubjectReading {
  subject: string;
  metric: TargetMetric;
  /** True when the subject is a canonical entry of the vocabulary. */
  canonical: boolean;
  /** Short label as written ("Quy mô kinh tế số trong GRDP"); empty when the wording gives none. */
  indicator: string;
}

/** Words that open a target sentence without being part of what is measured. */
const LEADING_FILLER =
  /^(?:[-+•·]|\d+(?:\.\d+)*[.)]|[a-zđ]\))?\s*(?:(?:phấn đấu|phần đầu|đảm bảo|bảo đảm|hoàn thành|tổ chức|duy trì|điều chỉnh|có|đạt|đưa|nâng|trong đó|đồng thời|mục tiêu|chỉ tiêu|(?:trong\s+)?giai đoạn\s+\d{4}\s*[-–]\s*\d{4}|(?:đến|tới) (?:hết )?(?:năm\s+)?20\d\d|hằng năm|hàng năm|mỗi năm|tối thiểu|ít nhất|cụ thể)[\s,:]*)*/iu;

/** Linking verbs and comparators between the measured phrase and its value. */
const TRAILING_LINK =
  /(?:\s+(?:đạt|(?<!trở\s)lên|là|chiếm|ở mức|tăng|giảm|còn|xuống|khoảng|bình quân|trên|dưới|từ|ít nhất|tối thiểu|tối đa|không dưới|không thấp hơn|có|hơn|đạt mức|phấn đấu|(?<!(?:và|hoặc)\s)trung bình|đóng góp|gấp|duy trì))+\s*$/iu;

const TIME_PHRASE =
  /\s*,?\s*(?:(?:trong\s+)?giai đoạn\s+\d{4}\s*[-–]\s*\d{4}|(?:đến|tới|vào|cả) (?:hết |cuối )?năm\s+\d{4}|(?:đến|tới) 20\d\d(?![\d/.])|năm\s+20\d\d(?!\s*[-–])|hằng năm|hàng năm|mỗi năm)\s*,?/giu;

/** Measures that open a phrase: the metric they imply and whether they are dropped from the subject. */
const MEASURE_HEAD =
  /^(?:(tỷ lệ|tỉ lệ)|(tỷ trọng|tỉ trọng|quy mô|đóng góp(?:\s+(?:vào|cho))?)|(tốc độ tăng trưởng|tốc độ tăng|mức tăng|tăng trưởng bình quân)|(mức giảm)|(tổng số|số lượng|số))\s+/iu;

const GRDP_TAIL = /^\s*(?:(?:vào|trong|của|so với)\s+)?(?:tổng\s+)?(GRDP|GDP|tổng sản phẩm)\b[^,;.]*/u;
const GRDP = /\b(?:GRDP|GDP)\b|tổng sản phẩm (?:trên địa bàn|trong nước)/u;

/** Where a noun phrase after the number stops (not at a point inside a name or number: "bụi PM2.5"). */
const AFTER_STOP =
  /[;:(]|\.(?![\p{L}\d])|,\s*(?=\d)|,\s+(?=(?:góp phần|nhằm|để|tạo|bảo đảm|đảm bảo|đáp ứng|trong đó|phấn đấu|hình thành|nâng|làm|đồng thời|từng bước|qua đó|với|đạt)(?![\p{L}\p{M}]))|\s(?:nhằm|để|góp phần|tạo ra|qua đó|làm hình mẫu|so với)\s/u;

const LOCAL_FILLER =
  /\s*trên địa bàn(?:\s+(?:tỉnh|thành phố|toàn tỉnh|toàn thành phố))?(?:\s+\p{Lu}\p{Ll}*)*/gu;

/** Longest subject kept, in words. */
const MAX_WORDS = 32;

/** A clause that qualifies the unit rather than naming what it counts ("người có trình độ …", "người được đào tạo"). */
const RELATIVE_CLAUSE = /^(?:có|được|đã|đang|tham gia|sử dụng|biết|đạt)\s/iu;

/** Units that count people or events and are followed by what they count ("3.000 lượt nhân lực"). */
const CLASSIFIER_UNITS = new Set([
  'lượt',
  'người',
  'lao động',
  'triệu lượt',
  'nghìn lượt',
  'triệu người',
  'nghìn người',
]);

function expand(s: string): string {
  let out = s;
  for (const [re, full] of ABBREVIATIONS) out = out.replace(re, full);
  return out;
}

/** Clean phrase: abbreviations expanded, fillers dropped, lower-cased first letter unless an acronym. */
function tidy(s: string): string {
  const t = squash(expand(s).replace(LOCAL_FILLER, ' '))
    .replace(/^[\s,;:.–-]+/u, '')
    .replace(/^(?:các|những|đội ngũ|toàn bộ|số)\s+/iu, '')
    .replace(/[\s,;:–-]+$/u, '')
    .trim();
  const words = t.split(' ');
  const capped = words.length > MAX_WORDS ? words.slice(0, MAX_WORDS).join(' ') : t;
  if (!/\p{Ll}/u.test(capped)) return lowerCaps(capped);
  // "Nồng độ bụi …" → "nồng độ bụi …"; a name ("Hà Nội", "Thành phố Hồ Chí Minh") keeps its capitals
  return /^\p{Lu}\p{Ll}*(?:\s+\p{Ll}|$)/u.test(capped) && findLocalities(capped)[0]?.start !== 0
    ? capped.charAt(0).toLowerCase() + capped.slice(1)
    : capped;
}

/**
 * A phrase read from a title in capitals ("TĂNG TRƯỞNG CẢ NƯỚC") in lower case; a code in brackets
 * ("(GRDP)") or with a digit stays as written.
 */
function lowerCaps(s: string): string {
  return s.replace(/\([^()]*\)|[^\s()]+/gu, (w) =>
    w.startsWith('(') || /\d/u.test(w) ? w : w.toLowerCase(),
  );
}

/** Where the aim itself starts: after the last "mục tiêu" or "phấn đấu" ("…, trước mắt là phấn đấu tăng trưởng …"). */
function afterAimWord(before: string): string {
  const lower = before.toLowerCase();
  const ends = ['mục tiêu', 'phấn đấu'].map((w) => {
    const at = lower.lastIndexOf(w);
    return at >= 0 ? at + w.length : 0;
  });
  return before.slice(Math.max(...ends));
}

/** A short name or code in brackets ("(AQI)", "(PM2.5)", "(IoT)"): no break in the phrase. */
const SHORT_ASIDE = /\s*\([^(),;:]{1,16}\)/gu;

/** The last piece of the text before the number (after the last aim word, sentence or clause break). */
function lastPiece(before: string): string {
  // "chỉ số chất lượng không khí (AQI) ở mức tốt": a short name in brackets is part of the phrase
  const from = afterAimWord(before).replace(SHORT_ASIDE, '');
  // "Lắp đặt mới trạm 3G/4G: 58 trạm": the label before the colon names what is counted.
  const label = from.replace(/:\s*$/u, ' ');
  return (
    label
      .split(
        /[.;:]\s|\.$|\)\s*,?\s*(?=\S)|,\s*(?=(?:trong đó|đồng thời|phấn đấu|mục tiêu|chỉ tiêu|cụ thể|nâng)(?![\p{L}\p{M}]))/iu,
      )
      .pop() ?? ''
  );
}

/** The measured phrase before the number: its last piece without fillers, time phrases and links. */
function beforePhrase(before: string): string {
  const s = cleanPhrase(lastPiece(before));
  // "Tỷ lệ … theo quy chuẩn: năm 2026 đạt 60%, …": only a time after the colon, the label names it
  const colon = before.lastIndexOf(':');
  return s === '' && colon > 0 ? cleanPhrase(lastPiece(before.slice(0, colon))) : s;
}

/** A verb of change before a measure word ("Giảm tỷ lệ … xuống dưới 15%", "Tăng tỷ lệ … lên 30%"): the value is the level aimed at. */
const CHANGE_VERB =
  /^(?:giảm|tăng|nâng cao|nâng|hạ thấp|hạ)\s+(?=(?:tỷ|tỉ)\s+(?:lệ|trọng)(?![\p{L}\p{M}]))/iu;

function cleanPhrase(piece: string): string {
  let s = squash(piece.replace(TIME_PHRASE, ' '));
  for (let i = 0; i < 3; i++)
    s = squash(s.replace(LEADING_FILLER, '').replace(CHANGE_VERB, '').replace(TRAILING_LINK, ''));
  return s;
}

/** An enumeration in brackets inside the phrase ("nông nghiệp chủ lực (lúa, xoài, …) ứng dụng …"), not a breakdown. */
const ASIDE = /\s*\((?!\s*trong đó)[^()]*\)/giu;

function afterPhrase(after: string): string {
  const s = after
    .replace(ASIDE, '')
    .replace(GRDP_TAIL, '')
    .replace(/^\s*,?\s*(?:vào\s+|trong\s+)?năm\s+20\d\d/u, '');
  if (/^\s*(?:và|hoặc|,|trở lên|trở xuống|so(?![\p{L}\p{M}])|\/)/iu.test(s)) return '';
  const cut = AFTER_STOP.exec(s);
  return squash((cut ? s.slice(0, cut.index) : s).replace(TIME_PHRASE, ' ')).replace(
    /^(?:các|những)\s+/iu,
    '',
  );
}

interface Head {
  rest: string;
  metric: TargetMetric | null;
}

function measureHead(phrase: string): Head {
  const m = MEASURE_HEAD.exec(phrase);
  if (!m) return { rest: phrase, metric: null };
  const rest = phrase.slice(m[0].length);
  const metric: TargetMetric | null = m[1]
    ? 'tỷ lệ'
    : m[2]
      ? 'tỷ trọng trong GRDP'
      : m[3]
        ? 'tốc độ tăng trưởng'
        : m[4]
          ? 'mức giảm'
          : 'số lượng';
  // "Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP)": what grows is the product itself, not a share of it
  return { rest: (metric === 'tốc độ tăng trưởng' ? rest : rest.replace(GRDP_TAIL, '')).trim(), metric };
}

/** "Giảm số vị thành niên có thai ngoài ý muốn: 15%": an item that opens with the reduction it sets. */
const REDUCE_ITEM = /^\s*(?:[-+•]\s*)?giảm\s/iu;
/** "… xuống dưới 30%", "… còn 10%": the level a reduction aims at, not its size. */
const DOWN_TO = /(?:xuống|còn|ở mức)\s*$/iu;

/**
 * A reduction: the measure says so ("mức giảm"), "giảm" stands right before the figure ("giảm trung bình
 * 0,3%/năm"), the figure is signed ("-0,2 điểm phần trăm"), or the item opens with "Giảm" and gives the size
 * of the cut, not the level aimed at ("Giảm … : 15% so năm 2022").
 */
function isReduction(head: TargetMetric | null, before: string): boolean {
  // a sign stuck to the figure ("…: -0,2"), not a list dash ("- 100% xã …")
  if (head === 'mức giảm' || /[\s:(][-−]$/u.test(before)) return true;
  if (
    /\bgiảm(?:\s+(?:bình quân|trung bình|ít nhất|tối thiểu|khoảng|trên|thêm))*\s*$/iu.test(before.slice(-40))
  )
    return true;
  return REDUCE_ITEM.test(lastPiece(before)) && !DOWN_TO.test(before);
}

function metricOf(q: Quantity, head: TargetMetric | null, before: string, after: string): TargetMetric {
  if (q.kind === 'rank') return 'xếp hạng';
  const tail = before.slice(-40);
  if (isReduction(head, before)) return 'mức giảm';
  // "tăng thêm 7 xã" counts what is added; a rise of a rate or an amount is a growth
  const rises =
    q.kind !== 'count' &&
    /\btăng(?:\s+(?:bình quân|trung bình|thêm|ít nhất|tối thiểu|khoảng|trên|gấp))*\s*$/iu.test(tail);
  if (head === 'tốc độ tăng trưởng' || /tăng trưởng/iu.test(tail) || rises) return 'tốc độ tăng trưởng';
  if (q.kind === 'percent')
    return GRDP.test(lastPiece(before)) || GRDP_TAIL.test(after) ? 'tỷ trọng trong GRDP' : 'tỷ lệ';
  if (q.kind === 'times' || q.kind === 'other') return 'khác';
  if (q.kind === 'money' || q.kind === 'mass') return 'giá trị';
  if (q.kind === 'area') return 'diện tích';
  return 'số lượng';
}

interface Phrase {
  /** The measured phrase without its measure word. */
  phrase: string;
  /** As written, measure word included (the indicator label). */
  written: string;
  head: TargetMetric | null;
}

/** Subject phrase for the quantity `q` of `clause` (before/after the number, see the module note). */
function subjectPhrase(clause: string, q: Quantity): Phrase {
  const before = clause.slice(0, q.index);
  const after = clause.slice(q.index + q.raw.length);
  const whole = beforePhrase(before);
  const b = measureHead(whole);
  const a = afterPhrase(after);
  if (q.kind === 'rank') {
    const about = /(?<![\p{L}\p{M}])về\s+([^;.]+)/u.exec(after);
    const phrase = about ? afterPhrase(about[1]!) : b.rest;
    return { phrase, written: phrase, head: null };
  }
  if (q.kind === 'count') {
    if (a === '' && b.rest !== '') return { phrase: b.rest, written: whole, head: b.metric };
    // "3.000 lượt nhân lực" counts "nhân lực"; "500 người có trình độ thạc sĩ" counts people who have it
    const classified = CLASSIFIER_UNITS.has(q.unit) && a !== '' && !RELATIVE_CLAUSE.test(a);
    const counted = classified ? a : `${q.unit} ${a}`.trim();
    return { phrase: counted, written: counted, head: b.metric };
  }
  // "… đạt 3% tổng chi ngân sách": what follows is the base of the share, not what is measured; in "Label:
  // value" the label names it ("Tỷ số giới tính khi sinh: 111,4 số bé trai/100 bé gái sinh ra sống")
  const base = /^\s*(?:tổng|của|trong)\s/iu.test(after.replace(GRDP_TAIL, ''));
  const labelled = /:\s*$/u.test(before);
  if (b.rest !== '' && (b.metric !== null || a === '' || base || labelled))
    return { phrase: b.rest, written: whole, head: b.metric };
  return a !== ''
    ? { phrase: a, written: a, head: b.metric }
    : { phrase: b.rest, written: whole, head: b.metric };
}

/** Short label as written: at most 14 words, with the GRDP it is a share of. */
function label(written: string, metric: TargetMetric): string {
  const w = squash(written.replace(/^[\s,;:.–-]+/u, '')).split(' ');
  const s = w.length > 14 ? w.slice(0, 14).join(' ') : w.join(' ');
  return metric === 'tỷ trọng trong GRDP' && !GRDP.test(s) && s !== '' ? `${s} trong GRDP` : s;
}

/**
 * "Đóng góp của năng suất nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế": the share of growth a factor
 * accounts for — a percentage of the growth, not a growth rate nor a share of GRDP.
 */
const CONTRIBUTION =
  /^(?:(?:tỷ|tỉ) lệ\s+)?(đóng góp\s+(?:của\s+)?.+?\s+vào\s+(?:tốc độ\s+)?tăng trưởng.*)$/iu;

/** Subject and metric of the quantity `q` in `clause`; `context` is searched for a canonical subject when the phrase is empty. */
export function readSubject(clause: string, q: Quantity, context = clause): SubjectReading {
  const share = q.kind === 'percent' ? CONTRIBUTION.exec(beforePhrase(clause.slice(0, q.index))) : null;
  if (share) {
    const subject = tidy(share[1]!);
    return { subject, metric: 'tỷ lệ', canonical: false, indicator: label(share[0], 'tỷ lệ') };
  }
  const { phrase, written, head } = subjectPhrase(clause, q);
  const before = clause.slice(0, q.index);
  const after = clause.slice(q.index + q.raw.length);
  let metric = metricOf(q, head, before, after);
  // "Xếp hạng đổi mới công nghệ …": the ranking is the metric, what is ranked the subject; "Giảm số vị
  // thành niên …": the reduction is the metric, what is reduced the subject
  const subject = tidy(
    phrase.replace(metric === 'mức giảm' ? /^(?:[-+•]\s*)?giảm\s+(?:số\s+)?/iu : /^$/u, ''),
  ).replace(metric === 'xếp hạng' ? /^(?:xếp hạng|thứ hạng)\s+/iu : /^$/u, '');
  const entry =
    canonicalSubject(subject) ??
    // "Tốc độ tăng trưởng kinh tế (GRDP)": the measure word named the growth, the rest what grows
    (head === 'tốc độ tăng trưởng' && subject !== '' ? canonicalSubject(`tăng trưởng ${subject}`) : null) ??
    (subject === '' ? canonicalSubject(context) : null);
  if (entry?.percentMetric && q.kind === 'percent') metric = entry.percentMetric;
  if (entry?.subject === 'tăng trưởng kinh tế' && q.kind === 'percent') metric = 'tốc độ tăng trưởng';
  return {
    subject: entry ? entry.subject : subject,
    metric,
    canonical: entry !== null,
    indicator: label(written === '' && entry ? entry.subject : written, metric),
  };
}
