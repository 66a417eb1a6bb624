/**
 * The implementation tree below a document: who implements it, who implements those, … built from the
 * IMPLEMENTS edges (documents → LegalDocument, and the chain between LegalDocuments). A document that
 * implements both a resolution and a programme implementing it hangs under the programme only (its most
 * specific parents), so 36-NQ/TW → 64-CTr/TU → plan reads as a chain.
 */

export interface TreeDocument {
  /** LegalDocument key, or `doc:<id>` for a corpus document without a number. */
  key: string;
  /** Corpus document id when the document is in the corpus. */
  id: string | null;
  number: string | null;
  type: string | null;
  title: string | null;
  issuer: string | null;
  date: string | null;
  locality: string | null;
}

export interface TreeEdge {
  child: TreeDocument;
  parent: TreeDocument;
  passageId: string | null;
  raw: string | null;
}

export interface TreeNode {
  document: TreeDocument;
  relation: 'IMPLEMENTS';
  /** Citation of the relation: the passage of the implementing document that states it. */
  passageId: string | null;
  children: TreeNode[];
}

const order = (a: TreeNode, b: TreeNode): number =>
  String(a.document.locality ?? '').localeCompare(String(b.document.locality ?? ''), 'vi') ||
  String(a.document.date ?? '').localeCompare(String(b.document.date ?? '')) ||
  String(a.document.number ?? a.document.key).localeCompare(String(b.document.number ?? b.document.key));

/** Builds the tree below `rootKeys` (merged into one root) from the edges, at most `depth` levels. */
export function buildImplementationTree(rootKeys: string[], edges: TreeEdge[], depth: number): TreeNode[] {
  const parents = new Map<string, Map<string, TreeEdge>>();
  const docs = new Map<string, TreeDocument>();
  for (const e of edges) {
    if (e.child.key === e.parent.key) continue;
    docs.set(e.child.key, e.child);
    docs.set(e.parent.key, e.parent);
    const ps = parents.get(e.child.key) ?? new Map<string, TreeEdge>();
    if (!ps.has(e.parent.key) || (!ps.get(e.parent.key)!.passageId && e.passageId)) ps.set(e.parent.key, e);
    parents.set(e.child.key, ps);
  }
  const roots = new Set(rootKeys);
  const ancestors = memoAncestors(parents, roots);
  const children = new Map<string, { key: string; edge: TreeEdge }[]>();
  for (const [child, ps] of parents) {
    const keys = [...ps.keys()].map((k) => (roots.has(k) ? '' : k));
    // keep the most specific parents: drop a parent that another parent implements (directly or not)
    const specific = keys.filter((p) => !keys.some((q) => q !== p && (p === '' || ancestors(q).has(p))));
    for (const p of specific) {
      const edge = ps.get(p === '' ? [...ps.keys()].find((k) => roots.has(k))! : p)!;
      const list = children.get(p) ?? [];
      if (!list.some((c) => c.key === child)) list.push({ key: child, edge });
      children.set(p, list);
    }
  }
  const grow = (key: string, level: number, path: Set<string>): TreeNode[] =>
    level > depth
      ? []
      : (children.get(key) ?? [])
          .filter((c) => !path.has(c.key))
          .map((c) => ({
            document: docs.get(c.key)!,
            relation: 'IMPLEMENTS' as const,
            passageId: c.edge.passageId,
            children: grow(c.key, level + 1, new Set([...path, c.key])),
          }))
          .sort(order);
  return grow('', 1, new Set(roots));
}

/** Transitive parents of a node (excluding the roots), memoised. */
function memoAncestors(
  parents: Map<string, Map<string, TreeEdge>>,
  roots: Set<string>,
): (key: string) => Set<string> {
  const memo = new Map<string, Set<string>>();
  const visit = (key: string, seen: Set<string>): Set<string> => {
    const known = memo.get(key);
    if (known) return known;
    const out = new Set<string>();
    for (const p of parents.get(key)?.keys() ?? []) {
      if (roots.has(p) || seen.has(p)) continue;
      out.add(p);
      for (const a of visit(p, new Set([...seen, p]))) out.add(a);
    }
    memo.set(key, out);
    return out;
  };
  return (key) => visit(key, new Set([key]));
}
