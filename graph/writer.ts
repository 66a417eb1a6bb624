import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { AgencyRef, Extraction, LegalReference, StructuredDocument } from '../core/types.ts';
import { numberKey } from '../core/vocab/docnumber.ts';
import { subjectExact } from '../core/vocab/target-subjects.ts';
import { RELATION_TYPES } from '../core/vocab/relations.ts';
import { passageFacets } from '../core/text/facets.ts';
import { fold, indexField, TERMS_VERSION } from '../core/text/normalize.ts';
import type { GraphConnection } from './connection.ts';
import * as Q from './cypher.ts';

export type WriteStatus = 'ingested' | 'replaced' | 'unchanged' | 'merged';

/**
 * Change sequences: the i-th passage written by graph version v has `seq = v · SEQ_STRIDE + i + 1`, the
 * passages a deletion at version v removed are recorded with `seq = v · SEQ_STRIDE`, so one number orders
 * every passage change (the embedding sync's cursor).
 */
export const SEQ_STRIDE = 2 ** 20;

export interface WriteResult {
  status: WriteStatus;
  documentId: string;
  /** Ids of earlier versions of the same file that this write replaced. */
  replaced: string[];
  /** Set when the file is another version or format of a stored document: that document's id. */
  mergedInto?: string;
}

/** The document and its extraction re-built under another document id (to merge into that document). */
export type Rekey = (id: string) => Pick<DocumentWrite, 'doc' | 'extraction'>;

export interface DocumentWrite {
  doc: StructuredDocument;
  extraction: Extraction;
  /** File name used as the document's provenance and to find earlier versions of it. */
  file: string;
  /** Canonical number key of the document's own number (for the implementation chain), if any. */
  identity: { key: string; number: string; numberKey: string } | null;
  /** Re-builds the document under an existing id, so a richer second file can take over its facts. */
  rekey?: Rekey;
}

interface SameDocument {
  id: string;
  sources: string[];
  hashes: string[];
  formats: string[];
  facts: number;
}

const foldOrNull = (s: string | null | undefined): string | null => (s ? fold(s) : null);

/**
 * Statements of one transaction sent without waiting for each other's answers: Bolt runs them in the
 * order sent, so a statement still sees what the earlier ones wrote, and the writer pays one round trip
 * per document instead of one per statement. A statement over no rows is not sent at all.
 */
class Pipeline {
  private readonly sent: Promise<unknown>[] = [];
  constructor(private readonly tx: ManagedTransaction) {}

  run(statement: string, params: Record<string, unknown>): void {
    this.sent.push(Promise.resolve(this.tx.run(statement, params)));
  }

  /** Sends `statement` only when it has rows to work on. */
  rows(statement: string, rows: readonly unknown[], params: Record<string, unknown> = {}): void {
    if (rows.length > 0) this.run(statement, { ...params, rows });
  }

  /** Waits for every statement sent (the first failure rejects, and the transaction rolls back). */
  async done(): Promise<void> {
    await Promise.all(this.sent);
  }
}

/**
 * Writes one document atomically: in a single transaction, earlier versions of the same file are
 * deleted and the new subgraph is created. A document whose content hash is already stored is left alone
 * (callers serialise writes of one content, file name and number: see ingest/pipeline.ts).
 */
export async function writeDocument(conn: GraphConnection, input: DocumentWrite): Promise<WriteResult> {
  const { doc } = input;
  return conn.write(async (tx) => {
    const same = await tx.run(Q.FIND_DOCUMENT_BY_HASH, { hash: doc.contentHash });
    if (same.records.length > 0) {
      return { status: 'unchanged', documentId: same.records[0]!.get('id') as string, replaced: [] };
    }
    const previous = await tx.run(Q.FIND_DOCUMENTS_BY_FILE, { file: input.file });
    const replaced = previous.records.map((r) => r.get('id') as string);
    const version = await bumpVersion(tx);
    for (const id of replaced) await deleteInTx(tx, id, version);
    const twin = await findSameDocument(tx, input, replaced);
    if (twin) return { ...(await mergeInto(tx, input, twin, version)), replaced };
    await writeAll(tx, input, version);
    return { status: replaced.length ? 'replaced' : 'ingested', documentId: doc.id, replaced };
  });
}

async function findSameDocument(
  tx: ManagedTransaction,
  input: DocumentWrite,
  exclude: string[],
): Promise<SameDocument | null> {
  if (!input.identity) return null;
  const m = input.extraction.meta;
  const res = await tx.run(Q.FIND_SAME_DOCUMENT, {
    numberKey: input.identity.numberKey,
    exclude,
    file: input.file,
    localityFolded: foldOrNull(m.locality),
    typeFolded: foldOrNull(m.type),
    date: m.date,
    issuerFolded: foldOrNull(m.issuer),
  });
  const r = res.records[0];
  if (!r) return null;
  return {
    id: r.get('id') as string,
    sources: r.get('sources') as string[],
    hashes: r.get('hashes') as string[],
    formats: r.get('formats') as string[],
    facts: Number(r.get('facts')),
  };
}

