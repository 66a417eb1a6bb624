import { GAZETTEER, type GazetteerEntry } from '../../core/vocab/agency-gazetteer.ts';
import { findLocality, type Locality } from '../../core/vocab/localities.ts';
import { agencyKey, expandAbbreviations, resolveAgency } from '../../ingest/extract/agencies/index.ts';

export interface AgencyMention {
  kind: string;
  name: string;
}

/** Gazetteer names (and their alternative forms) in matching form, longest first. */
const KEYS: readonly { key: string; entry: GazetteerEntry }[] = GAZETTEER.flatMap((entry) =>
  [agencyKey(entry.name), ...(entry.alt ?? [])].map((key) => ({ key, entry })),
)
  .filter((x) => x.key.includes(' '))
  .sort((a, b) => b.key.length - a.key.length);
const KNOWN_KINDS = new Set(GAZETTEER.map((e) => e.kind));

const VI_AGENCY =
  /(Sở|Ban|Ủy ban|Uỷ ban|UBND|Văn phòng|Công an|Bộ Chỉ huy|Bộ)\s[^?,.;:]*?(?=\s+(được|có|phải|chủ trì|phụ trách|làm|thực hiện|giao)\b|[?,.;:]|$)/u;

/**
 * The locality a question names: as written, else read case-insensitively ("nhiem vu cua so y te hai
 * phong"), since a question is typed, not printed.
 */
export function questionLocality(question: string): Locality | null {
  const capitalised = question.replace(
    /(^|[\s(,])(\p{Ll})/gu,
    (_m, s: string, c: string) => s + c.toUpperCase(),
  );
  return findLocality(question) ?? findLocality(capitalised);
}

/**
 * The agency a question names, with or without diacritics and abbreviations ("Sở Y tế Hải Phòng",
 * "So Y te Hai Phong", "Sở KH&ĐT Bình Thuận"), resolved in the question's locality so that its kind is
 * the locality-independent one (so-y-te). Null when none is named.
 */
export function findAgencyMention(question: string, locality: string | null): AgencyMention | null {
  const text = expandAbbreviations(question.normalize('NFC'));
  const written = VI_AGENCY.exec(text)?.[0] ?? null;
  const resolved = written ? resolveAgency(written, locality) : null;
  if (resolved && !resolved.isGroup && KNOWN_KINDS.has(resolved.kind))
    return { kind: resolved.kind, name: resolved.name };
  const words = ` ${agencyKey(text)} `;
  const hit = KEYS.find((k) => words.includes(` ${k.key} `));
  if (hit) return { kind: hit.entry.kind, name: hit.entry.name };
  return resolved && !resolved.isGroup ? { kind: resolved.kind, name: resolved.name } : null;
}
