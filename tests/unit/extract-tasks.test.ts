import { describe, expect, it } from 'vitest';
import {
  addAll,
  devGoldens,
  emptyCounts,
  evaluate,
  type Kind,
  localityOf,
  matchTasks,
  prf,
  runGolden,
  SEED_LOCALITY,
} from '../../scripts/eval-extraction/task-eval.ts';
import { normalizeDeadline } from '../../ingest/extract/tasks/deadline.ts';
import { agencyKey } from '../../ingest/extract/agencies/index.ts';

const sets = devGoldens();
const seeds = sets.filter((s) => s.source.startsWith('corpus'));
const keys = (xs: readonly string[]): string[] => xs.map(agencyKey).sort();

/** Seeds whose every golden table row must match field by field. */
const EXACT = ['000_953892a000611854.txt', '003_6bb3cc9c64edf399.txt'];

describe('extractTasks against the dev golden files', () => {
  it('has the seed golden files', () => expect(seeds.length).toBeGreaterThanOrEqual(5));
  for (const { golden, source } of sets.filter((s) => EXACT.includes(s.golden.file))) {
    it(`${golden.file}: every table row is found with its lead, coordinating agencies and deadline`, () => {
      const { tasks } = runGolden(source, SEED_LOCALITY[golden.file] ?? null);
      const rows = golden.tasks.filter((t) => t.row !== null);
      expect(rows.length).toBeGreaterThanOrEqual(19);
      for (const g of rows) {
        const t = tasks.find((x) => x.row === g.row) ?? null;
        expect(t, `row ${g.row} "${g.title}" not extracted`).not.toBeNull();
        const got = {
          row: g.row,
          lead: keys(t!.lead.map((a) => a.name)),
          coordinating: keys(t!.coordinating.map((a) => a.name)),
          deadline: t!.deadline,
        };
        const want = {
          row: g.row,
          lead: keys(g.lead),
          coordinating: keys(g.coordinating),
          deadline: g.deadline,
        };
        expect(got).toEqual(want);
      }
    });
  }

  /**
   * Floors over all dev golden files (tasks: title and exact lead); `npm run eval:extraction` prints the
   * figures, dev beside held-out.
   */
  const FLOORS: Record<Exclude<Kind, 'targets'>, { precision: number; recall: number }> = {
    tasks: { precision: 0.96, recall: 0.93 },
    lead: { precision: 0.98, recall: 0.92 },
    coordinating: { precision: 0.95, recall: 0.9 },
    deadlines: { precision: 0.95, recall: 0.89 },
  };
  it('precision/recall per kind over the dev golden files stay above the floors', () => {
    const total = emptyCounts();
    for (const c of sets) {
      const { tasks, targets, locality } = runGolden(c.source, localityOf(c));
      addAll(total, evaluate(c.golden, tasks, targets, locality));
    }
    for (const k of Object.keys(FLOORS) as (keyof typeof FLOORS)[]) {
      const { precision, recall } = prf(total[k]);
      expect(
        { kind: k, precision: precision >= FLOORS[k].precision, recall: recall >= FLOORS[k].recall },
        `${k}: P ${precision.toFixed(3)} R ${recall.toFixed(3)}`,
      ).toEqual({ kind: k, precision: true, recall: true });
    }
  });
  it('matches golden tasks by title, preferring the candidate with the golden lead', () => {
    const s = sets.find((x) => x.golden.file.startsWith('003'))!;
    const { tasks } = runGolden(s.source, 'Lào Cai');
    const pairs = matchTasks(s.golden.tasks, tasks, 'Lào Cai');
    expect(pairs.filter(([, t]) => t !== null).length).toBeGreaterThanOrEqual(27);
  });
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
