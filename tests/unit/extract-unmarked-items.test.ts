/**
 * Duties whose list markers were lost. A word processor's list numbering ("a)", "-") is not part of the
 * text, so a text copy of a plan may print the items of an agency's block as bare paragraphs. The dev
 * documents with their "a)" or "-" markers removed must give the same duties with the same leads:
 * - whole-sentence paragraphs under an agency's block are its items ("Trường hợp …" qualifies the item above);
 * - a line that is only an agency's name over '-' items opens its block, and the next such line ends it;
 * - a bare paragraph that opens with a body and assigns ("Chủ tịch … chỉ đạo …") under an item ending in ':';
 * - a body's name ending in ':' over bare paragraphs ("Ủy ban nhân dân các tỉnh, thành phố:") leads them.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Task } from '../../core/types.ts';
import { splitAgencies } from '../../ingest/extract/agencies/index.ts';
import { extractMeta } from '../../ingest/extract/meta/index.ts';
import { extractTasks } from '../../ingest/extract/tasks/index.ts';
import { structure } from '../../ingest/structure/index.ts';
import { loadDoc } from '../../scripts/eval-extraction/ref-eval.ts';
import { CORPUS_DEV } from '../../scripts/eval-extraction/task-eval.ts';

const key = (t: Task): string =>
  `${t.title.replace(/\s+/gu, ' ').slice(0, 40)} # ${t.lead.map((a) => a.key).join('+')}`;

const WITHOUT: Record<string, (text: string) => string> = {
  letters: (t) => t.replace(/^[a-zđ]\)\s+/gmu, ''),
  dashes: (t) => t.replace(/^[-–+•]\s+/gmu, ''),
};

describe.each([
  // document, markers removed, duties the copy may lose
  ['tvpl-238-2519-QD-UBND.txt', 'letters', 0],
  ['tvpl-276-138-2025-QD-UBND.txt', 'letters', 1],
  ['tvpl-174-2597-QD-TTg.txt', 'letters', 1],
  ['tvpl-032-010-CT-UBND.txt', 'dashes', 1],
  ['tvpl-013-310-KH-UBND.txt', 'dashes', 2],
  ['tvpl-008-552-KH-UBND.txt', 'dashes', 5],
  // opened held-out: "Ủy ban nhân dân các tỉnh, thành phố:" over bare paragraphs
  ['tvpl-042-380-NQ-CP.txt', 'letters', 6],
  ['tvpl-177-84-2025-QD-UBND.txt', 'letters', 3],
] as const)('%s without its %s', (file, markers, tolerance) => {
  const doc = loadDoc(path.join(CORPUS_DEV, file));
  const meta = extractMeta(doc);
  const before = extractTasks(doc, meta).map(key);
  it('gives the same duties with the same leads', () => {
    const text = WITHOUT[markers]!(doc.parsed.text);
    expect(text).not.toBe(doc.parsed.text);
    const after = new Set(
      extractTasks(structure({ parsed: { ...doc.parsed, text }, contentHash: doc.contentHash }), meta).map(
        key,
      ),
    );
    expect(before.length).toBeGreaterThan(10);
    expect(before.filter((k) => !after.has(k)).length).toBeLessThanOrEqual(tolerance);
  });
});

describe('one head over several localities', () => {
  it('"Ủy ban nhân dân thành phố Hà Nội, thành phố Hồ Chí Minh và tỉnh Quảng Ninh" names three bodies', () => {
    expect(
      splitAgencies('Ủy ban nhân dân thành phố Hà Nội, thành phố Hồ Chí Minh và tỉnh Quảng Ninh'),
    ).toEqual([
      'Ủy ban nhân dân thành phố Hà Nội',
      'Ủy ban nhân dân thành phố Hồ Chí Minh',
      'Ủy ban nhân dân tỉnh Quảng Ninh',
    ]);
    expect(splitAgencies('Ủy ban nhân dân các tỉnh, thành phố')).toEqual([
      'Ủy ban nhân dân các tỉnh, thành phố',
    ]);
  });
  it('tvpl-042: "… và tỉnh Quảng Ninh trực tiếp hỗ trợ …" is led by the four bodies, the name ending at "trực tiếp"', () => {
    const doc = loadDoc(path.join(CORPUS_DEV, 'tvpl-042-380-NQ-CP.txt'));
    const task = extractTasks(doc, extractMeta(doc)).find((t) => /^trực tiếp hỗ trợ chi viện/u.test(t.title));
    expect(task?.lead.map((a) => a.name)).toHaveLength(4);
  });
});

describe('tvpl-032 without its letters: agencies named on lines of their own over "-" items', () => {
  const doc = loadDoc(path.join(CORPUS_DEV, 'tvpl-032-010-CT-UBND.txt'));
  const meta = extractMeta(doc);
  const text = WITHOUT.letters!(doc.parsed.text);
  const tasks = extractTasks(
    structure({ parsed: { ...doc.parsed, text }, contentHash: doc.contentHash }),
    meta,
  );
  const ledBy = (kind: string): Task[] => tasks.filter((t) => t.lead.some((a) => a.kind === kind));
  it('each block keeps its own items: the next name ends the one before', () => {
    const original = extractTasks(doc, meta);
    for (const kind of ['so-nong-nghiep-va-moi-truong', 'so-xay-dung']) {
      const was = original.filter((t) => t.lead.some((a) => a.kind === kind)).length;
      expect(was).toBeGreaterThan(0);
      expect(ledBy(kind).length).toBe(was);
    }
  });
  it('the investment-registration bodies keep their duties, "Trường hợp …" paragraphs joined to the one above', () => {
    const registration = tasks.filter((t) => /^(?:Là đầu mối chủ trì|Chịu trách nhiệm tiếp)/u.test(t.title));
    expect(registration.map((t) => t.lead.length)).toEqual([4, 4]);
    expect(tasks.some((t) => /^Trường hợp các cơ quan phối/u.test(t.title))).toBe(false);
  });
});
