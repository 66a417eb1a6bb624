import { z } from 'zod';
import type { TreeDocument, TreeNode } from './implementation-tree.ts';

export type { TreeDocument, TreeNode } from './implementation-tree.ts';
import { AgencyDetail, TaskRow } from './rows.ts';

/**
 * Rows of the analyst's reads (analysis-reader.ts), as zod schemas like those of rows.ts: lineage across
 * the 2025 reorganisation, localities, the implementation tree and referenced documents.
 */

const str = z.string();
const optStr = z.string().nullable();

/* ---------------------------------------------------------- the 2025 reorganisation --------------------------------------------------------- */

/** One SUCCEEDED_BY step: a predecessor (with `to`, the node it leads to) or a successor (with `previous`). */
export const LineageStep = z
  .object({
    id: str,
    name: str,
    locality: optStr,
    to: str.optional(),
    previous: str.optional(),
    from: str,
    instrument: str,
    article: optStr,
    note: optStr,
  })
  .meta({ id: 'LineageStep' });
export type LineageStep = z.infer<typeof LineageStep>;

const lineage = { predecessors: z.array(LineageStep), successors: z.array(LineageStep) };
export const Lineage = z.object(lineage).meta({ id: 'Lineage' });
export type Lineage = z.infer<typeof Lineage>;

export const AgencyWithLineage = AgencyDetail.extend(lineage).meta({ id: 'AgencyWithLineage' });
export type AgencyWithLineage = z.infer<typeof AgencyWithLineage>;

/** An agency as a task's lineage names it. */
export interface AgencyRef {
  id: string;
  name: string;
  locality: string | null;
}

/** A task with the agency it was assigned to and that agency's successor, as LIST_TASKS_LINEAGE returns it. */
export type TaskLineageRow = TaskRow & { assigned: AgencyRef | null; now: AgencyRef | null };

/** A task of a list: with `lineage=true`, also who it was assigned to and who holds that duty now. */
export const TaskListItem = TaskRow.extend({
  assignedTo: optStr.optional(),
  assignedToId: optStr.optional(),
  now: optStr.optional(),
  nowId: optStr.optional(),
}).meta({ id: 'TaskListItem' });
export type TaskListItem = z.infer<typeof TaskListItem>;

export const LocalityRow = z
  .object({
    name: str,
    province: optStr,
    documents: z.array(z.object({ id: str, title: str, number: optStr, type: optStr, date: optStr })),
    agencies: z.array(z.object({ key: str, name: str })),
  })
  .meta({ id: 'Locality' });
export type LocalityRow = z.infer<typeof LocalityRow>;

export const LocalityWithLineage = LocalityRow.extend(lineage).meta({ id: 'LocalityWithLineage' });
export type LocalityWithLineage = z.infer<typeof LocalityWithLineage>;

/* ---------------------------------------------------------- implementation and references --------------------------------------------------- */

export const TreeDocumentRow = z
  .object({
    key: str,
    id: optStr,
    number: optStr,
    type: optStr,
    title: optStr,
    issuer: optStr,
    date: optStr,
    locality: optStr,
  })
  .meta({ id: 'TreeDocument' }) satisfies z.ZodType<TreeDocument>;

/** Recursive: a node's children are nodes (the annotation checks the schema against `TreeNode`). */
export const TreeNodeRow: z.ZodType<TreeNode> = z
  .object({
    document: TreeDocumentRow,
    relation: z.literal('IMPLEMENTS'),
    passageId: optStr,
    get children() {
      return z.array(TreeNodeRow);
    },
  })
  .meta({ id: 'TreeNode' });

export const ImplementationTree = z
  .object({ root: TreeDocumentRow, children: z.array(TreeNodeRow) })
  .meta({ id: 'ImplementationTree', description: 'Who implements a document, and who implements those' });
export type ImplementationTree = z.infer<typeof ImplementationTree>;

const LegalRef = z.looseObject({
  key: str,
  number: str,
  type: optStr,
  issuer: optStr,
  date: optStr,
  documentId: optStr,
});

/** A referenced document as the corpus cites it (relations are being typed further: loose). */
export const LegalDocumentRow = LegalRef.extend({
  mentions: z.array(
    z.looseObject({
      relation: str,
      documentId: str,
      number: optStr,
      title: str,
      type: optStr,
      locality: optStr,
      date: optStr,
      raw: optStr,
      passageId: optStr,
    }),
  ),
  implements: z.array(LegalRef),
  implementedBy: z.array(LegalRef),
}).meta({ id: 'LegalDocument' });
export type LegalDocumentRow = z.infer<typeof LegalDocumentRow>;

/* ---------------------------------------------------------- alignment matrix and saved searches --------------------------------------------- */

/** A corpus document implementing a programme, with the fields of its tasks and targets (one slug each). */
export const MatrixDocumentRow = z.object({
  id: str,
  number: optStr,
  type: optStr,
  title: str,
  date: optStr,
  locality: optStr,
  province: optStr,
  issuer: optStr,
  taskFields: z.array(str),
  targetFields: z.array(str),
  taskCount: z.number(),
  targetCount: z.number(),
});
export type MatrixDocumentRow = z.infer<typeof MatrixDocumentRow>;

/** A saved search as stored: `filters` is the JSON of its filters. */
export const SavedSearchRow = z.object({ id: str, q: str, filters: str, createdAt: str });
export type SavedSearchRow = z.infer<typeof SavedSearchRow>;

/** A document with the time it was ingested (for feeds). */
export const IngestedDocumentRow = z.object({
  id: str,
  title: str,
  number: optStr,
  type: optStr,
  date: optStr,
  issuer: optStr,
  locality: optStr,
  province: optStr,
  ingestedAt: str,
});
export type IngestedDocumentRow = z.infer<typeof IngestedDocumentRow>;
