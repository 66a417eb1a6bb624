import {
  allOrganisations,
  coordinatingPhrase,
  leadingAgency,
  splitAgencies,
  sentenceCase,
  startsWithAgencyHead,
} from '../agencies/index.ts';
import { ancestors, rank, type Line, type LineKind } from '../text/index.ts';
import { charterSubject, ownDuties, withSubject } from './charter.ts';
import { deadlineInText, periodicOpening } from './deadline.ts';
import { fieldOf, STOP_LINE, type ProseTask } from './field-lines.ts';
import {
  ASSIGNS,
  LOWEST,
  namedAt,
  namedBlocks,
  unmarkedItems,
  unmarkedSplit,
  type Item,
} from './unmarked.ts';

/** Headings whose '-' items may open with their own agency ("2. Trách nhiệm thực hiện", "IV. Tổ chức thực hiện"). */
/** An article that assigns inline: "Điều 2. Giao Bộ trưởng Bộ Công an …". */
const ARTICLE_LEAD_IN = /^(?:Giao|Phân công|Đề nghị|Yêu cầu)\s/u;

/** "Điều 2. Bộ Tài chính chịu trách nhiệm hướng dẫn, kiểm tra …": an article that assigns its own duty. */
function articleDuty(body: string, rest: string): boolean {
  // "Điều 2. Các cơ quan, đơn vị sau đây chịu trách nhiệm …:" introduces the bodies listed below it
  if (rest === '' || !body.endsWith(rest) || /:\s*$/u.test(body) || /\ssau đây\s/u.test(body)) return false;
  return EXPLICIT.test(rest) || /\s(?:có|chịu) trách nhiệm[\s,]*$/u.test(body.slice(0, -rest.length));
}

/** A duty written as an assignment: the agency "chủ trì" (leads), possibly "phối hợp với" others. */
const EXPLICIT = /^chủ trì(?=[\s,]|$)/u;

const ASSIGNING = /trách nhiệm|tổ chức thực hiện|phân công|nhiệm vụ|theo dõi, kiểm tra|chế độ báo cáo/iu;

/**
 * Headings of parts that delegate powers ("Điều 2. Nội dung phân cấp", "Ủy quyền cho …"): the items
 * under them list what a body may decide, not duties.
 */
const POWERS = /(?:^|\s)(?:phân cấp|ủy quyền|phân quyền|thẩm quyền quyết định)(?=\s|$)/iu;
const DUTIES = /nhiệm vụ|trách nhiệm|tổ chức thực hiện/iu;

function underPowers(lines: readonly Line[], i: number): boolean {
  return ancestors(lines, i).some(
    (a) => a.kind !== null && ((POWERS.test(a.body) && !DUTIES.test(a.body)) || PROCEDURE.test(a.body)),
  );
}

/**
 * "1. Thủ tục xét tài trợ, đặt hàng nhiệm vụ …" (an administrative procedure published with a decision): its
 * steps say what each party of the procedure does ("- Cơ quan quản lý nhiệm vụ xem xét …"), not duties.
 */
const PROCEDURE = /^Thủ tục(?:\s+hành chính)?\s/u;

/** A bulleted item: '-', '–', '•' or '+' (documents use any of them for the same level). */
const isBullet = (l: Line): boolean => l.kind === 'dash' || l.kind === 'plus';

function isAgencyItem(l: Line, lines?: readonly Line[], i?: number): boolean {
  const lead = leadingAgency(l.body);
  if (!lead || !allOrganisations(lead.names)) return false;
  // "a) Đối với các doanh nghiệp: …" lists what applies to a body (criteria, rules) unless it sits where
  // duties are assigned ("Tổ chức thực hiện", "Trách nhiệm …").
  if (
    /^Đối với\s/u.test(l.body) &&
    !(lines && i !== undefined && ancestors(lines, i).some((a) => ASSIGNING.test(a.body)))
  )
    return false;
  if (l.kind === 'arabic' || l.kind === 'decimal' || l.kind === 'letter' || l.kind === 'paren') return true;
  // "Điều 2. Giao Bộ trưởng Bộ Tài chính: (i) …" — or the same with the items on lines of their own
  if (l.kind === 'article')
    return (
      (ARTICLE_LEAD_IN.test(l.body) && (lead.rest !== '' || /:$/u.test(l.body))) ||
      articleDuty(l.body, lead.rest)
    );
  if (lead.rest === '') return false;
  // An explicit assignment is a duty under any heading: "Giao Sở X …", "- Sở X chủ trì, phối hợp với …".
  if (EXPLICIT.test(lead.rest) || ARTICLE_LEAD_IN.test(l.body)) return l.kind !== 'roman';
  if (l.kind === null) return unmarkedAssignment(lead.rest, lines, i);
  if (!isBullet(l) || !lines || i === undefined) return false;
  return (
    ancestors(lines, i).some((a) => ASSIGNING.test(a.body)) ||
    (underTopic(lines, i) && DIRECTS.test(lead.rest))
  );
}

