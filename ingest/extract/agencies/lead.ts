import {
  cleanAgencyName,
  expandAbbreviations,
  knownAgency,
  lookup,
  predicateAt,
  startsWithAgencyHead,
} from './names.ts';
import { PROVINCES_2025, PROVINCES_PRE_2025 } from '../../../core/vocab/localities.ts';
import { expandSharedHead, splitAgencies } from './split.ts';

/** Agencies an item opens with, and the rest of the item. */
export interface LeadingAgency {
  names: string[];
  rest: string;
  /** True when an opening clause came before the agency ("Căn cứ kế hoạch này, các Sở …"). */
  opening?: boolean;
}

/** Clauses that may open a duty before its agency: "Trên cơ sở …,", "Căn cứ …,", "Trong trường hợp …,". */
const OPENING = /^(?:Trên cơ sở|Căn cứ|Trong trường hợp|Trường hợp|Sau khi|Theo|Đồng thời)\s/u;

/**
 * When the duty falls due, before its agency: "Hằng năm, Quỹ … có trách nhiệm:", "Định kỳ 6 tháng, các Sở …",
 * "Trước ngày 15 tháng 12, …". A short phrase up to its first comma, which the agency must follow at once.
 */
const WHEN =
  /^(?:Hằng|Hàng|Định kỳ|Trước ngày|Chậm nhất|Trong thời hạn|Kể từ|Ngay sau khi)\s[^,;:.]{0,80},\s+/u;

/** A duty's verb: once it came, a later agency is its object, not its subject. */
const DUTY_VERB = /(?:^|\s)(?:chủ trì|phối hợp)(?=[\s,]|$)/u;

/** The text after an opening clause when an agency follows one of its commas ("Căn cứ …, Sở X chủ trì …"). */
function afterOpening(text: string): string | null {
  const when = WHEN.exec(text);
  if (when) {
    const after = text.slice(when[0].length).replace(HEAD_OF, '');
    return startsWithAgencyHead(after) ? after : null;
  }
  if (!OPENING.test(text)) return null;
  const span = text.slice(0, 320).split(/[;:]/u)[0] ?? '';
  for (const m of span.matchAll(/,\s+/gu)) {
    // "Trên cơ sở …, chủ trì, phối hợp với các Sở, Ban, ngành …": the duty began, its subject was left out
    if (DUTY_VERB.test(text.slice(0, m.index))) break;
    const after = text.slice(m.index + m[0].length).replace(HEAD_OF, '');
    if (startsWithAgencyHead(after) && !/^(?:các|Các)\s+(?:nội dung|nhiệm vụ|quy định)/u.test(after))
      return after;
  }
  return null;
}

const ACTION =
  /\s(?:[cC]ăn cứ|xây dựng|tổ chức thực hiện|tổ chức triển khai|chủ trì|phối hợp|tham mưu|triển khai|chỉ đạo|lãnh đạo|tuyên truyền|quán triệt|rà soát|hướng dẫn|thực hiện|theo dõi|chủ động|nghiên cứu|tăng cường|đẩy mạnh|bố trí|kiểm tra|là cơ quan|là đầu mối|có trách nhiệm|chịu trách nhiệm|giám sát|tham gia|phát huy|phát động|phân công|thừa ủy quyền|thay mặt|định kỳ|tổng hợp|là cơ quan thường trực|kiện toàn|báo cáo|xem xét|hoàn thành|xử lý|đẩy nhanh|khẩn trương|chuẩn bị|đề xuất|kịp thời|huy động|giải quyết|nghiêm túc|tích cực|tạo điều kiện|ưu tiên|duy trì|tiếp nhận|cung cấp|đôn đốc)(?=[\s,.;:]|$)/u;

const LEAD_IN = /^(?:Giao cho|Giao|Phân công|Đề nghị|Yêu cầu|Đối với)\s+/u;

/**
 * "Chính phủ trân trọng đề nghị Ủy ban Trung ương Mặt trận …", "…, Thủ tướng Chính phủ yêu cầu Bộ trưởng …",
 * "Ủy ban nhân dân tỉnh giao Sở X chủ trì …": the body asked is the subject of the duty, not the one asking.
 * The text from the body asked, or null.
 */
