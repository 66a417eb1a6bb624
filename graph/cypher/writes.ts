/** Cypher of the writes: documents, sections, passages, references, agencies, tasks, targets (see ../cypher.ts). */
import { RELATION_TYPES, type RelationType } from '../../core/vocab/relations.ts';

/* ------------------------------------------------------------------ writes ------------------------------------------------------------------ */

/**
 * The graph's change marker: one node whose `version` every document write or deletion raises in its own
 * transaction (so concurrent writers are serialised on it). Passages carry the version that wrote them
 * (`seq`); `epoch` changes when the graph is emptied and started anew. Readers poll it to see other
 * processes' ingests.
 */
export const BUMP_GRAPH_VERSION = `
MERGE (s:GraphState {key: 'graph'})
ON CREATE SET s.epoch = randomUUID(), s.version = 0
SET s.version = s.version + 1
RETURN s.version AS version, s.epoch AS epoch`;

export const GRAPH_STATE = `
MATCH (s:GraphState {key: 'graph'})
RETURN s.version AS version, s.epoch AS epoch, s.termsVersion AS termsVersion`;

/**
 * Remembers the passages a document deletion removes (with the version that removed them), so that
 * indexes kept outside the graph (vectors) can drop them later.
 */
export const RECORD_REMOVED_PASSAGES = `
MATCH (p:Passage {documentId: $id})
WITH collect(p.id) AS ids
WHERE size(ids) > 0
CREATE (:RemovedPassages {seq: $seq, documentId: $id, passageIds: ids})`;

/** Deletes one document's own subgraph (sections, passages, tasks, targets and the edges it asserted). */
export const DELETE_DOCUMENT: readonly string[] = [
  'MATCH (n:Section {documentId: $id}) DETACH DELETE n',
  'MATCH (n:Passage {documentId: $id}) DETACH DELETE n',
  'MATCH (n:Task {documentId: $id}) DETACH DELETE n',
  'MATCH (n:Target {documentId: $id}) DETACH DELETE n',
  'MATCH (:LegalDocument)-[r:IMPLEMENTS {by: $id}]->(:LegalDocument) DELETE r',
  'MATCH (d:Document {id: $id}) DETACH DELETE d',
];

export const UPSERT_DOCUMENT = `
MERGE (d:Document {id: $doc.id})
SET d += $doc
WITH d
FOREACH (_ IN CASE WHEN $doc.locality IS NULL THEN [] ELSE [1] END |
  MERGE (l:Locality {name: $doc.locality})
  ON CREATE SET l.province = $doc.province, l.folded = $doc.localityFolded
  MERGE (d)-[:FOR_LOCALITY]->(l))`;

/*
 * A document's own nodes (sections, passages, tasks, targets) and their edges are CREATEd: the writer
 * runs these only for a document id that holds nothing (a new content hash, or after deleting the
 * document it replaces, in the same transaction), and its rows carry no duplicates. Nodes shared between
 * documents (agencies, legal documents, localities, fields) are MERGEd.
 */

export const CREATE_SECTIONS = `
MATCH (d:Document {id: $documentId})
UNWIND $rows AS r
CREATE (s:Section)
SET s = r
CREATE (d)-[:HAS_SECTION]->(s)`;

export const LINK_SECTION_PARENTS = `
UNWIND $rows AS r
MATCH (p:Section {id: r.parentId}), (c:Section {id: r.id})
CREATE (p)-[:PARENT_OF]->(c)`;

export const CREATE_PASSAGES = `
MATCH (d:Document {id: $documentId})
UNWIND $rows AS r
MATCH (s:Section {id: r.sectionId})
CREATE (p:Passage)
SET p = r
CREATE (d)-[:HAS_PASSAGE]->(p)
CREATE (s)-[:HAS_PASSAGE]->(p)`;

/** The document's own identity as a legal document (when it has a number). */
export const LINK_SELF_IDENTITY = `
MATCH (d:Document {id: $documentId})
MERGE (l:LegalDocument {key: $ref.key})
SET l.number = $ref.number, l.numberKey = $ref.numberKey,
    l.type = coalesce($ref.type, l.type), l.issuer = coalesce($ref.issuer, l.issuer), l.date = coalesce($ref.date, l.date)
MERGE (d)-[:IS]->(l)`;

/**
 * References, one statement per relation type (the type is a constant of core/vocab/relations.ts, never
 * input): (Document)-[:BASED_ON|IMPLEMENTS|AMENDS|REPLACES|REPEALS|GUIDES|CITES]->(LegalDocument), each
 * edge with the mention (`raw`), the clause that states it (`evidence`) and its passage.
 */
