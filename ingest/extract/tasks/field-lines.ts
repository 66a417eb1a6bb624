import { startsWithAgencyHead } from '../agencies/index.ts';
import { rank, type Line } from '../text/index.ts';
import { deadlineInText } from './deadline.ts';

/**
 * Labelled prose blocks: a duty followed by "Đơn vị chủ trì: … / Đơn vị phối hợp: … / Thời gian thực
 * hiện: …" lines.
 */

/** A task read from prose, before agency resolution. */
export interface ProseTask {
  title: string;
  lead: string[];
  coordinating: string[];
  deadline: string | null;
  product: string | null;
  start: number;
  /** True for a labelled block ("Đơn vị chủ trì: …" lines), whose title may be the heading above it. */
  labelled?: boolean;
}

/** Lines that end the task part of a document (the recipients block, an appendix). */
export const STOP_LINE = /^(?:Nơi nhận|PHỤ LỤC|Phụ lục)\b/u;

export type FieldRole = 'lead' | 'coordinating' | 'deadline' | 'product';

export function fieldOf(body: string): { role: FieldRole; value: string } | null {
  const m =
    /^(?:(?:Đơn vị|Cơ quan)(?:\s*[,/]\s*(?:đơn vị|cơ quan|Đơn vị|Cơ quan))?\s+)?(chủ trì|phối hợp|thực hiện)(?:\s+(?:tham mưu|thực hiện|triển khai))*\s*:\s*(.*)$/iu.exec(
      body,
    );
  if (m) {
    const which = m[1]!.toLowerCase();
    if (which === 'thực hiện' && !/^(?:Đơn vị|Cơ quan)/iu.test(body)) return null;
    const value = m[m.length - 1]!;
    return { role: which.startsWith('phối') ? 'coordinating' : 'lead', value };
  }
  const t =
    /^(?:Thời gian|Thời hạn|Tiến độ)(?:\s+(?:thực hiện|hoàn thành|trình|ban hành|triển khai))?(?:\s+(?:thực hiện|hoàn thành))?\s*:\s*(.*)$/iu.exec(
      body,
    );
  if (t) return { role: 'deadline', value: t[1]! };
  const p = /^(?:Sản phẩm|Kết quả)(?:\s+(?:đầu ra|dự kiến))?\s*:\s*(.*)$/iu.exec(body);
  return p ? { role: 'product', value: p[1]! } : null;
}

function isHeadingLike(l: Line): boolean {
  if (l.kind === null) return false;
  if (l.kind === 'dash' || l.kind === 'plus') return /^Lĩnh vực\b/u.test(l.body) && !/[.;]$/.test(l.body);
  return !/[.;]$/.test(l.body) && l.body.length <= 300;
}

function titleOf(content: readonly Line[]): Line | null {
  const fb = content.findIndex((l) => !isHeadingLike(l));
  if (fb < 0) return content[content.length - 1] ?? null;
  if (content[fb]!.kind === 'letter') return content[fb]!;
  const heads = content.slice(0, fb);
  return heads[heads.length - 1] ?? content[fb]!;
}

/** Where a second field starts inside a line: "Cơ quan chủ trì: Sở X; cơ quan phối hợp: …; thời gian: …". */
const NEXT_FIELD =
  /[;.]\s*(?=(?:(?:cơ quan|đơn vị)(?:\s*[,/]\s*(?:cơ quan|đơn vị))?\s+)?(?:chủ trì|phối hợp|thực hiện|thời gian|thời hạn|tiến độ|sản phẩm|kết quả)[^:;.]{0,30}:)/iu;

/** "Nội dung … (Cơ quan chủ trì: Sở X; thời gian: 2026)." — fields in a closing parenthesis. */
const FIELDS_IN_PARENS =
  /\s*\(((?:(?:Cơ quan|Đơn vị)[^:()]{0,30}|Chủ trì|Thời gian|Thời hạn)[^:()]{0,20}:[^()]+)\)[.;]?$/u;

/**
 * "Nội dung … (Sở X chủ trì, phối hợp với Y; hoàn thành năm 2026)." — the assignment itself in a closing
 * parenthesis, read as the labelled fields it stands for.
 */
