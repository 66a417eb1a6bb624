/**
 * Relation keywords of an item (folded text) and where they may speak for the document itself.
 * "Bổ sung" and "điều chỉnh" amend only when a part or a numbered document follows ("Bổ sung điểm d
 * khoản 2 Điều 3 …", "Điều chỉnh một số nội dung của Kế hoạch số …"), not "bổ sung kinh phí".
 *
 * A keyword counts only when the document is its subject: at the start of an item ("Căn cứ …",
 * "Thực hiện …", "Điều 1. Bãi bỏ …", a title "Bãi bỏ Thông tư số …"), after the document's own act in
 * its title or preamble ("… ban hành Thông tư bãi bỏ …", "… ban hành Kế hoạch triển khai thực hiện …"), or
 * after "<loại> này" ("Quyết định này … thay thế …"). The same words inside another document's
 * description ("Nghị quyết 189 … ban hành Chương trình hành động thực hiện Nghị quyết 36") say what that
 * document does, not what this one does.
 */
import type { Region } from './segments.ts';

/** What an item's keyword makes of the documents it lists. */
export type Keyword = 'BASIS' | 'IMPLEMENT' | 'STOP' | 'REPEAL' | 'REPLACE' | 'AMEND' | 'GUIDE';

const KEYWORDS: [string, Keyword][] = [
  ['can cu', 'BASIS'],
  ['(?:tiep tuc )?(?:trien khai|thuc hien|thi hanh|cu the hoa)', 'IMPLEMENT'],
  ['(?:xet|xem xet|theo de nghi|tren co so|tai phien hop|tiep theo)', 'STOP'],
  // "Thay thế (bãi bỏ) cụm từ '…' tại Quyết định số …": words of the document change, it is amended
  ['(?:thay the|bai bo) (?:(?:mot so |cac )?cum tu|tu ngu)', 'AMEND'],
  ['bai bo', 'REPEAL'],
  // "Quy định này được áp dụng thay cho Quyết định số …": the document takes the other's place
  ['thay the|(?:duoc ap dung )?thay cho', 'REPLACE'],
  [
    'sua doi(?:,? bo sung)?|(?:bo sung|dieu chinh)(?:,? (?:bo sung|sua doi))?(?= (?:mot so (?:dieu|noi dung)|diem|khoan|dieu \\d|muc|chuong|phu luc|danh muc|(?:quyet dinh|nghi quyet|thong tu|nghi dinh|ke hoach|chuong trinh|de an) so)(?![a-z]))',
    'AMEND',
  ],
  // "hướng dẫn tại / theo Thông tư số …" is the guidance a document holds, not an act of guiding it
  [
    '(?:huong dan|quy dinh chi tiet)(?:(?:,| va) huong dan)?(?: (?:thi hanh|thuc hien))?(?! (?:tai|theo)(?![a-z]))',
    'GUIDE',
  ],
];
const ANY_KEYWORD = new RegExp(`(?<![a-z])(?:${KEYWORDS.map(([k]) => `(${k})`).join('|')})(?![a-z])`, 'g');

/** Where each keyword may speak: "Căn cứ" only before the body, "Thực hiện" also in the plan's purpose. */
const ALLOWED: Record<Keyword, readonly Region[]> = {
  BASIS: ['title', 'preamble'],
  IMPLEMENT: ['title', 'preamble', 'purpose'],
  STOP: ['header', 'title', 'preamble', 'purpose', 'article', 'body'],
  REPEAL: ['title', 'preamble', 'article'],
  REPLACE: ['title', 'preamble', 'article'],
  AMEND: ['title', 'preamble', 'article'],
  GUIDE: ['title', 'preamble', 'article'],
};

/**
 * An article that issues or approves a plan ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển
 * khai thực hiện Nghị quyết số …", "Điều 1. Phê duyệt Chương trình thực hiện …"): what the plan carries
 * out, the decision carries out.
 */
const ISSUES_PLAN =
  /^(?:ban hanh|phe duyet)(?: kem theo (?:quyet dinh|nghi quyet) nay)? (?:ke hoach|chuong trinh|de an|chien luoc)(?![a-z])/;

