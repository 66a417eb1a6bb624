/**
 * All Cypher of policy-kg. Every statement is parameterised; writes are batched with `UNWIND $rows` and
 * upsert with MERGE on stable keys, so re-writing the same document changes nothing. Nothing here is
 * built from user input.
 */
export * from './cypher/writes.ts';
export * from './cypher/documents.ts';
export * from './cypher/search.ts';
export * from './cypher/facts.ts';
export * from './cypher/analysis.ts';