/**
 * "2. Về quản lý đất rừng trên địa bàn tỉnh:" over "- Ủy ban nhân dân tỉnh tập trung chỉ đạo …": a council's
 * resolution gives its duties under the topics it rules on, not under "Tổ chức thực hiện".
 */
function underTopic(lines: readonly Line[], i: number): boolean {
  return ancestors(lines, i).some((a) => a.kind !== null && /^Về\s/u.test(a.body));
}

/** Predicates that direct a body to act ("tập trung chỉ đạo", "khẩn trương rà soát", "chỉ đạo …"). */
const DIRECTS =
  /^(?:(?:tập trung|khẩn trương|tiếp tục|chủ động|tăng cường|quyết liệt)\s+)?(?:chỉ đạo|chủ trì|rà soát|xây dựng|triển khai|tổ chức|kiểm tra|thực hiện|hướng dẫn|tham mưu|đẩy mạnh|bố trí|nghiên cứu|xử lý|giải quyết)(?=[\s,]|$)/u;

/**
 * A paragraph without a marker that assigns a duty to the body it opens with, under an item that lists
 * what is to be done ("1. Khi dự báo ở Cấp I …:" over "Chủ tịch Ủy ban nhân dân các xã … chỉ đạo …"): its
 * list marker was lost, or the document wrote none.
 */
function unmarkedAssignment(rest: string, lines?: readonly Line[], i?: number): boolean {
  if (!lines || i === undefined || !ASSIGNS.test(rest)) return false;
  const above = ancestors(lines, i);
  return above.length > 0 && above.some((a) => ASSIGNING.test(a.body) || /:$/u.test(a.body));
}

/**
 * "Trách nhiệm của Sở Y tế", "Nhiệm vụ và quyền hạn của Giám đốc Quỹ:", "Trách nhiệm củaTrung tâm …" (words
 * run together in the source): the agencies named after "của", or null.
 */
const DUTY_TITLE =
  /^(?:Trách nhiệm|Nhiệm vụ)(?:(?:,|\s+và)\s+(?:quyền hạn|nhiệm vụ|trách nhiệm|quyền))*(?:\s+thực hiện)?\s+của\s*(?=\p{Lu}|(?:các|cơ quan|bộ|sở|ủy ban|ban|đơn vị)(?:[\s,]|$))(.+?)[.:]?$/u;

/** "… của Bộ về quản lý ngành": the field of the duties, not part of the body's name. */
const FIELD_TAIL =
  /\s+(?:về|trong|đối với)\s+(?!(?:tỉnh|thành phố|huyện|xã|phường|nước|khu|cụm)(?:\s|$))\p{Ll}.*$/u;
/** Bodies named for their purpose keep it: "Ban Chỉ đạo … về phát triển khoa học …". */
const PURPOSE_NAMED = /^(?:Ban Chỉ đạo|Ủy ban|Hội đồng|Tổ công tác|Ban Điều phối|Tổ giúp việc)(?:\s|$)/u;

function dutyTitleNames(body: string): string[] | null {
  const m = DUTY_TITLE.exec(body);
  const named = m ? m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1) : '';
  const who = PURPOSE_NAMED.test(named) ? named : named.replace(FIELD_TAIL, '');
  if (!m || /\b(?:cá nhân|người)\b/u.test(who)) return null;
  const names = splitAgencies(who);
  if (names.every((n) => BARE_KIND.test(n))) return null;
  return startsWithAgencyHead(who) || allOrganisations(names) ? names : null;
}

