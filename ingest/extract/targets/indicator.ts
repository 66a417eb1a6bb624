import { squash } from '../text/index.ts';

/**
 * Short indicator label of a quantitative target: the noun phrase that the number measures, e.g.
 * "tỷ trọng công nghiệp sinh học trong GRDP" for "Phấn đấu tỷ trọng công nghiệp sinh học trong GRDP
 * đạt 7%", "mô hình sản xuất nông nghiệp tuần hoàn" for "Hình thành ít nhất 20 mô hình sản xuất
 * nông nghiệp tuần hoàn, …". The full sentence stays in `Target.text`.
 */

const MAX_WORDS = 12;

/** Verbs and fillers that open a target sentence without being part of the measured noun. */
const LEADING_FILLER =
  /^(?:[-+•·]|\d+(?:\.\d+)*[.)]|[a-zđ]\))?\s*(?:(?:phấn đấu|phần đầu|đảm bảo|bảo đảm|hình thành|hoàn thành|tổ chức|có|đạt|đưa|nâng|trong đó|đồng thời|trong giai đoạn\s+\d{4}\s*[-–]\s*\d{4}|giai đoạn\s+\d{4}\s*[-–]\s*\d{4}|(?:đến|tới) (?:năm\s+)?20\d\d|hằng năm|hàng năm|mỗi năm)[\s,:]*)+/iu;

/** Comparators and linking verbs between the measured noun and its value. */
const TRAILING_LINK =
  /(?:\s+(?:đạt|lên|là|chiếm|ở mức|tăng|giảm|khoảng|bình quân|trên|dưới|từ|ít nhất|tối thiểu|tối đa|không dưới|không thấp hơn|có|hơn|đạt mức|phấn đấu))+\s*$/iu;

/** Nouns that name a measure, so the words before the number are the indicator. */
const MEASURE =
  /(?<![\p{L}\p{M}])(?:tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|quy mô|số lượng|giá trị|tốc độ|năng suất|thu nhập|doanh thu|kim ngạch|mức|chỉ số|tổng|đóng góp|diện tích|sản lượng|số)(?![\p{L}\p{M}])/iu;

function words(s: string, max = MAX_WORDS): string {
  const w = squash(s).split(' ');
  return w.length > max ? w.slice(0, max).join(' ') : w.join(' ');
}

/** The measured noun phrase before the number, when the sentence names the measure first. */
function measureBefore(before: string): string | null {
  const piece = before.split(/[.;:]\s|,\s*(?:trong đó|đồng thời)\s/iu).pop() ?? '';
  const s = squash(piece.replace(LEADING_FILLER, '').replace(TRAILING_LINK, ''));
  const n = s.split(' ').length;
  return n >= 2 && n <= 16 && MEASURE.test(s) ? s : null;
}

/** Indicator label for the quantity `match` found at `index` in `clause`. */
export function indicatorLabel(clause: string, index: number, match: string, unit: string): string {
  const before = clause.slice(0, index);
  const after = clause.slice(index + match.length);
  const measure = measureBefore(before);
  const tail = /^\s*((?:vào|trong|của)\s+)?(GRDP|GDP)(?![\p{L}])/u.exec(after);
  if (measure) return words(tail ? `${measure} ${tail[1] ?? 'trong '}${tail[2]!}` : measure);
  const noun = squash((after.split(/[,.;:(]/u)[0] ?? '').replace(/^\s*(?:các|những)\s+/iu, ''));
  const label = unit === '%' ? noun : `${unit} ${noun}`.trim();
  if (label.split(' ').length >= 2) return words(label);
  const whole = squash(clause.replace(match, ' ')).replace(LEADING_FILLER, '');
  return words(whole);
}
