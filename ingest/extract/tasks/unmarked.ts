import { allOrganisations, leadingAgency } from '../agencies/index.ts';
import type { Line } from '../text/index.ts';

/**
 * Items whose list markers were lost. A word processor's list numbering ("a)", "-") is not part of the text,
 * so a text copy may print the items of an agency's block as bare paragraphs, and an agency's name as a
 * line of its own over its '-' items.
 */

export interface Item {
  head: Line;
  extra: Line[];
  /** The agencies of the nearest "Trách nhiệm của X" sub-heading (or name line) the item sits under. */
  lead?: string[];
}

/** The predicates an unmarked assignment opens with ("… chỉ đạo Ban Chỉ huy …", "… có trách nhiệm …"). */
export const ASSIGNS =
  /^(?:chủ trì|phối hợp|chỉ đạo|tổ chức|thực hiện|tham mưu|triển khai|xây dựng|hướng dẫn|kiểm tra|theo dõi|rà soát|bảo đảm|đảm bảo|bố trí|có trách nhiệm|chịu trách nhiệm|khẩn trương|tiếp tục|căn cứ)(?=[\s,:]|$)/u;

/**
 * The lowest outline levels: the bare paragraphs of a lettered or bulleted item are that item's own text
 * ("a) Sở Tài chính:" over two paragraphs is one duty), not items of their own.
 */
export const LOWEST: ReadonlySet<string> = new Set(['dash', 'plus', 'paren']);

/** A paragraph that qualifies the item before it ("Trường hợp …", "Nếu …"), not a duty of its own. */
const QUALIFIER =
  /^(?:Trường hợp|Trong trường hợp|Nếu|Riêng|Ngoài ra|Đồng thời|Trong đó|Cụ thể|Lưu ý)(?=[\s,:]|$)/u;

/**
 * Two or more paragraphs, each a whole sentence (a capital first, a stop last): separate items whose markers
 * were lost. Lines wrapped mid-sentence (a copy with a blank line after every line) do not qualify.
 */
export function unmarkedItems(children: readonly Line[]): boolean {
  const items = unmarkedSplit(children);
  return (
    items.length >= 2 &&
    items.every((it) => /^\p{Lu}/u.test(it.head.body) && ends(it.extra.at(-1) ?? it.head))
  );
}

/** A whole sentence's end: a stop (or the closing "./."). */
const ends = (l: Line): boolean => /[.;:]$|\.\/\.$/u.test(l.body.trim());

/**
 * One item per paragraph; a qualifying paragraph joins the item above it, and so does a paragraph that
 * carries on a sentence the one above left open ("… theo Thông tư số" + "29/2024/TT-BTC).").
 */
export function unmarkedSplit(children: readonly Line[]): Item[] {
  const items: Item[] = [];
  for (const c of children) {
    const last = items[items.length - 1];
    const open = last !== undefined && !ends(last.extra.at(-1) ?? last.head) && !/^\p{Lu}/u.test(c.body);
    if (last && (QUALIFIER.test(c.body) || open)) last.extra.push(c);
    else items.push({ head: c, extra: [] });
  }
  return items;
}

/** What a body's intro line says before its items: "chủ trì, phối hợp với …:", "có trách nhiệm:", "…, cụ thể:". */
const INTRO_REST =
  /^(?:(?:chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|thực hiện|chỉ đạo|tổ chức)[^.;]*)?:$/u;

/**
 * The agencies of a bare line that heads marked items: only their name ("Sở Xây dựng" then "- Đánh giá …"),
 * or their name and an intro ending in ':' ("Bộ Tài chính chủ trì, phối hợp với các bộ …:").
 */
function nameOnly(children: readonly Line[], k: number): string[] | null {
  const l = children[k]!;
  // "Đối với X" lists what applies to X (criteria, rules), unless a duty heading says otherwise (agency-items)
  if (l.kind !== null || (children[k + 1]?.kind ?? null) === null || /^Đối với\s/u.test(l.body)) return null;
  const found = leadingAgency(l.body);
  if (!found || !allOrganisations(found.names)) return null;
  // a heading-like line: no stop of its own ("UBND tỉnh (qua Sở …)." completes the field line above it)
  if (found.rest === '') return /[.;:,)]$/u.test(l.body) ? null : found.names;
  return INTRO_REST.test(found.rest) ? found.names : null;
}

/** Indexes of the name lines among `children`. */
export function namedAt(children: readonly Line[]): number[] {
  return children.flatMap((_, k) => (nameOnly(children, k) ? [k] : []));
}

/** Items under agency names on lines of their own: each name leads the items up to the next name. */
export function namedBlocks(
  children: readonly Line[],
  named: readonly number[],
  read: (lines: readonly Line[]) => Item[],
): Item[] {
  const out = read(children.slice(0, named[0]));
  named.forEach((h, n) => {
    const lead = nameOnly(children, h)!;
    for (const item of read(children.slice(h + 1, named[n + 1] ?? children.length)))
      out.push({ ...item, lead: item.lead ?? lead });
  });
  return out;
}
