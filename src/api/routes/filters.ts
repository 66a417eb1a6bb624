import type { DocumentFilter } from '../../../graph/reader.ts';
import { numberKey } from '../../../core/vocab/docnumber.ts';
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

export function resolveDocumentFilter(q: {
  implements?: string | undefined;
  cites?: string | undefined;
  transitive?: string | undefined;
  locality?: string | undefined;
  field?: string | undefined;
  type?: string | undefined;
}): DocumentFilter {
  return {
    implements: q.implements ? numberKey(q.implements) : null,
    cites: q.cites ? numberKey(q.cites) : null,
    transitive: q.transitive === 'true' || q.transitive === '1',
    locality: foldOpt(q.locality),
    field: resolveField(q.field),
    type: foldOpt(q.type),
  };
}
