/**
 * Mentions of other documents by number in the whitespace-collapsed text: full numbers ("Nghị quyết số
 * 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị") and short forms ("Nghị quyết 36") that resolve against a
 * full number the same text mentions. Each mention knows where its type word starts, where its number
 * ends and where its date/issuer clause ends, so that the clause reader can tell a listed document from
 * one named inside another document's description.
 */
import type { DocType, DocumentMeta } from '../../../core/types.ts';
import {
  DOC_NUMBER_RE,
  numberKey,
  parseMatch,
  referenceKey,
  type DocNumber,
} from '../../../core/vocab/docnumber.ts';
import { findLocality } from '../../../core/vocab/localities.ts';
import { fold } from '../../../core/text/text-util.ts';
import { lawBefore, readAfter, typeBefore } from './context.ts';

/** The collapsed text a reader works on: `flat` and its same-length folded copy. */
export interface FlatText {
  flat: string;
  folded: string;
}

export interface Mention {
  number: DocNumber;
  key: string;
  type: DocType | null;
  issuer: string | null;
  /** Issuer stated in the text ("của Bộ Chính trị"), not inferred from the number. */
  explicitIssuer: string | null;
  date: string | null;
  /** Offsets in the collapsed text: type word, end of the number, end of the date/issuer clause. */
  start: number;
  numEnd: number;
  tailEnd: number;
  /** Inside "(sau đây gọi tắt là …)": another name for a document already listed. */
  alias: boolean;
}

/** Locality that scopes a local number: the province for "Tỉnh ủy"/"tỉnh" issuers, else the document's. */
function scopeLocality(meta: DocumentMeta, issuer: string | null): string | null {
  const named = issuer === null ? null : findLocality(issuer);
  if (named !== null) return named.name;
  if (issuer !== null && /tỉnh/iu.test(issuer)) return meta.province ?? meta.locality;
  return meta.locality ?? meta.province;
}

const ALIAS_OPEN = /\((?:sau day )?(?:goi|viet) tat (?:la )?|\(sau day (?:goi|viet) (?:tat )?la /g;

/** Ranges of "(sau đây gọi tắt là …)" parentheticals. */
function aliasRanges(folded: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of folded.matchAll(ALIAS_OPEN)) {
    const close = folded.indexOf(')', m.index);
    out.push([m.index, close < 0 ? m.index + 200 : close]);
  }
  return out;
}

/**
 * Type of a mentioned document: the number's type letters, except that "QĐ" of the Party is a "Quy
 * định" when the text says so ("Quy định số 178-QĐ/TW"); the type word when the number has no letters.
 */
function typeOf(number: DocNumber, word: DocType | null, law: boolean): DocType | null {
  if (number.typeAbbr === 'QĐ' && word === 'Quy định') return word;
  return number.type ?? word ?? (law ? 'Luật' : null);
}

/**
 * Words before a number that name no legal document (folded): a form or table by its code ("Mẫu số",
 * "Biểu mẫu", "Phụ lục số 02/PL"), a licence, certificate, contract, record, receipt or account.
 */
const NOT_A_DOCUMENT =
  /(?:^|[^a-z])(?:mau|bieu|bieu mau|phu bieu|phu luc|giay phep|giay chung nhan(?: [a-z ]{0,40}?)?|chung chi|hop dong|bien ban|phieu|hoa don|tai khoan|ma so)(?: so)? ?$/;

/** Codes of such instruments in the number itself ("45/GP-…", "…/GCN-…", "…/BB-…", "02/PL-…"). */
const NOT_A_DOCUMENT_CODE = /^(?:GP|GCN|GPXD|BB|PL|CCHN)$/u;

function fullMention(t: FlatText, meta: DocumentMeta, m: RegExpMatchArray): Mention | null {
  const number = parseMatch(m);
  if (number === null) return null;
  const numStart = m.index ?? 0;
  const numEnd = numStart + m[0].length;
  // "Mẫu số 01/ĐK", "Giấy phép số 45/GP-BTTTT", "Hợp đồng số 12/2025/HĐ-UBND": no document of the lược đồ
  if (NOT_A_DOCUMENT.test(t.folded.slice(Math.max(0, numStart - 40), numStart))) return null;
  if (NOT_A_DOCUMENT_CODE.test(number.typeAbbr ?? '')) return null;
  const before = typeBefore(t.folded, numStart);
  const after = readAfter(t.flat, numEnd);
  const law =
    number.typeAbbr === null &&
    /^QH/.test(number.issuerAbbr) &&
    !before.found &&
    lawBefore(t.folded, numStart);
  const issuer = after.issuer ?? number.issuer;
  return {
    number,
    key: referenceKey(number.normalized, number.local ? scopeLocality(meta, issuer) : null),
    type: typeOf(number, before.type, law),
    issuer,
    explicitIssuer: after.issuer,
    date: after.date,
    start: before.start,
    numEnd,
    tailEnd: after.end,
    alias: false,
  };
}

const SHORT_RE =
  /(nghi quyet|ke hoach|chuong trinh(?: hanh dong)?|quyet dinh|chi thi|ket luan|thong tu|nghi dinh|cong dien) (?:so )?(\d{1,5})(?![\d/-]| ?[/-] ?[a-z])/g;

function shortKey(n: DocNumber): string {
  return `${n.num} ${fold(n.typeAbbr ?? '').toUpperCase()}`;
}

/** "Nghị quyết 36" → the full number "36-NQ/TW" mentioned elsewhere in the text (same type, number). */
function shortMentions(t: FlatText, full: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of t.folded.matchAll(SHORT_RE)) {
    const key = numberKey(`${m[1] ?? ''} ${m[2] ?? ''}`);
    const target = full.find((f) => shortKey(f.number) === key);
    if (target === undefined) continue;
    const numEnd = m.index + m[0].length;
    const after = readAfter(t.flat, numEnd);
    out.push({
      ...target,
      explicitIssuer: null,
      date: null,
      start: m.index,
      numEnd,
      tailEnd: after.end,
    });
  }
  return out;
}

