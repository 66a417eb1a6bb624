/**
 * Shared HTML → blocks walker (DOCX via mammoth HTML, saved web pages): block elements become lines, list
 * items stay separate lines ("- " for bullets, "n. " for ordered lists), data tables become pipe rows (one
 * row per line, inner newlines joined by spaces); layout tables (one column, or wrapping other tables)
 * are walked as ordinary content. With `lineParagraphs` (DOCX), tabs stay in the text (tab-separated
 * rows are table rows, as in plain text) and, in a document that spaces its paragraphs with empty ones
 * (typed or converted line by line from text), empty paragraphs are the paragraph breaks and the other
 * paragraphs are lines joined by a single newline — the text the author typed (`lineByLine`).
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Document, Element, Text } from 'domhandler';
import type { Block } from './blocks.ts';
import { pipeRow } from './blocks.ts';

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'iframe',
  'object',
  'svg',
  'button',
  'input',
  'select',
  'textarea',
]);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'aside',
  'header',
  'footer',
  'nav',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'center',
  'form',
  'fieldset',
  'address',
  'figure',
  'figcaption',
  'hr',
  'body',
  'html',
  'caption',
]);

// DOM node kinds by nodeType (text 3, element 1 incl. script/style, document 9).
const isText = (n: AnyNode | null): n is Text => n?.nodeType === 3;
const isElement = (n: AnyNode | null): n is Element => n?.nodeType === 1;
const isDocument = (n: AnyNode): n is Document => n.nodeType === 9;

export interface WalkOptions {
  /** Keep tabs and treat empty paragraphs as the paragraph breaks (see the module comment). */
  lineParagraphs?: boolean;
}

const BARE_LIST_MARKER = /^[-–+•·*]$/u;

class Walker {
  readonly blocks: Block[] = [];
  /** Empty paragraphs seen, and whether one came since the last block. */
  emptyParagraphs = 0;
  private breakBefore = true;
  private buffer = '';
  private tables = 0;

  constructor(
    private readonly $: CheerioAPI,
    private readonly opts: WalkOptions = {},
  ) {}

  flush(): void {
    const text = this.opts.lineParagraphs
      ? this.buffer
          .replace(/[^\S\t]+/gu, ' ')
          .replace(/^ +| +$/gu, '')
          .normalize('NFC')
      : this.buffer.replace(/\s+/gu, ' ').trim().normalize('NFC');
    // a paragraph with no letter or digit is decoration, except a list marker on its own line ("-", "+"),
    // which a document typed line by line puts before its item's text
    if (text !== '' && (/[\p{L}\p{N}]/u.test(text) || BARE_LIST_MARKER.test(text))) {
      this.blocks.push({ text, ...(this.breakBefore ? {} : { tight: true }) });
      this.breakBefore = false;
    }
    this.buffer = '';
  }

  /** An empty paragraph: a paragraph break in documents spaced that way. */
  private emptyParagraph(el: Element): boolean {
    if (!this.opts.lineParagraphs || el.tagName.toLowerCase() !== 'p') return false;
    if (this.$(el).text().trim() !== '' || this.buffer.trim() !== '') return false;
    this.emptyParagraphs++;
    this.breakBefore = true;
    return true;
  }

  walk(node: AnyNode): void {
    if (isText(node)) this.buffer += node.data;
    else if (isDocument(node)) for (const child of node.children) this.walk(child);
    else if (isElement(node)) this.element(node);
  }

  private element(el: Element): void {
    const tag = el.tagName.toLowerCase();
    if (SKIP.has(tag)) return;
    if (tag === 'br') return this.flush();
    if (tag === 'table') return this.table(el);
    if (tag === 'li') return this.listItem(el);
    if (this.emptyParagraph(el)) return;
    const block = BLOCK.has(tag);
    if (block) this.flush();
    for (const child of el.children) this.walk(child);
    if (block) this.flush();
  }

  private listItem(el: Element): void {
    this.flush();
    const parent = el.parent;
    const ordered = isElement(parent) && parent.tagName.toLowerCase() === 'ol';
    const index = ordered
      ? this.$(parent).children('li').index(el) + Number(this.$(parent).attr('start') ?? 1)
      : 0;
    this.buffer = ordered ? `${index}. ` : '- ';
    for (const child of el.children) this.walk(child);
    this.flush();
  }

  private rows(el: Element): Element[] {
    const $ = this.$;
    return $(el)
      .find('tr')
      .toArray()
      .filter((tr) => $(tr).closest('table').get(0) === el);
  }

  private table(el: Element): void {
    const $ = this.$;
    this.flush();
    const rows = this.rows(el);
    const width = Math.max(0, ...rows.map((tr) => $(tr).children('td,th').length));
    if (width <= 1 || $(el).find('table').length > 0) {
      for (const child of el.children) this.walk(child);
      this.flush();
      return;
    }
    const id = this.tables++;
    this.breakBefore = true;
    for (const tr of rows) {
      const cells = $(tr)
        .children('td,th')
        .toArray()
        .map((td) => cellText($, td));
      if (cells.every((c) => c === '')) continue;
      this.blocks.push({ text: pipeRow(cells), table: id, cells });
    }
  }
}

/** Text of a table cell, block boundaries (p, br, li) joined by a space. */
function cellText($: CheerioAPI, td: Element): string {
  const parts: string[] = [];
  const visit = (node: AnyNode): void => {
    if (isText(node)) parts.push(node.data);
    else if (isElement(node)) {
      const tag = node.tagName.toLowerCase();
      if (SKIP.has(tag)) return;
      if (tag === 'br' || BLOCK.has(tag) || tag === 'li') parts.push(' ');
      for (const child of node.children) visit(child);
      if (BLOCK.has(tag) || tag === 'li') parts.push(' ');
    }
  };
  for (const child of $(td).contents().toArray()) visit(child);
  return parts.join('').replace(/\s+/gu, ' ').trim().normalize('NFC');
}

/**
 * Share of text paragraphs from which a document with empty paragraphs counts as written line by line:
 * that many empty paragraphs, or that many paragraphs starting in lower case (a line wrapped by hand).
 */
const LINE_BY_LINE = 0.1;

function lineByLine(blocks: Block[], emptyParagraphs: number): boolean {
  const text = blocks.filter((b) => b.table === undefined);
  // A lower-case start that is no item marker ("a) …", "đ. …"): a line wrapped by hand.
  const wrapped = text.filter((b) => /^\p{Ll}/u.test(b.text) && !/^\p{Ll}[).]\s/u.test(b.text)).length;
  const least = Math.max(1, text.length * LINE_BY_LINE);
  return emptyParagraphs > 0 && (emptyParagraphs >= least || wrapped >= least);
}

/** Walk `root` (an element or the document root) into blocks. */
export function htmlToBlocks($: CheerioAPI, root: AnyNode, opts: WalkOptions = {}): Block[] {
  const walker = new Walker($, opts);
  walker.walk(root);
  walker.flush();
  if (lineByLine(walker.blocks, walker.emptyParagraphs)) return walker.blocks;
  return walker.blocks.map(({ tight: _tight, ...b }) => b);
}
