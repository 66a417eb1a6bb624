import type { Request } from 'express';
import type { Cells as Row } from './write.ts';
import type { Matrix } from '../matrix.ts';
import { citation, CITATION_COLUMNS, plainLabel } from './citation.ts';
import type { ExportTable } from './write.ts';

/** Origin of the request, for links back to the page. */
export const originOf = (req: Request): string => `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;

const items = (body: unknown): Row[] => (body as { items?: Row[] }).items ?? [];
const withCitation = (rows: Row[], origin: string): Row[] =>
  rows.map((r) => ({ ...r, ...citation(r, origin) }));
const docLabel = (r: Row): string =>
  [r.documentNumber, typeof r.documentTitle === 'string' ? r.documentTitle.slice(0, 120) : null]
    .filter(Boolean)
    .join(' — ');

export function tasksTable(body: unknown, req: Request): ExportTable {
  const rows = withCitation(items(body), originOf(req)).map((r) => ({
    ...r,
    document: docLabel(r),
    section: plainLabel(r.section),
  }));
  const lineage = rows.some((r) => 'assignedTo' in r);
  return {
    name: 'Nhiệm vụ',
    columns: [
      { key: 'locality', label: 'Địa phương / Locality' },
      { key: 'document', label: 'Văn bản / Document' },
      { key: 'row', label: 'STT / Row' },
      { key: 'title', label: 'Nhiệm vụ / Task' },
      { key: 'lead', label: 'Chủ trì / Lead' },
      { key: 'coordinating', label: 'Phối hợp / Coordinating' },
      ...(lineage
        ? [
            { key: 'assignedTo', label: 'Giao cho / Assigned to' },
            { key: 'now', label: 'Nay là / Now' },
          ]
        : []),
      { key: 'deadline', label: 'Thời hạn / Deadline' },
      { key: 'product', label: 'Sản phẩm / Product' },
      { key: 'fields', label: 'Lĩnh vực / Fields' },
      ...CITATION_COLUMNS,
    ],
    rows,
  };
}

export function targetsTable(body: unknown, req: Request): ExportTable {
  const rows = withCitation(items(body), originOf(req)).map((r) => ({
    ...r,
    document: docLabel(r),
    value:
      r.value ??
      (typeof r.valueMin === 'number' && typeof r.valueMax === 'number'
        ? `${r.valueMin}–${r.valueMax}`
        : null),
  }));
  return {
    name: 'Chỉ tiêu',
    columns: [
      { key: 'locality', label: 'Địa phương / Locality' },
      { key: 'document', label: 'Văn bản / Document' },
      { key: 'indicator', label: 'Chỉ tiêu / Indicator' },
      { key: 'comparator', label: 'So sánh / Comparator' },
      { key: 'value', label: 'Giá trị / Value' },
      { key: 'unit', label: 'Đơn vị / Unit' },
      { key: 'year', label: 'Năm / Year' },
      { key: 'text', label: 'Nguyên văn / Text' },
      ...CITATION_COLUMNS,
    ],
    rows,
  };
}

export function documentsTable(body: unknown, req: Request): ExportTable {
  const origin = originOf(req);
  const rows = items(body).map((d) => ({
    ...d,
    locality: d.locality ?? d.province,
    ...citation({ documentNumber: d.number, documentTitle: d.title, documentId: d.id }, origin),
  }));
  return {
    name: 'Văn bản',
    columns: [
      { key: 'title', label: 'Tên văn bản / Title' },
      { key: 'type', label: 'Loại / Type' },
      { key: 'number', label: 'Số hiệu / Number' },
      { key: 'date', label: 'Ngày / Date' },
      { key: 'issuer', label: 'Cơ quan ban hành / Issuer' },
      { key: 'locality', label: 'Địa phương / Locality' },
      { key: 'implements', label: 'Thực hiện / Implements' },
      { key: 'taskCount', label: 'Số nhiệm vụ / Tasks' },
      { key: 'targetCount', label: 'Số chỉ tiêu / Targets' },
      ...CITATION_COLUMNS,
    ],
    rows,
  };
}

export function askTable(body: unknown, req: Request): ExportTable {
  const answer = (body as { answer?: { columns: { key: string; label: string }[]; rows: Row[] } }).answer;
  return {
    name: 'Trả lời',
    columns: [...(answer?.columns ?? []), ...CITATION_COLUMNS],
    rows: withCitation(answer?.rows ?? [], originOf(req)),
  };
}

export function matrixTable(body: unknown, req: Request): ExportTable {
  const m = body as Matrix;
  const origin = originOf(req);
  const rows: Row[] = m.rows.map((r) => ({
    locality: r.locality,
    now: r.now,
    documents: r.documents.map((d) => d.number ?? d.title.slice(0, 80)),
    ...Object.fromEntries(
      m.columns.flatMap((c) => [
        [`${c.slug}:tasks`, r.cells[c.slug]?.tasks ?? 0],
        [`${c.slug}:targets`, r.cells[c.slug]?.targets ?? 0],
      ]),
    ),
    citation: r.documents.map((d) => [d.type, d.number ?? d.title.slice(0, 60)].filter(Boolean).join(' ')),
    link: r.documents.map((d) => `${origin}/#/documents/${encodeURIComponent(d.id)}`).join(' '),
  }));
  for (const x of m.missing) rows.push({ locality: x.locality, documents: 'Chưa có kế hoạch / No plan' });
  return {
    name: 'Ma trận',
    columns: [
      { key: 'locality', label: 'Địa phương / Locality' },
      { key: 'now', label: 'Nay thuộc / Now part of' },
      { key: 'documents', label: 'Văn bản / Documents' },
      ...m.columns.flatMap((c) => [
        { key: `${c.slug}:tasks`, label: `${c.vi} – nhiệm vụ / ${c.en} – tasks` },
        { key: `${c.slug}:targets`, label: `${c.vi} – chỉ tiêu / ${c.en} – targets` },
      ]),
      ...CITATION_COLUMNS,
    ],
    rows,
  };
}

interface TreeNode {
  document: Row;
  relation: string;
  passageId: string | null;
  children: TreeNode[];
}

export function implementersTable(body: unknown, req: Request): ExportTable {
  const origin = originOf(req);
  const tree = body as { root: Row; children: TreeNode[] };
  const rows: Row[] = [];
  const walk = (nodes: TreeNode[], level: number, parent: Row): void => {
    for (const n of nodes) {
      const d = n.document;
      rows.push({
        level,
        ...d,
        parent: parent.number ?? parent.title,
        relation: n.relation,
        ...citation(
          { documentNumber: d.number, documentTitle: d.title, documentId: d.id, passageId: n.passageId },
          origin,
        ),
      });
      walk(n.children, level + 1, d);
    }
  };
  walk(tree.children, 1, tree.root);
  return {
    name: 'Cây thực hiện',
    columns: [
      { key: 'level', label: 'Cấp / Level' },
      { key: 'type', label: 'Loại / Type' },
      { key: 'number', label: 'Số hiệu / Number' },
      { key: 'title', label: 'Tên văn bản / Title' },
      { key: 'issuer', label: 'Cơ quan ban hành / Issuer' },
      { key: 'locality', label: 'Địa phương / Locality' },
      { key: 'date', label: 'Ngày / Date' },
      { key: 'relation', label: 'Quan hệ / Relation' },
      { key: 'parent', label: 'Thực hiện văn bản / Implements' },
      ...CITATION_COLUMNS,
    ],
    rows,
  };
}