/**
 * Words that may lead "thực hiện / triển khai" in a title or a purpose item and still make it the
 * document's own act: "Tổ chức thực hiện …", "Đẩy mạnh triển khai …", "Tuyên truyền, phổ biến và triển
 * khai …", "Nâng cao hiệu quả thực hiện …". Reviewing an implementation ("Tổng kết 10 năm thực hiện …")
 * is not carrying it out.
 */
const IMPLEMENT_LEAD =
  /^(?:(?:to chuc|day manh|tang cuong|nang cao hieu qua|tuyen truyen|pho bien|quan triet|khan truong|quyet liet|kip thoi|hieu qua|thong nhat|dong bo)(?:,? (?:va )?| ))+$/;

function ledBy(words: string, region: Region): boolean {
  return (region === 'title' || region === 'purpose') && IMPLEMENT_LEAD.test(words);
}

/** Acts on another document that "<loại> này" may state anywhere ("Kế hoạch này thay thế Kế hoạch số …"). */
const SELF_ACTS: ReadonlySet<Keyword> = new Set(['REPEAL', 'REPLACE', 'AMEND', 'GUIDE']);
/** "… được sửa đổi, bổ sung …": someone else's act on a document, not this document's. */
const PASSIVE = /(?:duoc|bi) (?:[a-z]+ ){0,2}$/;

function keywordOf(m: RegExpMatchArray): Keyword | null {
  const i = m.slice(1).findIndex((g) => g !== undefined);
  return KEYWORDS[i]?.[1] ?? null;
}

/** List markers and "về việc" before an item's first word: "- ", "2. ", "a) ", "Điều 2. ", "V/v ". */
const LEAD_IN =
  /^[\s\-+*•–]*(?:(?:dieu \d+[a-z]?\.?|[ivxlc]+\.|\d+(?:\.\d+)*[.)]|[a-z]\))\s*)*(?:ve viec |v\/v |ve |de |nham )?/;
/** Kinds of document that "<loại> này" names the document itself by (folded); "Quy định này" the rules it issues. */
const SELF_TYPES =
  'ke hoach|chuong trinh|quyet dinh|nghi quyet|thong tu(?: lien tich)?|nghi dinh|chi thi|thong bao|van ban|quy dinh|quy che|dieu le';

/** What takes a listed document out of force (folded): "hết hiệu lực", "chấm dứt hiệu lực", "bị bãi bỏ". */
const OUT_OF_FORCE = 'het hieu luc|cham dut hieu luc|khong con hieu luc|bi bai bo';
const REPEALED = new RegExp(`(?<![a-z])(?:${OUT_OF_FORCE})(?![a-z])`);
/** In a lead announcing a list, "được bãi bỏ" too ("Các văn bản sau đây được bãi bỏ:"). */
const REPEALED_LIST = new RegExp(`(?<![a-z])(?:${OUT_OF_FORCE}|duoc bai bo)(?![a-z])`);

/** The document's own act: "(Bộ trưởng …) ban hành Thông tư …", "phê duyệt Kế hoạch …", "Quyết định này". */
const OWN_ACT = new RegExp(
  `(?:ban hanh|phe duyet) (?:ke hoach|chuong trinh|quyet dinh|nghi quyet|thong tu|de an|chi thi|nghi dinh|quy dinh|huong dan)|(?:${SELF_TYPES}) nay(?![a-z])`,
  'g',
);

export interface KeywordHit {
  keyword: Keyword;
  /** Offset of the keyword in the item text. */
  at: number;
}

/**
 * The keyword that governs the documents listed after `upTo` in an item (folded item text): the last
 * keyword that is the document's own word — at the item start, or after its own act. Null when none.
 */
