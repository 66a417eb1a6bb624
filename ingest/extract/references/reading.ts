/**
 * Reads one item (see segments.ts): which of its mentions are listed by the item ("heads") and which are
 * named inside another document's description ("nested"), and what the item's keyword makes of each head.
 *
 * A mention is a head when it opens the item, or follows the previous head with nothing but "," / "và"
 * between them, or continues a base document ("…, được sửa đổi, bổ sung bởi Nghị định số 76/2024/NĐ-CP").
 * A document after "và" at the end of a listed document's description is listed too ("Quyết định
 * 1569/QĐ-TTg … phê duyệt Quy hoạch … và Nghị quyết số 18-NQ/TU …"). Once a description has named a
 * document ("… ban hành Chương trình hành động thực hiện Nghị quyết 36-NQ/TW"), later mentions are nested
 * — unless a coordinated document shares the description's object ("Chương trình 64-CTr/TU … thực hiện
 * Nghị quyết 36-NQ/TW … và Nghị quyết 189/NQ-CP … thực hiện Nghị quyết 36-NQ/TW": 189 is listed beside
 * 64, not described by it). A nested mention after "thực hiện /
 * triển khai" in its describer's clause is a link of the implementation chain (describer → nested).
 * A head listed as the amender of the one before it is marked, so that an amendment of the document "as
 * amended" does not amend the amender too.
 */
import type { RelationType } from '../../../core/vocab/relations.ts';
import type { Keyword } from './keywords.ts';
import type { Mention } from './mentions.ts';

export interface Role {
  mention: Mention;
  head: boolean;
  /** The mention whose description names this one (nested mentions only). */
  describer: Mention | null;
  /** The describer is said to implement this one ("… thực hiện Nghị quyết số …"). */
  chain: boolean;
  /** Listed as the amender of the head before it ("…, được sửa đổi, bổ sung bởi Thông tư số …"). */
  amender: boolean;
}

/** Removes parentheticals ("(khóa XIV)", "(sau đây gọi tắt là …)") from a gap. */
function stripParens(s: string): string {
  return s.replace(/\([^()]*\)?/g, ' ');
}

const SEPARATOR = /^[\s,]*(?:(?:va|hoac|cung|cac|so)[\s,]+)*$/;
const CONTINUATION = /duoc sua doi,? bo sung(?: mot so dieu)?(?: nam \d{4})?,? (?:boi|tai|theo)(?: cac)? $/;
const ENDS_WITH_AND = /(?:^|[\s,])va $/;
const IMPLEMENT_VERB = /(?<![a-z])(?:thuc hien|trien khai|thi hanh)(?![a-z])/;
const NEW_SUBJECT =
  /(?<![a-z])va (?:ke hoach|chuong trinh|nghi quyet|quyet dinh|chi thi|ket luan|de an|chien luoc)(?![a-z])/;
const DATE = /ngay \d{1,2}(?: thang \d{1,2} nam |[/.-]\d{1,2}[/.-])\d{4}/g;
const DESCRIBES =
  /(?<![a-z])(?:ve|quy dinh|huong dan|thuc hien|trien khai|ban hanh|phe duyet|sua doi)(?![a-z])/;

/** "…số 64/2025/QH15, Luật Sửa đổi, bổ sung … số 87/2025/QH15": a law's name stands between the comma and its number. */
function lawName(gap: string, m: Mention): boolean {
  return m.type === 'Luật' && /^[\s,]*(?:va )?luat [a-z]/.test(gap);
}

/** "Căn cứ Luật X ngày … quy định … Nghị định số …": the first number sits in an unnumbered document's description. */
function describedBeforeHead(pre: string): boolean {
  let last = -1;
  for (const m of pre.matchAll(DATE)) last = m.index + m[0].length;
  return last >= 0 && DESCRIBES.test(pre.slice(last).replace(/^,? cua [^,]*?(?= ve | quy dinh |$)/, ''));
}

/** "X … thực hiện Y … và Z … thực hiện Y": Z's own description names a document the item already named. */
function parallel(ms: Mention[], i: number, folded: string, itemEnd: number): boolean {
  const m = ms[i];
  const next = ms[i + 1];
  if (m === undefined || next === undefined) return false;
  const earlier = new Set(ms.slice(0, i).map((x) => x.key));
  return (
    earlier.has(next.key) && next.start < itemEnd && IMPLEMENT_VERB.test(folded.slice(m.tailEnd, next.start))
  );
}