/** A kind of body with no name ("của sở về …"): no agency to lead (a charter's short name is resolved later). */
const BARE_KIND = /^(?:Sở|Bộ|Ban|Ủy ban|Cục|Chi cục|Phòng|Cơ quan|Đơn vị|Bộ phận|Thường trực)$/iu;

/** Outline levels whose items head a part of the document; other items head a block when they end in ':'. */
const HEADING_KINDS = new Set(['article', 'arabic', 'roman']);

/**
 * "Điều 14. Trách nhiệm của Sở Khoa học và Công nghệ": the agencies whose duties the items below list; also a
 * paragraph without a marker over marked items ("Trách nhiệm của Sở Y tế trong giám sát bệnh như sau:").
 */
function dutyHeading(l: Line, next: Line | undefined): string[] | null {
  if (l.kind === null) return /:$/u.test(l.body) && next?.kind != null ? dutyTitleNames(l.body) : null;
  if (!HEADING_KINDS.has(l.kind) && !/:$/u.test(l.body)) return null;
  const names = dutyTitleNames(l.body);
  if (names) return names;
  return l.kind === 'article' && !DUTY_TITLE.test(l.body) ? articleOfAgency(l.body) : null;
}

/**
 * "Điều 15. Công an thành phố có trách nhiệm": an article whose title assigns its items to a body. A title
 * that only names a body ("Điều 3. Ban Chỉ đạo") may define it (members, powers) rather than give it duties.
 */
function articleOfAgency(title: string): string[] | null {
  if (!/\s(?:có|chịu) trách nhiệm\s*:?$/u.test(title)) return null;
  const found = leadingAgency(title.replace(/[.:]$/u, ''));
  return found && allOrganisations(found.names) ? found.names : null;
}

/** The chapter (or appendix) line the line at `i` stands in, or null. */
function chapterOf(lines: readonly Line[], i: number): Line | null {
  for (let j = i - 1; j >= 0; j--)
    if (lines[j]!.kind === 'chapter' || lines[j]!.kind === 'appendix') return lines[j]!;
  return null;
}

/**
 * "Chương IV. TRÁCH NHIỆM CỦA CÁC BỘ, NGÀNH — Điều 20. Bộ Tài chính — 1. … 2. …": under a chapter that assigns
 * duties, an article titled only with a body's name lists that body's duties. Elsewhere such a title may
 * define the body (members, powers), see `articleOfAgency`.
 */
