/**
 * Legal references ("lược đồ"): every other document the text names by number, one LegalReference per
 * identity (see `referenceKey`), typed by what the document does with it — BASED_ON, IMPLEMENTS, AMENDS,
 * REPLACES, REPEALS, GUIDES or CITES (core/vocab/relations.ts) — with the clause that says so.
 *
 * The relation comes from the clause structure, not from where a number happens to stand: the text is
 * cut into items (segments.ts), the item's keyword says what the document does (keywords.ts: "Căn cứ",
 * "Thực hiện", "Bãi bỏ", "thay thế", "sửa đổi, bổ sung", "hướng dẫn", "hết hiệu lực"), and only the
 * documents the item lists take that relation; documents named inside another's description are cited
 * (reading.ts). Under "Căn cứ" laws, decrees, circulars and normative documents are the legal basis and
 * policy documents (resolutions of the Party and the Government, programmes, plans, conclusions,
 * directives) are what the document implements. A document named several times takes its strongest
 * relation. Works on a whitespace-collapsed copy with an offset map, so numbers split by hard line
 * breaks read whole; offsets refer to the original text.
 */
import type { DocumentMeta, LegalReference, StructuredDocument } from '../../../core/types.ts';
import { relationRank, type RelationType } from '../../../core/vocab/relations.ts';
import { foldKeepLength, reflow } from '../../../core/text/text-util.ts';
import { amendsAfter, itemKeyword, listLead, partOnly, repealsAfter, type Keyword } from './keywords.ts';
import { findMentions, type FlatText, type Mention } from './mentions.ts';
import { actLawNames, namedLaws } from './named.ts';
import { headRelation, legalBasis, rolesOf, type Role } from './reading.ts';
import { layout, type Item } from './segments.ts';
import { canonicalDoc } from '../text/index.ts';

/** What one mention says, before mentions of the same document are merged. */
interface Reading {
  mention: Mention;
  relation: RelationType;
  partial: boolean;
  /** Evidence range in the collapsed text, with an optional lead-in (the keyword's clause). */
  evidence: { start: number; end: number; leadIn: string | null };
  /** Keys this mention's document is described as implementing. */
  chain: string[];
}

interface Carry {
  keyword: Keyword | null;
  /** Item where the carried keyword was written (for the evidence lead-in). */
  from: Item | null;
}

const EVIDENCE_MAX = 300;

function evidenceText(t: FlatText, r: Reading['evidence'], m: Mention): string {
  let s = t.flat.slice(r.start, r.end).trim();
  if (s.length > EVIDENCE_MAX) {
    const at = m.start - r.start;
    s = at < EVIDENCE_MAX - 120 ? `${s.slice(0, EVIDENCE_MAX)}…` : `…${s.slice(at - 100, at + 200)}…`;
  }
  return r.leadIn === null ? s : `${r.leadIn} … ${s}`;
}

function sentenceEnds(items: Item[]): number[] {
  const out = items.map((x) => x.end);
  for (let i = items.length - 2; i >= 0; i--) if (items[i + 1]?.continues) out[i] = out[i + 1] ?? out[i]!;
  return out;
}

interface ReadCtx {
  t: FlatText;
  mentions: Mention[];
  /** Keyword of a section's lead text ("Điều 2. Bãi bỏ …:"), when the lead lists no document itself. */
  leads: Map<string, Carry & { listed: boolean }>;
  /** Keyword of a lead ending with ":" that lists no document ("Quyết định này thay thế các Quyết định sau:"). */
  list: Carry | null;
  /** Whether a flat offset lies inside a closed “…” quotation. */
  quoted: (at: number) => boolean;
  /** A directive (Công điện, Chỉ thị): its body is what it orders done. */
  directive: boolean;
}

const DIRECTIVES: ReadonlySet<string> = new Set(['Công điện', 'Chỉ thị']);

/**
 * Region an item's keyword speaks in. The body of a directive is its own orders, like a plan's purpose:
 * "1. Khẩn trương thực hiện … các nhiệm vụ, giải pháp … theo các Nghị quyết số …" carries them out.
 */
function speaks(ctx: ReadCtx, item: Item): Item['region'] {
  return ctx.directive && item.region === 'body' ? 'purpose' : item.region;
}

/** Inside a “…” quotation (curly quotes, nested ones counted) that closes; an unclosed “ quotes nothing. */
function quotations(flat: string): (at: number) => boolean {
  const ranges: [number, number][] = [];
  let depth = 0;
  let open = 0;
  for (let i = 0; i < flat.length; i++) {
    const c = flat[i];
    if (c === '“') {
      if (depth === 0) open = i;
      depth++;
    } else if (c === '”' && depth > 0 && --depth === 0) ranges.push([open, i]);
  }
  return (at) => ranges.some(([a, b]) => a < at && at < b);
}

