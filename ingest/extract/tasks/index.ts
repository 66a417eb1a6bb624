import type { AgencyRef, DocumentMeta, StructuredDocument, Task } from '../../../core/types.ts';
import { cellRoles } from './cell-roles.ts';
import {
  allOrganisations,
  dedupeAgencies,
  isOrganisation,
  resolveAgency,
  sentenceCase,
  splitAgencies,
} from '../agencies/index.ts';
import { tagFields } from '../fields.ts';
import {
  canonicalDoc,
  cellOf,
  groupOf,
  logicalLines,
  passageAt,
  sectionAt,
  squash,
  readTables,
  toLines,
  type Table,
  type TableRow,
} from '../text/index.ts';
import { agencyItemTasks } from './agency-items.ts';
import { normalizeDeadline } from './deadline.ts';
import { fieldLineTasks, type ProseTask } from './field-lines.ts';
import { isDutyTitle } from './validate.ts';

/**
 * Tasks of a plan: (a) rows of tables whose header makes them duty tables (a lead column over duties, not indicators or
 * procedures), (b) prose blocks followed by
 * "Đơn vị chủ trì: … / Đơn vị phối hợp: … / Thời gian thực hiện: …" lines, (c) items that open with an
 * agency ("Sở X có trách nhiệm: a) … b) …", "UBND thành phố xây dựng …") or sit under "Điều N. Trách
 * nhiệm của X"; prose items whose "lead" is a clause or a bare role are dropped. Agencies are resolved in the
 * document's locality.
 */
export function extractTasks(written: StructuredDocument, meta: DocumentMeta): Task[] {
  const doc = canonicalDoc(written);
  const locality = meta.locality;
  const text = doc.parsed.text;
  const tables = readTables(text);
  const drafts: Omit<Task, 'id' | 'ordinal'>[] = [];
  for (const table of tables.filter((t) => t.kind === 'tasks'))
    for (const row of table.rows)
      if (row.tt && !titleOnly(table, row)) drafts.push(tableTask(doc, table, row, locality));
  const prose = proseTasks(text, tables);
  for (const p of prose) {
    if (allOrganisations(p.lead) && isDutyTitle(squash(p.title), p.labelled))
      drafts.push(proseTask(doc, p, locality));
  }
  drafts.sort((a, b) => a.start - b.start);
  return drafts.map((d, ordinal) => ({ id: `${doc.id}:t${ordinal}`, ordinal, ...d }));
}

/** A numbered row with nothing but its title (no body, time or product): a heading over the rows below it. */
function titleOnly(table: Table, row: TableRow): boolean {
  const title = table.roles.indexOf('title');
  return row.cells.every((c, i) => i === 0 || i === (title >= 0 ? title : 1) || c === '' || c === '-');
}

function resolveAll(cells: readonly (string | null)[], locality: string | null): AgencyRef[] {
  return dedupeAgencies(
    cells.flatMap((c) =>
      c ? splitAgencies(c).flatMap((n) => (isOrganisation(n) ? [resolveAgency(n, locality)] : [])) : [],
    ),
  );
}

function tableTask(
  doc: StructuredDocument,
  table: Table,
  row: TableRow,
  locality: string | null,
): Omit<Task, 'id' | 'ordinal'> {
  // "1. Tổ chức …": a duty cell that carries its own number (no TT column) — the number labels the row
  const cell = cellOf(table, row, 'title') ?? row.cells[1] ?? '';
  const own = /^(\d{1,3}(?:\.\d{1,2}){0,2})\.\s+(?=\p{Lu})/u.exec(cell);
  // "- Rà soát …; - Đề xuất …": a duty cell written as bullets reads from its first words, not its dash
  const title = (own ? cell.slice(own[0].length) : cell).replace(/^[-–+•]\s+/u, '');
  const deadline = cellOf(table, row, 'deadline');
  const product = cellOf(table, row, 'product');
  // a lead in capitals (a group row "SỞ Y TẾ" leading its duties) in the case its name is written in
  const roles = cellRoles(sentenceCase(cellOf(table, row, 'lead') ?? ''));
  const lead = resolveAll([roles.lead], locality);
  const leadKeys = new Set(lead.map((a) => a.key));
  return {
    title,
    group: row.group,
    lead,
    coordinating: resolveAll([cellOf(table, row, 'coordinating'), roles.coordinating], locality).filter(
      (a) => !leadKeys.has(a.key),
    ),
    deadline,
    deadlineNorm: normalizeDeadline(deadline),
    product: product === '-' ? null : product,
    fields: tagFields(title, row.groupTitle ? [row.groupTitle] : []),
    passageId: passageAt(doc.passages, row.start),
    row: row.label ?? own?.[1] ?? null,
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