export function itemKeyword(item: string, upTo: number, region: Region): KeywordHit | null {
  const head = item.slice(0, upTo);
  const lead = LEAD_IN.exec(head)?.[0].length ?? 0;
  let own = -1;
  let self = -1;
  for (const m of head.matchAll(OWN_ACT)) {
    const selfSubject = / nay$/.test(m[0]);
    if (selfSubject) self = Math.max(self, m.index + m[0].length);
    if (selfSubject || region === 'title' || region === 'preamble')
      own = Math.max(own, m.index + m[0].length);
  }
  const plan = region === 'article' ? ISSUES_PLAN.exec(head.slice(lead)) : null;
  if (plan !== null) own = Math.max(own, lead + plan[0].length);
  let best: KeywordHit | null = null;
  for (const m of head.matchAll(ANY_KEYWORD)) {
    const keyword = keywordOf(m);
    if (keyword === null) continue;
    const bySelf =
      SELF_ACTS.has(keyword) && self >= 0 && m.index >= self && !PASSIVE.test(head.slice(0, m.index));
    const byPlan = keyword === 'IMPLEMENT' && plan !== null && m.index >= own;
    if (!ALLOWED[keyword].includes(region) && !bySelf && !byPlan) continue;
    const atStart =
      m.index === lead ||
      (m.index <= lead + 12 && /^(?:tiep tuc|dong thoi) $/.test(head.slice(lead, m.index))) ||
      (keyword === 'IMPLEMENT' && ledBy(head.slice(lead, m.index), region));
    if (atStart || (own >= 0 && m.index >= own)) best = { keyword, at: m.index };
  }
  return best;
}

/**
 * A lead that names no document and announces a list of them, ending with ":" — "Các Quyết định sau hết
 * hiệu lực thi hành kể từ ngày Quyết định này có hiệu lực thi hành:", "Các văn bản sau đây bị bãi bỏ:",
 * "… được thay thế:" — says what happens to the listed documents.
 */
export function listLead(item: string, region: Region): KeywordHit | null {
  if (!/:\s*$/.test(item) || (region !== 'article' && !SELF_SUBJECT.test(item))) return null;
  const repeal = REPEALED_LIST.exec(item);
  if (repeal !== null) return { keyword: 'REPEAL', at: repeal.index };
  const replace = /(?<![a-z])(?:bi|duoc) thay the(?![a-z])/.exec(item);
  return replace === null ? null : { keyword: 'REPLACE', at: replace.index };
}

/** "<loại> này": the sentence speaks of the document itself (or of the rules it issues: "Quy định này"). */
const SELF_SUBJECT = new RegExp(`(?<![a-z])(?:${SELF_TYPES}|cong dien) nay(?![a-z])`);

/**
 * "… hết hiệu lực (kể từ …)", "… chấm dứt hiệu lực", "… bị bãi bỏ": documents listed before it in the sentence are repealed —
 * in an article, or in any sentence that speaks of the document itself ("… kể từ ngày Kế hoạch này …").
 */
export function repealsAfter(sentence: string, region: Region): number {
  if (region !== 'article' && !SELF_SUBJECT.test(sentence)) return -1;
  const m = REPEALED.exec(sentence);
  return m === null ? -1 : m.index;
}

/**
 * "Khoản 2 Điều 3 Quyết định số … được sửa đổi, bổ sung như sau:" in an article: the document named before it
 * is amended by this one (the drafting form of amending documents). Elsewhere "được sửa đổi" describes
 * another document's act ("Nghị định số … được sửa đổi, bổ sung bởi Nghị định số …").
 */
export function amendsAfter(sentence: string, region: Region): number {
  if (region !== 'article') return -1;
  const m =
    /(?<![a-z])(?:duoc|bi) (?:sua doi(?:,? bo sung)?|bo sung|thay the) (?:nhu sau|thanh|bang)(?![a-z])/.exec(
      sentence,
    );
  return m === null ? -1 : m.index;
}

/**
 * A part of a document: "khoản 2", "Điều 3", "Mục II", "điểm a", "Phụ lục", or parts counted without a
 * number ("các khoản", "một số điều", "một số quy định"); not "Điều lệ", "mục tiêu", "chương trình".
 */
const PART =
  /(?<![a-z])(?:(?:khoan|dieu|muc|chuong|tieu muc) (?:\d|[ivxlc]+(?![a-z]))|diem [a-z](?![a-z])|phu luc|(?:cac|mot so|nhung) (?:dieu|khoan|diem|muc|chuong|quy dinh|noi dung)(?![a-z]))/;

/** "Bãi bỏ khoản 1 Điều 3 Nghị quyết số …": the act touches a part of the document only. */
export function partOnly(beforeHead: string): boolean {
  return PART.test(beforeHead);
}
