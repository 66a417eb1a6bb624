/**
 * All Cypher of policy-kg. Every statement is parameterised; writes are batched with `UNWIND $rows` and
 * upsert with MERGE on stable keys, so re-writing the same document changes nothing. Nothing here is
 * built from user input.
 */
import { NODE_KINDS } from '../core/vocab/node-kinds.ts';
import { RELATION_FIELDS, RELATION_TYPES, type RelationType } from '../core/vocab/relations.ts';

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

export const UPSERT_SECTIONS = `
UNWIND $rows AS r
MATCH (d:Document {id: $documentId})
MERGE (s:Section {id: r.id})
SET s += r
MERGE (d)-[:HAS_SECTION]->(s)`;

export const LINK_SECTION_PARENTS = `
UNWIND $rows AS r
MATCH (p:Section {id: r.parentId}), (c:Section {id: r.id})
MERGE (p)-[:PARENT_OF]->(c)`;

export const UPSERT_PASSAGES = `
UNWIND $rows AS r
MATCH (d:Document {id: $documentId}), (s:Section {id: r.sectionId})
MERGE (p:Passage {id: r.id})
SET p += r
MERGE (d)-[:HAS_PASSAGE]->(p)
MERGE (s)-[:HAS_PASSAGE]->(p)`;

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

export const UPSERT_TASKS = `
UNWIND $rows AS r
MATCH (d:Document {id: $documentId})
MERGE (t:Task {id: r.id})
SET t += r.props
MERGE (d)-[:HAS_TASK]->(t)
WITH t, r
OPTIONAL MATCH (p:Passage {id: r.passageId})
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | MERGE (t)-[:SOURCE]->(p))
WITH t, r
UNWIND r.lead AS leadKey
MATCH (a:Agency {key: leadKey})
MERGE (t)-[:LED_BY]->(a)`;

export const LINK_TASK_COORDINATORS = `
UNWIND $rows AS r
MATCH (t:Task {id: r.task}), (a:Agency {key: r.agency})
MERGE (t)-[x:COORDINATED_BY]->(a)`;

export const UPSERT_TARGETS = `
UNWIND $rows AS r
MATCH (d:Document {id: $documentId})
MERGE (t:Target {id: r.id})
SET t += r.props
MERGE (d)-[:HAS_TARGET]->(t)
WITH t, r
OPTIONAL MATCH (p:Passage {id: r.passageId})
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | MERGE (t)-[:SOURCE]->(p))`;

/** Field tags on tasks, targets and sections: rows are {id, slug}. */
export const TAG_TASK_FIELDS = `
UNWIND $rows AS r MATCH (n:Task {id: r.id}), (f:Field {slug: r.slug}) MERGE (n)-[:IN_FIELD]->(f)`;
export const TAG_TARGET_FIELDS = `
UNWIND $rows AS r MATCH (n:Target {id: r.id}), (f:Field {slug: r.slug}) MERGE (n)-[:IN_FIELD]->(f)`;
export const TAG_SECTION_FIELDS = `
UNWIND $rows AS r MATCH (n:Section {id: r.id}), (f:Field {slug: r.slug}) MERGE (n)-[:IN_FIELD]->(f)`;

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

/* ------------------------------------------------------------------ reads ------------------------------------------------------------------- */

export const COUNTS = `
CALL { MATCH (d:Document) RETURN count(d) AS documents }
CALL { MATCH (p:Passage) RETURN count(p) AS passages }
CALL { MATCH (t:Task) RETURN count(t) AS tasks }
CALL { MATCH (t:Target) RETURN count(t) AS targets }
RETURN documents, passages, tasks, targets`;

export const FIND_DOCUMENT_BY_HASH = `
MATCH (d:Document) WHERE d.contentHash = $hash OR $hash IN d.sourceHashes
RETURN d.id AS id, d.file AS file LIMIT 1`;

export const FIND_DOCUMENTS_BY_FILE = `
MATCH (d:Document {file: $file}) RETURN d.id AS id, d.contentHash AS contentHash`;

/**
 * The stored document this one is another file of: same number (and locality), type, date and issuer
 * (an unknown issuer on either side does not separate them); with its sources and how many facts it holds.
 */
export const FIND_SAME_DOCUMENT = `
MATCH (d:Document {numberKey: $numberKey})
WHERE NOT d.id IN $exclude AND d.file <> $file
  AND coalesce(d.localityFolded, '') = coalesce($localityFolded, '')
  AND coalesce(d.typeFolded, '') = coalesce($typeFolded, '')
  AND coalesce(d.date, '') = coalesce($date, '')
  AND (d.issuerFolded IS NULL OR $issuerFolded IS NULL OR d.issuerFolded = $issuerFolded)
RETURN d.id AS id, coalesce(d.sources, [d.file]) AS sources,
  coalesce(d.sourceHashes, [d.contentHash]) AS hashes, coalesce(d.sourceFormats, [d.format]) AS formats,
  COUNT { (:Task {documentId: d.id}) } + COUNT { (:Target {documentId: d.id}) } AS facts
ORDER BY d.ingestedAt LIMIT 1`;