const ASK = String.raw`(?:trân trọng\s+)?(?:đề nghị|yêu cầu|giao(?:\s+cho)?)`;
const REQUEST = new RegExp(String.raw`(?:^|,\s+)(?:[^,:;.]{0,60}?\s)?${ASK}\s+(?=\p{Lu}|các\s)`, 'u');

/** The rest of an item whose subject only asks another body ("trân trọng đề nghị …", "yêu cầu …"). */
const REQUEST_REST = new RegExp(String.raw`^${ASK}\s`, 'u');
/** The asking words at the end of what precedes the body asked. */
const ASK_END = new RegExp(String.raw`\s*${ASK}\s+$`, 'u');

function requestedParty(text: string): string | null {
  const m = REQUEST.exec(text);
  if (!m) return null;
  const asker = m[0].replace(/^,\s+/u, '').replace(ASK_END, '');
  if (asker !== '' && !startsWithAgencyHead(asker) && !/^Thủ tướng/u.test(asker)) return null;
  return text.slice(m.index + m[0].length);
}

/** "Đồng chí Bí thư tỉnh ủy …": the honorific goes, the office stays. */
const HONORIFIC = /^(?:Đồng chí|đồng chí)\s+/u;

/** "Về việc thỏa thuận giao cắt tuyến ống …: Ủy ban nhân dân Thành phố …": a topic before the duty's agency. */
const TOPIC = /^Về\s[^:]{3,200}:\s*(?=(?:Giao\s+)?\p{Lu})/u;

/** "Chế độ báo cáo: Các cơ quan, đơn vị báo cáo …": a short label (not an agency) before the agency. */
const LABEL = /^\p{Lu}[\p{Ll}\s,]{2,40}:\s*/u;

/** "Giám đốc Sở Y tế", "Thủ trưởng các Sở": the head stands for the body. */
const HEAD_OF =
  /^(?:Giám đốc|Thủ trưởng|Chánh Văn phòng)\s+(?=(?:các\s+)?(?:Sở|Ban|Văn phòng|Công an|Chi nhánh|Trung tâm)\s)/u;

/** "Trường hợp …: Sở Tài chính có trách nhiệm …", "Trong thời gian … thì Giám đốc Sở Y tế có trách nhiệm …". */
const CONDITION =
  /^(?:Trường hợp|Khi|Trong|Nếu|Đối với)\s[^:]{0,400}?(?::\s*|\sthì\s+)(?=(?:Giám đốc\s+|Thủ trưởng\s+)?(?:Sở|Ban|Ủy ban|UBND|Công an|Văn phòng|Chi nhánh|Bộ Chỉ huy|Thanh tra)\s)/u;

/** "Để nâng cao hiệu lực …, các Sở, ngành, UBND cấp xã … triển khai …": the purpose clause goes. */
const PURPOSE =
  /^Để\s[^:;]{0,300}?,\s+(?=(?:các|Các)\s+(?:Sở|sở|Ban|ban|cơ quan|đơn vị)\b|(?:Sở|Ban|Ủy ban|UBND)\s)/u;

/** Words after which an agency name cannot go on ("UBND cấp xã được phân cấp …", "… căn cứ chức năng"). */
const NAME_END = /\s(?:được|[cC]ăn cứ|theo|trong|đã|sẽ)\s/u;

/** "Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý …)": the bodies named in the parenthesis. */
function namesOf(raw: string): string[] {
  const paren = /^(?:Các|các)\s[^(]*\(([^)]+)\)\s*$/u.exec(raw.trim());
  if (paren) {
    const inner = splitAgencies(paren[1]!);
    if (inner.length > 1 && inner.some((n) => knownAgency(n))) return inner;
  }
  return splitAgencies(raw);
}

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

/** A duty written with a capital after the agency ("Sở Kế hoạch và Đầu tư Phối hợp với …"). */
const CAPITAL_DUTY =
  /^(?:Phối hợp|Chủ trì|Thực hiện|Tham mưu|Chỉ đạo|Triển khai|Hướng dẫn|Có trách nhiệm|Chịu trách nhiệm)\s/u;

