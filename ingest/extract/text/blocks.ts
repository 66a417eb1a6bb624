import { isTableLine, matchMarker, splitLines } from '../../structure/index.ts';
import type { MarkerKind } from '../../structure/markers.ts';

/**
 * The one block splitter of the extractors: paragraphs, logical lines (a list item or heading with its
 * wrapped continuation lines) and typed lines (the marker kind and the text after it). Every extractor
 * reads the document through these, so "what is an item" is decided once.
 */

/** A span of the document text with its (whitespace-joined) content. */
export interface TextBlock {
  text: string;
  start: number;
  end: number;
}

/**
 * "**1. Sở Y tế:**", "**Cơ quan chủ trì:** …": Markdown bold of a converted document, dropped from block text
 * (also the halves of a bold run that a hard line break split: "**1." + "Khi dự báo …**").
 */
export function withoutBold(t: string): string {
  if (!t.includes('**')) return t;
  return t
    .replace(/\*\*(?=\S)([^*]*?\S)\*\*/gu, '$1')
    .replace(/^\*\*(?=\S)/u, '')
    .replace(/(?<=\S)\*\*$/u, '');
}

/** Paragraphs: runs of non-blank lines separated by blank lines, lines joined by spaces (Markdown bold dropped). */
export function paragraphs(text: string, from = 0, to = text.length): TextBlock[] {
  const out: TextBlock[] = [];
  let cur: TextBlock | null = null;
  for (const line of splitLines(text.slice(from, to))) {
    const raw = line.text.trim();
    if (raw === '') {
      if (cur) out.push(cur);
      cur = null;
      continue;
    }
    const t = withoutBold(raw);
    const start = from + line.start + line.text.indexOf(raw);
    if (cur) {
      cur.text = `${cur.text} ${t}`;
      cur.end = from + line.end;
    } else cur = { text: t, start, end: from + line.end };
  }
  if (cur) out.push(cur);
  return out;
}

/** A line holding only a marker ("1.", "a)", "-", "Điều", "Chương II"): its text is on the next line. */
const BARE_MARKER =
  /^(?:Điều(?:\s+\d+\.?)?|Chương(?:\s+[IVXLC\d]+)?|[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\)|[-–+])$/u;

const HEADING_WORD = /^(?:Điều|Chương(?:\s+[IVXLC\d]+\b|$)|PHỤ LỤC|Phụ lục|Nơi nhận)(?=[\s.:]|$)/u;

/**
 * "… Nghị quyết số 136/2024/QH15 ngày" + "26 tháng 6 năm 2024 …": a hard wrap after a word that takes a
 * number. The number on the next line continues the sentence; it is no item marker.
 */
const NUMBER_AFTER =
  /(?:^|\s)(?:ngày|số|khoản|điều|Điều|năm|tháng|quý|mục|điểm|Phụ lục|phụ lục|lần|kỳ|khóa|khoá)$/u;

/** "Điều 11 Quyết định này": an article named in a sentence, not the heading "Điều 11." of one. */
const ARTICLE_REFERENCE = /^Điều\s+\d+(?![\d.:]|\s*[.:])/u;

/**
 * "a) Chủ tịch …", "- Tổ chức …", "(i) …": an item of a lower rank, which is never the text of a bare marker
 * before it ("IV." ending the previous sentence on a line of its own stays apart from "a) …").
 */
function opensSubItem(t: string): boolean {
  const kind = matchMarker(t)?.kind;
  return kind === 'letter' || kind === 'dash' || kind === 'plus' || PAREN.test(t);
}

function startsItem(t: string): boolean {
  if (BARE_MARKER.test(t)) return true;
  const u = t.replace(/^·\s*/u, '');
  if (ARTICLE_REFERENCE.test(u)) return false; // "… tại\nĐiều 1 Quyết định này": a reference
  return /^·/u.test(t) || matchMarker(u) !== null || PAREN.test(u) || HEADING_WORD.test(u);
}

