/**
 * The same document written otherwise, as real copies differ: hard line breaks inside sentences at
 * another width, no-break spaces copied from a web page, Windows line ends. None may change what is
 * extracted. Each dev document with annotated tasks (never a held-out one) is rewritten so and must give
 * the same tasks — title start, lead, coordinating agencies and deadline — and the same targets as the
 * file as published. The cases a variant exposed are tested on their own passages.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOrganisation } from '../../ingest/extract/agencies/index.ts';
import { CORPUS_DEV, runGolden } from '../../scripts/eval-extraction/task-eval.ts';
import { ANNOTATED_DEV, copyWriter, facts } from '../helpers/facts.ts';

const dev = (file: string): string => path.join(CORPUS_DEV, file);
const written = copyWriter('rewrap');

/** Lines longer than `width` broken at the last space before it (tables left as they are). */
function rewrap(text: string, width: number): string {
  const wrapLine = (line: string): string => {
    if (line.includes('\t') || line.trim().startsWith('|') || line.length <= width) return line;
    const out: string[] = [];
    let cur = '';
    for (const w of line.split(' ')) {
      if (cur !== '' && `${cur} ${w}`.length > width) {
        out.push(cur);
        cur = w;
      } else cur = cur === '' ? w : `${cur} ${w}`;
    }
    if (cur !== '') out.push(cur);
    return out.join('\n');
  };
  return text.split('\n').map(wrapLine).join('\n');
}

/** Every seventh space between two letters as a no-break space (U+00A0). */
const noBreakSpaces = (text: string): string => {
  let n = 0;
  return text.replace(/(?<=\p{L}) (?=\p{L})/gu, () => (++n % 7 === 0 ? '\u00a0' : ' '));
};

const VARIANTS: Record<string, (text: string) => string> = {
  'wrapped at 75 columns': (t) => rewrap(t, 75),
  'wrapped at 95 columns': (t) => rewrap(t, 95),
  'with no-break spaces': noBreakSpaces,
  'with CRLF line ends': (t) => t.replace(/\n/gu, '\r\n'),
};

function variant(file: string, name: string): string {
  return written(file, name, VARIANTS[name]!(readFileSync(dev(file), 'utf8')));
}
const rewrapped = (file: string, width: 75 | 95): string => variant(file, `wrapped at ${width} columns`);

describe('the same facts from the same text written otherwise', () => {
  it('there are documents to compare', () => {
    expect(ANNOTATED_DEV.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ANNOTATED_DEV.flatMap((f) => Object.keys(VARIANTS).map((v) => [f, v] as const)))(
    '%s: the same tasks and targets %s',
    (file, name) => {
      expect(facts(variant(file, name))).toEqual(facts(dev(file)));
    },
  );
});

describe('what a wrap exposed', () => {
  it('tvpl-200: "… đã được phê duyệt. g)" + "Thống kê, định kỳ báo cáo …" — the item after the marker is its own task', () => {
    const { tasks } = runGolden(dev('tvpl-200-96-2025-QD-UBND.txt'));
    const report = tasks.find((t) => t.title.startsWith('Thống kê, định kỳ báo cáo'));
    expect(report?.lead.map((a) => a.name)).toEqual(['Chủ tịch Ủy ban nhân dân cấp xã']);
    const funding = tasks.find((t) => t.title.startsWith('Quyết định cấp kinh phí'));
    expect(funding?.title).not.toContain('Thống kê');
  });

  it('tvpl-200 as a born-digital copy joins the lines: "… phê duyệt. g) Thống kê …" inside item e) still opens g)', () => {
    const joined = readFileSync(dev('tvpl-200-96-2025-QD-UBND.txt'), 'utf8').replace(
      /\n(e\))\n(Quyết định cấp kinh phí[^]*?)(?=\n\n)/u,
      (_m, e: string, body: string) => `\n${e} ${body.replace(/\n/gu, ' ')}`,
    );
    expect(joined).toMatch(/e\) Quyết định cấp kinh phí[^\n]+phê duyệt\. g\) Thống kê/u);
    const copy = written('tvpl-200-96-2025-QD-UBND.txt', 'joined', joined);
    const titles = runGolden(copy).tasks.map((t) => t.title);
    expect(titles.some((t) => t.startsWith('Thống kê, định kỳ báo cáo'))).toBe(true);
  });

  it('"Thống kê" alone is a verb; "Thống kê tỉnh …" is the statistics office', () => {
    expect(isOrganisation('Thống kê')).toBe(false);
    expect(isOrganisation('Thống kê tỉnh Bắc Ninh')).toBe(true);
    expect(isOrganisation('Thống kê thành phố')).toBe(true);
  });

  it('tvpl-081: "… QH15 ngày" + "26" on a line of its own is one sentence, and "(ii)" opening a line follows "(i)" of the line before', () => {
    const wrapped = readFileSync(rewrapped('tvpl-081-375-NQ-CP.txt', 75), 'utf8');
    expect(wrapped).toMatch(/ngày\n\d{1,2}\n/u);
    const titles = runGolden(rewrapped('tvpl-081-375-NQ-CP.txt', 75)).tasks.map((t) => t.title);
    expect(titles.map((t) => t.slice(0, 30))).toEqual([
      'Thừa ủy quyền Thủ tướng Chính ',
      'Căn cứ ý kiến của cơ quan có t',
    ]);
  });
});
