/**
 * Legal references: every mention of another document by number, resolved to one identity per
 * document (see `referenceKey`), with type, issuer and date when stated. A mention in the title or the
 * preamble under "căn cứ / thực hiện / triển khai / kèm theo" is IMPLEMENTS, anything else CITES.
 * Short forms ("Nghị quyết 36", "(sau đây gọi tắt là Nghị quyết 36)") resolve against the full numbers
 * the same document mentions. Works on a whitespace-collapsed copy with an offset map, so numbers split
 * by hard line breaks read whole; offsets refer to the original text.
 */
import type { DocumentMeta, LegalReference, StructuredDocument } from '../../core/types.ts';
import {
  DOC_NUMBER_RE,
  numberKey,
  parseMatch,
  referenceKey,
  type DocNumber,
} from '../../core/vocab/docnumber.ts';
import { findLocality } from '../../core/vocab/localities.ts';
import { findHeading, preambleEnd } from './meta-text.ts';
import { foldFlat, implementsAt, lawBefore, readAfter, typeBefore } from './ref-context.ts';
import { fold, reflow } from '../../core/text/text-util.ts';

interface Mention {
  number: DocNumber;
  ref: LegalReference;
  /** Issuer stated in the text ("của Bộ Chính trị"), not inferred from the number. */
  explicitIssuer: string | null;
}

interface Ctx {
  doc: StructuredDocument;
  meta: DocumentMeta;
  flat: string;
  folded: string;
  map: number[];
  /** Title + preamble range in the collapsed text. */
  regionStart: number;
  regionEnd: number;
}

function passageAt(doc: StructuredDocument, offset: number): string | null {
  return doc.passages.find((p) => p.start <= offset && offset < p.end)?.id ?? null;
}

function relationAt(ctx: Ctx, pos: number): LegalReference['relation'] {
  if (pos < ctx.regionStart || pos >= ctx.regionEnd) return 'CITES';
  const region = ctx.folded.slice(ctx.regionStart, ctx.regionEnd);
  return implementsAt(region, pos - ctx.regionStart) ? 'IMPLEMENTS' : 'CITES';
}

/** Locality that scopes a local number: the province for "Tỉnh ủy"/"tỉnh" issuers, else the document's. */
function scopeLocality(meta: DocumentMeta, issuer: string | null): string | null {
  const named = issuer === null ? null : findLocality(issuer);
  if (named !== null) return named.name;
  if (issuer !== null && /tỉnh/iu.test(issuer)) return meta.province ?? meta.locality;
  return meta.locality ?? meta.province;
}

function mentionAt(ctx: Ctx, m: RegExpMatchArray): Mention | null {
  const number = parseMatch(m);
  if (number === null) return null;
  const numStart = m.index ?? 0;
  const before = typeBefore(ctx.folded, numStart);
  const after = readAfter(ctx.flat, numStart + m[0].length);
  const law =
    number.typeAbbr === null &&
    /^QH/.test(number.issuerAbbr) &&
    !before.found &&
    lawBefore(ctx.folded, numStart);
  const type = number.type ?? before.type ?? (law ? 'Luật' : null);
  const issuer = after.issuer ?? number.issuer;
  const start = ctx.map[before.start] ?? 0;
  const end = ctx.map[numStart + m[0].length] ?? start;
  return {
    number,
    explicitIssuer: after.issuer,
    ref: {
      key: referenceKey(number.normalized, number.local ? scopeLocality(ctx.meta, issuer) : null),
      number: number.normalized,
      type,
      issuer,
      date: after.date,
      relation: relationAt(ctx, numStart),
      raw: ctx.doc.parsed.text.slice(start, end).replace(/\s+/g, ' '),
      start,
      passageId: passageAt(ctx.doc, start),
    },
  };
}

const SHORT_RE =
  /(nghi quyet|ke hoach|chuong trinh(?: hanh dong)?|quyet dinh|chi thi|ket luan|thong tu|nghi dinh|cong dien) (?:so )?(\d{1,5})(?![\d/-]| ?[/-] ?[a-z])/g;

function shortKey(n: DocNumber): string {
  return `${n.num} ${fold(n.typeAbbr ?? '').toUpperCase()}`;
}

/** "Nghị quyết 36" → the full number "36-NQ/TW" mentioned elsewhere in the document (same type, number). */
function shortMentions(ctx: Ctx, full: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of ctx.folded.matchAll(SHORT_RE)) {
    const key = numberKey(`${m[1] ?? ''} ${m[2] ?? ''}`);
    const target = full.find((f) => shortKey(f.number) === key);
    if (target === undefined) continue;
    const pos = m.index;
    const start = ctx.map[pos] ?? 0;
    const end = ctx.map[pos + m[0].length] ?? start;
    out.push({
      number: target.number,
      explicitIssuer: null,
      ref: {
        ...target.ref,
        date: null,
        relation: relationAt(ctx, pos),
        raw: ctx.doc.parsed.text.slice(start, end).replace(/\s+/g, ' '),
        start,
        passageId: passageAt(ctx.doc, start),
      },
    });
  }
  return out;
}

/** One reference per key: the first IMPLEMENTS mention if any, else the first; date/issuer from any mention. */
function dedupe(mentions: Mention[]): LegalReference[] {
  const byKey = new Map<string, Mention[]>();
  for (const m of [...mentions].sort((a, b) => a.ref.start - b.ref.start)) {
    const list = byKey.get(m.ref.key) ?? [];
    list.push(m);
    byKey.set(m.ref.key, list);
  }
  const out: LegalReference[] = [];
  for (const list of byKey.values()) {
    const best = (list.find((m) => m.ref.relation === 'IMPLEMENTS') ?? list[0])?.ref;
    if (best === undefined) continue;
    out.push({
      ...best,
      type: best.type ?? list.find((m) => m.ref.type !== null)?.ref.type ?? null,
      date: best.date ?? list.find((m) => m.ref.date !== null)?.ref.date ?? null,
      issuer: list.find((m) => m.explicitIssuer !== null)?.explicitIssuer ?? best.issuer,
    });
  }
  return out.sort((a, b) => a.start - b.start);
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
    return { ...m, ref: { ...m.ref, key: referenceKey(m.number.normalized, loc) } };
  });
}

/** Every other document the document mentions by number, one LegalReference per identity. */
export function extractReferences(doc: StructuredDocument, meta: DocumentMeta): LegalReference[] {
  const text = doc.parsed.text;
  const { text: flat, map } = reflow(text);
  const heading = findHeading(text);
  const origStart = heading?.start ?? 0;
  const origEnd = preambleEnd(doc, heading?.after ?? 0);
  const toFlat = (o: number): number => {
    const i = map.findIndex((x) => x >= o);
    return i < 0 ? flat.length : i;
  };
  const ctx: Ctx = {
    doc,
    meta,
    flat,
    folded: foldFlat(flat),
    map,
    regionStart: toFlat(origStart),
    regionEnd: toFlat(origEnd),
  };
  const own = meta.number === null ? null : numberKey(meta.number);
  const full: Mention[] = [];
  for (const m of flat.matchAll(DOC_NUMBER_RE)) {
    const mention = mentionAt(ctx, m);
    if (mention === null || numberKey(mention.number.normalized) === own) continue;
    full.push(mention);
  }
  return dedupe(rescope([...full, ...shortMentions(ctx, full)]));
}