/** Records the files a document was read from (all formats and versions merged into it). */
export const SET_DOCUMENT_SOURCES = `
MATCH (d:Document {id: $id})
SET d.sources = $sources, d.sourceHashes = $hashes, d.sourceFormats = $formats`;

const ALL_RELATIONS = RELATION_TYPES.join('|');

/** Forward relations: numbers as printed, in text order (`basedOn`, `implements`, …, `cites`). */
const FORWARD = RELATION_TYPES.map(
  (t) =>
    `${RELATION_FIELDS[t].forward}: COLLECT { MATCH (d)-[x:${t}]->(l:LegalDocument) RETURN l.number ORDER BY x.start }`,
).join(',\n  ');

/** Documents of the corpus that act on this one, strongest act first ("replaced" beats "amended"). */
const ACTS_ON = `(d)-[:IS]->(:LegalDocument)<-[x:REPLACES|REPEALS|AMENDS]-(o:Document)`;
const ACT_RANK = `CASE type(x) WHEN 'REPLACES' THEN 0 WHEN 'REPEALS' THEN CASE WHEN x.partial THEN 2 ELSE 1 END ELSE 3 END`;

/**
 * Validity status as the corpus shows it: replaced, repealed (or partly), amended by an ingested
 * document — `statusBy` names it — else what the document said of itself (null).
 */
const STATUS = `
  status: coalesce(head(COLLECT { MATCH ${ACTS_ON}
    RETURN CASE type(x) WHEN 'REPLACES' THEN 'replaced' WHEN 'AMENDS' THEN 'amended'
      ELSE CASE WHEN x.partial THEN 'partly_repealed' ELSE 'repealed' END END ORDER BY ${ACT_RANK} }), d.status),
  statusBy: head(COLLECT { MATCH ${ACTS_ON}
    RETURN o { .id, .number, .type, .date, relation: type(x) } ORDER BY ${ACT_RANK}, o.date DESC })`;

const DOCUMENT_PROJECTION = `
  id: d.id, title: d.title, file: d.file, format: d.format, type: d.type, number: d.number, date: d.date,
  sources: coalesce(d.sources, [d.file]), sourceFormats: coalesce(d.sourceFormats, [d.format]),
  issuer: d.issuer, signer: d.signer, signerPosition: d.signerPosition, locality: d.locality,
  province: d.province, effectiveDate: d.effectiveDate, ingestedAt: d.ingestedAt,${STATUS},
  ${FORWARD},
  taskCount: COUNT { (d)-[:HAS_TASK]->() },
  targetCount: COUNT { (d)-[:HAS_TARGET]->() },
  passageCount: COUNT { (d)-[:HAS_PASSAGE]->() }`;

/** `AND (… )` filter on a relation type: `$param` is a number key (full, or short "189 NQ"). */
function relationFilter(type: string, param: string): string {
  return `
  AND ($${param} IS NULL OR EXISTS {
        MATCH (d)-[:${type}]->(l:LegalDocument)
        WHERE l.numberKey = $${param} OR l.numberKey STARTS WITH ($${param} + ' ') })`;
}

/**
 * Documents with optional filters. Relation filters (`$basedOn`, `$amends`, `$replaces`, `$repeals`,
 * `$guides`, `$cites`, `$implements`) are number keys; with `$transitive` the implementation chain is
 * followed through LegalDocument links up to 6 steps (BASED_ON is never part of it).
 */
export const LIST_DOCUMENTS = `
MATCH (d:Document)
WHERE ($locality IS NULL OR d.localityFolded = $locality OR d.provinceFolded = $locality)
  AND ($type IS NULL OR d.typeFolded = $type)${RELATION_TYPES.filter((t) => t !== 'IMPLEMENTS')
    .map((t) => relationFilter(t, RELATION_FIELDS[t].forward))
    .join('')}
  AND ($implements IS NULL
       OR EXISTS {
         MATCH (d)-[:IMPLEMENTS]->(l:LegalDocument)
         WHERE l.numberKey = $implements OR l.numberKey STARTS WITH ($implements + ' ') }
       OR ($transitive AND EXISTS {
             MATCH (d)-[:IMPLEMENTS]->(:LegalDocument)-[:IMPLEMENTS*1..6]->(l:LegalDocument)
             WHERE l.numberKey = $implements OR l.numberKey STARTS WITH ($implements + ' ') }))
  AND ($field IS NULL OR EXISTS { MATCH (d)-[:HAS_TASK|HAS_TARGET|HAS_SECTION]->()-[:IN_FIELD]->(:Field {slug: $field}) })
RETURN d { ${DOCUMENT_PROJECTION} } AS doc
ORDER BY d.locality, d.date, d.file`;

/**
 * Inverse relations of one document ("lược đồ" in the other direction): the ingested documents that are
 * based on it, implement, amend, replace, repeal, guide or cite it (`basisOf`, `implementedBy`, …).
 */