function bodyArticle(lines: readonly Line[], i: number): string[] | null {
  const l = lines[i]!;
  if (l.kind !== 'article' || !lines[i + 1] || lines[i + 1]!.kind === null) return null;
  const chapter = chapterOf(lines, i);
  if (!chapter || !ASSIGNING.test(chapter.body)) return null;
  const found = leadingAgency(l.body.replace(/[.:]$/u, ''));
  if (found && found.rest === '' && allOrganisations(found.names)) return found.names;
  // "Chương II. NHIỆM VỤ, QUYỀN HẠN CỦA BỘ X — Điều 8. Về pháp luật — 1. …": the chapter names whose duties
  // its articles list by field
  return /^Về\s/u.test(l.body) ? dutyTitleNames(sentenceCase(chapter.body)) : null;
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

/**
 * A task of an item in a responsibility block: the block's agency leads unless the item opens with an
 * organisation of its own ("1. Văn phòng UBND tỉnh phối hợp với …" under "Trách nhiệm của các sở, ngành").
 */
function makeTask(lead: string[], title: Line, extra: readonly Line[], coord: string[] = []): ProseTask {
  const found = leadingAgency(title.body.replace(DUTY_OF, ''));
  const own = found && found.rest !== '' && allOrganisations(found.names) ? found : null;
  const text = [title.body, ...extra.map((e) => e.body)].join(' ');
  return {
    title: own && !own.opening ? own.rest.replace(/^(?:thực hiện|có trách nhiệm)\s*:\s*/u, '') : title.body,
    lead: own ? own.names : lead,
    coordinating: [...coord, ...coordinatingPhrase(text)],
    deadline: deadlineInText(text),
    product: null,
    start: title.start,
  };
}

/** "Trách nhiệm của Sở Tư pháp hướng dẫn …" (a heading run into its only duty): the agency is the subject. */
const DUTY_OF = /^(?:Trách nhiệm|Nhiệm vụ)(?:\s+và\s+quyền hạn)?\s+của\s*(?=\p{Lu}|cơ quan\s)/u;

/**
 * "1. Sở Nội vụ:", "2. Công an tỉnh có trách nhiệm:" over marked items (under "Điều 7. Trách nhiệm của các
 * sở, ngành"): the body whose duties the items below list, or null.
 */
function agencyHeadNames(body: string): string[] | null {
  const found = leadingAgency(body.replace(/\s*:$/u, ''));
  if (!found || !allOrganisations(found.names)) return null;
  return found.rest === '' || /^(?:có|chịu) trách nhiệm$/u.test(found.rest) ? found.names : null;
}

const FIELD_HEAD = /^(?:Về|Trong lĩnh vực|Lĩnh vực)\s[^.;:]{1,120}:?$/u;

/** A sub-heading that only groups items: "2.1. Trách nhiệm chung", "b) Phối hợp với Sở X" over '-' items. */
function isGroupingHead(item: Item): boolean {
  if (/^(?:Trách nhiệm|Nhiệm vụ)(?:\s+\p{Ll}+)?\.?$/u.test(item.head.body)) return true;
  // its sub-items are marked, or are whole sentences whose markers were lost
  const marked =
    item.extra.length > 0 &&
    ((item.extra[0]!.kind !== null && item.extra[0]!.kind !== 'plus') || unmarkedItems(item.extra));
  if (marked && (LISTS_DUTIES.test(item.head.body) || DUTY_TITLE.test(item.head.body))) return true;
  if (marked && agencyHeadNames(item.head.body) !== null) return true;
  // "3. Về tổ chức bộ máy: a) … b) …", "Trong lĩnh vực y tế:": a field over the duties it groups
  if (marked && FIELD_HEAD.test(item.head.body)) return true;
  // "1. Chỉ đạo viên chức … thực hiện" over "a) Kiểm tra … b) …": an intro whose colon was left out.
  if (marked && /\s(?:thực hiện|như sau|sau|gồm|bao gồm)$/u.test(item.head.body)) return true;
  return marked && !/[.;:]$/u.test(item.head.body) && item.head.body.length <= 80;
}

/**
 * Splits children into items at the first marker kind they use; other lines join the current item. An item
 * that only heads sub-items gives way to them (its "phối hợp với …" still applies).
 */
function childItems(children: readonly Line[], parent: LineKind = null): Item[] {
  const named = namedAt(children);
  if (named.length > 0) return namedBlocks(children, named, childItems);
  const first = children.find((c) => c.kind !== null);
  if (!first && !LOWEST.has(parent ?? '') && unmarkedItems(children)) return unmarkedSplit(children);
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
    // "1. Trách nhiệm của Ủy ban nhân dân cấp xã: a) … b) …" inside "Điều 6. Trách nhiệm của …": the
    // nearest responsibility heading leads its items.
    const lead = dutyTitleNames(it.head.body) ?? agencyHeadNames(it.head.body) ?? it.lead;
    return childItems(it.extra).map((sub) => ({
      head: sub.head,
      extra: [...sub.extra, { ...it.head, kind: null }],
      ...((sub.lead ?? lead) ? { lead: sub.lead ?? lead } : {}),
    }));
  });
}

/** "chỉ đạo Chi cục … thực hiện các nội dung sau:", "chủ trì, phối hợp với …:": the items below are the tasks. */
const INTRODUCES =
  /(?:sau|sau đây|như sau|nội dung|nhiệm vụ|cụ thể|liên quan)\s*:$|^(?:chủ trì|phối hợp|chỉ đạo)[^.;]*:$/iu;

/**
 * A paragraph without a marker that opens a responsibility block: "Trung tâm … thực hiện nhiệm vụ,
 * quyền hạn …, cụ thể như sau:", "Sở Y tế có trách nhiệm:" followed by marked items.
 */
