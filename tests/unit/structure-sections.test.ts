/**
 * The section tree on real documents: every seed and dev document (the paths are what answers cite), and
 * the hard-wrapped regulation a Bắc Ninh decision issues.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Section } from '../../core/types.ts';
import { loadDoc } from '../../scripts/eval-extraction/ref-eval.ts';
import { CORPUS_DEV } from '../../scripts/eval-extraction/goldens.ts';
import { matchMarker } from '../../ingest/structure/markers.ts';

const files = [
  ...readdirSync('corpus')
    .filter((f) => f.endsWith('.txt'))
    .map((f) => `corpus/${f}`),
  ...readdirSync(CORPUS_DEV)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => `${CORPUS_DEV}/${f}`),
];
const sectionsOf = (file: string): Section[] => loadDoc(file).sections;
const isBullet = (s: Section | undefined) => s?.marker === '-' || s?.marker === '+';

describe('section paths of every seed and dev document', () => {
  it.each(files)('%s: no rule line is a section, no bullet holds a numbered heading', (file) => {
    const sections = sectionsOf(file);
    const byId = new Map(sections.map((s) => [s.id, s]));
    const rules = sections.filter((s) => s.level > 0 && !/\p{L}/u.test(s.path.at(-1) ?? ''));
    expect(rules.map((s) => s.path.join(' › '))).toEqual([]);
    const underBullet = sections.filter(
      (s) =>
        s.marker !== null &&
        /^(?:Điều|Chương|[IVXL]+|\d)/u.test(s.marker) &&
        isBullet(byId.get(s.parentId ?? '')),
    );
    expect(underBullet.map((s) => s.path.join(' › '))).toEqual([]);
  });
});

describe('a decision and the regulation it issues (tvpl-217, lines wrapped after "Điều" and "Chương")', () => {
  const sections = sectionsOf(`${CORPUS_DEV}/tvpl-217-79-2025-QD-UBND.txt`);
  const paths = sections.map((s) => s.path.join(' › '));

  it('reads "Điều" + "1. Phạm vi …" on the next line as the article, inside "Chương I"', () => {
    expect(paths).toContain('Chương I › Điều 1 Phạm vi điều chỉnh, đối tượng áp dụng');
    expect(paths).toContain('Chương I › Điều 2 Giải thích từ ngữ');
    expect(paths.filter((p) => p.startsWith('Điều 3 › 1. Phạm vi'))).toEqual([]);
  });

  it('ends the decision’s last article and its recipients list at the regulation’s chapter', () => {
    const chapter = sections.find((s) => s.marker === 'Chương I');
    expect(chapter?.level).toBe(1);
    expect(paths.filter((p) => p.includes('Lưu: VT') && p.includes('›  Điều'))).toEqual([]);
    expect(paths.filter((p) => /^Điều 3 › - Lưu: VT, KGVX\. › /u.test(p))).toEqual([]);
  });
});

describe('a dash item may open with a number', () => {
  it('"- 100% khu công nghiệp …" is an item; "-5%" and "- 2 -" are not', () => {
    expect(matchMarker('- 100% khu công nghiệp có hệ thống xử lý nước thải')?.kind).toBe('dash');
    expect(matchMarker('-5% so với năm trước')).toBeNull();
    expect(matchMarker('- 2 -')).toBeNull();
  });
});