const ASSIGNMENT_IN_PARENS =
  /\s*\(([^():;]{3,120}?)\s+chủ trì(?:\s*,\s*phối hợp(?:\s+với)?\s+([^();]+?))?\s*(?:;\s*([^()]*?))?\s*\)[.;]?$/u;

function assignmentFields(body: string): { index: number; fields: string } | null {
  const m = ASSIGNMENT_IN_PARENS.exec(body);
  if (!m || !startsWithAgencyHead(m[1]!)) return null;
  const rest = m[3]?.trim();
  const time = rest && !fieldOf(rest) && deadlineInText(rest) !== null ? `Thời gian: ${rest}` : rest;
  const fields = [`Cơ quan chủ trì: ${m[1]!}`, m[2] ? `Cơ quan phối hợp: ${m[2]}` : null, time || null];
  return { index: m.index, fields: fields.filter((f) => f !== null).join('; ') };
}

function fieldsInParens(body: string): { index: number; fields: string } | null {
  const labelled = FIELDS_IN_PARENS.exec(body);
  return labelled ? { index: labelled.index, fields: labelled[1]! } : assignmentFields(body);
}

/** Splits lines that carry several fields (or a duty with its fields in parentheses) into one line per field. */
function expandFields(lines: readonly Line[]): Line[] {
  return lines.flatMap((l) => {
    const paren = fieldsInParens(l.body);
    const head = paren ? [{ ...l, body: l.body.slice(0, paren.index).trim() }] : [];
    const fields = paren ? paren.fields : fieldOf(l.body) ? l.body : null;
    if (fields === null) return [l];
    const parts = fields.split(NEXT_FIELD).map((x) => x.trim());
    if (!paren && parts.length < 2) return [l];
    if (!parts.every((x) => fieldOf(x))) return [l];
    return [...head, ...parts.map((body) => ({ ...l, kind: paren ? null : l.kind, body }))];
  });
}

/**
 * "Cơ quan thực hiện: Sở X chủ trì, phối hợp với Y, Z; …" — a label whose value is the assignment sentence:
 * X leads, Y and Z coordinate.
 */
const ASSIGNMENT_VALUE =
  /^([^;:]{3,160}?)\s+chủ trì(?:\s*,?\s*phối hợp(?:\s+với)?\s+([^;]+?))?\s*(?:[;.].*)?$/u;

function addLead(task: ProseTask, value: string): void {
  const m = ASSIGNMENT_VALUE.exec(value);
  if (!m || !startsWithAgencyHead(m[1]!)) {
    task.lead.push(value);
    return;
  }
  task.lead.push(m[1]!);
  if (m[2]) task.coordinating.push(m[2]);
}

/** Tasks whose lead/coordinating/deadline are given on labelled lines after the task text. */
export function fieldLineTasks(all: readonly Line[]): ProseTask[] {
  const lines = expandFields(all);
  const out: ProseTask[] = [];
  let from = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!fieldOf(lines[i]!.body)) continue;
    let j = i;
    const task: ProseTask = {
      title: '',
      lead: [],
      coordinating: [],
      deadline: null,
      product: null,
      start: 0,
    };
    for (; j < lines.length; j++) {
      const f = fieldOf(lines[j]!.body);
      if (!f) break;
      if (f.role === 'lead') addLead(task, f.value);
      else if (f.role === 'coordinating') task.coordinating.push(f.value);
      else if (f.role === 'deadline') task.deadline = f.value.replace(/\.$/, '');
      else task.product = f.value.replace(/\.$/, '');
    }
    let k = i - 1;
    while (k >= from && rank(lines[k]!.kind) > 1 && !STOP_LINE.test(lines[k]!.text)) k--;
    const title = titleOf(lines.slice(k + 1, i));
    if (title && (task.lead.length > 0 || task.coordinating.length > 0)) {
      out.push({ ...task, title: title.body, start: title.start, labelled: true });
    }
    from = j;
    i = j - 1;
  }
  return out;
}