/** "Ủy ban nhân dân | các huyện, thành phố": the rest still belongs to the agency name. */
const LOCAL_TAIL = /^(?:các|cấp|xã|phường|huyện|quận|thị xã|thành phố|tỉnh)(?=[\s,]|$)/u;

function tidyRest(s: string): string {
  return s.replace(/^[\s,:;.\-–]+/u, '').trim();
}

/**
 * "SỞ Y TẾ:", "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP CÓ TRÁCH NHIỆM:": a heading in capitals (up to its colon) in
 * sentence case, abbreviations kept, so that its name and the duty after it read as in running text. The
 * gazetteer gives known bodies their usual spelling back.
 */
export function sentenceCase(raw: string): string {
  const colon = raw.indexOf(':');
  const head = colon < 0 ? raw : raw.slice(0, colon);
  if (/\p{Ll}/u.test(head) || (head.match(/\p{Lu}/gu)?.length ?? 0) < 4 || !/\p{L}\s+\p{L}/u.test(head))
    return raw;
  const words = head.split(/(\s+)/u).map((w) => (expandAbbreviations(w) !== w ? w : w.toLowerCase()));
  const low = words
    .join('')
    .replace(/(^[^\p{L}]*|,\s*|\s[–-]\s)(\p{Ll})([^,]*)/gu, (m, pre: string, c: string, tail: string) => {
      const named = `${c.toUpperCase()}${tail}`;
      return pre === '' || (startsWithAgencyHead(named) && !GENERIC_PART.test(named.trim()))
        ? `${pre}${named}`
        : m;
    });
  return withPlaceNames(low) + raw.slice(head.length);
}

/** Province names in their usual capitals again ("… truyền hình quảng ninh" → "… Quảng Ninh"). */
const PLACE_NAMES = [...new Set([...PROVINCES_PRE_2025, ...PROVINCES_2025])].sort(
  (a, b) => b.length - a.length,
);
function withPlaceNames(s: string): string {
  let out = s;
  for (const name of PLACE_NAMES) {
    const lower = name.toLowerCase();
    if (out.includes(lower)) out = out.replace(new RegExp(`(?<=\\s)${lower}(?=$|[\\s,;:])`, 'gu'), name);
  }
  return out;
}

/** Parts of a capitals heading that stay generic ("SỞ, BAN, NGÀNH"): not the name of one body. */
const GENERIC_PART = /^(?:Sở|Ban|Ngành|Cơ quan|Đơn vị|Các)$/u;

/**
 * The agencies an assignment item opens with: "Sở Y tế có trách nhiệm: …", "Sở Tài chính: …",
 * "UBND thành phố xây dựng kế hoạch …", "Giao Công an tỉnh chủ trì, …", a heading that is only a list
 * of agencies ("Sở Thông tin và Truyền thông, Báo, Đài Phát thanh – Truyền hình"). Null otherwise.
 */
export function leadingAgency(raw: string): LeadingAgency | null {
  const recased = sentenceCase(raw);
  const found = leadingAgencyOf(recased);
  if (!found || recased === raw) return found;
  return { ...found, names: found.names.map((n) => lookup(cleanAgencyName(n), null)?.entry.name ?? n) };
}

function leadingAgencyOf(raw: string): LeadingAgency | null {
  const flat = expandAbbreviations(raw).replace(/\s+/g, ' ').trim().replace(HONORIFIC, '');
  const label = LABEL.exec(flat);
  const topic =
    TOPIC.exec(flat) ??
    (label && !startsWithAgencyHead(flat) && startsWithAgencyHead(flat.slice(label[0].length))
      ? label
      : null);
  if (topic) {
    const found = agencyAt(flat.slice(topic[0].length));
    return found && found.rest !== '' ? { ...found, opening: true } : null;
  }
  const opened = afterOpening(flat);
  const found = agencyAt(opened ?? flat);
  // "Hằng năm, Quỹ … được trích lập …": what the body is given or allowed, not a duty of it
  if (found && opened) return /^được\s/u.test(found.rest) ? null : { ...found, opening: true };
  const asked = found && found.rest !== '' && !REQUEST_REST.test(found.rest) ? null : requestedParty(flat);
  const party = asked ? agencyAt(asked) : null;
  return party && party.rest !== '' ? { ...party, opening: true } : found;
}

