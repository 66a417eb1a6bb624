import {
  expandAbbreviations,
  expandSharedHead,
  knownAgency,
  splitAgencies,
  startsWithAgencyHead,
} from './agencies.ts';

/** Agencies an item opens with, and the rest of the item. */
export interface LeadingAgency {
  names: string[];
  rest: string;
}

const ACTION =
  /\s(?:căn cứ|xây dựng|tổ chức thực hiện|tổ chức triển khai|chủ trì|phối hợp|tham mưu|triển khai|chỉ đạo|lãnh đạo|tuyên truyền|quán triệt|rà soát|hướng dẫn|thực hiện|theo dõi|chủ động|nghiên cứu|tăng cường|đẩy mạnh|bố trí|kiểm tra|là cơ quan|là đầu mối|có trách nhiệm|chịu trách nhiệm)\b/u;

const LEAD_IN = /^(?:Giao cho|Giao|Đề nghị|Yêu cầu)\s+/u;

/** Longest gazetteer agency at the start of `text` (up to 16 words). */
function gazetteerPrefix(text: string): { name: string; rest: string } | null {
  const words = text.split(' ');
  for (let k = Math.min(16, words.length); k >= 1; k--) {
    const cand = words
      .slice(0, k)
      .join(' ')
      .replace(/[,:;.]+$/, '');
    if (/\s(?:chủ trì|phối hợp|thực hiện)$/iu.test(cand)) continue;
    if (knownAgency(cand)) return { name: cand, rest: words.slice(k).join(' ') };
  }
  return null;
}

/** "Ủy ban nhân dân | các huyện, thành phố": the rest still belongs to the agency name. */
const LOCAL_TAIL = /^(?:các|cấp|xã|phường|huyện|quận|thị xã|thành phố|tỉnh)(?=[\s,]|$)/u;

function tidyRest(s: string): string {
  return s.replace(/^[\s,:;.\-–]+/u, '').trim();
}

/**
 * The agencies an assignment item opens with: "Sở Y tế có trách nhiệm: …", "Sở Tài chính: …",
 * "UBND thành phố xây dựng kế hoạch …", "Giao Công an tỉnh chủ trì, …", a heading that is only a list
 * of agencies ("Sở Thông tin và Truyền thông, Báo, Đài Phát thanh – Truyền hình"). Null otherwise.
 */
export function leadingAgency(raw: string): LeadingAgency | null {
  const text = expandAbbreviations(raw).replace(LEAD_IN, '').replace(/\s+/g, ' ').trim();
  if (!startsWithAgencyHead(text)) return null;
  if (expandSharedHead(text) !== text) {
    const names = splitAgencies(text);
    if (names.length > 1 && names.every((n) => knownAgency(n))) return { names, rest: '' };
  }
  const duty = /^(.{3,200}?)\s*(?:có trách nhiệm|chịu trách nhiệm)\s*:?\s*(.*)$/u.exec(text);
  if (duty && !ACTION.test(` ${duty[1]!}`.replace(/\s(?:có|chịu) trách nhiệm\b/u, ''))) {
    return { names: splitAgencies(duty[1]!), rest: tidyRest(duty[2]!) };
  }
  const colon = /^([^:]{3,200}):\s*(.*)$/u.exec(text);
  if (colon && !ACTION.test(` ${colon[1]!}`))
    return { names: splitAgencies(colon[1]!), rest: tidyRest(colon[2]!) };
  const known = gazetteerPrefix(text);
  if (known && !LOCAL_TAIL.test(known.rest) && (known.rest === '' || /^[\p{Ll},]/u.test(known.rest))) {
    if (/^,/.test(known.rest)) return null;
    return { names: [known.name], rest: tidyRest(known.rest) };
  }
  const action = ACTION.exec(text);
  if (action && action.index > 2) {
    return { names: splitAgencies(text.slice(0, action.index)), rest: tidyRest(text.slice(action.index)) };
  }
  if (text.length <= 160 && !/[.;]$/.test(text)) return { names: splitAgencies(text), rest: '' };
  return null;
}

const STOP =
  /\s(?:tổ chức thực hiện|tổ chức triển khai|tổ chức các|tổ chức(?=,)|triển khai|xây dựng|rà soát|tham mưu|thực hiện|hướng dẫn|kiểm tra|đề xuất|cung cấp|theo dõi|đôn đốc|trong|để|nhằm|đẩy mạnh|tuyên truyền|phổ biến|giải quyết|báo cáo|xem xét|nghiên cứu|thẩm định|lấy ý kiến|hoàn thiện|ban hành|trình|tiếp nhận|bố trí|phân bổ|quản lý|lập|chỉ đạo|tăng cường|khai thác|vận động|theo|về|tại)(?=[\s,])/u;

/** Agencies named by "phối hợp (chặt chẽ) với …" inside an item. */
export function coordinatingPhrase(text: string): string[] {
  const m = /phối hợp(?:\s+chặt chẽ)?\s+với\s+(.+)$/iu.exec(expandAbbreviations(text));
  if (!m) return [];
  const tail = ` ${m[1]!}`;
  const stop = STOP.exec(tail);
  const phrase = (stop ? tail.slice(0, stop.index) : tail).split(/[.;:]/)[0] ?? '';
  return splitAgencies(phrase).filter((n) => startsWithAgencyHead(n) || /^(?:sở|cơ quan|đơn vị)/iu.test(n));
}