const INVERSE = RELATION_TYPES.map(
  (t) => `${RELATION_FIELDS[t].inverse}: COLLECT { MATCH (d)-[:IS]->(:LegalDocument)<-[x:${t}]-(o:Document)
    RETURN o { .id, .number, .type, .title, .date, .issuer, passageId: x.passageId, evidence: x.evidence,
               partial: x.partial } ORDER BY o.date, o.id }`,
).join(',\n  ');

export const GET_DOCUMENT = `
MATCH (d:Document {id: $id})
RETURN d { ${DOCUMENT_PROJECTION}, contentHash: d.contentHash, warnings: d.warnings, ocrConfidence: d.ocrConfidence,
  ${INVERSE},
  references: COLLECT { MATCH (d)-[r:${ALL_RELATIONS}]->(l:LegalDocument) RETURN {
    key: l.key, number: l.number, type: l.type, issuer: l.issuer, date: l.date, relation: type(r),
    passageId: r.passageId, raw: r.raw, evidence: r.evidence, partial: r.partial,
    documentId: head([(l)<-[:IS]-(x:Document) | x.id]),
    implements: [(l)-[:IMPLEMENTS]->(m:LegalDocument) | m { .key, .number, .type, .issuer, .date,
      documentId: head([(m)<-[:IS]-(y:Document) | y.id]) }] } ORDER BY r.start }
} AS doc`;

export const GET_SECTIONS = `
MATCH (s:Section {documentId: $id})
RETURN s { .id, .marker, .heading, .level, .path, .parentId, .ordinal, .start, .end,
           fields: [(s)-[:IN_FIELD]->(f:Field) | f.slug] } AS section
ORDER BY s.ordinal`;

export const GET_PASSAGES = `
MATCH (p:Passage {documentId: $id})
RETURN p { .id, .sectionId, .sectionPath, .ordinal, .text, .start, .end, .page, .ocrConfidence } AS passage
ORDER BY p.ordinal`;

/* ------------------------------------------------------------------ search ------------------------------------------------------------------ */

/** Name of the full-text (Lucene) index over the passages' lexical terms and filter facets. */
export const PASSAGE_FULLTEXT_INDEX = 'passage_terms';

/**
 * Lexical search: `$query` is a Lucene query string built (and escaped) by the search layer. `matched`
 * counts the query's terms (`$coord`, each padded with spaces) found in the passage, for the
 * coordination factor.
 */
export const LEXICAL_SEARCH = `
CALL db.index.fulltext.queryNodes('${PASSAGE_FULLTEXT_INDEX}', $query, {limit: $limit}) YIELD node, score
RETURN node.id AS id, score, size([t IN $coord WHERE node.terms CONTAINS t]) AS matched`;

/** What a search hit shows, for the given passage ids (order not kept: the caller re-orders). */
export const PASSAGES_BY_ID = `
UNWIND $ids AS pid
MATCH (p:Passage {id: pid})
OPTIONAL MATCH (d:Document {id: p.documentId})
RETURN p.id AS id, p.documentId AS documentId, d.title AS documentTitle, d.number AS documentNumber,
  coalesce(d.locality, d.province) AS locality, p.sectionPath AS section, p.text AS text,
  p.start AS start, p.end AS end, p.page AS page`;

/** Graph links of candidate passages (the graph list): field tags, agencies of tasks citing them. */
export const PASSAGE_LINKS = `
UNWIND $ids AS pid
MATCH (p:Passage {id: pid})
OPTIONAL MATCH (d:Document {id: p.documentId})
OPTIONAL MATCH (s:Section {id: p.sectionId})
RETURN p.id AS id, d.number AS documentNumber, p.text AS text,
  [(s)-[:IN_FIELD]->(f:Field) | f.slug] AS fields,
  [(p)<-[:SOURCE]-(t)-[:LED_BY|COORDINATED_BY]->(a:Agency) | a.key] AS agencies`;

/** The ids among `$ids` whose passage carries every facet of `$facets`. */
export const FILTER_PASSAGES = `
UNWIND $ids AS pid
MATCH (p:Passage {id: pid})
WHERE all(f IN $facets WHERE f IN p.facets)
RETURN p.id AS id`;

/** Passages whose lexical field is missing or of another version (after an upgrade), a batch at a time. */
export const PASSAGES_WITHOUT_TERMS = `
MATCH (p:Passage)
WHERE p.termsVersion IS NULL OR p.termsVersion <> $termsVersion
WITH p LIMIT $limit
OPTIONAL MATCH (d:Document {id: p.documentId})
OPTIONAL MATCH (s:Section {id: p.sectionId})
RETURN p.id AS id, p.documentId AS documentId, p.sectionPath AS section, p.text AS text,
  d.locality AS locality, d.province AS province, d.type AS type, d.date AS date,
  [(s)-[:IN_FIELD]->(f:Field) | f.slug] AS fields`;

/** Passages without a change sequence (or one from before sequences were strided) get `r.seq`. */
export const SET_PASSAGE_TERMS = `
UNWIND $rows AS r
MATCH (p:Passage {id: r.id})
SET p.terms = r.terms, p.facets = r.facets, p.termsVersion = $termsVersion,
    p.seq = CASE WHEN p.seq IS NULL OR p.seq < $stride THEN r.seq ELSE p.seq END`;

