/**
 * Filter facets of a passage: short tokens ("loc:hai_phong", "type:ke_hoach", "year:2023", "field:bien",
 * "doc:<id>") stored beside its lexical terms, so that a search filter is a required clause of the same
 * full-text query (applied before the top-k cut) and a plain list check for vector candidates.
 */
import { fold } from './normalize.ts';

export type FacetKind = 'doc' | 'loc' | 'type' | 'year' | 'field';

/** `kind:value` with the value folded and its whitespace joined by "_" (one whitespace-free token). */
export function facetToken(kind: FacetKind, value: string): string {
  return `${kind}:${fold(value).trim().replace(/\s+/g, '_')}`;
}

/** What a passage's facets are made of: its document's metadata and its section's field tags. */
export interface FacetSource {
  documentId: string;
  locality: string | null;
  province: string | null;
  type: string | null;
  /** ISO date (YYYY-MM-DD or a prefix of it) of the document. */
  date: string | null;
  fields: readonly string[];
}

/** Facet tokens of a passage (locality and province both count as its place). */
export function passageFacets(src: FacetSource): string[] {
  const out = new Set<string>([facetToken('doc', src.documentId)]);
  for (const place of [src.locality, src.province]) if (place) out.add(facetToken('loc', place));
  if (src.type) out.add(facetToken('type', src.type));
  const year = /^\d{4}/.exec(src.date ?? '')?.[0];
  if (year) out.add(facetToken('year', year));
  for (const f of src.fields) out.add(facetToken('field', f));
  return [...out];
}

/** What a search asks for; every given filter must hold. */
export interface FacetFilter {
  locality?: string;
  field?: string;
  document?: string;
  type?: string;
  year?: number;
}

/** The facet tokens a passage must all carry to pass `f` (empty: no filter). */
export function requiredFacets(f: FacetFilter): string[] {
  const out: string[] = [];
  if (f.locality) out.push(facetToken('loc', f.locality));
  if (f.type) out.push(facetToken('type', f.type));
  if (f.field) out.push(facetToken('field', f.field));
  if (f.document) out.push(facetToken('doc', f.document));
  if (f.year) out.push(facetToken('year', String(f.year)));
  return out;
}
