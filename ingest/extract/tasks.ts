import type {
  AgencyRef,
  DocumentMeta,
  Passage,
  Section,
  StructuredDocument,
  Task,
} from '../../core/types.ts';
import { dedupeAgencies, resolveAgency, splitAgencies } from './agencies.ts';
import { tagFields } from './fields.ts';
import { cellOf, taskTables, type Table, type TableRow } from './tables.ts';
import { normalizeDeadline } from './task-deadline.ts';
import { junkLead } from './task-agency-lead.ts';
import { agencyItemTasks, fieldLineTasks, toLines, type ProseTask } from './task-prose.ts';
import { logicalLines, squash } from './task-text.ts';

/**
 * Tasks of a plan: (a) rows of appendix tables with a lead column, (b) prose blocks followed by
 * "Đơn vị chủ trì: … / Đơn vị phối hợp: … / Thời gian thực hiện: …" lines, (c) items that open with an
 * agency ("Sở X có trách nhiệm: a) … b) …", "UBND thành phố xây dựng …") or sit under "Điều N. Trách
 * nhiệm của X"; prose items whose "lead" is a clause or a bare role are dropped. Agencies are resolved in the
 * document's locality; `agencies` is every agency named as lead or coordinating, deduplicated.
 */
export function extractTasks(
  doc: StructuredDocument,
  meta: DocumentMeta,
): { tasks: Task[]; agencies: AgencyRef[] } {
  const locality = meta.locality;
  const text = doc.parsed.text;
  const tables = taskTables(text);
  const drafts: Omit<Task, 'id' | 'ordinal'>[] = [];
  for (const table of tables)
    for (const row of table.rows) if (row.tt) drafts.push(tableTask(doc, table, row, locality));
  const prose = proseTasks(text, tables);
  for (const p of prose) {
    const task = proseTask(doc, p, locality);
    if (!task.lead.some((a) => junkLead(a.name))) drafts.push(task);
  }
  drafts.sort((a, b) => a.start - b.start);
  const tasks = drafts.map((d, ordinal) => ({ id: `${doc.id}:t${ordinal}`, ordinal, ...d }));
  const agencies = dedupeAgencies(tasks.flatMap((t) => [...t.lead, ...t.coordinating]));
  return { tasks, agencies };
}

function resolveAll(cells: readonly (string | null)[], locality: string | null): AgencyRef[] {
  return dedupeAgencies(
    cells.flatMap((c) => (c ? splitForResolve(c).map((n) => resolveAgency(n, locality)) : [])),
  );
}

const splitCache = new Map<string, string[]>();

function splitForResolve(cell: string): string[] {
  let hit = splitCache.get(cell);
  if (!hit) {
    hit = splitAgencies(cell);
    splitCache.set(cell, hit);
  }
  return hit;
}

function tableTask(
  doc: StructuredDocument,
  table: Table,
  row: TableRow,
  locality: string | null,
): Omit<Task, 'id' | 'ordinal'> {
  const title = cellOf(table, row, 'title') ?? row.cells[1] ?? '';
  const deadline = cellOf(table, row, 'deadline');
  const product = cellOf(table, row, 'product');
  return {
    title,
    group: row.group,
    lead: resolveAll([cellOf(table, row, 'lead')], locality),
    coordinating: resolveAll([cellOf(table, row, 'coordinating')], locality),
    deadline,
    deadlineNorm: normalizeDeadline(deadline),
    product: product === '-' ? null : product,
    fields: tagFields(title, row.groupTitle ? [row.groupTitle] : []),
    passageId: passageAt(doc.passages, row.start),
    row: row.label,
    start: row.start,
  };
}

function proseTasks(text: string, tables: readonly Table[]): ProseTask[] {
  const blocks = logicalLines(text).filter((b) => !tables.some((t) => b.start >= t.start && b.start < t.end));
  const lines = toLines(blocks);
  const byField = fieldLineTasks(lines);
  const byAgency = agencyItemTasks(lines).filter((t) => !byField.some((f) => f.start === t.start));
  return [...byField, ...byAgency];
}

function proseTask(
  doc: StructuredDocument,
  p: ProseTask,
  locality: string | null,
): Omit<Task, 'id' | 'ordinal'> {
  const title = squash(p.title);
  const path = sectionAt(doc.sections, p.start)?.path ?? [];
  const lead = resolveAll(p.lead, locality);
  const leadKeys = new Set(lead.map((a) => a.key));
  return {
    title,
    group: groupOf(doc.sections, p.start),
    lead,
    coordinating: resolveAll(p.coordinating, locality).filter((a) => !leadKeys.has(a.key)),
    deadline: p.deadline,
    deadlineNorm: normalizeDeadline(p.deadline),
    product: p.product,
    fields: tagFields(title, path),
    passageId: passageAt(doc.passages, p.start),
    row: null,
    start: p.start,
  };
}

/** Innermost section containing `offset`. */
function sectionAt(sections: readonly Section[], offset: number): Section | null {
  let best: Section | null = null;
  for (const s of sections)
    if (s.start <= offset && offset < s.end && (!best || s.level > best.level)) best = s;
  return best;
}

/** Heading of the innermost numbered section that contains `offset` and does not start there. */
function groupOf(sections: readonly Section[], offset: number): string | null {
  let best: Section | null = null;
  for (const s of sections) {
    if (s.level === 0 || s.marker === '-' || s.marker === '+') continue;
    if (s.start < offset && offset < s.end && (!best || s.level > best.level)) best = s;
  }
  return best ? (best.path[best.path.length - 1] ?? null) : null;
}

/** Id of the passage containing `offset` (the last passage starting before it when none contains it). */
export function passageAt(passages: readonly Passage[], offset: number): string | null {
  let best: Passage | null = null;
  for (const p of passages) {
    if (p.start <= offset && offset < p.end) return p.id;
    if (p.start <= offset && (!best || p.start > best.start)) best = p;
  }
  return best?.id ?? null;
}