function agencyAt(flat: string): LeadingAgency | null {
  const text = flat.replace(CONDITION, '').replace(PURPOSE, '').replace(LEAD_IN, '').replace(HEAD_OF, '');
  // "4. SỞ TÀI CHÍNH": a heading in capitals that is a known body.
  if (/^[\p{Lu}\s,-]{4,80}$/u.test(text) && knownAgency(text)) return { names: [text], rest: '' };
  if (!startsWithAgencyHead(text)) return null;
  const listed = sharedHeadList(text) ?? placeList(text);
  if (listed) return listed;
  if (expandSharedHead(text) !== text) {
    const names = splitAgencies(text);
    if (names.length > 1 && names.every((n) => knownAgency(n))) return { names, rest: '' };
  }
  const colonAt = text.indexOf(':');
  const duty = /^(.{3,400}?)\s*(?:có trách nhiệm|chịu trách nhiệm)\s*:?\s*(.*)$/u.exec(text);
  if (duty && (colonAt < 0 || colonAt >= duty[1]!.length)) {
    const cut = NAME_END.exec(duty[1]!);
    const who = cut ? duty[1]!.slice(0, cut.index) : duty[1]!;
    const verb = predicateAt(who);
    if (verb > 0) return { names: namesOf(who.slice(0, verb)), rest: tidyRest(text.slice(verb)) };
    if (!ACTION.test(` ${who}`.replace(/\s(?:có|chịu) trách nhiệm\b/u, '')))
      return { names: namesOf(who), rest: tidyRest(duty[2]!) };
  }
  const colon = /^([^:]{3,200}):\s*(.*)$/u.exec(text);
  const before = predicateAt(colon?.[1] ?? '');
  if (colon && before > 0 && !ACTION.test(` ${colon[1]!.slice(0, before)}`))
    return { names: namesOf(colon[1]!.slice(0, before)), rest: tidyRest(text.slice(before)) };
  if (colon && !ACTION.test(` ${colon[1]!}`)) return { names: namesOf(colon[1]!), rest: tidyRest(colon[2]!) };
  const known = gazetteerPrefix(text);
  const restOk =
    known && (known.rest === '' || /^[\p{Ll},]/u.test(known.rest) || CAPITAL_DUTY.test(known.rest));
  if (known && restOk && !LOCAL_TAIL.test(known.rest)) {
    if (/^,/.test(known.rest)) return null;
    return { names: [known.name], rest: tidyRest(known.rest) };
  }
  const action = ACTION.exec(text);
  if (action && action.index > 2) {
    const head = text.slice(0, action.index);
    // "Chủ đầu tư, trong phạm vi, trách nhiệm của mình, … thực hiện": the duty starts where the name ends.
    // a predicate read with what follows it ("… trung ương tập trung quán triệt …") ends the name too
    const pred = predicateAt(text);
    const cut = Math.min(
      ...[predicateAt(head), pred <= action.index ? pred : -1, NAME_END.exec(head)?.index ?? -1].map((x) =>
        x > 0 ? x : Infinity,
      ),
    );
    return {
      names: splitAgencies(cut < Infinity ? head.slice(0, cut) : head),
      rest: tidyRest(text.slice(cut < Infinity ? cut : action.index)),
    };
  }
  const verb = predicateAt(text, true);
  if (verb > 0) return { names: splitAgencies(text.slice(0, verb)), rest: tidyRest(text.slice(verb)) };
  if (text.length <= 160 && !/[.;]$/.test(text)) return { names: splitAgencies(text), rest: '' };
  return null;
}

const SHARED_HEAD =
  /^((?:Bộ trưởng|Giám đốc|Thủ trưởng|Lãnh đạo)\s+)?(?:Các|các)\s+(Sở|Bộ|sở|bộ)(?:,\s*(?:ban,\s*)?ngành)?\s*:\s*(.+)$/u;