/* ------------------------------------------------------------ embedding sync ------------------------------------------------------------ */

/** Passages written after change sequence `$after`, in sequence order (for the embedding sync). */
export const PASSAGES_AFTER = `
MATCH (p:Passage) WHERE p.seq > $after
RETURN p.id AS id, p.seq AS seq, p.sectionPath AS section, p.text AS text
ORDER BY p.seq LIMIT $limit`;

export const COUNT_PASSAGES_AFTER = `
MATCH (p:Passage) WHERE p.seq > $after RETURN count(p) AS n`;

export const COUNT_PASSAGES = `MATCH (p:Passage) RETURN count(p) AS n`;

/** Passages removed by deletions after sequence `$after`. */
export const REMOVED_AFTER = `
MATCH (r:RemovedPassages) WHERE r.seq > $after
RETURN r.seq AS seq, r.passageIds AS ids ORDER BY r.seq`;

/** Which of `$ids` are passages in the graph now. */
export const EXISTING_PASSAGES = `
UNWIND $ids AS pid MATCH (p:Passage {id: pid}) RETURN p.id AS id`;

/** Ids of the named indexes (the bench finds their folders on disk by id). */
export const INDEX_IDS = `
SHOW INDEXES YIELD id, name WHERE name IN $names RETURN id, name`;

/* -------------------------------------------------------- vectors kept in Neo4j -------------------------------------------------------- */

/** Name of the Neo4j vector index over `(:PassageVector {id, embedding})` (VECTOR_INDEX=neo4j). */
export const PASSAGE_VECTOR_INDEX = 'passage_vectors';

/** The vector index for `dim`-dimensional cosine vectors; `dim` must be a positive integer (not user input). */
export function createPassageVectorIndex(dim: number): string {
  if (!Number.isInteger(dim) || dim <= 0 || dim > 4096)
    throw new RangeError(`invalid vector dimension ${dim}`);
  return `CREATE VECTOR INDEX ${PASSAGE_VECTOR_INDEX} IF NOT EXISTS FOR (v:PassageVector) ON v.embedding
  OPTIONS {indexConfig: {\`vector.dimensions\`: ${dim}, \`vector.similarity_function\`: 'cosine'}}`;
}

export const DROP_PASSAGE_VECTOR_INDEX = `DROP INDEX ${PASSAGE_VECTOR_INDEX} IF EXISTS`;

/** The saved state of the Neo4j-held vectors: model, dimension, format and the embedding sync's position. */
export const VECTOR_STATE = `
MATCH (s:VectorState {key: '${PASSAGE_VECTOR_INDEX}'}) RETURN s { .* } AS state`;

export const DELETE_VECTOR_STATE = `
MATCH (s:VectorState {key: '${PASSAGE_VECTOR_INDEX}'}) DELETE s`;

export const SET_VECTOR_STATE = `
MERGE (s:VectorState {key: '${PASSAGE_VECTOR_INDEX}'}) SET s += $state`;

export const UPSERT_VECTORS = `
UNWIND $rows AS r
MERGE (v:PassageVector {id: r.id})
WITH v, r CALL db.create.setNodeVectorProperty(v, 'embedding', r.vector)`;

export const DELETE_VECTORS = `
UNWIND $ids AS vid MATCH (v:PassageVector {id: vid}) DELETE v`;

/** Deletes every stored vector, a batch per call; returns how many it deleted. */
export const DELETE_ALL_VECTORS = `
MATCH (v:PassageVector) WITH v LIMIT 10000 DELETE v RETURN count(*) AS n`;

export const COUNT_VECTORS = `MATCH (v:PassageVector) RETURN count(v) AS n`;

export const VECTOR_IDS = `MATCH (v:PassageVector) RETURN v.id AS id`;

export const HAS_VECTOR = `MATCH (v:PassageVector {id: $id}) RETURN count(v) > 0 AS found`;

/** Nearest stored vectors; Neo4j's cosine score is (1 + cos) / 2. */
export const VECTOR_SEARCH = `
CALL db.index.vector.queryNodes('${PASSAGE_VECTOR_INDEX}', $k, $vector) YIELD node, score
RETURN node.id AS id, score`;

export const SET_TERMS_VERSION = `
MERGE (s:GraphState {key: 'graph'})
ON CREATE SET s.epoch = randomUUID(), s.version = 0
SET s.termsVersion = $termsVersion`;

/** Everything the search indexes need, in one pass. */
export const ALL_PASSAGES = `
MATCH (d:Document)-[:HAS_PASSAGE]->(p:Passage)
OPTIONAL MATCH (s:Section {id: p.sectionId})
RETURN p.id AS id, p.documentId AS documentId, d.title AS documentTitle, d.number AS documentNumber,
  d.type AS documentType, d.date AS date, coalesce(d.locality, d.province) AS locality, d.province AS province,
  p.sectionPath AS section, p.text AS text, p.start AS start, p.end AS end, p.page AS page,
  [(s)-[:IN_FIELD]->(f:Field) | f.slug] AS fields,
  [(p)<-[:SOURCE]-(t)-[:LED_BY|COORDINATED_BY]->(a:Agency) | a.key] AS agencies
ORDER BY p.documentId, p.ordinal`;