/**
 * A second file of a stored document (another format or version) adds a source to it; its facts replace
 * the stored ones only when its extraction is richer (more tasks and targets). The document keeps its id.
 */
async function mergeInto(
  tx: ManagedTransaction,
  input: DocumentWrite,
  twin: SameDocument,
  version: number,
): Promise<Omit<WriteResult, 'replaced'>> {
  const facts = input.extraction.tasks.length + input.extraction.targets.length;
  if (facts > twin.facts && input.rekey) {
    const rebuilt = { ...input, ...input.rekey(twin.id) };
    await deleteInTx(tx, twin.id, version);
    await writeAll(tx, rebuilt, version);
  }
  await tx.run(Q.SET_DOCUMENT_SOURCES, {
    id: twin.id,
    sources: [...twin.sources, input.file],
    hashes: [...twin.hashes, input.doc.contentHash],
    formats: [...twin.formats, input.doc.parsed.format],
  });
  return { status: 'merged', documentId: twin.id, mergedInto: twin.id };
}

/** Creates the policy-field taxonomy nodes (idempotent). */
export async function seedTaxonomy(
  conn: GraphConnection,
  fields: readonly { slug: string; vi: string; en: string }[],
): Promise<void> {
  const rows = fields.map(({ slug, vi, en }) => ({ slug, vi, en }));
  await conn.write((tx) => tx.run(Q.UPSERT_FIELDS, { rows }));
}

export async function deleteDocument(conn: GraphConnection, id: string): Promise<void> {
  await conn.write(async (tx) => deleteInTx(tx, id, await bumpVersion(tx)));
}

/** Raises the graph's change marker in this transaction; returns the new version. */
async function bumpVersion(tx: ManagedTransaction): Promise<number> {
  const res = await tx.run(Q.BUMP_GRAPH_VERSION);
  return res.records[0]!.get('version') as number;
}

async function deleteInTx(tx: ManagedTransaction, id: string, version: number): Promise<void> {
  await tx.run(Q.RECORD_REMOVED_PASSAGES, { id, seq: neo4j.int(version * SEQ_STRIDE) });
  for (const statement of Q.DELETE_DOCUMENT) await tx.run(statement, { id });
}

/** The document's subgraph (structure, then facts), pipelined in the caller's transaction. */
async function writeAll(tx: ManagedTransaction, input: DocumentWrite, version: number): Promise<void> {
  const out = new Pipeline(tx);
  writeStructure(out, input, version);
  writeFacts(out, input);
  await out.done();
}

function writeStructure(out: Pipeline, input: DocumentWrite, version: number): void {
  const { doc, extraction } = input;
  const m = extraction.meta;
  out.run(Q.UPSERT_DOCUMENT, {
    doc: {
      id: doc.id,
      contentHash: doc.contentHash,
      file: input.file,
      format: doc.parsed.format,
      title: m.title ?? input.file,
      type: m.type,
      typeFolded: foldOrNull(m.type),
      issuerFolded: foldOrNull(m.issuer),
      sources: [input.file],
      sourceHashes: [doc.contentHash],
      sourceFormats: [doc.parsed.format],
      number: m.number,
      numberKey: input.identity?.numberKey ?? null,
      date: m.date,
      issuer: m.issuer,
      signer: m.signer,
      signerPosition: m.signerPosition,
      effectiveDate: m.effectiveDate,
      status: m.status,
      locality: m.locality,
      localityFolded: foldOrNull(m.locality),
      province: m.province,
      provinceFolded: foldOrNull(m.province),
      warnings: doc.parsed.warnings,
      ocrConfidence: doc.parsed.ocrConfidence ?? null,
      textLength: doc.parsed.text.length,
      ingestedAt: new Date().toISOString(),
    },
  });
  const sections = doc.sections.map((s) => ({ ...s, documentId: doc.id }));
  out.rows(Q.CREATE_SECTIONS, sections, { documentId: doc.id });
  out.rows(
    Q.LINK_SECTION_PARENTS,
    sections.filter((s) => s.parentId),
  );
  const facetSource = {
    documentId: doc.id,
    locality: m.locality,
    province: m.province,
    type: m.type,
    date: m.date,
  };
  // the lexical field and filter facets are written with the passage, so the full-text index follows
  if (doc.passages.length >= SEQ_STRIDE)
    throw new RangeError(`more than ${SEQ_STRIDE} passages in one document`);
  const passages = doc.passages.map((p, i) => ({
    ...p,
    documentId: doc.id,
    page: p.page ?? null,
    ocrConfidence: p.ocrConfidence ?? null,
    terms: indexField(`${p.sectionPath}\n${p.text}`),
    facets: passageFacets({ ...facetSource, fields: extraction.sectionFields[p.sectionId] ?? [] }),
    termsVersion: TERMS_VERSION,
    seq: neo4j.int(version * SEQ_STRIDE + i + 1),
  }));
  out.rows(Q.CREATE_PASSAGES, passages, { documentId: doc.id });
}

