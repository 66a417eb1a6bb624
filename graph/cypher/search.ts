/** Cypher of search: full-text terms, passage rows, embedding sync and vectors kept in Neo4j (see ../cypher.ts). */

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
WITH p ORDER BY p.seq LIMIT $limit
OPTIONAL MATCH (d:Document {id: p.documentId})
RETURN p.id AS id, p.seq AS seq, p.sectionPath AS section, p.text AS text,
  d.title AS title, coalesce(d.locality, d.province) AS locality
ORDER BY seq`;

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

/**
 * The index settings besides dimension and similarity. Neo4j quantises vectors by default, which capped
 * recall@10 at 0.85–0.87 however many candidates were asked (`npm run bench` at 100k: 0.845 at k 100,
 * 0.873 at k 300); full-precision vectors with a denser graph gave 0.967 at k 100 for the same latency.
 */
export const PASSAGE_VECTOR_INDEX_SETTINGS: Readonly<Record<string, boolean | number>> = {
  'vector.quantization.enabled': false,
  'vector.hnsw.m': 32,
  'vector.hnsw.ef_construction': 200,
};

function vectorIndexConfig(dim: number): Record<string, boolean | number | string> {
  if (!Number.isInteger(dim) || dim <= 0 || dim > 4096)
    throw new RangeError(`invalid vector dimension ${dim}`);
  return {
    'vector.dimensions': dim,
    'vector.similarity_function': 'cosine',
    ...PASSAGE_VECTOR_INDEX_SETTINGS,
  };
}

/** The vector index for `dim`-dimensional cosine vectors; `dim` must be a positive integer (not user input). */
export function createPassageVectorIndex(dim: number): string {
  const entries = Object.entries(vectorIndexConfig(dim)).map(
    ([k, v]) => `\`${k}\`: ${typeof v === 'string' ? `'${v}'` : String(v)}`,
  );
  return `CREATE VECTOR INDEX ${PASSAGE_VECTOR_INDEX} IF NOT EXISTS FOR (v:PassageVector) ON v.embedding
  OPTIONS {indexConfig: {${entries.join(', ')}}}`;
}

/** The stored index's `indexConfig`, if the index exists. */
export const PASSAGE_VECTOR_INDEX_CONFIG = `
SHOW INDEXES YIELD name, options WHERE name = '${PASSAGE_VECTOR_INDEX}' RETURN options.indexConfig AS config`;

/** True when a stored `indexConfig` has every setting `createPassageVectorIndex(dim)` would give. */
export function sameVectorIndexConfig(stored: Record<string, unknown>, dim: number): boolean {
  return Object.entries(vectorIndexConfig(dim)).every(([k, v]) => {
    const got = stored[k];
    if (typeof v === 'number') return Number(got) === v;
    // Neo4j reports the similarity function in capitals ('COSINE')
    return typeof v === 'string' ? String(got).toLowerCase() === v : got === v;
  });
}

export const DROP_PASSAGE_VECTOR_INDEX = `DROP INDEX ${PASSAGE_VECTOR_INDEX} IF EXISTS`;

/** Waits until every index is online, at most `$seconds` (fails after). */
export const AWAIT_INDEXES = 'CALL db.awaitIndexes($seconds)';

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