/** Task fields for lists; its pattern variables (la, ca) must not clash with the caller's (GET_AGENCY binds `a`). */
const TASK_PROJECTION = `
  id: t.id, documentId: t.documentId, documentTitle: d.title, documentNumber: d.number, documentType: d.type,
  locality: coalesce(d.locality, d.province), title: t.title, group: t.group, row: t.row, page: t.page,
  section: head([(t)-[:SOURCE]->(p:Passage) | p.sectionPath]),
  fields: [(t)-[:IN_FIELD]->(f:Field) | f.slug],
  lead: [k IN t.leadKeys | head([(t)-[:LED_BY]->(la:Agency {key: k}) | la.name])],
  leadIds: t.leadKeys,
  coordinating: [k IN t.coordinatingKeys | head([(t)-[:COORDINATED_BY]->(ca:Agency {key: k}) | ca.name])],
  coordinatingIds: t.coordinatingKeys,
  deadline: t.deadline, deadlineNorm: t.deadlineNorm, product: t.product, passageId: t.passageId`;

export const LIST_TASKS = `
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE ($document IS NULL OR d.id = $document)
  AND ($locality IS NULL OR d.localityFolded = $locality OR d.provinceFolded = $locality)
  AND ($field IS NULL OR EXISTS { MATCH (t)-[:IN_FIELD]->(:Field {slug: $field}) })
  AND ($agency IS NULL OR EXISTS {
        MATCH (t)-[:LED_BY|COORDINATED_BY]->(a:Agency)
        WHERE a.key = $agencyKey OR a.folded CONTAINS $agency })
  AND ($agencyKind IS NULL OR EXISTS { MATCH (t)-[:LED_BY|COORDINATED_BY]->(:Agency {kind: $agencyKind}) })
  AND ($q IS NULL OR t.folded CONTAINS $q)
RETURN t { ${TASK_PROJECTION} } AS task
ORDER BY d.locality, d.file, t.ordinal
LIMIT $limit`;

export const LIST_AGENCIES = `
MATCH (a:Agency)
WHERE ($locality IS NULL OR a.localityFolded = $locality OR toLower(a.locality) = $locality OR
       EXISTS { MATCH (a)-[:IN_LOCALITY]->(l:Locality) WHERE l.folded = $locality })
  AND ($q IS NULL OR a.folded CONTAINS $q)
RETURN a { .key, .name, .kind, .locality, .isGroup,
  leads: COUNT { (a)<-[:LED_BY]-() }, coordinates: COUNT { (a)<-[:COORDINATED_BY]-() } } AS agency
ORDER BY agency.leads DESC, a.name`;

export const GET_AGENCY = `
MATCH (a:Agency {key: $key})
RETURN a { .key, .name, .kind, .locality, .isGroup,
  leads: [(a)<-[:LED_BY]-(t:Task)<-[:HAS_TASK]-(d:Document) | t { ${TASK_PROJECTION} }],
  coordinates: [(a)<-[:COORDINATED_BY]-(t:Task)<-[:HAS_TASK]-(d:Document) | t { ${TASK_PROJECTION} }]
} AS agency`;

export const LIST_TARGETS = `
MATCH (d:Document)-[:HAS_TARGET]->(t:Target)
WHERE ($locality IS NULL OR d.localityFolded = $locality OR d.provinceFolded = $locality)
  AND ($year IS NULL OR t.year = $year)
  AND ($field IS NULL OR EXISTS { MATCH (t)-[:IN_FIELD]->(:Field {slug: $field}) })
  AND ($q IS NULL OR t.folded CONTAINS $q)
  AND ($subject IS NULL OR t.subjectFolded CONTAINS $subject)
  AND ($subjectExact IS NULL OR t.subjectExact CONTAINS $subjectExact)
  AND ($metric IS NULL OR t.metric = $metric)
  AND ($document IS NULL OR d.id = $document)
RETURN t { .id, .documentId, .indicator, .subject, .metric, .text, .value, .valueMin, .valueMax, .unit, .comparator,
  .year, .period, .responsibleAgency, .national, .passageId, .page,
  locality: coalesce(d.locality, d.province), documentTitle: d.title, documentNumber: d.number,
  fields: [(t)-[:IN_FIELD]->(f:Field) | f.slug] } AS target
ORDER BY t.subject, t.metric, d.locality, t.year, t.ordinal
LIMIT $limit`;

export const FIELD_COUNTS = `
MATCH (f:Field)
RETURN f { .slug, .vi, .en,
  tasks: COUNT { (f)<-[:IN_FIELD]-(:Task) },
  targets: COUNT { (f)<-[:IN_FIELD]-(:Target) },
  sections: COUNT { (f)<-[:IN_FIELD]-(:Section) } } AS field
ORDER BY f.slug`;

