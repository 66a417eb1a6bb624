import { z } from 'zod';
import type { DeadlineNorm } from '../core/types.ts';
import type { TreeDocument, TreeNode } from './implementation-tree.ts';
import { NODE_KIND_NAMES } from '../core/vocab/node-kinds.ts';

/**
 * The rows the read side returns, as zod schemas: the TypeScript types below are inferred from them, and
 * the API composes its response schemas (and so its OpenAPI document) from the same objects. A missing
 * Neo4j property reads as `null`, hence the nullable fields. Each schema carries an `id` so the OpenAPI
 * document lists it once under `components.schemas`.
 *
 * Objects are exact (unknown keys are a contract change), except the document rows and their references,
 * which take new fields (relations, effective dates) as they are extracted.
 */

const str = z.string();
const optStr = z.string().nullable();
const int = z.int();
const optInt = z.int().nullable();
const optNum = z.number().nullable();

export const CountsRow = z
  .object({ documents: int, passages: int, tasks: int, targets: int })
  .meta({ id: 'Counts' });
export type CountsRow = z.infer<typeof CountsRow>;

export const DocumentSummary = z
  .looseObject({
    id: str,
    title: str,
    file: str,
    format: str,
    type: optStr,
    number: optStr,
    date: optStr,
    issuer: optStr,
    signer: optStr,
    locality: optStr,
    province: optStr,
    ingestedAt: str,
    /** Numbers this document implements / cites, as written in the document. */
    implements: z.array(str),
    cites: z.array(str),
    taskCount: int,
    targetCount: int,
    passageCount: int,
  })
  .meta({ id: 'DocumentSummary' });
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const DocumentReference = z
  .looseObject({
    key: str,
    number: str,
    type: optStr,
    issuer: optStr,
    date: optStr,
    /** Relationship type from the document to the referenced one (IMPLEMENTS, CITES, …). */
    relation: str,
    passageId: optStr,
    raw: optStr,
    /** The referenced document's own id when it is in the graph. */
    documentId: optStr,
  })
  .meta({ id: 'DocumentReference' });
export type DocumentReference = z.infer<typeof DocumentReference>;

export const SectionRow = z
  .object({
    id: str,
    marker: optStr,
    heading: str,
    level: int,
    path: z.array(str),
    parentId: optStr,
    ordinal: int,
    start: int,
    end: int,
    fields: z.array(str),
  })
  .meta({ id: 'Section' });
export type SectionRow = z.infer<typeof SectionRow>;

export const DocumentPassage = z
  .object({
    id: str,
    sectionId: optStr,
    sectionPath: str,
    ordinal: int,
    text: str,
    start: int,
    end: int,
    page: optInt,
    ocrConfidence: optNum,
  })
  .meta({ id: 'DocumentPassage' });
export type DocumentPassage = z.infer<typeof DocumentPassage>;

/** One document's own node and references, without its sections and passages. */
const DocumentHead = DocumentSummary.extend({
  contentHash: str,
  warnings: z.array(str),
  ocrConfidence: optNum,
  references: z.array(DocumentReference),
});
export type DocumentHead = z.infer<typeof DocumentHead>;

export const DocumentDetail = DocumentHead.extend({
  sections: z.array(SectionRow),
  passages: z.array(DocumentPassage),
}).meta({ id: 'DocumentDetail' });
export type DocumentDetail = z.infer<typeof DocumentDetail>;

export const DeadlineNormRow = z
  .object({
    kind: z.enum(['year', 'range', 'quarter', 'date', 'annual', 'ongoing', 'other']),
    from: int.optional(),
    to: int.optional(),
    quarter: int.optional(),
    text: str,
  })
  .meta({ id: 'DeadlineNorm' }) satisfies z.ZodType<DeadlineNorm>;

export const TaskRow = z
  .object({
    id: str,
    documentId: str,
    documentTitle: str,
    documentNumber: optStr,
    documentType: optStr,
    locality: optStr,
    title: str,
    group: optStr,
    row: optStr,
    page: optInt,
    /** Section path of the source passage. */
    section: optStr,
    fields: z.array(str),
    /** Lead and coordinating agencies' names, in the order of their keys in `leadIds`/`coordinatingIds`. */
    lead: z.array(str),
    leadIds: z.array(str),
    coordinating: z.array(str),
    coordinatingIds: z.array(str),
    deadline: optStr,
    deadlineNorm: DeadlineNormRow.nullable(),
    product: optStr,
    passageId: optStr,
  })
  .meta({ id: 'Task' });
export type TaskRow = z.infer<typeof TaskRow>;

const agencyBase = { key: str, name: str, kind: str, locality: optStr, isGroup: z.boolean() };

export const AgencyRow = z
  .object({ ...agencyBase, leads: int, coordinates: int })
  .meta({ id: 'Agency', description: 'An agency with the number of tasks it leads and coordinates' });
export type AgencyRow = z.infer<typeof AgencyRow>;

export const AgencyDetail = z
  .object({ ...agencyBase, leads: z.array(TaskRow), coordinates: z.array(TaskRow) })
  .meta({ id: 'AgencyDetail' });
export type AgencyDetail = z.infer<typeof AgencyDetail>;

export const TargetRow = z
  .object({
    id: str,
    documentId: str,
    indicator: str,
    text: str,
    value: optNum,
    valueMin: optNum,
    valueMax: optNum,
    unit: optStr,
    comparator: optStr,
    year: optInt,
    passageId: optStr,
    page: optInt,
    locality: optStr,
    documentTitle: str,
    documentNumber: optStr,
    fields: z.array(str),
  })
  .meta({ id: 'Target' });
export type TargetRow = z.infer<typeof TargetRow>;

export const FieldCountRow = z
  .object({ slug: str, vi: str, en: str, tasks: int, targets: int, sections: int })
  .meta({ id: 'FieldCount' });
export type FieldCountRow = z.infer<typeof FieldCountRow>;

/** A document implementing a number (directly or through the chain) and how (the citing passage). */
export const ImplementerRow = z.object({
  doc: z.object({
    id: str,
    title: str,
    type: optStr,
    number: optStr,
    date: optStr,
    locality: optStr,
    province: optStr,
    issuer: optStr,
  }),
  how: z.object({ passageId: optStr, raw: optStr, via: optStr, target: str }),
});
export type ImplementerRow = z.infer<typeof ImplementerRow>;

export const GraphNode = z
  .object({ id: str, label: str, kind: z.enum(NODE_KIND_NAMES) })
  .meta({ id: 'GraphNode' });
export type GraphNode = z.infer<typeof GraphNode>;

export const GraphEdge = z.object({ source: str, target: str, type: str }).meta({ id: 'GraphEdge' });
export type GraphEdge = z.infer<typeof GraphEdge>;

export const Neighbourhood = z
  .object({ nodes: z.array(GraphNode), edges: z.array(GraphEdge) })
  .meta({ id: 'Neighbourhood', description: 'Nodes and edges around a centre, for browsing' });
export type Neighbourhood = z.infer<typeof Neighbourhood>;

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