function isIntro(lines: readonly Line[], i: number): boolean {
  const l = lines[i]!;
  const next = lines[i + 1];
  // over marked items, or — its colon says a list follows — over bare paragraphs whose markers were lost
  const over =
    next !== undefined && (next.kind !== null || (/:$/u.test(l.body) && /^\p{Lu}/u.test(next.body)));
  if (l.kind !== null || !over) return false;
  const lead = leadingAgency(l.body);
  if (!lead || !allOrganisations(lead.names) || underPowers(lines, i)) return false;
  // "Sở Xây dựng" on a line of its own over '-' items (its "a)" lost, or never written)
  if (!/:$/u.test(l.body))
    return (
      lead.rest === '' &&
      !/[.;,)]$/u.test(l.body) &&
      !/^Đối với\s/u.test(l.body) &&
      // only where duties are assigned: a body named over the steps of a procedure assigns nothing
      ancestors(lines, i).some((a) => ASSIGNING.test(a.body))
    );
  // The document's own enactment ("UBND tỉnh … ban hành Kế hoạch … như sau:") introduces no duties; a
  // request opening a dispatch ("…, Thủ tướng Chính phủ yêu cầu Bộ trưởng … thực hiện … sau:") does.
  if (
    (ancestors(lines, i).length === 0 && !lead.opening) ||
    /ban hành (?:Kế hoạch|Quyết định|Chương trình)/u.test(lead.rest)
  )
    return false;
  return lead.rest === '' || INTRODUCES.test(lead.rest) || /trách nhiệm\s*:$/u.test(lead.rest);
}

/** End (exclusive) of an intro's block: the next line as high in the outline as the intro's heading. */
function introEnd(lines: readonly Line[], i: number): number {
  // the nearest heading above the intro's items (not a sibling item above a bare intro line)
  const child = rank(lines[i + 1]?.kind ?? null);
  const top = rank(ancestors(lines, i).find((a) => rank(a.kind) < child)?.kind ?? 'article');
  let j = i + 1;
  // a sibling intro ("Sở Xây dựng" after the items of "Sở Nông nghiệp và Môi trường") ends the block
  while (
    j < lines.length &&
    rank(lines[j]!.kind) > top &&
    !STOP_LINE.test(lines[j]!.text) &&
    !(lines[j]!.kind === null && isIntro(lines, j))
  )
    j++;
  return j;
}

/** "…, gồm các nhiệm vụ sau:": the sub-items are the duties (not details of one duty, as after "cụ thể:"). */
const LISTS_DUTIES =
  /(?:các|những)\s+(?:nhiệm vụ|công việc)(?:(?:,|\s+và)\s*quyền hạn)?(?:\s+cụ thể)?\s+(?:sau|sau đây|như sau)\s*:$/iu;

/**
 * The recipients block ("Nơi nhận: - Bộ trưởng …; - …") and the signature run to the next appendix, chapter
 * or article, or to the document the decision issues: its title ("KẾ HOẠCH", "QUY CHẾ"), its "(Ban hành kèm
 * theo Quyết định …)" or its first part ("I. MỤC ĐÍCH, YÊU CẦU").
 */
function recipientsEnd(lines: readonly Line[], i: number): number {
  let j = i + 1;
  while (j < lines.length && rank(lines[j]!.kind) > 1 && !ATTACHED_START.test(lines[j]!.text)) j++;
  return j;
}