/**
 * "Các Bộ: Quốc phòng, Tài chính kịp thời xuất cấp …", "Bộ trưởng các Bộ: Y tế, Tài chính …": the bodies
 * (or offices) of a shared-head list, then the duty (none when the list heads the duties below it).
 */
function sharedHeadList(text: string): LeadingAgency | null {
  // "2. Các sở, ngành: Dân tộc và Tôn giáo, Tài chính, Y tế (cơ quan chủ quản dự án):" over the duties below
  const head = text.replace(/\s*\([^()]*\)\s*:?\s*$/u, '').replace(/\s*:$/u, '');
  const m = SHARED_HEAD.exec(head);
  if (!m) return null;
  const office = m[1] ?? '';
  const kind = m[2]!.charAt(0).toUpperCase() + m[2]!.slice(1);
  const pieces = m[3]!.split(/,\s*/u);
  const names: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const known = gazetteerPrefix(`${kind} ${pieces[i]!}`);
    if (!known) return null;
    names.push(`${office}${known.name}`);
    if (known.rest === '') continue;
    if (!/^\p{Ll}/u.test(known.rest)) return null;
    return { names, rest: tidyRest([known.rest, ...pieces.slice(i + 1)].join(', ')) };
  }
  return names.length > 0 ? { names, rest: '' } : null;
}

/** "các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai": a list of place names closing an office's or body's name. */
const PLACES_OF = /^(.{3,160}?\s(?:các|những)\s+(?:tỉnh|thành phố|tỉnh, thành phố|địa phương)):\s*/u;

/**
 * "Bí thư tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai và lãnh đạo các Bộ,
 * ngành … tiếp tục …": the place list belongs to the names (offices before the last share its tail "các
 * tỉnh"), and the words after the list may name more bodies before the duty.
 */
function placeList(text: string): LeadingAgency | null {
  const m = PLACES_OF.exec(text);
  if (!m) return null;
  const after = text.slice(m[0].length);
  const list =
    /^\p{Lu}[\p{L}\s-]*(?:(?:,\s*|\s+và\s+)\p{Lu}[\p{L}\s-]*?)*(?=\s+(?:và\s+)?\p{Ll}|[.;:]|$)/u.exec(after);
  if (!list || /\s\p{Ll}/u.test(list[0].replace(/\svà\s/gu, ' '))) return null;
  const places = list[0].trim().replace(/\s+và\s+/gu, ', ');
  const heads = m[1]!.split(/\s+và\s+/u);
  const tail = /\s((?:các|những)\s+.+)$/u.exec(heads[heads.length - 1]!)?.[1] ?? '';
  const names = heads.map((h) => `${/\s(?:các|những)\s/u.test(h) ? h : `${h} ${tail}`}: ${places}`);
  const restText = after.slice(list[0].length).replace(/^\s*(?:và\s+)?/u, '');
  const cut = NAME_END.exec(restText);
  const head = cut ? restText.slice(0, cut.index) : restText;
  const more = /^\p{Ll}/u.test(head) ? agencyAt(head.charAt(0).toUpperCase() + head.slice(1)) : null;
  if (more && more.names.length > 0 && (more.rest !== '' || cut)) {
    const rest = more.rest !== '' ? more.rest : restText.slice(cut!.index);
    return { names: [...names, ...more.names], rest: tidyRest(rest) };
  }
  return { names, rest: tidyRest(restText) };
}

const STOP =
  /\s(?:tổ chức thực hiện|tổ chức triển khai|tổ chức các|tổ chức(?=,)(?<!,\stổ chức)|triển khai|xây dựng|rà soát|tham mưu|thực hiện|hướng dẫn|kiểm tra|đề xuất|cung cấp|theo dõi|đôn đốc|trong|để|nhằm|đẩy mạnh|tuyên truyền|phổ biến|giải quyết|báo cáo|xem xét|nghiên cứu|thẩm định|lấy ý kiến|hoàn thiện|ban hành|trình|tiếp nhận|bố trí|phân bổ|quản lý|lập|chỉ đạo|tăng cường|khai thác|vận động|theo|về|tại)(?=[\s,.;]|$)/u;