function writeFacts(out: Pipeline, input: DocumentWrite): void {
  const { doc, extraction } = input;
  if (input.identity) {
    const m = extraction.meta;
    out.run(Q.LINK_SELF_IDENTITY, {
      documentId: doc.id,
      ref: { ...input.identity, type: m.type, issuer: m.issuer, date: m.date },
    });
  }
  writeReferences(out, doc.id, extraction.references);
  out.rows(Q.UPSERT_AGENCIES, agencyRows(extraction));
  writeTasks(out, doc, extraction);
  const targets = extraction.targets.map((t) => ({
    id: t.id,
    passageId: t.passageId,
    fields: unique(t.fields),
    props: {
      ...t,
      documentId: doc.id,
      folded: fold(`${t.indicator} ${t.subject} ${t.text}`),
      subjectFolded: fold(t.subject),
      subjectExact: subjectExact(t.subject),
      page: pageOf(doc, t.passageId),
    },
  }));
  out.rows(Q.CREATE_TARGETS, targets, { documentId: doc.id });
  const sectionTags = Object.entries(extraction.sectionFields).flatMap(([id, slugs]) =>
    unique(slugs).map((slug) => ({ id, slug })),
  );
  out.rows(Q.TAG_SECTION_FIELDS, sectionTags);
}

function writeTasks(out: Pipeline, doc: StructuredDocument, extraction: Extraction): void {
  const rows = extraction.tasks.map((t) => {
    const { lead, coordinating, deadlineNorm, fields, ...rest } = t;
    // the order agencies are named in (first = main lead); edges carry the links
    const leadKeys = dedupeKeys(lead);
    const coordinatingKeys = dedupeKeys(coordinating);
    return {
      id: t.id,
      passageId: t.passageId,
      lead: leadKeys,
      coordinating: coordinatingKeys,
      fields: unique(fields),
      props: {
        ...rest,
        documentId: doc.id,
        deadlineNorm: deadlineNorm ? JSON.stringify(deadlineNorm) : null,
        folded: fold(`${t.title} ${t.product ?? ''}`),
        page: pageOf(doc, t.passageId),
        fieldSlugs: fields,
        leadKeys,
        coordinatingKeys,
      },
    };
  });
  out.rows(Q.CREATE_TASKS, rows, { documentId: doc.id });
}

/** Typed references (one statement per relation type present) and the implementation-chain links. */
function writeReferences(out: Pipeline, documentId: string, refs: LegalReference[]): void {
  for (const type of RELATION_TYPES) {
    const rows = refs
      .filter((r) => r.relation === type)
      .map(({ implements: _chain, ...r }) => ({ ...r, numberKey: numberKey(r.number) }));
    out.rows(Q.UPSERT_REFERENCES[type], rows, { documentId });
  }
  const chain = [
    ...refs.filter((r) => r.relation === 'IMPLEMENTS').map((r) => ({ from: null, to: r.key })),
    ...refs.flatMap((r) => r.implements.map((to) => ({ from: r.key, to }))),
  ];
  out.rows(Q.LINK_IMPLEMENTATION_CHAIN, chain, { documentId });
}

function agencyRows(extraction: Extraction): Record<string, unknown>[] {
  const all = new Map<string, AgencyRef>();
  for (const a of extraction.agencies) all.set(a.key, a);
  for (const t of extraction.tasks) for (const a of [...t.lead, ...t.coordinating]) all.set(a.key, a);
  return [...all.values()].map((a) => ({
    ...a,
    folded: fold(a.name),
    kindName: a.isGroup ? a.name : a.name,
  }));
}

function dedupeKeys(list: AgencyRef[]): string[] {
  return unique(list.map((a) => a.key));
}

/** The writer CREATEs a new document's edges, so each list it links from is free of repeats. */
function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}

function pageOf(doc: StructuredDocument, passageId: string | null): number | null {
  if (!passageId) return null;
  return doc.passages.find((p) => p.id === passageId)?.page ?? null;
}
