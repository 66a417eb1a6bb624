/** Cypher of document reads: identity, sources, lists with relation filters, one document (see ../cypher.ts). */
import { RELATION_FIELDS, RELATION_TYPES } from '../../core/vocab/relations.ts';

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

export const ALL_RELATIONS = RELATION_TYPES.join('|');

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
