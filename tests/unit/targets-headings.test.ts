/**
 * The horizon of an objective part's sub-headings as other plans word them: the dev plans whose targets sit
 * under "a) Đến năm 2030" headings, re-worded "a) Năm 2030:" (the same targets, the same years) and
 * "a) Giai đoạn 2026 - 2030:" (the same targets, for that period rather than a year). A horizon heading
 * outside the objectives opens none: tvpl-008's "III. LỘ TRÌNH THỰC HIỆN — 1. Giai đoạn 2025 - 2030" lists
 * activities, not targets (only an aim stated inline with its own year counts there).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Target } from '../../core/types.ts';
import { extractMeta } from '../../ingest/extract/meta/index.ts';
import { extractTargets } from '../../ingest/extract/targets/index.ts';
import { structure } from '../../ingest/structure/index.ts';
import { loadDoc } from '../../scripts/eval-extraction/ref-eval.ts';
import { CORPUS_DEV } from '../../scripts/eval-extraction/task-eval.ts';

const HEADING = /^((?:[a-zđ]\)|\d+(?:\.\d+)*\.)[ \t]+)Đến năm (20\d\d)[ \t]*:?[ \t]*$/gmu;
const key = (t: Target): string => `${t.value}|${t.unit}|${t.metric}|${t.subject}`;

describe.each([
  ['seed 003 (Lào Cai)', path.resolve('corpus', '003_6bb3cc9c64edf399.txt')],
  ['tvpl-008 (Đồng Tháp)', path.join(CORPUS_DEV, 'tvpl-008-552-KH-UBND.txt')],
  ['tvpl-174 (Thủ tướng)', path.join(CORPUS_DEV, 'tvpl-174-2597-QD-TTg.txt')],
])('%s: its "Đến năm …" target headings worded otherwise', (_, file) => {
  const doc = loadDoc(file);
  const meta = extractMeta(doc);
  const before = extractTargets(doc, meta);
  const reworded = (to: string): Target[] => {
    const text = doc.parsed.text.replace(HEADING, to);
    expect(text).not.toBe(doc.parsed.text);
    return extractTargets(structure({ parsed: { ...doc.parsed, text }, contentHash: doc.contentHash }), meta);
  };
  it('"Năm 2030:" gives the same targets for the same years', () => {
    const after = reworded('$1Năm $2:');
    expect(before.length).toBeGreaterThan(0);
    expect(after.map((t) => `${key(t)}|${t.year}`)).toEqual(before.map((t) => `${key(t)}|${t.year}`));
  });
  it('"Giai đoạn 2026 - 2030:" gives the same targets, for that period', () => {
    const after = reworded('$1Giai đoạn 2026 - $2:');
    expect(after.map(key)).toEqual(before.map(key));
    const under = after.filter((t) => t.period !== null && /^2026-20\d\d$/u.test(t.period));
    expect(under.length).toBeGreaterThan(0);
    for (const t of under) expect(t.year).toBeNull();
  });
});

describe('a horizon heading outside the objectives', () => {
  it('tvpl-008: the activities of "III. LỘ TRÌNH THỰC HIỆN — 1. Giai đoạn 2025 - 2030" are no targets', () => {
    const doc = loadDoc(path.join(CORPUS_DEV, 'tvpl-008-552-KH-UBND.txt'));
    const text = doc.parsed.text;
    const roadmap = text.indexOf('Giai đoạn 2025 - 2030');
    expect(roadmap).toBeGreaterThan(0);
    const inRoadmap = extractTargets(doc, extractMeta(doc)).filter(
      (t) => t.start > roadmap && t.start < text.indexOf('IV.', roadmap),
    );
    // only aims stated inline with their own year ("… phấn đấu đến năm 2030 đạt 30% …")
    for (const t of inRoadmap) {
      const sentence = text.slice(t.start, text.indexOf('.', t.start + 1));
      expect(sentence).toMatch(/(?:phấn đấu|mục tiêu)[^.]*năm 20\d\d/u);
    }
  });
});
