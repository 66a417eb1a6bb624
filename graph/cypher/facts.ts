/** Cypher of task, agency, target and field reads and graph browsing (see ../cypher.ts). */
import { NODE_KINDS } from '../../core/vocab/node-kinds.ts';
import { ALL_RELATIONS } from './documents.ts';

/** Task fields for lists; its pattern variables (la, ca) must not clash with the caller's (GET_AGENCY binds `a`). */
export const TASK_PROJECTION = `
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
