import { z } from 'zod';
import type { Matrix } from './matrix.ts';

/** Response schemas of the analyst's routes: the alignment matrix and saved searches. */

const str = z.string();
const optStr = z.string().nullable();
const int = z.int();

export const MatrixResponse = z
  .object({
    programme: z.object({ key: str, number: optStr, type: optStr, issuer: optStr, id: optStr }),
    columns: z.array(z.object({ slug: str, vi: str, en: str })),
    rows: z.array(
      z.object({
        locality: str,
        now: optStr,
        documents: z.array(z.object({ id: str, number: optStr, type: optStr, title: str, date: optStr })),
        cells: z.record(str, z.object({ tasks: int, targets: int })),
      }),
    ),
    missing: z.array(z.object({ locality: str, predecessors: z.array(str) })),
    missingKnown: z.boolean(),
  })
  .meta({
    id: 'Matrix',
    description: 'Provinces implementing a programme × policy fields (tasks and targets per cell)',
  }) satisfies z.ZodType<Matrix>;
export type MatrixResponse = z.infer<typeof MatrixResponse>;

export const SavedSearch = z
  .object({
    id: str,
    q: str,
    createdAt: str,
    filters: z.object({
      locality: str.optional(),
      field: str.optional(),
      type: str.optional(),
      year: int.optional(),
    }),
    /** Path of its Atom feed. */
    feed: str,
  })
  .meta({ id: 'SavedSearch' });
export type SavedSearch = z.infer<typeof SavedSearch>;

export const SavedSearchList = z.object({ items: z.array(SavedSearch) }).meta({ id: 'SavedSearchList' });
export type SavedSearchList = z.infer<typeof SavedSearchList>;