/** A local number whose locality one mention states ("của UBND tỉnh Quảng Nam") takes it in every mention. */
function rescope(mentions: Mention[]): Mention[] {
  const stated = new Map<string, string>();
  for (const m of mentions) {
    const loc = m.explicitIssuer === null ? null : findLocality(m.explicitIssuer);
    if (m.number.local && loc !== null && !stated.has(m.number.normalized))
      stated.set(m.number.normalized, loc.name);
  }
  return mentions.map((m) => {
    const loc = stated.get(m.number.normalized);
    const own = m.explicitIssuer === null ? null : findLocality(m.explicitIssuer);
    if (loc === undefined || own !== null) return m;
    return { ...m, key: referenceKey(m.number.normalized, loc) };
  });
}

/**
 * One document written with two issuer codes, one the other's abbreviation ("67/2005/QĐ-UB" and
 * "67/2005/QĐ-UBND", both "ngày 20 tháng 7 năm 2005"): with the same number, year, type letters and date,
 * later mentions take the first mention's number and key.
 */
function unifySpellings(ms: Mention[]): Mention[] {
  const first = new Map<string, Mention>();
  return ms.map((m) => {
    if (m.date === null) return m;
    const n = m.number;
    const id = `${n.num}|${n.year ?? ''}|${n.typeAbbr ?? ''}|${m.date}`;
    const f = first.get(id);
    if (f === undefined) first.set(id, m);
    if (f === undefined || f.key === m.key || !abbreviates(f.number.issuerAbbr, n.issuerAbbr)) return m;
    return { ...m, number: f.number, key: f.key };
  });
}

/** One issuer code is the other's leading part ("UB" of "UBND"). */
function abbreviates(a: string, b: string): boolean {
  const [x, y] = [fold(a).toUpperCase(), fold(b).toUpperCase()];
  return x !== y && (x.startsWith(y) || y.startsWith(x));
}

/** Every mention of another document (not the document's own number), in text order. */
export function findMentions(t: FlatText, meta: DocumentMeta): Mention[] {
  const own = meta.number === null ? null : numberKey(meta.number);
  const full: Mention[] = [];
  for (const m of t.flat.matchAll(DOC_NUMBER_RE)) {
    const mention = fullMention(t, meta, m);
    if (mention !== null && numberKey(mention.number.normalized) !== own) full.push(mention);
  }
  const aliases = aliasRanges(t.folded);
  const all = rescope([...full, ...shortMentions(t, full)])
    .map((m) => ({ ...m, alias: aliases.some(([a, b]) => m.start > a && m.start < b) }))
    .sort((a, b) => a.start - b.start);
  return unifySpellings(all);
}