/**
 * Neighbourhood of a node for browsing: paths up to $depth (1..3) over the semantic edges (not the
 * section tree), at most 500 paths. The caller flattens them into nodes and edges. The centre is matched
 * by the key of its kind (core/vocab/node-kinds.ts, constants, not input).
 */
export const GRAPH_NEIGHBOURHOOD = `
MATCH (c) WHERE ${Object.entries(NODE_KINDS)
  .map(([label, k]) => `(c:${label} AND c.${k.key} = $center)`)
  .join(' OR ')}
WITH c LIMIT 1
CALL (c) {
  OPTIONAL MATCH p = (c)-[:HAS_TASK|HAS_TARGET|LED_BY|COORDINATED_BY|${ALL_RELATIONS}|IS|IN_FIELD|FOR_LOCALITY|OF_KIND|IN_LOCALITY*1..3]-()
  WHERE length(p) <= $depth
  RETURN p LIMIT 500
}
WITH c, collect(p) AS paths
RETURN c AS center, [x IN paths | nodes(x)] AS nodeLists, [x IN paths | relationships(x)] AS relLists`;

/* ------------------------------------------------------- 2025 reorganisation lineage ------------------------------------------------------- */

/** Dated successions between localities: rows {from, to, date, instrument, article, note, fromFolded, toFolded, fromProvince}. */
export const UPSERT_LOCALITY_LINEAGE = `
UNWIND $rows AS r
MERGE (a:Locality {name: r.from})
ON CREATE SET a.province = r.fromProvince
SET a.folded = coalesce(a.folded, r.fromFolded)
MERGE (b:Locality {name: r.to})
ON CREATE SET b.province = r.to
SET b.folded = coalesce(b.folded, r.toFolded)
MERGE (a)-[s:SUCCEEDED_BY]->(b)
SET s.from = r.date, s.instrument = r.instrument, s.article = r.article, s.note = r.note`;

/** Every locality node with its province (to find district-level units, which ended on 1/7/2025). */
export const LIST_LOCALITIES = `
MATCH (l:Locality) RETURN l.name AS name, l.province AS province, l.folded AS folded`;

/** Agencies that may have successors (real bodies, not group placeholders). */
export const LIST_AGENCIES_FOR_LINEAGE = `
MATCH (a:Agency) WHERE coalesce(a.isGroup, false) = false
RETURN a.key AS key, a.kind AS kind, a.locality AS locality, a.name AS name`;

/**
 * Dated successions between agencies, creating successors that no document names yet (Sở Khoa học và
 * Công nghệ Lâm Đồng). Rows {from, to, name, kind, kindName, locality, folded, date, instrument, article, note}.
 */
export const UPSERT_AGENCY_LINEAGE = `
UNWIND $rows AS r
MATCH (a:Agency {key: r.from})
MERGE (b:Agency {key: r.to})
ON CREATE SET b.name = r.name, b.kind = r.kind, b.locality = r.locality, b.isGroup = false, b.folded = r.folded,
  b.lineageOnly = true
MERGE (k:AgencyKind {slug: r.kind})
ON CREATE SET k.name = r.kindName
MERGE (b)-[:OF_KIND]->(k)
FOREACH (_ IN CASE WHEN r.locality IS NULL THEN [] ELSE [1] END |
  MERGE (l:Locality {name: r.locality})
  MERGE (b)-[:IN_LOCALITY]->(l))
MERGE (a)-[s:SUCCEEDED_BY]->(b)
SET s.from = r.date, s.instrument = r.instrument, s.article = r.article, s.note = r.note`;

const LINEAGE_STEP = (n: string, s: string, other: string) => `{
  id: coalesce(${n}.key, ${n}.name), name: ${n}.name, locality: coalesce(${n}.locality, ${n}.province),
  ${other}: coalesce(${other === 'to' ? `endNode(${s})` : `startNode(${s})`}.key, ${other === 'to' ? `endNode(${s})` : `startNode(${s})`}.name),
  from: ${s}.from, instrument: ${s}.instrument, article: ${s}.article, note: ${s}.note }`;

/**
 * Predecessors and successors (transitive, up to 4 steps) of an agency (by key) or a locality (by name):
 * one entry per succession step, with its date and instrument.
 */
export const LINEAGE = `
MATCH (n) WHERE (n:Agency AND n.key = $id) OR (n:Locality AND n.name = $id)
WITH n LIMIT 1
CALL (n) {
  OPTIONAL MATCH p = (x)-[:SUCCEEDED_BY*1..4]->(n)
  UNWIND CASE WHEN p IS NULL THEN [] ELSE relationships(p) END AS s
  WITH DISTINCT s
  WITH startNode(s) AS m, s
  RETURN collect(${LINEAGE_STEP('m', 's', 'to')}) AS predecessors
}
CALL (n) {
  OPTIONAL MATCH p = (n)-[:SUCCEEDED_BY*1..4]->(x)
  UNWIND CASE WHEN p IS NULL THEN [] ELSE relationships(p) END AS s
  WITH DISTINCT s
  WITH endNode(s) AS m, s
  RETURN collect(${LINEAGE_STEP('m', 's', 'previous')}) AS successors
}
RETURN predecessors, successors`;

