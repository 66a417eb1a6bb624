/**
 * One assignment, written in the forms Vietnamese plans use for it. A dev document's responsibility
 * blocks ("1. Sở X" over "- duty" items) are rewritten as items that carry their agency: "- Sở X: duty",
 * "- Duty (Sở X chủ trì).", "- Giao Sở X duty". Each form must give the same duties with the same lead
 * agencies as the block. The parenthesised assignment (no labels) was not read before these variants;
 * "Giao Ban Quản lý … tích cực hướng dẫn …" swallowed "tích cực" into the agency's name.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDoc } from '../../scripts/eval-extraction/ref-eval.ts';
import { CORPUS_DEV, runGolden, titleKey } from '../../scripts/eval-extraction/task-eval.ts';
import { copyWriter } from '../helpers/facts.ts';

const written = copyWriter('assignment');

/** A block heading that names one agency: "3. Sở Tài chính", "4. Ban Quản lý … có trách nhiệm:". */
const HEADING =
  /^\d{1,2}\.\s+((?:Sở|UBND|Ủy ban nhân dân|Công an|Ban|Văn phòng|Đài|Báo|Bộ Chỉ huy|Các sở)\s[^\n:.;]{2,90}?)\s*(?:có trách nhiệm)?\s*:?\s*$/u;
const ITEM = /^(?:[-+•]|[a-zđ]\))\s+/u;

type Form = (agency: string, duty: string) => string;
const FORMS: Record<string, Form> = {
  '"- Sở X: duty"': (agency, duty) => `- ${agency}: ${duty}.`,
  '"- Duty (Sở X chủ trì)."': (agency, duty) => `- ${duty} (${agency} chủ trì).`,
  '"- Giao Sở X duty"': (agency, duty) => `- Giao ${agency} ${duty.charAt(0).toLowerCase()}${duty.slice(1)}.`,
};

/** Paragraphs as lines; a bare marker paragraph ("1.", "a)") joined with the next. */
function paragraphsOf(text: string): string[] {
  const out: string[] = [];
  for (const p of text.split(/\n\s*\n/u).map((x) => x.replace(/\s*\n\s*/gu, ' ').trim())) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /^(?:\d{1,2}\.|[a-zđ]\)|-)$/u.test(prev)) out[out.length - 1] = `${prev} ${p}`;
    else out.push(p);
  }
  return out;
}

/** The document with its responsibility blocks' items carrying their agency in `form`. */
function rewritten(text: string, form: Form): string {
  const out: string[] = [];
  let agency: string | null = null;
  for (const p of paragraphsOf(text)) {
    const heading = HEADING.exec(p);
    if (heading) {
      agency = heading[1]!;
      continue;
    }
    if (agency !== null && ITEM.test(p)) {
      out.push(form(agency, p.replace(ITEM, '').replace(/[.;]$/u, '')));
      continue;
    }
    agency = null;
    out.push(p);
  }
  return out.join('\n\n');
}

function duties(file: string): string[] {
  return runGolden(file).tasks.map(
    (t) => `${titleKey(t.title).slice(0, 25)} | ${t.lead.map((a) => a.key).join('+')}`,
  );
}

const DOCUMENTS = ['tvpl-013-310-KH-UBND.txt', 'tvpl-022-987-KH-UBND.txt'];

describe('responsibility blocks written as items that carry their agency', () => {
  it.each(DOCUMENTS.flatMap((f) => Object.keys(FORMS).map((form) => [f, form] as const)))(
    '%s: the same duties and leads with items written %s',
    (file, name) => {
      const source = path.join(CORPUS_DEV, file);
      const text = loadDoc(source).parsed.text;
      const flat = written(file, 'flat', paragraphsOf(text).join('\n\n'));
      const variant = rewritten(text, FORMS[name]!);
      expect(variant).not.toEqual(paragraphsOf(text).join('\n\n'));
      const copy = written(file, name, variant);
      expect(duties(flat).length).toBeGreaterThanOrEqual(15);
      expect(duties(copy)).toEqual(duties(flat));
    },
  );
});

describe('articles that assign duties to a body', () => {
  it.each(['có trách nhiệm', 'chịu trách nhiệm:'])(
    'tvpl-234: "Điều 14. Sở Khoa học và Công nghệ %s" gives the duties "Điều 14. Trách nhiệm của Sở …" gives',
    (words) => {
      const file = 'tvpl-234-2610-QD-UBND.txt';
      const source = path.join(CORPUS_DEV, file);
      const text = loadDoc(source).parsed.text;
      const variant = text.replace(
        /^(\d{1,2})\. Trách nhiệm của ((?:Sở|Công an)[^\n]*)$/gmu,
        (_m, n: string, body: string) => `${n}. ${body} ${words}`,
      );
      expect(variant).toContain(`14. Sở Khoa học và Công nghệ ${words}`);
      const copy = written(file, `article ${words}`, variant);
      expect(duties(source).length).toBeGreaterThanOrEqual(9);
      expect(duties(copy)).toEqual(duties(source));
    },
  );
});
