import { z } from 'zod';
import { ERROR_STATUS, type ErrorCode } from '../../core/errors.ts';
import { TARGET_METRICS } from '../../core/types.ts';
import { NODE_KIND_NAMES } from '../../core/vocab/node-kinds.ts';
import { AgencyRow, CountsRow, DocumentSummary, FieldCountRow, TargetRow } from '../../graph/rows.ts';
import { TaskListItem } from '../../graph/analysis-rows.ts';
import type { AskResponse as AskAnswer } from '../ask/answer.ts';
import type { FileResult } from '../../ingest/pipeline.ts';
import type { SearchHit as Hit, SearchResponse as SearchResult } from '../search/service.ts';

/**
 * Response schemas of the API. Each route names its schema next to its query schema (`response:`); the
 * registry types the handler's result with it and the OpenAPI document is generated from it. Rows of the
 * graph come from `graph/rows.ts`; the types the web page uses are exported here (`z.infer`).
 * `satisfies z.ZodType<T>` keeps the schemas of search, ask and ingest in step with their TypeScript types.
 */

const str = z.string();
const optStr = z.string().nullable();
const int = z.int();

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: str,
      details: z.record(str, z.unknown()),
    }),
  })
  .meta({ id: 'Error', description: 'Every error: a stable code, a message and details' });
export type ErrorBody = z.infer<typeof ErrorBody>;

const items = <T extends z.ZodType>(row: T, id: string) => z.object({ items: z.array(row) }).meta({ id });

export const DocumentList = items(DocumentSummary, 'DocumentList');
export type DocumentList = z.infer<typeof DocumentList>;
export const TaskList = items(TaskListItem, 'TaskList');
export type TaskList = z.infer<typeof TaskList>;
export const AgencyList = items(AgencyRow, 'AgencyList');
export type AgencyList = z.infer<typeof AgencyList>;
export const TargetList = items(TargetRow, 'TargetList');
export type TargetList = z.infer<typeof TargetList>;
export const FieldList = items(FieldCountRow, 'FieldList');
export type FieldList = z.infer<typeof FieldList>;

export const NodeKindList = items(
  z.object({ kind: z.enum(NODE_KIND_NAMES), vi: str, en: str }).meta({ id: 'NodeKind' }),
  'NodeKindList',
);
export type NodeKindList = z.infer<typeof NodeKindList>;

export const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: str,
    neo4j: z.object({ connected: z.boolean(), uri: str }),
    counts: CountsRow,
    search: z.object({
      lexical: z.object({ engine: str }),
      fusion: z.object({
        method: z.enum(['rrf', 'convex']),
        bm25: z.number(),
        vector: z.number(),
        graph: z.number(),
        rrfK: z.number(),
        english: z.number().optional(),
        englishBm25: z.number().optional(),
      }),
      embedder: z.object({ kind: str, model: str, dim: int }),
      index: z.object({ kind: str, size: int, reusedFromDisk: z.boolean(), dir: str }),
      embedding: z.object({
        done: int,
        pending: int,
        running: z.boolean(),
        error: str.nullable(),
      }),
      lastSync: z.object({ added: int, removed: int, ms: z.number(), full: z.boolean() }),
    }),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;

export const SearchHit = z
  .object({
    id: str,
    documentId: str,
    documentTitle: str,
    documentNumber: optStr,
    locality: optStr,
    section: str,
    page: int.nullable(),
    text: str,
    start: int,
    end: int,
    score: z.number(),
    signals: z.object({
      bm25: z.number().nullable(),
      vector: z.number().nullable(),
      graph: z.number().nullable(),
    }),
    highlights: z.array(z.object({ start: int, end: int })),
  })
  .meta({ id: 'SearchHit' }) satisfies z.ZodType<Hit>;
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResponse = z
  .object({
    query: str,
    tookMs: z.number(),
    mode: z.enum(['hybrid', 'bm25', 'vector']),
    noMatch: z.boolean(),
    results: z.array(SearchHit),
  })
  .meta({ id: 'SearchResponse' }) satisfies z.ZodType<SearchResult>;
export type SearchResponse = z.infer<typeof SearchResponse>;

export const AskResponse = z
  .object({
    question: str,
    intent: z.enum(['implements', 'tasks_by_field', 'tasks_by_agency', 'targets_compare', 'search']),
    entities: z.object({
      number: optStr,
      field: optStr,
      agencyKind: optStr,
      agencyName: optStr,
      locality: optStr,
      indicator: optStr,
      subject: optStr,
      metric: z.enum(TARGET_METRICS).nullable(),
      year: int.nullable(),
    }),
    answer: z.object({
      columns: z.array(z.object({ key: str, label: str })),
      /** One row per answer, with `documentId` and `passageId` for its citation. */
      rows: z.array(z.record(str, z.union([str, z.number(), z.boolean(), z.null()]))),
    }),
    /** Cited passages; a table row comes with its column headers, a section without Markdown. */
    citations: z.array(
      z.object({
        passageId: str,
        documentId: str,
        text: str,
        section: optStr.optional(),
        page: int.nullable().optional(),
        header: z.array(str).nullable().optional(),
        cells: z.array(str).nullable().optional(),
      }),
    ),
    results: z.array(SearchHit),
    /** No passage matches the question meaningfully: `results` are only the least distant. */
    noMatch: z.boolean(),
    /** Why the answer is empty or wider than asked, for the page to say in its language. */
    notice: z
      .object({
        code: z.enum(['NO_AGENCY_TASKS', 'NO_LOCALITY_DOCS', 'LINEAGE_USED', 'NO_ANSWER']),
        params: z.record(str, str),
      })
      .nullable(),
  })
  .meta({ id: 'AskResponse' }) satisfies z.ZodType<AskAnswer>;
export type AskResponse = z.infer<typeof AskResponse>;

const FileResultSchema = z
  .object({
    file: str,
    status: z.enum(['ingested', 'unchanged', 'replaced', 'merged', 'failed']),
    documentId: str.optional(),
    replaced: z.array(str).optional(),
    /** With status `merged`: the stored document this file is another version or format of. */
    mergedInto: str.optional(),
    counts: z.object({ sections: int, passages: int, tasks: int, targets: int, references: int }).optional(),
    error: ErrorBody.shape.error.pick({ code: true, message: true }).optional(),
  })
  .meta({ id: 'FileResult' }) satisfies z.ZodType<FileResult>;

export const IngestResponse = z
  .object({ results: z.array(FileResultSchema) })
  .meta({ id: 'IngestResponse', description: 'One result per uploaded file' });
export type IngestResponse = z.infer<typeof IngestResponse>;

/** Row types of the bodies above, for clients (the web page reads them through JSDoc). */
export type {
  AgencyDetail,
  AgencyRow,
  DocumentDetail,
  DocumentPassage,
  DocumentReference,
  DocumentSummary,
  FieldCountRow,
  GraphEdge,
  GraphNode,
  Neighbourhood,
  SectionRow,
  TargetRow,
  TaskRow,
} from '../../graph/rows.ts';
export type {
  AgencyWithLineage,
  ImplementationTree,
  LegalDocumentRow,
  LineageStep,
  LocalityWithLineage,
  TaskListItem,
  TreeDocument,
  TreeNode,
} from '../../graph/analysis-rows.ts';