/** Kinds of heading whose title is a line of its own, never the start of a sentence that runs on. */
const TITLE_KINDS = new Set(['article', 'chapter', 'roman', 'appendix']);
/** A title may still go on after a function word or comma ("Trách nhiệm của Sở Khoa học và" + "Công nghệ"). */
const OPEN_END = /(?:,|\s(?:và|của|về|các|trong|cho|với|tại|đến|từ|theo|số|ngày|năm))$/u;

/**
 * "Điều 2. Nhiệm vụ, quyền hạn" + "Trung tâm … thực hiện …": in a hard-wrapped text a capitalised paragraph
 * after an article's or part's title (short, no colon: "Điều 2. Giao Bộ trưởng …: (i) …" runs on; not ending
 * in a capitalised word, which may be part of a name) starts the body; it does not continue the title.
 */
function headingThenParagraph(prev: string, t: string): boolean {
  const kind = matchMarker(prev)?.kind;
  if (kind === undefined || prev.length > 100 || prev.includes(':')) return false;
  // "4. Sở Y tế" + "Có trách nhiệm bố trí …": a duty verb in capitals starts a sentence, not a wrapped line
  if (DUTY_START.test(t)) return !OPEN_END.test(prev);
  // "2. Kế hoạch phát triển giai đoạn 2026 - 2030" + "Trong giai đoạn …": an item title ending in a year
  const titled =
    TITLE_KINDS.has(kind) || ((kind === 'arabic' || kind === 'decimal') && /\s20\d\d$/u.test(prev));
  if (!titled) return false;
  // "II. MỤC TIÊU" + "CHỦ YẾU": a title in capitals goes on in capitals only
  if (!/\p{Ll}/u.test(prev)) return /\p{Ll}/u.test(t);
  // "Điều 3. Phân công Phó Thủ tướng … Nguyễn Hòa" + "Bình chỉ đạo …": a name may run on
  if (/\s\p{Lu}[\p{Ll}\p{M}]*$/u.test(prev)) return false;
  return /^\p{Lu}/u.test(t) && !OPEN_END.test(prev);
}

/** An article's, chapter's, part's or appendix's title followed by its body's first line (see `headingThenParagraph`). */
function titleThenBody(prev: string, t: string): boolean {
  const kind = matchMarker(prev)?.kind;
  // a marker alone ("Điều 3.") takes the next line as its title
  if (kind === undefined || !TITLE_KINDS.has(kind) || BARE_MARKER.test(prev)) return false;
  return headingThenParagraph(prev, t);
}