/** Words that end a list of coordinating agencies besides the verbs of STOP. */
const STOP_MORE =
  /\s(?:kịp thời|tiếp tục|có trách nhiệm|chịu trách nhiệm|đảm bảo|bảo đảm|định kỳ|căn cứ|đê|khi|giám sát|(?<!(?:các|những|và|,)\s)tổ chức(?!\s+(?:chính trị|xã hội|thành viên|đoàn thể|hội|tín dụng|có liên quan|liên quan))|(?<=liên quan)\s(?!và\s)(?=\p{Ll}))/u;

/**
 * Agencies named by "phối hợp (chặt chẽ) (với) …" inside an item ("với" may be left out before a body), "với sự
 * phối hợp của …", "phối hợp: …", or after the lead's clause as the subject of "phối hợp" ("Sở X chủ trì; các
 * sở, ngành, Ủy ban nhân dân các xã phối hợp thực hiện").
 */
export function coordinatingPhrase(text: string): string[] {
  const full = expandAbbreviations(text);
  const out: string[] = [];
  for (const m of full.matchAll(/(?:với sự )?phối hợp(?:\s+chặt chẽ)?(\s+(?:với|của)|\s*:)?\s+/giu)) {
    const tail = full.slice(m.index + m[0].length);
    if (m[1] || startsWithAgencyHead(tail)) out.push(...phraseAgencies(` ${tail}`));
    if (out.length > 0) return out;
  }
  return postposed(full);
}

/** "…; các sở, ngành, Ủy ban nhân dân các xã, phường phối hợp thực hiện": the bodies before "phối hợp". */
const POSTPOSED = /[;,]\s+([^;:.]{3,200}?)\s+(?:cùng\s+)?phối hợp(?=[\s.;,]|$)(?!\s+(?:với|của)\s)/u;

function postposed(full: string): string[] {
  const m = POSTPOSED.exec(full);
  if (!m || !startsWithAgencyHead(m[1]!)) return [];
  const names = splitAgencies(m[1]!);
  return names.every((n) => startsWithAgencyHead(n) || /^(?:sở|cơ quan|đơn vị)/iu.test(n)) ? names : [];
}

/** "… các đơn vị liên quan hoàn thành …": a group ending in "liên quan" ends before a lower-case verb. */
const AFTER_RELATED = /(?<=\sliên quan)(?=\s(?!và\s|khác\b)\p{Ll})/u;

/** "các Bộ: Tài chính, Công Thương": a kind named once over a list of bodies keeps its list; other text ends at ':'. */
const KIND_OVER_LIST =
  /^\s*(?:các\s+)?(?:bộ|sở|ban|ngành|cơ quan)(?:,\s*(?:ban|ngành|cơ quan|đơn vị))*\s*:/iu;

function colonList(phrase: string): string {
  return KIND_OVER_LIST.test(phrase) ? phrase : (phrase.split(':')[0] ?? '');
}

function phraseAgencies(tail: string): string[] {
  const cut = Math.min(
    STOP.exec(tail)?.index ?? tail.length,
    STOP_MORE.exec(tail)?.index ?? tail.length,
    AFTER_RELATED.exec(tail)?.index ?? tail.length,
  );
  const phrase = colonList(tail.slice(0, cut).split(/[.;]/)[0] ?? '');
  return splitAgencies(phrase)
    .map((n) => {
      // "Công an tỉnh xét nghiệm chất ma túy": a known body, then the duty's words.
      const known = knownAgency(n) ? null : gazetteerPrefix(n);
      return known &&
        /^\p{Ll}/u.test(known.rest) &&
        !/^(?:và|cùng)\s/u.test(known.rest) &&
        !LOCAL_TAIL.test(known.rest)
        ? known.name
        : n;
    })
    .filter((n) => startsWithAgencyHead(n) || /^(?:sở|cơ quan|đơn vị)/iu.test(n));
}
