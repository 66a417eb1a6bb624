import { matchMarker } from '../structure/index.ts';
import type { MarkerMatch } from '../structure/markers.ts';
import { coordinatingPhrase, leadingAgency } from './task-agency-lead.ts';
import { deadlineInText } from './task-deadline.ts';
import type { TextBlock } from './task-text.ts';

/** A task read from prose, before agency resolution. */
export interface ProseTask {
  title: string;
  lead: string[];
  coordinating: string[];
  deadline: string | null;
  product: string | null;
  start: number;
}

type Kind = MarkerMatch['kind'] | null;

interface Line extends TextBlock {
  kind: Kind;
  body: string;
}

const RANK: Record<string, number> = {
  appendix: 0,
  chapter: 0,
  article: 0,
  roman: 1,
  arabic: 2,
  decimal: 3,
  letter: 4,
  dash: 5,
  plus: 6,
};

function rank(k: Kind): number {
  return k === null ? 99 : (RANK[k] ?? 99);
}

export function toLines(blocks: readonly TextBlock[]): Line[] {
  return blocks.map((b) => {
    const t = b.text.replace(/^·\s*(?=\d)/u, '').replace(/^·\s*/u, '- ');
    const m = matchMarker(t);
    return { ...b, text: t, kind: m?.kind ?? null, body: m ? m.heading : t };
  });
}

const STOP_LINE = /^(?:Nơi nhận|PHỤ LỤC|Phụ lục)\b/u;

/* ----------------------------------------------------- field lines: "Đơn vị chủ trì: …" ----------------------------------------------------- */

type FieldRole = 'lead' | 'coordinating' | 'deadline' | 'product';

function fieldOf(body: string): { role: FieldRole; value: string } | null {
  const m =
    /^(?:(?:Đơn vị|Cơ quan)\s+)?(chủ trì|phối hợp|thực hiện)(?:\s+(?:tham mưu|thực hiện|triển khai))*\s*:\s*(.*)$/iu.exec(
      body,
    ) ?? /^(?:(Đơn vị|Cơ quan)\s+)(thực hiện)\s*:\s*(.*)$/iu.exec(body);
  if (m) {
    const which = m[1]!.toLowerCase();
    if (which === 'thực hiện' && !/^(?:Đơn vị|Cơ quan)/iu.test(body)) return null;
    const value = m[m.length - 1]!;
    return { role: which.startsWith('phối') ? 'coordinating' : 'lead', value };
  }
  const t = /^(?:Thời gian|Thời hạn|Tiến độ)(?:\s+(?:thực hiện|hoàn thành))?\s*:\s*(.*)$/iu.exec(body);
  if (t) return { role: 'deadline', value: t[1]! };
  const p = /^(?:Sản phẩm|Kết quả)(?:\s+(?:đầu ra|dự kiến))?\s*:\s*(.*)$/iu.exec(body);
  return p ? { role: 'product', value: p[1]! } : null;
}

function isHeadingLike(l: Line): boolean {
  if (l.kind === null || l.kind === 'plus') return false;
  if (l.kind === 'dash') return /^Lĩnh vực\b/u.test(l.body) && !/[.;]$/.test(l.body);
  return !/[.;]$/.test(l.body) && l.body.length <= 300;
}

function titleOf(content: readonly Line[]): Line | null {
  const fb = content.findIndex((l) => !isHeadingLike(l));
  if (fb < 0) return content[content.length - 1] ?? null;
  if (content[fb]!.kind === 'letter') return content[fb]!;
  const heads = content.slice(0, fb);
  return heads[heads.length - 1] ?? content[fb]!;
}

/** Tasks whose lead/coordinating/deadline are given on labelled lines after the task text. */
export function fieldLineTasks(lines: readonly Line[]): ProseTask[] {
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
      if (f.role === 'lead') task.lead.push(f.value);
      else if (f.role === 'coordinating') task.coordinating.push(f.value);
      else if (f.role === 'deadline') task.deadline = f.value.replace(/\.$/, '');
      else task.product = f.value.replace(/\.$/, '');
    }
    let k = i - 1;
    while (k >= from && rank(lines[k]!.kind) > 1 && !STOP_LINE.test(lines[k]!.text)) k--;
    const title = titleOf(lines.slice(k + 1, i));
    if (title && (task.lead.length > 0 || task.coordinating.length > 0)) {
      out.push({ ...task, title: title.body, start: title.start });
    }
    from = j;
    i = j - 1;
  }
  return out;
}

/* ------------------------------------------------- agency items: "Sở X có trách nhiệm: a) …" ------------------------------------------------- */

function isAgencyItem(l: Line): boolean {
  return (
    (l.kind === 'arabic' || l.kind === 'decimal' || l.kind === 'letter') && leadingAgency(l.body) !== null
  );
}

/** End (exclusive) of the children of the item at `i`. */
function childrenEnd(lines: readonly Line[], i: number): number {
  const r = rank(lines[i]!.kind);
  let j = i + 1;
  while (j < lines.length) {
    const l = lines[j]!;
    if (rank(l.kind) <= r || STOP_LINE.test(l.text) || fieldOf(l.body) || isAgencyItem(l)) break;
    j++;
  }
  return j;
}

function makeTask(lead: string[], title: Line, extra: readonly Line[]): ProseTask {
  const own = leadingAgency(title.body);
  const colon = own && /^[^:]{3,200}:/u.test(title.body) && own.rest !== '';
  const text = [title.body, ...extra.map((e) => e.body)].join(' ');
  return {
    title: colon ? own.rest : title.body,
    lead: colon ? own.names : lead,
    coordinating: coordinatingPhrase(text),
    deadline: deadlineInText(text),
    product: null,
    start: title.start,
  };
}

/** Splits children into items at the first marker kind they use; other lines join the current item. */
function childItems(children: readonly Line[]): { head: Line; extra: Line[] }[] {
  const first = children.find((c) => c.kind !== null);
  if (!first || children[0]!.kind === null) {
    return children.length ? [{ head: children[0]!, extra: children.slice(1) }] : [];
  }
  const items: { head: Line; extra: Line[] }[] = [];
  for (const c of children) {
    if (c.kind === first.kind) items.push({ head: c, extra: [] });
    else items[items.length - 1]?.extra.push(c);
  }
  return items;
}

/** Tasks of items that open with an agency: the item's own text, or each of its sub-items. */
export function agencyItemTasks(lines: readonly Line[]): ProseTask[] {
  const out: ProseTask[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!isAgencyItem(l)) continue;
    const lead = leadingAgency(l.body)!;
    const end = childrenEnd(lines, i);
    const children = lines.slice(i + 1, end);
    if (lead.rest !== '') {
      const t = makeTask(lead.names, { ...l, body: lead.rest }, children);
      out.push({ ...t, lead: lead.names });
      continue;
    }
    for (const item of childItems(children)) out.push(makeTask(lead.names, item.head, item.extra));
  }
  return out.filter((t) => t.title.length > 0 && t.lead.length > 0);
}