export const GET_LOCALITY = `
MATCH (l:Locality) WHERE l.name = $name OR l.folded = $folded
WITH l ORDER BY CASE WHEN l.name = $name THEN 0 ELSE 1 END LIMIT 1
RETURN l { .name, .province,
  documents: [(l)<-[:FOR_LOCALITY]-(d:Document) | d { .id, .title, .number, .type, .date }],
  agencies: [(l)<-[:IN_LOCALITY]-(a:Agency) WHERE coalesce(a.isGroup, false) = false | a { .key, .name }] } AS locality`;

/** The final successor label of agency `x` (itself when current), as "name locality". */
const NOW_OF = (x: string) =>
  `coalesce(head([(${x})-[:SUCCEEDED_BY*1..4]->(y:Agency) WHERE NOT (y)-[:SUCCEEDED_BY]->() | {id: y.key, name: y.name, locality: y.locality}]),
    {id: ${x}.key, name: ${x}.name, locality: ${x}.locality})`;

/**
 * Tasks as LIST_TASKS, but a locality or agency filter also matches predecessors (through SUCCEEDED_BY):
 * tasks of Sở Khoa học và Công nghệ Bình Thuận answer for Sở Khoa học và Công nghệ Lâm Đồng. Each task
 * says which agency it was assigned to (the one matched, else its first lead) and that agency's successor.
 */
export const LIST_TASKS_LINEAGE = `
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE ($document IS NULL OR d.id = $document)
  AND ($locality IS NULL OR d.localityFolded = $locality OR d.provinceFolded = $locality OR EXISTS {
        MATCH (x:Locality)-[:SUCCEEDED_BY*1..3]->(l:Locality)
        WHERE l.folded = $locality AND x.folded IN [d.localityFolded, d.provinceFolded] })
  AND ($field IS NULL OR EXISTS { MATCH (t)-[:IN_FIELD]->(:Field {slug: $field}) })
  AND ($agency IS NULL OR EXISTS {
        MATCH (t)-[:LED_BY|COORDINATED_BY]->(:Agency)-[:SUCCEEDED_BY*0..4]->(a:Agency)
        WHERE a.key = $agencyKey OR a.folded CONTAINS $agency })
  AND ($agencyKind IS NULL OR EXISTS {
        MATCH (t)-[:LED_BY|COORDINATED_BY]->(:Agency)-[:SUCCEEDED_BY*0..4]->(:Agency {kind: $agencyKind}) })
  AND ($q IS NULL OR t.folded CONTAINS $q)
WITH d, t, [(t)-[:LED_BY|COORDINATED_BY]->(x:Agency)
  WHERE ($agency IS NULL AND $agencyKind IS NULL) OR EXISTS {
    MATCH (x)-[:SUCCEEDED_BY*0..4]->(b:Agency)
    WHERE b.key = $agencyKey OR b.folded CONTAINS $agency OR b.kind = $agencyKind } | x] AS matched
WITH d, t, coalesce(head(matched), head([k IN coalesce(t.leadKeys, []) | head([(t)-[:LED_BY]->(a:Agency {key: k}) | a])])) AS x
RETURN t { ${TASK_PROJECTION},
  assigned: CASE WHEN x IS NULL THEN null ELSE {id: x.key, name: x.name, locality: x.locality} END,
  now: CASE WHEN x IS NULL THEN null ELSE ${NOW_OF('x')} END } AS task
ORDER BY d.locality, d.file, t.ordinal
LIMIT $limit`;

/* ----------------------------------------------------------- implementation tree ----------------------------------------------------------- */

/** A node of the implementation tree: a LegalDocument (with its corpus document, if any) or an unnumbered Document. */
const TREE_NODE = (n: string) => `CASE WHEN ${n}:Document THEN {
    key: coalesce(head([(${n})-[:IS]->(i:LegalDocument) | i.key]), 'doc:' + ${n}.id), id: ${n}.id,
    number: ${n}.number, type: ${n}.type, title: ${n}.title, issuer: ${n}.issuer, date: ${n}.date,
    locality: coalesce(${n}.locality, ${n}.province) }
  ELSE {
    key: ${n}.key, id: head([(${n})<-[:IS]-(x:Document) | x.id]),
    number: ${n}.number, type: ${n}.type, title: head([(${n})<-[:IS]-(x:Document) | x.title]),
    issuer: ${n}.issuer, date: ${n}.date,
    locality: coalesce(head([(${n})<-[:IS]-(x:Document) | coalesce(x.locality, x.province)]),
      CASE WHEN ${n}.key CONTAINS '@' THEN split(${n}.key, '@')[1] ELSE null END) } END`;

/** Roots of a tree: the LegalDocuments of a corpus document's own number, or of a number key. */
export const TREE_ROOTS = `
MATCH (l:LegalDocument)
WHERE EXISTS { MATCH (:Document {id: $id})-[:IS]->(l) }
   OR ($numberKey IS NOT NULL AND (l.numberKey = $numberKey OR l.numberKey STARTS WITH ($numberKey + ' ')))
RETURN ${TREE_NODE('l')} AS node`;

