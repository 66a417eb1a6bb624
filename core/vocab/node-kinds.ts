/**
 * The kinds of graph node the browsing view shows: the Neo4j label, the property that identifies a node
 * of that kind, and its name in Vietnamese and English. Defined once here; the graph query matches a
 * centre by these keys, the API lists them (`/api/graph/kinds`) and the web page draws its legend from them.
 */
export const NODE_KINDS = {
  Document: { key: 'id', vi: 'Văn bản', en: 'Document' },
  Agency: { key: 'key', vi: 'Cơ quan', en: 'Agency' },
  Task: { key: 'id', vi: 'Nhiệm vụ', en: 'Task' },
  Target: { key: 'id', vi: 'Chỉ tiêu', en: 'Target' },
  LegalDocument: { key: 'key', vi: 'Văn bản được dẫn', en: 'Referenced document' },
  Field: { key: 'slug', vi: 'Lĩnh vực', en: 'Field' },
  Locality: { key: 'name', vi: 'Địa phương', en: 'Locality' },
  AgencyKind: { key: 'slug', vi: 'Loại cơ quan', en: 'Agency kind' },
  Section: { key: 'id', vi: 'Mục', en: 'Section' },
} as const satisfies Record<string, { key: string; vi: string; en: string }>;

export type NodeKind = keyof typeof NODE_KINDS;

/** Kinds in display order (documents first). */
export const NODE_KIND_NAMES = Object.keys(NODE_KINDS) as [NodeKind, ...NodeKind[]];

export function isNodeKind(label: string): label is NodeKind {
  return Object.hasOwn(NODE_KINDS, label);
}
