/**
 * The graph list of the hybrid search: candidates (from the other lists) linked in the graph to what the
 * query names — a field (section tags), an agency kind (tasks citing the passage), or a document number
 * (the passage's document has it, or the passage states it).
 */
import type { LinkRow, PassageStore } from '../../graph/passage-store.ts';
import { docNumberKey, tokenize } from '../../core/text/normalize.ts';
import type { Scored } from './fusion.ts';

/**
 * What a query names, as understood by its caller (the question analysis lives above search): the graph
 * list ranks passages linked to these.
 */
export interface GraphHints {
  number: string | null;
  field: string | null;
  agencyKind: string | null;
}

/** Candidates of `lists` linked to the hints, in first-seen order, each scored 1. */
export async function graphList(store: PassageStore, e: GraphHints, lists: Scored[][]): Promise<Scored[]> {
  const numberKey = e.number ? docNumberKey(e.number) : null;
  if (!e.field && !e.agencyKind && !numberKey) return [];
  const ids = [...new Set(lists.flat().map((h) => h.id))];
  const links = new Map((await store.links(ids)).map((l) => [l.id, l]));
  return ids.flatMap((id) => {
    const p = links.get(id);
    const linked =
      p !== undefined &&
      ((e.field !== null && p.fields.includes(e.field)) ||
        (e.agencyKind !== null && p.agencies.some((a) => a.startsWith(`${e.agencyKind}@`))) ||
        (numberKey !== null && mentionsNumber(p, numberKey)));
    return linked ? [{ id, score: 1 }] : [];
  });
}

/** The passage's document has this number, or the passage states it. */
function mentionsNumber(p: LinkRow, key: string): boolean {
  if (p.documentNumber && docNumberKey(p.documentNumber) === key) return true;
  return tokenize(p.text).some((t) => t.kind === 'docNumber' && docNumberKey(t.exact) === key);
}