/** A list item: "- …", "+ …", "• …", "a) …". */
const BULLET = /^\s*(?:[-+•–*]|[a-z]\))\s/;

/**
 * "Triển khai thực hiện …; Ban Thường vụ Tỉnh ủy ban hành Nghị quyết số 06-NQ/TU …; UBND tỉnh ban hành Quyết định
 * số 176/QĐ-UBND …": a clause after ";" with a subject of its own that issued a document tells what was done
 * before; the opening verb does not reach it.
 */
const ISSUED_BY_OTHER =
  /^ ?(?!(?:trien khai|thuc hien|thi hanh|can cu|theo|xet)(?![a-z]))[a-z][a-z ,-]{1,80}? (?:da )?ban hanh (?:nghi quyet|quyet dinh|ke hoach|chuong trinh|chi thi|ket luan|thong tu|nghi dinh|de an)(?![a-z])/;

function issuedByOther(ctx: ReadCtx, item: Item): boolean {
  return ISSUED_BY_OTHER.test(ctx.t.folded.slice(item.start, Math.min(item.end, item.start + 160)));
}

/** The keyword an item starts under: carried over a ";", or from its parent section's lead. */
function inherited(ctx: ReadCtx, item: Item, carry: Carry): Carry {
  if (item.continues && !issuedByOther(ctx, item)) return carry;
  if (item.continues) return { keyword: null, from: null };
  // new wording quoted after "… như sau:" names documents of its own: they are cited, not amended
  if (ctx.quoted(item.start)) return { keyword: null, from: null };
  // "… thay thế các Nghị quyết: Nghị quyết số …; Nghị quyết số …": a list run on after its lead's colon
  const runOn =
    /:\s*$/.test(ctx.t.flat.slice(Math.max(0, item.start - 3), item.start)) &&
    ctx.mentions.some((m) => m.start >= item.start && m.start - item.start <= 3);
  if (!runOn && !BULLET.test(ctx.t.folded.slice(item.start, item.start + 8))) ctx.list = null;
  else if (ctx.list !== null) return ctx.list;
  const parent =
    item.sectionStart && item.section?.parentId ? ctx.leads.get(item.section.parentId) : undefined;
  return parent !== undefined && !parent.listed ? parent : { keyword: null, from: null };
}

const ACTS: ReadonlySet<Keyword> = new Set(['GUIDE', 'AMEND', 'REPLACE', 'REPEAL']);
/**
 * Relations of an act on a document. The act does not reach a document named in quoted wording it
 * changes ("Thay thế cụm từ “… Thông tư số 40/2017/TT-BTC” bằng …"): that one is cited. Nor does an
 * amendment reach the amender of the document it amends ("sửa đổi Thông tư số 55/2023/TT-BTC được sửa
 * đổi, bổ sung bởi Thông tư số 75/2024/TT-BTC" amends the text as it stands), while a repeal or a
 * replacement ends the amender with the document ("Nghị quyết số … được sửa đổi, bổ sung bởi Nghị quyết
 * số … hết hiệu lực").
 */
const ACT_RELATIONS: ReadonlySet<RelationType> = new Set(['GUIDES', 'AMENDS', 'REPLACES', 'REPEALS']);
/** Acts stated in an item that a later "hết hiệu lực" does not override. */
const STATED_ACTS: ReadonlySet<Keyword> = new Set(['GUIDE', 'AMEND', 'REPLACE']);

/** "… quy định chi tiết một số điều của Luật Đầu tư": the numbered mention of that law takes the act. */
function namedReadings(
  ctx: ReadCtx,
  item: Item,
  own: { keyword: Keyword; at: number },
  act: string,
): Reading[] {
  if (!ACTS.has(own.keyword)) return [];
  return namedLaws(actLawNames(act), ctx.mentions, ctx.t.folded).map((m) => ({
    mention: m,
    relation: headRelation(own.keyword, m, ''),
    partial: own.keyword === 'AMEND',
    evidence: { start: item.start, end: item.end, leadIn: null },
    chain: [],
  }));
}

/**
 * Words that may name the part of a listed document an act touches: from the keyword to the first
 * document, and for a later one only the words just before it ("… và khoản 2 Điều 3 Nghị quyết số …"),
 * not the description of the document listed before it.
 */
function partWords(folded: string, from: number, ms: Mention[], m: Mention): string {
  const prev = ms.filter((x) => x.start < m.start).pop();
  if (prev === undefined) return folded.slice(from, m.start);
  return folded.slice(Math.max(prev.tailEnd, m.start - 40), m.start);
}

