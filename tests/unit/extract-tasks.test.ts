import { describe, expect, it } from 'vitest';
import { goldenFiles, matchTasks, runGolden } from '../../ingest/extract/task-eval.ts';
import { normalizeDeadline } from '../../ingest/extract/task-deadline.ts';
import { agencyKey } from '../../ingest/extract/agencies.ts';

const LOCALITY: Record<string, string> = {
  '000_953892a000611854.txt': 'Hải Phòng',
  '003_6bb3cc9c64edf399.txt': 'Lào Cai',
};
const sets = [
  ...goldenFiles('corpus/golden', 'corpus'),
  ...goldenFiles('tests/golden/dev', '/work/shared/corpus-dev'),
];
const keys = (xs: readonly string[]): string[] => xs.map(agencyKey).sort();

describe('extractTasks against golden files', () => {
  it('has golden files', () => expect(sets.length).toBeGreaterThanOrEqual(5));
  for (const { golden, source } of sets) {
    it(`${golden.file}: every table row is found with its lead, coordinating agencies and deadline`, () => {
      const { tasks } = runGolden(source, LOCALITY[golden.file] ?? null);
      const rows = golden.tasks.filter((t) => t.row !== null);
      for (const [g, t] of matchTasks(rows, tasks)) {
        expect(t, `row ${g.row} "${g.title}" not extracted`).not.toBeNull();
        expect({ row: g.row, lead: keys(t!.lead.map((a) => a.name)) }).toEqual({
          row: g.row,
          lead: keys(g.lead),
        });
        expect({ row: g.row, coordinating: keys(t!.coordinating.map((a) => a.name)) }).toEqual({
          row: g.row,
          coordinating: keys(g.coordinating),
        });
        expect({ row: g.row, deadline: t!.deadline }).toEqual({ row: g.row, deadline: g.deadline });
      }
    });
    it(`${golden.file}: at least 80% of prose tasks found with their lead`, () => {
      const { tasks } = runGolden(source, LOCALITY[golden.file] ?? null);
      const prose = golden.tasks.filter((t) => t.row === null);
      const ok = matchTasks(prose, tasks).filter(
        ([g, t]) => t && keys(t.lead.map((a) => a.name)).join('|') === keys(g.lead).join('|'),
      );
      expect(ok.length).toBeGreaterThanOrEqual(Math.floor(prose.length * 0.8));
    });
  }
  it('Hải Phòng appendix: the marine biotech row III.6 is led by Sở KH&CN and tagged marine', () => {
    const s = sets.find((x) => x.golden.file.startsWith('000'))!;
    const t = runGolden(s.source, 'Hải Phòng').tasks.find((x) => x.row === 'III.6')!;
    expect(t.lead.map((a) => a.key)).toEqual(['so-khoa-hoc-va-cong-nghe@Hải Phòng']);
    expect(t.fields).toContain('bien');
    expect(t.passageId).not.toBeNull();
  });
});

describe('normalizeDeadline', () => {
  it.each([
    ['2025', 'year', 2025, 2025],
    ['2024-2030', 'range', 2024, 2030],
    ['2024 - 2025', 'range', 2024, 2025],
    ['Giai đoạn 2024-2030', 'range', 2024, 2030],
    ['Quý II/2024', 'quarter', 2024, 2024],
    ['Hằng năm', 'annual', undefined, undefined],
    ['Hàng năm', 'annual', undefined, undefined],
    ['Thường xuyên', 'ongoing', undefined, undefined],
    ['30/12/2025', 'date', 2025, 2025],
  ])('%s → %s', (raw, kind, from, to) => {
    const n = normalizeDeadline(raw);
    expect({ kind: n?.kind, from: n?.from, to: n?.to }).toEqual({ kind, from, to });
  });
  it('reads the quarter number', () => expect(normalizeDeadline('Xong trong Quý III/2023')?.quarter).toBe(3));
});
