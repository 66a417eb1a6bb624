import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import { isNodeKind, NODE_KINDS, type NodeKind } from '../core/vocab/node-kinds.ts';
import type { GraphConnection } from './connection.ts';
import * as Q from './cypher.ts';
import type {
  AgencyDetail,
  AgencyRow,
  CountsRow,
  DocumentDetail,
  DocumentHead,
  DocumentPassage,
  DocumentSummary,
  FieldCountRow,
  GraphEdge,
  GraphNode,
  ImplementerRow,
  Neighbourhood,
  SectionRow,
  TargetRow,
  TaskRow,
} from './rows.ts';

export type * from './rows.ts';

/**
 * Filters are already normalised by the caller: localities and free text folded, numbers as number keys.
 * One filter per relation type (documents that are based on, implement, amend, … the given number).
 */
export interface DocumentFilter {
  implements: string | null;
  basedOn: string | null;
  amends: string | null;
  replaces: string | null;
  repeals: string | null;
  guides: string | null;
  cites: string | null;
  transitive: boolean;
  locality: string | null;
  field: string | null;
  type: string | null;
}

export interface TaskFilter {
  field: string | null;
  agency: string | null;
  agencyKey: string | null;
  /** Locality-independent agency kind slug (all provincial health departments, …). */
  agencyKind?: string | null;
  locality: string | null;
  document: string | null;
  q: string | null;
  limit: number;
}

export interface TargetFilter {
  field: string | null;
  locality: string | null;
  year: number | null;
  q: string | null;
  /** Folded subject (a part of it matches: "kinh te so" finds "kinh tế số"). */
  subject?: string | null;
  /** Accented lower-case subject part, when the filter was written with diacritics. */
  subjectExact?: string | null;
  /** One of the closed list of metrics (`TARGET_METRICS`). */
  metric?: string | null;
  document: string | null;
  limit: number;
}

export interface PassageRow {
  id: string;
  documentId: string;
  documentTitle: string;
  documentNumber: string | null;
  documentType: string | null;
  date: string | null;
  locality: string | null;
  province: string | null;
  section: string;
  text: string;
  start: number;
  end: number;
  page: number | null;
  fields: string[];
  agencies: string[];
}

/** Read side of the graph: every query the API and search need, returning plain objects. */
export class GraphReader {
  constructor(private readonly conn: GraphConnection) {}

  async counts(): Promise<CountsRow> {
    const res = await this.conn.query(Q.COUNTS);
    const r = res.records[0];
    return {
      documents: (r?.get('documents') as number) ?? 0,
      passages: (r?.get('passages') as number) ?? 0,
      tasks: (r?.get('tasks') as number) ?? 0,
      targets: (r?.get('targets') as number) ?? 0,
    };
  }

  listDocuments(filter: DocumentFilter): Promise<DocumentSummary[]> {
    return this.conn.column<DocumentSummary>(Q.LIST_DOCUMENTS, { ...filter }, 'doc');
  }

  async getDocument(id: string): Promise<DocumentDetail | null> {
    const [doc] = await this.conn.column<DocumentHead>(Q.GET_DOCUMENT, { id }, 'doc');
    if (!doc) return null;
    const [sections, passages] = await Promise.all([
      this.conn.column<SectionRow>(Q.GET_SECTIONS, { id }, 'section'),
      this.conn.column<DocumentPassage>(Q.GET_PASSAGES, { id }, 'passage'),
    ]);
    return { ...doc, sections, passages };
  }

  allPassages(): Promise<PassageRow[]> {
    return this.conn.read(async (tx) => {
      const res = await tx.run(Q.ALL_PASSAGES);
      return res.records.map((r) => r.toObject() as unknown as PassageRow);
    });
  }

  async listTasks(filter: TaskFilter): Promise<TaskRow[]> {
    const params = { agencyKind: null, ...filter, limit: neo4j.int(filter.limit) };
    const rows = await this.conn.column<StoredTask>(Q.LIST_TASKS, params, 'task');
    return rows.map(parseTask);
  }