interface HeadInput {
  item: Item;
  role: Role;
  ms: Mention[];
  keyword: Keyword | null;
  /** The item itself states its act (or lists a basis): a later "hết hiệu lực" does not override it. */
  stated: boolean;
  repealAt: number;
  amendAt: number;
}

/** What the item does with a listed document (see `ACT_RELATIONS` for what an act does not reach). */
function headAct(ctx: ReadCtx, h: HeadInput): RelationType {
  const { t } = ctx;
  const m = h.role.mention;
  // "… hết hiệu lực" after the document repeals it unless the item itself states another act on it
  // ("thay thế Nghị quyết số X …; Nghị quyết số Y … hết hiệu lực": X is replaced, Y repealed).
  const before = (at: number): boolean => at >= 0 && m.start < h.item.start + at && !h.stated;
  const nextStart = h.ms.find((x) => x.start > m.start)?.start ?? h.item.end;
  const description = t.folded.slice(m.tailEnd, nextStart).slice(0, 160);
  const relation = before(h.repealAt)
    ? 'REPEALS'
    : before(h.amendAt)
      ? 'AMENDS'
      : headRelation(h.keyword, m, description);
  if (ACT_RELATIONS.has(relation) && ctx.quoted(m.start)) return 'CITES';
  if (relation === 'AMENDS' && h.role.amender) return 'CITES';
  // a directive ordering the law carried out ("Thực hiện nghiêm Luật …") cites the law it applies
  const ordered = speaks(ctx, h.item) !== h.item.region;
  if (relation === 'IMPLEMENTS' && ordered && legalBasis(m, description)) return 'CITES';
  return relation;
}

/**
 * "Quyết định này thay thế Quyết định số X và bãi bỏ khoản 3 Điều 5 Quy định ban hành kèm theo Quyết định
 * số Y": a second act of the document, joined to the first right after the document it lists (no
 * description between), reaches the document after it. Words after a description belong to it.
 */
const JOINED_ACT = /^[\s,;]*(?:va|dong thoi)\s+(bai bo|thay the|sua doi(?:,? bo sung)?)(?![a-z])/;

function coordinatedAct(folded: string, ms: readonly Mention[], m: Mention): Keyword | null {
  const prev = ms.filter((x) => x.start < m.start).pop();
  if (prev === undefined) return null;
  const act = JOINED_ACT.exec(folded.slice(prev.tailEnd, m.start))?.[1];
  if (act === undefined) return null;
  return act === 'bai bo' ? 'REPEAL' : act === 'thay the' ? 'REPLACE' : 'AMEND';
}

function readItem(
  ctx: ReadCtx,
  item: Item,
  carry: Carry,
  sentenceEnd: number,
): { out: Reading[]; carry: Carry } {
  const { t } = ctx;
  const folded = t.folded.slice(item.start, item.end);
  const ms = ctx.mentions.filter((m) => !m.alias && m.start >= item.start && m.start < item.end);
  const base = inherited(ctx, item, carry);
  // Only the words before the first listed document speak for the document itself.
  const upTo = ms.length === 0 ? folded.length : ms[0]!.start - item.start;
  const own =
    itemKeyword(folded, upTo, speaks(ctx, item)) ?? (ms.length === 0 ? listLead(folded, item.region) : null);
  const gov: Carry =
    own !== null
      ? { keyword: own.keyword, from: item }
      : item.basis
        ? { keyword: 'BASIS', from: null }
        : base;
  if (ms.length === 0 && folded.trim() === '') return { out: [], carry };
  if (item.section !== null) {
    const lead = ctx.leads.get(item.section.id);
    const kept = gov.keyword !== null || lead === undefined ? gov : lead;
    ctx.leads.set(item.section.id, { ...kept, listed: (lead?.listed ?? false) || ms.length > 0 });
  }
  if (ms.length === 0 && gov.keyword !== null && ACTS.has(gov.keyword) && /:\s*$/.test(folded))
    ctx.list = gov;
  const named = own === null ? [] : namedReadings(ctx, item, own, folded.slice(own.at, upTo));
  if (ms.length === 0) return { out: named, carry: gov };
  const from = item.start + (own?.at ?? 0);
  const repealAt = repealsAfter(t.folded.slice(item.start, sentenceEnd), item.region);
  const amendAt = amendsAfter(t.folded.slice(item.start, sentenceEnd), item.region);
  const leadIn =
    gov.from !== null && gov.from !== item
      ? t.flat.slice(gov.from.start, gov.from.end).trim().slice(0, 80)
      : null;
  const roles = rolesOf(ms, t.folded, from, item.end);
  const out: Reading[] = roles.map((role) => {
    const m = role.mention;
    const stated = gov.keyword === 'BASIS' || (own !== null && STATED_ACTS.has(own.keyword));
    const joined = own === null ? null : coordinatedAct(t.folded, ms, m);
    let relation = joined
      ? headRelation(joined, m, '')
      : role.head
        ? headAct(ctx, { item, role, ms, keyword: gov.keyword, stated, repealAt, amendAt })
        : 'CITES';
    const part = partOnly(partWords(t.folded, from, ms, m));
    // replacing some provisions of a document ("Thay thế một số quy định của Thông tư số …") amends it
    if (relation === 'REPLACES' && part) relation = 'AMENDS';
    return {
      mention: m,
      relation,
      partial: relation === 'AMENDS' || (relation === 'REPEALS' && part),
      evidence: { start: item.start, end: Math.max(item.end, m.tailEnd), leadIn },
      chain: [],
    };
  });
  // The chain is read where the document states its own sources (title, preamble, purpose), not in tasks.
  const statesSources = item.region === 'title' || item.region === 'preamble' || item.region === 'purpose';
  roles.forEach((role, i) => {
    if (statesSources && role.chain && role.describer !== null)
      out.find((r) => r.mention === role.describer)?.chain.push(ms[i]!.key);
  });
  return { out: [...out, ...named], carry: gov };
}

