/**
 * Legal relations between documents, as analysts read them on vbpl.vn / thuvienphapluat.vn ("lược đồ"):
 * the relation types, their strength order (one relation per referenced document: the strongest that
 * applies) and their names in the API in both directions.
 */

/** Relation types, strongest first: an act on another document beats a reason to act, a reason beats a mention. */
export const RELATION_TYPES = [
  'REPEALS',
  'REPLACES',
  'AMENDS',
  'GUIDES',
  'IMPLEMENTS',
  'BASED_ON',
  'CITES',
] as const;

export type RelationType = (typeof RELATION_TYPES)[number];

/** API field names: forward (`basedOn`: numbers this document is based on) and inverse (`basisOf`). */
export const RELATION_FIELDS: Record<RelationType, { forward: string; inverse: string; param: string }> = {
  BASED_ON: { forward: 'basedOn', inverse: 'basisOf', param: 'based_on' },
  IMPLEMENTS: { forward: 'implements', inverse: 'implementedBy', param: 'implements' },
  AMENDS: { forward: 'amends', inverse: 'amendedBy', param: 'amends' },
  REPLACES: { forward: 'replaces', inverse: 'replacedBy', param: 'replaces' },
  REPEALS: { forward: 'repeals', inverse: 'repealedBy', param: 'repeals' },
  GUIDES: { forward: 'guides', inverse: 'guidedBy', param: 'guides' },
  CITES: { forward: 'cites', inverse: 'citedBy', param: 'cites' },
};

/** Rank of a relation type: lower is stronger. */
export function relationRank(r: RelationType): number {
  return RELATION_TYPES.indexOf(r);
}

/** The stronger of two relation types. */
export function stronger(a: RelationType, b: RelationType): RelationType {
  return relationRank(a) <= relationRank(b) ? a : b;
}

/**
 * Validity status of a document as the corpus shows it: another ingested document repealed, replaced
 * or amended it (a partial repeal — "bãi bỏ khoản 1 Điều 3" — is `partly_repealed`). Null when unknown.
 */
export type ValidityStatus = 'repealed' | 'partly_repealed' | 'replaced' | 'amended';
