import {
  coordinatingPhrase,
  knownAgency,
  leadingAgency,
  splitAgencies,
  startsWithAgencyHead,
} from '../agencies/index.ts';
import { rank, type Line } from '../text/index.ts';
import { deadlineInText } from './deadline.ts';
import { fieldOf, STOP_LINE, type ProseTask } from './field-lines.ts';

/** Headings whose '-' items may open with their own agency ("2. Trách nhiệm thực hiện", "IV. Tổ chức thực hiện"). */
const ASSIGNING = /trách nhiệm|tổ chức thực hiện|phân công|nhiệm vụ/iu;

/** Nearest line before `i` of a lower rank (the heading `lines[i]` sits under). */
function parentOf(lines: readonly Line[], i: number): Line | null {
  const r = rank(lines[i]!.kind);
  for (let k = i - 1; k >= 0; k--) if (rank(lines[k]!.kind) < r) return lines[k]!;
  return null;
}

function isAgencyItem(l: Line, lines?: readonly Line[], i?: number): boolean {
  if (l.kind === 'arabic' || l.kind === 'decimal' || l.kind === 'letter')
    return leadingAgency(l.body) !== null;
  if (l.kind !== 'dash' || !lines || i === undefined) return false;
  const lead = leadingAgency(l.body);
  if (!lead || lead.rest === '' || lead.names.length === 0) return false;
  const named = lead.names.some((n) => knownAgency(n)) || lead.names.every((n) => n.split(' ').length <= 10);
  return named && ASSIGNING.test(parentOf(lines, i)?.body ?? '');
}

/** "Điều 14. Trách nhiệm của Sở Khoa học và Công nghệ": the agencies whose duties the items below list. */
function dutyHeading(l: Line): string[] | null {
  if (l.kind !== 'article' && l.kind !== 'arabic' && l.kind !== 'roman') return null;
  const m = /^(?:Trách nhiệm|Nhiệm vụ)(?: và quyền hạn)?\s+của\s+(.+?)[.:]?$/u.exec(l.body);
  if (!m || !startsWithAgencyHead(m[1]!) || /\b(?:cá nhân|người)\b/u.test(m[1]!)) return null;
  return splitAgencies(m[1]!);
}

/** End (exclusive) of the children of the item at `i`. */
function childrenEnd(lines: readonly Line[], i: number, duty = false): number {
  const r = rank(lines[i]!.kind);
  let j = i + 1;
  while (j < lines.length) {
    const l = lines[j]!;
    if (rank(l.kind) <= r || STOP_LINE.test(l.text)) break;
    if (!duty && (fieldOf(l.body) || isAgencyItem(l, lines, j))) break;
    j++;
  }
  return j;
}

function makeTask(lead: string[], title: Line, extra: readonly Line[], coord: string[] = []): ProseTask {
  const own = leadingAgency(title.body);
  const colon = own && /^[^:]{3,200}:/u.test(title.body) && own.rest !== '';
  const text = [title.body, ...extra.map((e) => e.body)].join(' ');
  return {
    title: colon ? own.rest.replace(/^(?:thực hiện|có trách nhiệm)\s*:\s*/u, '') : title.body,
    lead: colon ? own.names : lead,
    coordinating: [...coord, ...coordinatingPhrase(text)],
    deadline: deadlineInText(text),
    product: null,
    start: title.start,
  };
}

interface Item {
  head: Line;
  extra: Line[];
}

/** A sub-heading that only groups items: "2.1. Trách nhiệm chung", "b) Phối hợp với Sở X" over '-' items. */
function isGroupingHead(item: Item): boolean {
  if (/^(?:Trách nhiệm|Nhiệm vụ)(?:\s+\p{Ll}+)?\.?$/u.test(item.head.body)) return true;
  const marked = item.extra.length > 0 && item.extra[0]!.kind !== null && item.extra[0]!.kind !== 'plus';
  return marked && !/[.;:]$/u.test(item.head.body) && item.head.body.length <= 80;
}

/**
 * Splits children into items at the first marker kind they use; other lines join the current item. An item
 * that only heads sub-items gives way to them (its "phối hợp với …" still applies).
 */
function childItems(children: readonly Line[]): Item[] {
  const first = children.find((c) => c.kind !== null);
  if (!first || children[0]!.kind === null) {
    return children.length ? [{ head: children[0]!, extra: children.slice(1) }] : [];
  }
  const items: Item[] = [];
  for (const c of children) {
    if (c.kind === first.kind) items.push({ head: c, extra: [] });
    else items[items.length - 1]?.extra.push(c);
  }
  return items.flatMap((it) => {
    if (!isGroupingHead(it)) return [it];
    if (it.extra.length === 0) return [];
    return childItems(it.extra).map((sub) => ({
      head: sub.head,
      extra: [...sub.extra, { ...it.head, kind: null }],
    }));
  });
}

/** "chỉ đạo Chi cục … thực hiện các nội dung sau:", "chủ trì, phối hợp với …:": the items below are the tasks. */
const INTRODUCES = /(?:sau|như sau|nội dung|nhiệm vụ|cụ thể|liên quan)\s*:$|^(?:chủ trì|phối hợp)[^.;]*:$/iu;

/** Items that only exempt the agency ("… không chịu trách nhiệm …") assign nothing. */
const NOT_A_TASK = /^(?:[^,.;]{0,80}\s)?không chịu trách nhiệm\b/u;

/** "5. Các chủ đầu tư xây dựng và kinh doanh hạ tầng KCN" over '-' items: the whole heading names the agency. */
function headingLead(l: Line, children: readonly Line[], rest: string): string[] | null {
  if (rest === '' || children[0]?.kind !== 'dash' || /[.;:]$/u.test(l.body) || l.body.length > 120)
    return null;
  return rest.split(' ').length <= 10 ? splitAgencies(l.body) : null;
}

function itemTasks(leadNames: string[], l: Line, children: readonly Line[]): ProseTask[] {
  const found = leadingAgency(l.body)!;
  const whole = headingLead(l, children, found.rest);
  const agency = whole ? { names: whole, rest: '' } : found;
  const lead = whole ?? leadNames;
  const items = childItems(children);
  if (agency.rest !== '' && !(INTRODUCES.test(agency.rest) && items.length > 0)) {
    const t = makeTask(lead, { ...l, body: agency.rest }, children);
    return [{ ...t, lead }];
  }
  const coord = agency.rest === '' ? [] : coordinatingPhrase(agency.rest);
  return items.map((item) => makeTask(lead, item.head, item.extra, coord));
}

/** Tasks of items that open with an agency or of "Trách nhiệm của X" articles: the item's text or its sub-items. */
export function agencyItemTasks(lines: readonly Line[]): ProseTask[] {
  const out: ProseTask[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const duty = dutyHeading(l);
    if (duty) {
      const end = childrenEnd(lines, i, true);
      for (const item of childItems(lines.slice(i + 1, end))) out.push(makeTask(duty, item.head, item.extra));
      i = end - 1;
      continue;
    }
    if (!isAgencyItem(l, lines, i)) continue;
    const lead = leadingAgency(l.body)!;
    out.push(...itemTasks(lead.names, l, lines.slice(i + 1, childrenEnd(lines, i))));
  }
  return out.filter((t) => t.title.length > 0 && t.lead.length > 0 && !NOT_A_TASK.test(t.title));
}