function passageAt(doc: StructuredDocument, offset: number): string | null {
  return doc.passages.find((p) => p.start <= offset && offset < p.end)?.id ?? null;
}

/**
 * Strength of a reading: its relation's rank, except that a repeal of some parts ("Bãi bỏ khoản 2 Điều
 * 20 Thông tư số …") is one of the changes of a document the same text amends, so an amendment wins.
 */
function readingRank(r: Reading): number {
  const rank = relationRank(r.relation);
  return r.relation === 'REPEALS' && r.partial ? relationRank('AMENDS') + 0.5 : rank;
}

/** One reference per key: the strongest reading; date, issuer and type from any mention that states them. */
function merge(doc: StructuredDocument, t: FlatText, map: number[], readings: Reading[]): LegalReference[] {
  const byKey = new Map<string, Reading[]>();
  for (const r of readings) byKey.set(r.mention.key, [...(byKey.get(r.mention.key) ?? []), r]);
  const out: LegalReference[] = [];
  for (const list of byKey.values()) {
    const best = [...list].sort(
      (a, b) => readingRank(a) - readingRank(b) || a.mention.start - b.mention.start,
    )[0]!;
    const m = best.mention;
    const start = map[m.start] ?? 0;
    const end = map[m.numEnd] ?? start;
    out.push({
      key: m.key,
      number: m.number.normalized,
      type: m.type ?? list.find((r) => r.mention.type !== null)?.mention.type ?? null,
      issuer: list.find((r) => r.mention.explicitIssuer !== null)?.mention.explicitIssuer ?? m.issuer,
      date: m.date ?? list.find((r) => r.mention.date !== null)?.mention.date ?? null,
      relation: best.relation,
      raw: doc.parsed.text.slice(start, end).replace(/\s+/g, ' '),
      evidence: evidenceText(t, best.evidence, m),
      partial: best.partial,
      implements: [...new Set(list.flatMap((r) => r.chain))].filter((k) => k !== m.key),
      start,
      passageId: passageAt(doc, start),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Every other document the document mentions by number, one typed LegalReference per identity. */
export function extractReferences(written: StructuredDocument, meta: DocumentMeta): LegalReference[] {
  const doc = canonicalDoc(written);
  const { text: flat, map } = reflow(doc.parsed.text);
  const t: FlatText = { flat, folded: foldKeepLength(flat) };
  const toFlat = (orig: number): number => {
    let lo = 0;
    let hi = map.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((map[mid] ?? 0) < orig) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(lo, flat.length);
  };
  const mentions = findMentions(t, meta);
  const { items } = layout({ doc, t, map, toFlat });
  const ends = sentenceEnds(items);
  const ctx: ReadCtx = {
    t,
    mentions,
    leads: new Map(),
    list: null,
    quoted: quotations(flat),
    directive: meta.type !== null && DIRECTIVES.has(meta.type),
  };
  const readings: Reading[] = [];
  let carry: Carry = { keyword: null, from: null };
  items.forEach((item, i) => {
    const r = readItem(ctx, item, carry, ends[i] ?? item.end);
    readings.push(...r.out);
    carry = r.carry;
  });
  const aliases = mentions.filter((m) => m.alias);
  for (const m of aliases)
    readings.push({
      mention: m,
      relation: 'CITES',
      partial: false,
      evidence: { start: m.start, end: m.tailEnd, leadIn: null },
      chain: [],
    });
  return merge(doc, t, map, readings);
}
