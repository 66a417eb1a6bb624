/**
 * Single-spaced texts: many published documents print their paragraphs without a blank line between them
 * and cut every line at the page width (tvpl-105, 163, 167, 251 …), so a blank line cannot tell where a
 * paragraph ends. A paragraph then ends where a line ends a sentence short of the width, where a listed
 * entry closes with ";", where a title in capitals meets text in lower case, and after an article's title.
 * Checked on real documents printed single-spaced (their blank lines removed) and on one published so.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Task } from '../../core/types.ts';
import { extractMeta } from '../../ingest/extract/meta/index.ts';
import { extractTargets } from '../../ingest/extract/targets/index.ts';
import { extractTasks } from '../../ingest/extract/tasks/index.ts';
import { documentLines } from '../../ingest/extract/text/index.ts';
import { structure } from '../../ingest/structure/index.ts';
import { loadDoc } from '../../scripts/eval-extraction/ref-eval.ts';
import { CORPUS_DEV, runGolden, titleKey } from '../../scripts/eval-extraction/task-eval.ts';

const key = (t: Task): string => `${titleKey(t.title).slice(0, 30)}|${t.lead.map((a) => a.key).join('+')}`;
const single = (text: string): string => text.replace(/\n\s*\n/gu, '\n');

describe.each([
  ['tvpl-238 (functions of a public service centre)', 'tvpl-238-2519-QD-UBND.txt', 15],
  ['tvpl-020 (a training plan)', 'tvpl-020-141-KH-UBND.txt', 15],
  ['tvpl-217 (rules with "Trách nhiệm của X" articles)', 'tvpl-217-79-2025-QD-UBND.txt', 15],
])('%s printed single-spaced', (_, file, atLeast) => {
  const doc = loadDoc(path.join(CORPUS_DEV, file));
  const meta = extractMeta(doc);
  const text = single(doc.parsed.text);
  it('gives the same duties with the same leads', () => {
    const before = extractTasks(doc, meta).map(key).sort();
    const after = extractTasks(
      structure({ parsed: { ...doc.parsed, text }, contentHash: doc.contentHash }),
      meta,
    );
    expect(before.length).toBeGreaterThanOrEqual(atLeast);
    expect(after.map(key).sort()).toEqual(before);
  });
});

describe('tvpl-238 printed single-spaced: its preamble', () => {
  it('keeps each "Căn cứ …;" entry apart and its title in capitals apart from them', () => {
    const doc = loadDoc(path.join(CORPUS_DEV, 'tvpl-238-2519-QD-UBND.txt'));
    const lines = documentLines(single(doc.parsed.text));
    const bases = lines.filter((l) => /^Căn cứ\s/u.test(l.body));
    expect(bases).toHaveLength(5);
    expect(bases.filter((l) => /;\s+Căn cứ\s/u.test(l.body))).toEqual([]);
    expect(
      lines.some((l) => l.body.startsWith('QUYẾT ĐỊNH QUY ĐỊNH CHỨC NĂNG') && !/Căn cứ/u.test(l.body)),
    ).toBe(true);
  });
});

describe('a document published single-spaced', () => {
  it('tvpl-167 (a Prime Minister dispatch): its request "…, Thủ tướng Chính phủ yêu cầu Bộ trưởng, … thực hiện … sau:" is not read into the addressee line above it, so its three duties are found', () => {
    const { tasks } = runGolden(path.join(CORPUS_DEV, 'tvpl-167-229-CD-TTg.txt'));
    for (const start of [/^Khẩn trương thực hiện quyết liệt/u, /^Tiếp tục phát huy truyền thống/u])
      expect(
        tasks.filter((t) => start.test(t.title) && t.lead.some((a) => /^Chủ tịch/u.test(a.name))),
      ).toHaveLength(1);
  });
});

describe('tvpl-020 printed single-spaced: its targets', () => {
  it('"II. MỤC TIÊU / CHỦ YẾU" + "1. 100% đội ngũ …": the item under a title in capitals is not read into it', () => {
    const doc = loadDoc(path.join(CORPUS_DEV, 'tvpl-020-141-KH-UBND.txt'));
    const meta = extractMeta(doc);
    const text = single(doc.parsed.text);
    const keyOf = (t: { subject: string | null; value: number | null; year: number | null }) =>
      `${t.subject}|${t.value}|${t.year}`;
    const before = extractTargets(doc, meta).map(keyOf).sort();
    const after = extractTargets(
      structure({ parsed: { ...doc.parsed, text }, contentHash: doc.contentHash }),
      meta,
    );
    expect(before.length).toBeGreaterThanOrEqual(5);
    expect(after.map(keyOf).sort()).toEqual(before);
  });
  it('the closing "… nghiêm túc triển khai thực hiện./. * *" stays no duty', () => {
    const doc = loadDoc(path.join(CORPUS_DEV, 'tvpl-017-235-KH-UBND.txt'));
    const text = single(doc.parsed.text);
    const tasks = extractTasks(
      structure({ parsed: { ...doc.parsed, text }, contentHash: doc.contentHash }),
      extractMeta(doc),
    );
    expect(tasks.filter((t) => /thực hiện\.\/\./u.test(t.title))).toEqual([]);
  });
});
