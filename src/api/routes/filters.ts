import type { DocumentFilter } from '../../../graph/reader.ts';
import { numberKey } from '../../../core/vocab/docnumber.ts';
import { RELATION_FIELDS, RELATION_TYPES } from '../../../core/vocab/relations.ts';
import { findField } from '../../../ingest/extract/fields.ts';
import { AppError } from '../../../core/errors.ts';
import { fold } from '../../../core/text/normalize.ts';

/** Field slug from a slug or a Vietnamese/English label, with or without diacritics; unknown → 400. */
export function resolveField(value: string | undefined): string | null {
  if (!value) return null;
  const f = findField(value);
  if (!f) throw new AppError('INVALID_INPUT', `Unknown field: ${value}`, { parameter: 'field', value });
  return f.slug;
}

export const foldOpt = (v: string | undefined): string | null => (v ? fold(v) : null);

/** Query parameters of GET /api/documents that filter by a relation, e.g. `based_on` → filter `basedOn`. */
export const RELATION_PARAMS = RELATION_TYPES.map((t) => ({
  param: RELATION_FIELDS[t].param,
  filter: RELATION_FIELDS[t].forward,
}));

type RelationQuery = Partial<Record<string, string | undefined>>;

/** A number in any spelling ("189/nq-cp", "189-NQ/CP", "Nghị quyết 189") → its number key; blank → null. */
const keyOf = (v: string | undefined): string | null => (v ? numberKey(v) : null);

export function resolveDocumentFilter(
  q: RelationQuery & {
    transitive?: string | undefined;
    locality?: string | undefined;
    field?: string | undefined;
    type?: string | undefined;
  },
): DocumentFilter {
  const rel = Object.fromEntries(RELATION_PARAMS.map(({ param, filter }) => [filter, keyOf(q[param])]));
  return {
    implements: keyOf(q.implements),
    basedOn: rel.basedOn ?? null,
    amends: rel.amends ?? null,
    replaces: rel.replaces ?? null,
    repeals: rel.repeals ?? null,
    guides: rel.guides ?? null,
    cites: rel.cites ?? null,
    transitive: q.transitive === 'true' || q.transitive === '1',
    locality: foldOpt(q.locality),
    field: resolveField(q.field),
    type: foldOpt(q.type),
  };
}
