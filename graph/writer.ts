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
 * Writes one document atomically: in a single transaction, earlier versions of the same file are
 * deleted and the new subgraph is merged. A document whose content hash is already stored is left alone.
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
    await writeStructure(tx, input, version);
    await writeFacts(tx, input);
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
    await writeStructure(tx, rebuilt, version);
    await writeFacts(tx, rebuilt);
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

async function writeStructure(tx: ManagedTransaction, input: DocumentWrite, version: number): Promise<void> {
  const { doc, extraction } = input;
  const m = extraction.meta;
  await tx.run(Q.UPSERT_DOCUMENT, {
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
  await tx.run(Q.UPSERT_SECTIONS, { documentId: doc.id, rows: sections });
  await tx.run(Q.LINK_SECTION_PARENTS, { rows: sections.filter((s) => s.parentId) });
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
  await tx.run(Q.UPSERT_PASSAGES, { documentId: doc.id, rows: passages });
}

async function writeFacts(tx: ManagedTransaction, input: DocumentWrite): Promise<void> {
  const { doc, extraction } = input;
  if (input.identity) {
    const m = extraction.meta;
    await tx.run(Q.LINK_SELF_IDENTITY, {
      documentId: doc.id,
      ref: { ...input.identity, type: m.type, issuer: m.issuer, date: m.date },
    });
  }
  await writeReferences(tx, doc.id, extraction.references);
  await tx.run(Q.UPSERT_AGENCIES, { rows: agencyRows(extraction) });
  await writeTasks(tx, doc, extraction);
  const targets = extraction.targets.map((t) => ({
    id: t.id,
    passageId: t.passageId,
    props: {
      ...t,
      documentId: doc.id,
      folded: fold(`${t.indicator} ${t.subject} ${t.text}`),
      subjectFolded: fold(t.subject),
      subjectExact: subjectExact(t.subject),
      page: pageOf(doc, t.passageId),
    },
  }));
  await tx.run(Q.UPSERT_TARGETS, { documentId: doc.id, rows: targets });
  await tx.run(Q.TAG_TARGET_FIELDS, {
    rows: extraction.targets.flatMap((t) => t.fields.map((slug) => ({ id: t.id, slug }))),
  });
  const sectionTags = Object.entries(extraction.sectionFields).flatMap(([id, slugs]) =>
    slugs.map((slug) => ({ id, slug })),
  );
  await tx.run(Q.TAG_SECTION_FIELDS, { rows: sectionTags });
}

async function writeTasks(
  tx: ManagedTransaction,
  doc: StructuredDocument,
  extraction: Extraction,
): Promise<void> {
  const rows = extraction.tasks.map((t) => {
    const { lead, coordinating, deadlineNorm, fields, ...rest } = t;
    return {
      id: t.id,
      passageId: t.passageId,
      lead: lead.map((a) => a.key),
      props: {
        ...rest,
        documentId: doc.id,
        deadlineNorm: deadlineNorm ? JSON.stringify(deadlineNorm) : null,
        folded: fold(`${t.title} ${t.product ?? ''}`),
        page: pageOf(doc, t.passageId),
        fieldSlugs: fields,
        // the order agencies are named in (first = main lead); edges carry the links
        leadKeys: dedupeKeys(lead),
        coordinatingKeys: dedupeKeys(coordinating),
      },
    };
  });
  await tx.run(Q.UPSERT_TASKS, { documentId: doc.id, rows });
  const coord = extraction.tasks.flatMap((t) => t.coordinating.map((a) => ({ task: t.id, agency: a.key })));
  await tx.run(Q.LINK_TASK_COORDINATORS, { rows: coord });
  const tags = extraction.tasks.flatMap((t) => t.fields.map((slug) => ({ id: t.id, slug })));
  await tx.run(Q.TAG_TASK_FIELDS, { rows: tags });
}

/** Typed references (one statement per relation type present) and the implementation-chain links. */
async function writeReferences(
  tx: ManagedTransaction,
  documentId: string,
  refs: LegalReference[],
): Promise<void> {
  for (const type of RELATION_TYPES) {
    const rows = refs
      .filter((r) => r.relation === type)
      .map(({ implements: _chain, ...r }) => ({ ...r, numberKey: numberKey(r.number) }));
    if (rows.length > 0) await tx.run(Q.UPSERT_REFERENCES[type], { documentId, rows });
  }
  const chain = [
    ...refs.filter((r) => r.relation === 'IMPLEMENTS').map((r) => ({ from: null, to: r.key })),
    ...refs.flatMap((r) => r.implements.map((to) => ({ from: r.key, to }))),
  ];
  await tx.run(Q.LINK_IMPLEMENTATION_CHAIN, { documentId, rows: chain });
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
  return [...new Set(list.map((a) => a.key))];
}

function pageOf(doc: StructuredDocument, passageId: string | null): number | null {
  if (!passageId) return null;
  return doc.passages.find((p) => p.id === passageId)?.page ?? null;
}
