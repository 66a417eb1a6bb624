/** Cypher of the analyst's reads: 2025 lineage, implementation tree, matrix, saved searches (see ../cypher.ts). */
import { TASK_PROJECTION } from './facts.ts';

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