function upsertReferences(type: RelationType): string {
  return `
UNWIND $rows AS r
MATCH (d:Document {id: $documentId})
MERGE (l:LegalDocument {key: r.key})
ON CREATE SET l.number = r.number, l.numberKey = r.numberKey
SET l.type = coalesce(l.type, r.type), l.issuer = coalesce(l.issuer, r.issuer), l.date = coalesce(l.date, r.date)
MERGE (d)-[x:${type}]->(l)
SET x.raw = r.raw, x.passageId = r.passageId, x.evidence = r.evidence, x.partial = r.partial, x.start = r.start`;
}

export const UPSERT_REFERENCES = Object.fromEntries(
  RELATION_TYPES.map((t) => [t, upsertReferences(t)]),
) as Record<RelationType, string>;

/**
 * The implementation chain as a path of LegalDocument nodes, each link tagged `by` the document that
 * asserts it: the document's own identity implements what it implements (`$rows` of {to}), and a listed
 * document implements what the text describes it as implementing ({from, to}: "Chương trình 64-CTr/TU …
 * thực hiện Nghị quyết 36-NQ/TW").
 */
export const LINK_IMPLEMENTATION_CHAIN = `
UNWIND $rows AS r
OPTIONAL MATCH (:Document {id: $documentId})-[:IS]->(self:LegalDocument)
MATCH (b:LegalDocument {key: r.to})
OPTIONAL MATCH (named:LegalDocument {key: r.from})
WITH b, CASE WHEN r.from IS NULL THEN self ELSE named END AS a
WHERE a IS NOT NULL AND a <> b
MERGE (a)-[:IMPLEMENTS {by: $documentId}]->(b)`;

export const UPSERT_AGENCIES = `
UNWIND $rows AS r
MERGE (a:Agency {key: r.key})
SET a.name = r.name, a.kind = r.kind, a.locality = r.locality, a.isGroup = r.isGroup, a.folded = r.folded
MERGE (k:AgencyKind {slug: r.kind})
ON CREATE SET k.name = r.kindName
MERGE (a)-[:OF_KIND]->(k)
FOREACH (_ IN CASE WHEN r.locality IS NULL THEN [] ELSE [1] END |
  MERGE (l:Locality {name: r.locality})
  MERGE (a)-[:IN_LOCALITY]->(l))`;

export const UPSERT_FIELDS = `
UNWIND $rows AS r
MERGE (f:Field {slug: r.slug})
SET f.vi = r.vi, f.en = r.en`;

/** One subquery per row `r` of the fact `t` being created: its edges to the nodes a list of `r` names. */
const linkEach = (list: string, match: string, edge: string): string => `CALL {
  WITH t, r
  UNWIND r.${list} AS key
  MATCH ${match}
  CREATE (t)-[:${edge}]->(x)
}`;

/**
 * A document's facts of one label (a constant, never input): each node with the document's edge to it,
 * its source passage, its field tags (`r.fields`, no repeats) and the further `links`.
 */
function createFacts(label: 'Task' | 'Target', edge: 'HAS_TASK' | 'HAS_TARGET', links: string[]): string {
  return `
MATCH (d:Document {id: $documentId})
UNWIND $rows AS r
CREATE (t:${label})
SET t = r.props
CREATE (d)-[:${edge}]->(t)
WITH t, r
OPTIONAL MATCH (p:Passage {id: r.passageId})
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (t)-[:SOURCE]->(p))
WITH t, r
${[...links, linkEach('fields', '(x:Field {slug: key})', 'IN_FIELD')].join('\n')}`;
}

/** Rows carry `lead` and `coordinating` (agency keys, no repeats) besides the task's props. */
export const CREATE_TASKS = createFacts('Task', 'HAS_TASK', [
  linkEach('lead', '(x:Agency {key: key})', 'LED_BY'),
  linkEach('coordinating', '(x:Agency {key: key})', 'COORDINATED_BY'),
]);

export const CREATE_TARGETS = createFacts('Target', 'HAS_TARGET', []);

/** Field tags on sections: rows are {id, slug}, no repeats. */
export const TAG_SECTION_FIELDS = `
UNWIND $rows AS r MATCH (n:Section {id: r.id}), (f:Field {slug: r.slug}) CREATE (n)-[:IN_FIELD]->(f)`;

/**
 * Documents implementing a number, directly or through the chain, with the document the chain passes
 * through (`via`) and the passage that states the relation (the citation).
 */
export const IMPLEMENTERS = `
MATCH (d:Document)-[r:IMPLEMENTS]->(first:LegalDocument)-[:IMPLEMENTS*0..6]->(l:LegalDocument)
WHERE l.numberKey = $key OR l.numberKey STARTS WITH ($key + ' ')
WITH d, r, first, l ORDER BY CASE WHEN first = l THEN 0 ELSE 1 END
WITH d, head(collect({ passageId: r.passageId, raw: r.raw, via: CASE WHEN first = l THEN null ELSE first.number END,
  target: l.number })) AS how
RETURN d { .id, .title, .type, .number, .date, .locality, .province, .issuer } AS doc, how
ORDER BY d.locality, d.date`;
