import { z } from 'zod';
import { TARGET_METRICS, type DeadlineNorm } from '../core/types.ts';
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

const numbers = z.array(str);

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
    signerPosition: optStr,
    locality: optStr,
    province: optStr,
    effectiveDate: optStr,
    ingestedAt: str,
    /** Validity as the corpus shows it (another document repealed, replaced or amended this one). */
    status: optStr,
    statusBy: z.object({ id: str, number: optStr, type: optStr, date: optStr, relation: str }).nullable(),
    /** Numbers this document is based on, implements, amends, … as written in it (core/vocab/relations.ts). */
    basedOn: numbers,
    implements: numbers,
    amends: numbers,
    replaces: numbers,
    repeals: numbers,
    guides: numbers,
    cites: numbers,
    taskCount: int,
    targetCount: int,
    passageCount: int,
  })
  .meta({ id: 'DocumentSummary' });
export type DocumentSummary = z.infer<typeof DocumentSummary>;

/** A document that a referenced document is said to implement (the page's implementation chain reads it). */
const ImplementedDocument = z.object({
  key: str,
  number: optStr,
  type: optStr,
  issuer: optStr,
  date: optStr,
  documentId: optStr,
});

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
    evidence: optStr,
    partial: z.boolean().nullable(),
    /** The referenced document's own id when it is in the graph. */
    documentId: optStr,
    /** What the referenced document is said to implement (in the document page's read). */
    implements: z.array(ImplementedDocument).optional(),
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

/** A corpus document that acts on this one (the inverse of a relation: implementedBy, amendedBy, …). */
const ActingDocument = z
  .looseObject({
    id: str,
    number: optStr,
    type: optStr,
    title: str,
    date: optStr,
    issuer: optStr,
    passageId: optStr,
    evidence: optStr,
    partial: z.boolean().nullable(),
  })
  .meta({ id: 'ActingDocument' });
const actedOnBy = z.array(ActingDocument);

/** One document's own node and references, without its sections and passages. */
const DocumentHead = DocumentSummary.extend({
  contentHash: str,
  warnings: z.array(str),
  ocrConfidence: optNum,
  basisOf: actedOnBy,
  implementedBy: actedOnBy,
  amendedBy: actedOnBy,
  replacedBy: actedOnBy,
  repealedBy: actedOnBy,
  guidedBy: actedOnBy,
  citedBy: actedOnBy,
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
    /** What is measured (a canonical subject of core/vocab/target-subjects.ts) and how. */
    subject: str,
    metric: z.enum(TARGET_METRICS),
    text: str,
    value: optNum,
    valueMin: optNum,
    valueMax: optNum,
    unit: optStr,
    comparator: optStr,
    year: optInt,
    /** Target period when no single year is stated ("2026-2030"). */
    period: optStr,
    responsibleAgency: optStr,
    /** A national (central) aim. */
    national: z.boolean(),
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