/**
 * Every IMPLEMENTS edge within $depth steps below the roots (documents and the chain between
 * LegalDocuments), each child and parent as a tree node, with the passage stating the relation.
 */
export const IMPLEMENTATION_EDGES = `
MATCH (root:LegalDocument) WHERE root.key IN $keys
MATCH p = (root)<-[:IMPLEMENTS*1..6]-(:Document|LegalDocument)
WHERE length(p) <= $depth
UNWIND relationships(p) AS r
WITH DISTINCT r
WITH r, startNode(r) AS c, endNode(r) AS pn
RETURN ${TREE_NODE('c')} AS child, ${TREE_NODE('pn')} AS parent, r.passageId AS passageId, r.raw AS raw`;

/** What the corpus says about one referenced document (in the corpus or not). */
export const GET_LEGAL_DOCUMENT = `
MATCH (l:LegalDocument) WHERE l.key = $key OR ($numberKey IS NOT NULL AND l.numberKey = $numberKey)
WITH l ORDER BY CASE WHEN l.key = $key THEN 0 ELSE 1 END LIMIT 1
RETURN l { .key, .number, .type, .issuer, .date,
  documentId: head([(l)<-[:IS]-(d:Document) | d.id]),
  mentions: [(d:Document)-[r]->(l) WHERE type(r) <> 'IS' | {
    relation: type(r), documentId: d.id, number: d.number, title: d.title, type: d.type,
    locality: coalesce(d.locality, d.province), date: d.date, raw: r.raw, passageId: r.passageId }],
  implements: [(l)-[:IMPLEMENTS]->(m:LegalDocument) | m { .key, .number, .type, .issuer, .date,
    documentId: head([(m)<-[:IS]-(d:Document) | d.id]) }],
  implementedBy: [(m:LegalDocument)-[:IMPLEMENTS]->(l) | m { .key, .number, .type, .issuer, .date,
    documentId: head([(m)<-[:IS]-(d:Document) | d.id]) }]
} AS legal`;

/* ------------------------------------------------------------- alignment matrix ------------------------------------------------------------ */

/**
 * Corpus documents implementing any of $keys directly or through the chain, with the policy fields of
 * their tasks and targets (one slug per tagged task or target).
 */
export const MATRIX_DOCUMENTS = `
MATCH (root:LegalDocument) WHERE root.key IN $keys
MATCH (d:Document)-[:IMPLEMENTS]->(:LegalDocument)-[:IMPLEMENTS*0..6]->(root)
WITH DISTINCT d
RETURN d { .id, .number, .type, .title, .date, .locality, .province, .issuer,
  taskFields: [(d)-[:HAS_TASK]->(:Task)-[:IN_FIELD]->(f:Field) | f.slug],
  targetFields: [(d)-[:HAS_TARGET]->(:Target)-[:IN_FIELD]->(f:Field) | f.slug],
  taskCount: COUNT { (d)-[:HAS_TASK]->() }, targetCount: COUNT { (d)-[:HAS_TARGET]->() } } AS doc
ORDER BY coalesce(d.province, d.locality), d.date`;

/** A passage with the passages before it in its section (nearest first), to find a table row's header. */
export const TABLE_CONTEXT = `
MATCH (p:Passage {id: $id})
OPTIONAL MATCH (q:Passage {documentId: p.documentId})
WHERE q.sectionId = p.sectionId AND q.ordinal < p.ordinal AND q.ordinal >= p.ordinal - 300
WITH p, q ORDER BY q.ordinal DESC
RETURN p.sectionPath AS section, p.page AS page, p.text AS text, collect(q.text) AS before`;

/* ------------------------------------------------------------- saved searches ------------------------------------------------------------- */

export const CREATE_SAVED_SEARCH = `
CREATE (s:SavedSearch {id: $id, q: $q, filters: $filters, createdAt: $createdAt})
RETURN s { .id, .q, .filters, .createdAt } AS saved`;

export const LIST_SAVED_SEARCHES = `
MATCH (s:SavedSearch) RETURN s { .id, .q, .filters, .createdAt } AS saved ORDER BY s.createdAt DESC`;

export const GET_SAVED_SEARCH = `
MATCH (s:SavedSearch {id: $id}) RETURN s { .id, .q, .filters, .createdAt } AS saved`;

export const DELETE_SAVED_SEARCH = `
MATCH (s:SavedSearch {id: $id}) DETACH DELETE s RETURN count(*) AS deleted`;

/** Documents ingested after $since, newest first, optionally of a locality (folded) and type (folded). */
export const DOCUMENTS_INGESTED_SINCE = `
MATCH (d:Document) WHERE d.ingestedAt > $since
  AND ($locality IS NULL OR d.localityFolded = $locality OR d.provinceFolded = $locality)
  AND ($type IS NULL OR d.typeFolded = $type)
RETURN d { .id, .title, .number, .type, .date, .issuer, .locality, .province, .ingestedAt } AS doc
ORDER BY d.ingestedAt DESC LIMIT 200`;