  listAgencies(filter: { locality: string | null; q: string | null }): Promise<AgencyRow[]> {
    return this.conn.column<AgencyRow>(Q.LIST_AGENCIES, filter, 'agency');
  }

  async getAgency(key: string): Promise<AgencyDetail | null> {
    type Stored = Omit<AgencyDetail, 'leads' | 'coordinates'> & {
      leads: StoredTask[];
      coordinates: StoredTask[];
    };
    const [agency] = await this.conn.column<Stored>(Q.GET_AGENCY, { key }, 'agency');
    if (!agency) return null;
    return { ...agency, leads: agency.leads.map(parseTask), coordinates: agency.coordinates.map(parseTask) };
  }

  listTargets(filter: TargetFilter): Promise<TargetRow[]> {
    const params = {
      ...filter,
      subject: filter.subject ?? null,
      subjectExact: filter.subjectExact ?? null,
      metric: filter.metric ?? null,
      limit: neo4j.int(filter.limit),
    };
    return this.conn.column<TargetRow>(Q.LIST_TARGETS, params, 'target');
  }

  /** Documents implementing `key` (a number key) directly or through the chain, with the citing passage. */
  async implementers(key: string): Promise<ImplementerRow[]> {
    const res = await this.conn.query(Q.IMPLEMENTERS, { key });
    return res.records.map((r) => ({
      doc: r.get('doc') as ImplementerRow['doc'],
      how: r.get('how') as ImplementerRow['how'],
    }));
  }

  fieldCounts(): Promise<FieldCountRow[]> {
    return this.conn.column<FieldCountRow>(Q.FIELD_COUNTS, {}, 'field');
  }

  async neighbourhood(center: string, depth: number): Promise<Neighbourhood | null> {
    const res = await this.conn.query(Q.GRAPH_NEIGHBOURHOOD, { center, depth: neo4j.int(depth) });
    const rec = res.records[0];
    if (!rec) return null;
    const nodes = new Map<string, GraphNode>();
    const byElement = new Map<string, string>();
    const addNode = (n: Node): void => {
      const g = toGraphNode(n);
      if (!g) return;
      nodes.set(g.id, g);
      byElement.set(n.elementId, g.id);
    };
    addNode(rec.get('center') as Node);
    for (const list of rec.get('nodeLists') as Node[][]) list.forEach(addNode);
    const edges = new Map<string, GraphEdge>();
    for (const list of rec.get('relLists') as Relationship[][]) {
      for (const r of list) {
        const source = byElement.get(r.startNodeElementId);
        const target = byElement.get(r.endNodeElementId);
        if (source && target) edges.set(r.elementId, { source, target, type: r.type });
      }
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()] };
  }
}

/** A task as stored: its normalised deadline is a JSON string. */
type StoredTask = Omit<TaskRow, 'deadlineNorm'> & { deadlineNorm: string | TaskRow['deadlineNorm'] };

function parseTask(t: StoredTask): TaskRow {
  const norm = t.deadlineNorm;
  return {
    ...t,
    deadlineNorm: typeof norm === 'string' ? (JSON.parse(norm) as TaskRow['deadlineNorm']) : norm,
  };
}

type Props = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** How a node of each kind is labelled in the browsing view. */
const NODE_LABELS: Record<NodeKind, (p: Props) => string> = {
  Document: (p) => str(p.number ?? p.title ?? p.id),
  Agency: (p) => (p.locality ? `${str(p.name)} (${str(p.locality)})` : str(p.name)),
  Task: (p) => str(p.title).slice(0, 80),
  Target: (p) => str(p.indicator).slice(0, 80),
  LegalDocument: (p) => str(p.number),
  Field: (p) => str(p.vi ?? p.slug),
  Locality: (p) => str(p.name),
  AgencyKind: (p) => str(p.name ?? p.slug),
  Section: (p) => str(p.heading || p.marker || p.id).slice(0, 80),
};

function toGraphNode(n: Node): GraphNode | null {
  const kind = n.labels.find(isNodeKind);
  if (!kind) return null;
  const props: Props = n.properties;
  return { id: str(props[NODE_KINDS[kind].key]), label: NODE_LABELS[kind](props), kind };
}