/** "Giao …", "Đề nghị …" opening a physical line right after a sentence ends: a new assignment, not a wrap. */
function assignsAfterSentence(before: string, t: string): boolean {
  return /[.;:]["”)]?$/u.test(before) && /^(?:Giao|Đề nghị)\s/u.test(t);
}

/** Duty verbs that open a sentence; written with a capital they never continue a line cut mid-sentence. */
const DUTY_START =
  /^(?:Chủ trì|Phối hợp|Có trách nhiệm|Chịu trách nhiệm|Tham mưu|Chỉ đạo|Hướng dẫn|Triển khai|Tổ chức thực hiện)(?=[\s,]|$)/u;

/** "… 58 trạm (Trong đó: VNPT:" + "25 trạm, …": a parenthesis still open, so the sentence goes on. */
const openParen = (s: string): boolean => (s.match(/\(/gu)?.length ?? 0) > (s.match(/\)/gu)?.length ?? 0);

/**
 * Logical lines of a prose span: a line starts a new logical line when it opens a list item or
 * heading; other lines continue the previous one. Paragraph breaks also start a new logical line unless
 * the document is hard-wrapped (a PDF line per paragraph) and the paragraph starts in lower case or the
 * previous one stops mid-sentence. A line holding only a marker ("1.", "a)", "Điều") takes the next line
 * as its text. Table lines are left out.
 */
export function logicalLines(text: string, from = 0, to = text.length): TextBlock[] {
  const paras = paragraphs(text, from, to);
  const wrapped = isHardWrapped(paras);
  const spaced = singleSpaced(text);
  const out: TextBlock[] = [];
  for (const p of paras) {
    const lines = splitParagraph(text, p);
    const width = Math.max(...lines.map((l) => l.text.length));
    let phys: RawLine | undefined;
    for (const line of lines) {
      const prev = out[out.length - 1];
      const t = line.text;
      const before = phys;
      phys = line;
      if (isTableLine(text.slice(line.start, line.end))) continue;
      // a line inside a paragraph that still starts a logical line of its own
      if (
        prev !== undefined &&
        !line.paraStart &&
        before !== undefined &&
        // a single-spaced text (no blank line between paragraphs): a paragraph ends where its line does
        ((spaced && lines.length >= 3 && endsParagraph(before, t, width, prev)) ||
          // "Điều 3. Mục tiêu" + "Đến năm 2030, …": the body starts after its article's title
          titleThenBody(prev.text, t) ||
          // "… Nghị quyết này." + "Giao Thường trực …": a sentence that assigns opens a line of its own
          assignsAfterSentence(before.text, t))
      ) {
        out.push({ text: t, start: line.start, end: line.end });
        continue;
      }
      const joinWrapped =
        prev !== undefined &&
        line.paraStart &&
        wrapped &&
        !startsItem(t) &&
        (!/[.;:!?]["”)]?$/u.test(prev.text) || openParen(prev.text)) &&
        !headingThenParagraph(prev.text, t);
      const lower = prev !== undefined && line.paraStart && /^[\p{Ll}]/u.test(t) && !startsItem(t);
      // "… theo quy định tại khoản 1" + "Điều 11 Quyết định này: …": a reference carried onto a new paragraph
      const reference =
        prev !== undefined &&
        line.paraStart &&
        ARTICLE_REFERENCE.test(t) &&
        !/[.;:!?]["”)]?$/u.test(prev.text);
      const afterBare =
        prev !== undefined && BARE_MARKER.test(prev.text) && !BARE_MARKER.test(t) && !opensSubItem(t);
      const number = prev !== undefined && NUMBER_AFTER.test(prev.text) && /^\d+(?=\s|$)/u.test(t);
      if (
        prev !== undefined &&
        (afterBare || number || ((!line.paraStart || joinWrapped || lower || reference) && !startsItem(t)))
      ) {
        prev.text = `${prev.text} ${t}`;
        prev.end = line.end;
      } else out.push({ text: t, start: line.start, end: line.end });
    }
  }
  return out.flatMap((b, i) => splitInlineItems(text, b, out[i + 1]));
}

/**
 * List items per blank-line paragraph at or above which a text is single-spaced (its paragraphs printed
 * without blank lines between them): an item ("1.", "a)", "-", "Điều 3.") then opens a line inside a
 * "paragraph". Texts with blank lines between paragraphs have 0–0.5 such lines per paragraph, single-spaced
 * ones 1.4 or more, however wide their lines.
 */
const SINGLE_SPACED = 1;

let lastText: string | null = null;
let lastSpaced = false;

/** Whether `text` prints its paragraphs without blank lines between them (see SINGLE_SPACED). */
function singleSpaced(text: string): boolean {
  if (text === lastText) return lastSpaced;
  const paras = text.split(/\n\s*\n/u);
  let inner = 0;
  for (const p of paras) for (const l of p.split('\n').slice(1)) if (startsItem(l.trim())) inner++;
  lastText = text;
  lastSpaced = inner / paras.length >= SINGLE_SPACED;
  return lastSpaced;
}

/** A line shorter than this share of its paragraph's widest line stops before the wrap width. */
const SHORT_LINE = 0.95;

/**
 * In a single-spaced text, whether the line `t` opens a new paragraph after the physical line `before`
 * (of a paragraph whose widest line is `width`; `prev` is the logical line so far): a capitalised line
 * after a line that ends a sentence short of the wrap width ("… theo quy định." + "Trung tâm …"), after a
 * ";" entry ("Căn cứ …;" + "Căn cứ …"), where a title in capitals meets text in lower case, or after an
 * article's or part's title ("Điều 2. Nhiệm" + "vụ, quyền hạn" + "Trung tâm …").
 */
function endsParagraph(before: TextBlock, t: string, width: number, prev: TextBlock): boolean {
  if (!/^[\p{Lu}\d“"(]/u.test(t) || openParen(prev.text) || BARE_MARKER.test(prev.text)) return false;
  if (headingThenParagraph(prev.text, t)) return true;
  // a title in capitals ("QUYẾT ĐỊNH", "QUY ĐỊNH CHỨC NĂNG …") stands apart from text in lower case
  const caps = (s: string) => /\p{L}{2}/u.test(s) && !/\p{Ll}/u.test(s);
  if (caps(before.text) !== caps(t) && before.text.length < width * SHORT_LINE) return true;
  // "Căn cứ …;" + "Căn cứ …": a semicolon closes a listed entry, and the next opens in capitals
  if (/;$/u.test(before.text)) return true;
  return /[.:!?]["”)]?$/u.test(before.text) && before.text.length < width * SHORT_LINE;
}

const ROMAN_ITEMS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'];
const LETTER_ITEMS = [...'abcdđeghiklmn'];

/**
 * The markers of a list written inside one paragraph ("…, đề nghị: (i) X báo cáo …. (ii) Y phối hợp …"):
 * the first right after a colon, the next ones in sequence right after a sentence end. Null when the
 * block holds no such list of at least two items, unless the next block (`next`) opens the second one.
 */
function inlineMarkers(t: string, next: string): { at: number }[] | null {
  for (const [labels, mark] of [
    [ROMAN_ITEMS, (l: string) => `(${l})`],
    [['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], (l: string) => `(${l})`],
    [LETTER_ITEMS, (l: string) => `${l})`],
  ] as const) {
    const first = t.indexOf(`: ${mark(labels[0])} `);
    if (first < 0) continue;
    const found = [{ at: first + 2 }];
    for (const l of labels.slice(1)) {
      const re = new RegExp(`[.;] ${mark(l).replace(/[()]/g, '\\$&')} `, 'u');
      const m = re.exec(t.slice(found[found.length - 1]!.at));
      if (!m) break;
      found.push({ at: found[found.length - 1]!.at + m.index + 2 });
    }
    // a hard wrap may put the second item at the start of the next line: "(ii) …" then opens it
    const continued = found.length === 1 && next.startsWith(`${mark(labels[1])} `);
    if (found.length >= 2 || continued) return found;
  }
  return null;
}

/**
 * "e) Quyết định cấp kinh phí … đã được phê duyệt. g) Thống kê, định kỳ báo cáo …": an item whose next
 * sibling was run into it after a sentence end (a hard wrap put the marker at a line's end, or a
 * born-digital copy joined the lines). Cut where the next letter of the sequence opens a capitalised
 * sentence.
 */
function siblingRunIn(t: string): { at: number }[] | null {
  const own = /^([a-zđ])\)\s/u.exec(t);
  const k = own ? LETTER_ITEMS.indexOf(own[1]!) : -1;
  const next = k >= 0 ? LETTER_ITEMS[k + 1] : undefined;
  if (next === undefined) return null;
  const m = new RegExp(`[.;] ${next}\\) (?=\\p{Lu})`, 'u').exec(t);
  return m ? [{ at: m.index + 2 }] : null;
}

/**
 * A paragraph holding a whole list — a born-digital document that runs its items on, "đề nghị: (i) …
 * (ii) …" — becomes its intro and one block per item, as the same list with a line per item would.
 * Offsets are found again in the document text (the block's text is whitespace-joined).
 */
function splitInlineItems(text: string, b: TextBlock, next: TextBlock | undefined): TextBlock[] {
  const markers = inlineMarkers(b.text, next?.text ?? '') ?? siblingRunIn(b.text);
  if (!markers) return [b];
  const cuts = [0, ...markers.map((m) => m.at), b.text.length];
  const out: TextBlock[] = [];
  let from = b.start;
  for (let k = 0; k < cuts.length - 1; k++) {
    const piece = b.text.slice(cuts[k], cuts[k + 1]).trim();
    const head = piece.slice(0, Math.min(piece.length, 12));
    const found = text.indexOf(head, from);
    const start = found >= 0 && found < b.end ? found : from;
    out.push({ text: piece, start, end: b.end });
    if (k > 0) out[k - 1]!.end = start;
    from = start + 1;
  }
  return out;
}

interface RawLine extends TextBlock {
  paraStart: boolean;
}

/** "… không để xảy ra tiêu cực.2. Giao Thường trực …": an item marker run into the sentence before it. */
const GLUED_ITEM = /(?<=\p{Ll}[.;])(?=\d{1,2}\.\s+\p{Lu})/u;

/**
 * "… đã được phê duyệt. g)" + "Thống kê, định kỳ báo cáo …": a hard-wrapped line that ends with the marker
 * of the next item after a sentence end. The marker goes on a line of its own and takes the next line.
 */
const TRAILING_MARKER = /(?<=[.;:])\s+(?=(?:[a-zđ]\)|\d{1,2}\.)$)/u;

function splitParagraph(text: string, p: TextBlock): RawLine[] {
  const out: RawLine[] = [];
  for (const l of splitLines(text.slice(p.start, p.end))) {
    const t = l.text.trim();
    if (t === '') continue;
    const lineStart = p.start + l.start + l.text.indexOf(t);
    const cut = GLUED_ITEM.exec(t) ?? TRAILING_MARKER.exec(t);
    // [from, to) of each piece in `t`; the whitespace a cut matched belongs to neither
    const pieces: [number, number][] = cut
      ? [
          [0, cut.index],
          [cut.index + cut[0].length, t.length],
        ]
      : [[0, t.length]];
    for (const [from, to] of pieces) {
      const piece = withoutBold(t.slice(from, to));
      out.push({ text: piece, start: lineStart + from, end: lineStart + to, paraStart: out.length === 0 });
    }
  }
  return out;
}

/** True when most paragraphs are single PDF lines cut mid-sentence (seed 004). */
function isHardWrapped(paras: readonly TextBlock[]): boolean {
  if (paras.length < 20) return false;
  let cut = 0;
  for (let i = 1; i < paras.length; i++) {
    const t = paras[i]!.text;
    // a lone "a" or "b)" is a marker or a table's row number, not a sentence cut by a line break
    if (/^[\p{Ll}]/u.test(t) && !/^[a-zđ][.)]?$/u.test(t) && !/[.;:!?]$/u.test(paras[i - 1]!.text)) cut++;
  }
  return cut / paras.length > 0.12;
}

/** Marker kind of a logical line: the structure stage's kinds, "(i)"/"(1)" items (`paren`), or null. */
export type LineKind = MarkerKind | 'paren' | null;

/** "(i) …", "(ii) …", "(1) …": items of Government resolutions and notices. */
const PAREN = /^\((?:[ivx]{1,4}|\d{1,2})\)\s+(\S.*)$/u;

/** A logical line with the marker it opens with and its text after the marker. */
export interface Line extends TextBlock {
  kind: LineKind;
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
  paren: 6,
  plus: 7,
};

/** Nesting rank of a marker kind (lower = outer); plain text ranks below every marker. */
export function rank(k: LineKind): number {
  return k === null ? 99 : (RANK[k] ?? 99);
}

/** Types logical lines by their marker ("·" bullets of some exports count as "-"). */
export function toLines(blocks: readonly TextBlock[]): Line[] {
  return blocks.map((b) => {
    const t = b.text.replace(/^·\s*(?=\d)/u, '').replace(/^·\s*/u, '- ');
    const p = PAREN.exec(t);
    if (p) return { ...b, text: t, kind: 'paren', body: p[1]! };
    const m = matchMarker(t);
    return { ...b, text: t, kind: m?.kind ?? null, body: m ? m.heading : t };
  });
}

/** Typed logical lines of a document text (see logicalLines). */
export function documentLines(text: string, from = 0, to = text.length): Line[] {
  return toLines(logicalLines(text, from, to));
}

/** Enclosing lines of `lines[i]`, innermost first: each is the nearest earlier line of a lower rank. */
export function ancestors(lines: readonly Line[], i: number): Line[] {
  const out: Line[] = [];
  let r = rank(lines[i]!.kind);
  for (let k = i - 1; k >= 0 && r > 0; k--) {
    const rk = rank(lines[k]!.kind);
    if (rk < r) {
      out.push(lines[k]!);
      r = rk;
    }
  }
  return out;
}
