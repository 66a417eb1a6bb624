import { PASSAGE_FULLTEXT_INDEX } from './cypher.ts';

/**
 * Graph schema: one uniqueness constraint per node kind's key and the lookup indexes the API uses.
 * Every statement is idempotent (IF NOT EXISTS) and runs at start-up. See DESIGN.md for the data model.
 */
export const SCHEMA_STATEMENTS: readonly string[] = [
  'CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE',
  'CREATE CONSTRAINT section_id IF NOT EXISTS FOR (s:Section) REQUIRE s.id IS UNIQUE',
  'CREATE CONSTRAINT passage_id IF NOT EXISTS FOR (p:Passage) REQUIRE p.id IS UNIQUE',
  'CREATE CONSTRAINT legal_key IF NOT EXISTS FOR (l:LegalDocument) REQUIRE l.key IS UNIQUE',
  'CREATE CONSTRAINT agency_key IF NOT EXISTS FOR (a:Agency) REQUIRE a.key IS UNIQUE',
  'CREATE CONSTRAINT agency_kind_slug IF NOT EXISTS FOR (k:AgencyKind) REQUIRE k.slug IS UNIQUE',
  'CREATE CONSTRAINT locality_name IF NOT EXISTS FOR (l:Locality) REQUIRE l.name IS UNIQUE',
  'CREATE CONSTRAINT field_slug IF NOT EXISTS FOR (f:Field) REQUIRE f.slug IS UNIQUE',
  'CREATE CONSTRAINT task_id IF NOT EXISTS FOR (t:Task) REQUIRE t.id IS UNIQUE',
  'CREATE CONSTRAINT target_id IF NOT EXISTS FOR (t:Target) REQUIRE t.id IS UNIQUE',
  'CREATE INDEX document_file IF NOT EXISTS FOR (d:Document) ON (d.file)',
  'CREATE INDEX document_number_key IF NOT EXISTS FOR (d:Document) ON (d.numberKey)',
  'CREATE INDEX document_locality IF NOT EXISTS FOR (d:Document) ON (d.locality)',
  'CREATE INDEX legal_number_key IF NOT EXISTS FOR (l:LegalDocument) ON (l.numberKey)',
  'CREATE INDEX agency_locality IF NOT EXISTS FOR (a:Agency) ON (a.locality)',
  'CREATE INDEX passage_document IF NOT EXISTS FOR (p:Passage) ON (p.documentId)',
  'CREATE INDEX task_document IF NOT EXISTS FOR (t:Task) ON (t.documentId)',
  'CREATE INDEX target_year IF NOT EXISTS FOR (t:Target) ON (t.year)',
  'CREATE CONSTRAINT graph_state_key IF NOT EXISTS FOR (s:GraphState) REQUIRE s.key IS UNIQUE',
  'CREATE INDEX passage_seq IF NOT EXISTS FOR (p:Passage) ON (p.seq)',
  'CREATE INDEX removed_passages_seq IF NOT EXISTS FOR (r:RemovedPassages) ON (r.seq)',
  'CREATE CONSTRAINT passage_vector_id IF NOT EXISTS FOR (v:PassageVector) REQUIRE v.id IS UNIQUE',
  'CREATE CONSTRAINT vector_state_key IF NOT EXISTS FOR (s:VectorState) REQUIRE s.key IS UNIQUE',
  // Lucene over the pre-normalised terms (core/text/normalize.ts indexField) and the filter facets: the
  // whitespace analyzer keeps every term as written, updated in the writing transaction.
  `CREATE FULLTEXT INDEX ${PASSAGE_FULLTEXT_INDEX} IF NOT EXISTS FOR (p:Passage) ON EACH [p.terms, p.facets]
   OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'whitespace', \`fulltext.eventually_consistent\`: false}}`,
];