/** Roles of the mentions of one item; `from` is where the item's governing keyword ends (or the item start). */
export function rolesOf(ms: Mention[], folded: string, from: number, itemEnd: number): Role[] {
  const roles: Role[] = [];
  let describing = false;
  ms.forEach((m, i) => {
    const prev = ms[i - 1];
    if (prev === undefined) {
      describing = describedBeforeHead(folded.slice(from, m.start));
      roles.push({ mention: m, head: !describing, describer: null, chain: false, amender: false });
      return;
    }
    const gap = stripParens(folded.slice(prev.tailEnd, Math.max(prev.tailEnd, m.start)));
    const sibling = !describing && (SEPARATOR.test(gap) || CONTINUATION.test(gap) || lawName(gap, m));
    // "A … về … và B": B is coordinated with the listed A unless the description already named a document.
    const coordinated = ENDS_WITH_AND.test(gap) && (!describing || parallel(ms, i, folded, itemEnd));
    if (sibling || coordinated) {
      describing = false;
      const amender = CONTINUATION.test(gap) && !SEPARATOR.test(gap);
      roles.push({ mention: m, head: true, describer: null, chain: false, amender });
      return;
    }
    describing = true;
    const last = roles[roles.length - 1];
    // "… thực hiện Nghị quyết 71/NQ-CP … và Chương trình 10-CTr/TU": both are objects of the same verb.
    if (last !== undefined && !last.head && (ENDS_WITH_AND.test(gap) || SEPARATOR.test(gap))) {
      roles.push({ mention: m, head: false, describer: last.describer, chain: last.chain, amender: false });
      return;
    }
    const chain = IMPLEMENT_VERB.test(gap) && !NEW_SUBJECT.test(gap);
    roles.push({ mention: m, head: false, describer: prev, chain, amender: false });
  });
  return roles;
}

/** Reports, proposals and letters ("Tờ trình", "Báo cáo", "Công văn 574/UBND-NC") are cited, never executed. */
/** "Văn bản hợp nhất số 05/VBHN-VPQH": a law or decree as consolidated, a legal basis as the law itself. */
const CONSOLIDATED = /\/VBHN-/u;

function correspondence(m: Mention): boolean {
  if (CONSOLIDATED.test(m.number.normalized)) return false;
  if (m.type === 'Tờ trình' || m.type === 'Công văn') return true;
  const abbr = m.number.typeAbbr;
  if (abbr === 'TTr' || abbr === 'BC' || abbr === 'CV') return true;
  return abbr === null && m.type === null && !/^(QH|UBTVQH)/.test(m.number.issuerAbbr);
}

const ORGANISATION =
  /(?<![a-z])(?:chuc nang,? nhiem vu|thanh lap|quy che (?:lam viec|to chuc|hoat dong)|co cau to chuc|phan cap|uy quyen|giao quyen|tham quyen|phan cong (?:nhiem vu|cong tac)|kien toan|ban hanh quy (?:che|dinh))(?![a-z])/;

/**
 * A legal basis rather than a policy to execute: laws, decrees, circulars, resolutions of the National
 * Assembly and its Standing Committee, any normative document (its number carries a year:
 * "01/2025/QĐ-UBND"), and decisions on the issuer's organisation ("thành lập", "quy định chức năng").
 * A directive is a policy to carry out even when its number carries a year ("Chỉ thị số
 * 34/2008/CT-TTg … về tăng cường sử dụng hệ thống thư điện tử").
 */
export function legalBasis(m: Mention, description: string): boolean {
  if (CONSOLIDATED.test(m.number.normalized)) return true;
  if (m.type === 'Chỉ thị' && !ORGANISATION.test(description)) return false;
  if (m.type === 'Luật' || m.type === 'Nghị định' || m.type === 'Thông tư' || m.type === 'Thông tư liên tịch')
    return true;
  if (/^(QH|UBTVQH)/.test(m.number.issuerAbbr) || /-UBTVQH/.test(m.number.normalized)) return true;
  if (m.number.year !== null) return true;
  return ORGANISATION.test(description);
}

/** Relation of a head under `keyword`; `description` is the folded text after the head's date/issuer. */
export function headRelation(keyword: Keyword | null, m: Mention, description: string): RelationType {
  switch (keyword) {
    case null:
    case 'STOP':
      return 'CITES';
    case 'BASIS':
      if (correspondence(m)) return 'CITES';
      return legalBasis(m, description) ? 'BASED_ON' : 'IMPLEMENTS';
    case 'IMPLEMENT':
      return correspondence(m) ? 'CITES' : 'IMPLEMENTS';
    case 'REPEAL':
      return 'REPEALS';
    case 'REPLACE':
      return 'REPLACES';
    case 'AMEND':
      return 'AMENDS';
    case 'GUIDE':
      return 'GUIDES';
  }
}
