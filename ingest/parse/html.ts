/**
 * HTML pages saved from legal portals: decode (meta charset or sniffed), drop chrome (scripts, navigation,
 * header/footer, sidebars, menus, login boxes, "Tải về" links), take the main content (known content
 * selectors first, else the deepest container holding most of the page's non-link text), walk it.
 */
import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import iconv from 'iconv-lite';
import type { ParsedDocument, SourceFile } from '../../core/types.ts';
import { FileError } from '../../core/errors.ts';
import { assemble } from './blocks.ts';
import { fixLegacyFonts } from './encoding.ts';
import { htmlToBlocks } from './html-walk.ts';
import { decodeDocumentText } from './text.ts';

const CONTENT_SELECTORS = [
  '.content1',
  '#divContentDoc',
  '.toanvancontent',
  '#toanvancontent',
  '.fulltext',
  '.detail-content',
  'article',
  'main',
];
const CHROME =
  'script,style,noscript,nav,header,footer,aside,form,iframe,menu,[role=navigation],[role=banner],[role=contentinfo]';
const CHROME_NAME =
  /(^|[-_\s])(menu|nav|navbar|breadcrumbs?|login|signin|dang-?nhap|sidebar|footer|header|social|share|banner|ads?|quang-?cao|download|tai-?ve|toolbar|related|lien-?quan)([-_\s]|$)/iu;

function decodeHtml(file: SourceFile): { html: string; warnings: string[] } {
  const head = file.bytes.subarray(0, 4096).toString('latin1');
  const charset = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/iu.exec(head)?.[1]?.toLowerCase();
  if (charset && !/^utf-?8$/u.test(charset) && iconv.encodingExists(charset)) {
    const fixed = fixLegacyFonts(iconv.decode(file.bytes, charset).replace(/\r\n?/gu, '\n'));
    return {
      html: fixed.text.normalize('NFC'),
      warnings: [`decoded from ${charset}`, ...(fixed.warning ? [fixed.warning] : [])],
    };
  }
  const { text, warnings } = decodeDocumentText(file);
  return { html: text, warnings };
}

function removeChrome($: CheerioAPI): void {
  $(CHROME).remove();
  $('[class],[id]').each((_, el) => {
    const name = `${$(el).attr('class') ?? ''} ${$(el).attr('id') ?? ''}`;
    if (CHROME_NAME.test(name) && $(el).find('p').length < 3) $(el).remove();
  });
  $('a').each((_, el) => {
    if (/^\s*(tải về|tải xuống|download|in văn bản|đăng nhập|đăng ký)\s*$/iu.test($(el).text()))
      $(el).remove();
  });
}

/** Visible text length not inside links. */
function ownText($: CheerioAPI, el: AnyNode): number {
  const all = $(el).text().replace(/\s+/gu, ' ').length;
  const links = $(el)
    .find('a')
    .toArray()
    .reduce((n, a) => n + $(a).text().replace(/\s+/gu, ' ').length, 0);
  return all - links;
}

function mainContent($: CheerioAPI): AnyNode | undefined {
  for (const sel of CONTENT_SELECTORS) {
    const el = $(sel).first();
    if (el.length > 0 && ownText($, el.get(0) as Element) > 200) return el.get(0);
  }
  let current: AnyNode | undefined = $('body').get(0) ?? $.root().get(0);
  while (current) {
    const total = ownText($, current);
    const next: AnyNode | undefined = $(current)
      .children('div,section,article,main,td,tbody,table,tr,center,font,span')
      .toArray()
      .find((child) => ownText($, child) >= total * 0.7);
    if (!next) break;
    current = next;
  }
  return current;
}

export function parseHtml(file: SourceFile): ParsedDocument {
  const { html, warnings } = decodeHtml(file);
  const $ = cheerio.load(html);
  removeChrome($);
  const root = mainContent($);
  const { text, tables } = assemble(root ? htmlToBlocks($, root) : []);
  if (text.trim() === '')
    throw new FileError('EMPTY_FILE', 'The HTML page contains no document text', file.name);
  return { file: file.name, format: 'html', text, warnings, ...(tables.length > 0 ? { tables } : {}) };
}
