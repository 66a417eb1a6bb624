import { FIELDS } from '../../core/vocab/field-keywords.ts';
import { PROVINCES_2025 } from '../../core/vocab/localities.ts';
import { currentProvince, provincePredecessors } from '../../core/vocab/reorg-2025.ts';
import type { MatrixDocumentRow } from '../../graph/analysis-rows.ts';

export interface MatrixCell {
  tasks: number;
  targets: number;
}

export interface MatrixRow {
  /** The province as the documents name it (before the 2025 merger when they predate it). */
  locality: string;
  /** The province it belongs to after the 2025 merger. */
  now: string | null;
  documents: { id: string; number: string | null; type: string | null; title: string; date: string | null }[];
  cells: Record<string, MatrixCell>;
}

export interface Matrix {
  programme: {
    key: string;
    number: string | null;
    type: string | null;
    issuer: string | null;
    id: string | null;
  };
  columns: { slug: string; vi: string; en: string }[];
  rows: MatrixRow[];
  /** Post-2025 provinces none of whose parts has an implementing plan (national programmes only). */
  missing: { locality: string; predecessors: string[] }[];
  /** Whether `missing` is known: a national programme is expected in every province. */
  missingKnown: boolean;
}

const COLUMNS = FIELDS.map(({ slug, vi, en }) => ({ slug, vi, en }));

function count(slugs: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of slugs) out.set(s, (out.get(s) ?? 0) + 1);
  return out;
}

/**
 * The alignment matrix of a programme: one row per province implementing it (directly or through the
 * chain), one column per policy field, cells counting the tasks and targets its plans tag with the field.
 * For a national programme (a key without a locality), the post-2025 provinces with no implementing plan in
 * any of their pre-merger parts are `missing`.
 */
export function buildMatrix(programme: Matrix['programme'], docs: MatrixDocumentRow[]): Matrix {
  const rows = new Map<string, MatrixRow>();
  for (const d of docs) {
    const locality = d.province ?? d.locality ?? '—';
    const row = rows.get(locality) ?? { locality, now: currentProvince(locality), documents: [], cells: {} };
    row.documents.push({ id: d.id, number: d.number, type: d.type, title: d.title, date: d.date });
    const tasks = count(d.taskFields);
    const targets = count(d.targetFields);
    for (const { slug } of COLUMNS) {
      const cell = row.cells[slug] ?? { tasks: 0, targets: 0 };
      cell.tasks += tasks.get(slug) ?? 0;
      cell.targets += targets.get(slug) ?? 0;
      row.cells[slug] = cell;
    }
    rows.set(locality, row);
  }
  const national = !programme.key.includes('@');
  const covered = new Set([...rows.values()].map((r) => r.now ?? r.locality));
  const missing = national
    ? PROVINCES_2025.filter((p) => !covered.has(p)).map((p) => ({
        locality: p,
        predecessors: provincePredecessors(p),
      }))
    : [];
  return {
    programme,
    columns: COLUMNS,
    rows: [...rows.values()].sort((a, b) => a.locality.localeCompare(b.locality, 'vi')),
    missing,
    missingKnown: national,
  };
}