const ATTACHED_START =
  /^(?:\(?\s*(?:Ban hành )?kèm theo\s|(?:KẾ HOẠCH|QUY CHẾ|QUY ĐỊNH|CHƯƠNG TRÌNH|ĐỀ ÁN|PHƯƠNG ÁN|ĐIỀU LỆ|HƯỚNG DẪN)(?:\s+[\p{Lu}\d]|$))/iu;

/** Items that only exempt the agency ("… không chịu trách nhiệm …") assign nothing. */
const NOT_A_TASK = /^(?:[^,.;]{0,80}\s)?không chịu trách nhiệm\b/u;

/** "5. Các chủ đầu tư xây dựng và kinh doanh hạ tầng KCN" over '-' items: the whole heading names the agency. */
function headingLead(l: Line, children: readonly Line[], rest: string): string[] | null {
  if (rest === '' || !children[0] || !isBullet(children[0]) || /[.;:]$/u.test(l.body) || l.body.length > 120)
    return null;
  return rest.split(' ').length <= 10 ? splitAgencies(l.body) : null;
}

function itemTasks(leadNames: string[], l: Line, children: readonly Line[]): ProseTask[] {
  const found = leadingAgency(l.body)!;
  const whole = headingLead(l, children, found.rest);
  const agency = whole ? { names: whole, rest: '' } : found;
  const lead = whole ?? leadNames;
  const items = childItems(children, l.kind);
  if (agency.rest !== '' && !(INTRODUCES.test(agency.rest) && items.length > 0)) {
    const t = makeTask(lead, { ...l, body: found.opening ? l.body : agency.rest }, children);
    return [{ ...t, lead }];
  }
  const coord = agency.rest === '' ? [] : coordinatingPhrase(agency.rest);
  // "Hằng năm, Quỹ … có trách nhiệm: 1. … 2. …": how often the intro says holds for its items
  const often = periodicOpening(l.body);
  return items.map((item) => {
    const t = makeTask(item.lead ?? lead, item.head, item.extra, coord);
    return t.deadline === null && often !== null ? { ...t, deadline: often } : t;
  });
}

/**
 * "… ngày 05 tháng 11 năm 2025. Giao Bộ Công an chủ trì, phối hợp …", "Đồng ý về nguyên tắc …; giao Bộ X chủ
 * trì …": an assignment opening a later sentence or clause.
 */
const INLINE_ASSIGNMENT =
  /(?<=[.]\s)(?:Giao|Phân công)\s+(?=\p{Lu})|(?<=;\s)(?:[Gg]iao|[Pp]hân công)\s+(?=\p{Lu})/gu;

function inlineAssignments(l: Line): ProseTask[] {
  const out: ProseTask[] = [];
  for (const m of l.body.matchAll(INLINE_ASSIGNMENT)) {
    const sentence = l.body.slice(m.index).split(/\.\s+(?=\p{Lu})/u)[0]!;
    const found = leadingAgency(sentence.charAt(0).toUpperCase() + sentence.slice(1));
    if (!found || found.rest === '' || !allOrganisations(found.names)) continue;
    out.push({
      title: found.rest,
      lead: found.names,
      coordinating: coordinatingPhrase(sentence),
      deadline: deadlineInText(sentence),
      product: null,
      start: l.start + (l.text.length - l.body.length) + m.index,
    });
  }
  return out;
}

/** Tasks of items that open with an agency or of "Trách nhiệm của X" articles: the item's text or its sub-items. */
export function agencyItemTasks(lines: readonly Line[]): ProseTask[] {
  const subject = charterSubject(lines);
  return agencyItemTasksOf(lines, subject).map((t) => ({ ...t, lead: withSubject(t.lead, subject, lines) }));
}

function agencyItemTasksOf(lines: readonly Line[], subject: string | null): ProseTask[] {
  const out: ProseTask[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^Nơi nhận\b/u.test(l.text)) {
      i = recipientsEnd(lines, i) - 1;
      continue;
    }
    const duty = dutyHeading(l, lines[i + 1]) ?? ownDuties(lines, i, subject) ?? bodyArticle(lines, i);
    if (duty) {
      const end = l.kind === null ? introEnd(lines, i) : childrenEnd(lines, i, true);
      for (const item of childItems(lines.slice(i + 1, end), l.kind))
        out.push(makeTask(item.lead ?? duty, item.head, item.extra));
      i = end - 1;
      continue;
    }
    if (isIntro(lines, i)) {
      const end = introEnd(lines, i);
      out.push(...itemTasks(leadingAgency(l.body)!.names, l, lines.slice(i + 1, end)));
      i = end - 1;
      continue;
    }
    if (!isAgencyItem(l, lines, i)) {
      out.push(...inlineAssignments(l));
      continue;
    }
    if (underPowers(lines, i)) continue;
    const lead = leadingAgency(l.body)!;
    out.push(...itemTasks(lead.names, l, lines.slice(i + 1, childrenEnd(lines, i))));
  }
  // an item read within its parent's block is not read again when the loop reaches its own line
  const seen = new Set<number>();
  return out.filter((t) => {
    if (seen.has(t.start) || t.title.length === 0 || t.lead.length === 0 || NOT_A_TASK.test(t.title))
      return false;
    seen.add(t.start);
    return true;
  });
}
