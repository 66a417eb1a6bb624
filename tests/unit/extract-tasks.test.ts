import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Counts,
  evaluate,
  goldenFiles,
  type Kind,
  matchTasks,
  prf,
  runGolden,
  SEED_LOCALITY,
} from '../../scripts/eval-extraction/task-eval.ts';
import { normalizeDeadline } from '../../ingest/extract/tasks/deadline.ts';
import { agencyKey } from '../../ingest/extract/agencies/index.ts';

const seeds = goldenFiles('corpus/golden', 'corpus');
const dev = goldenFiles('tests/golden/dev', path.resolve('..', 'shared', 'corpus-dev'));
const sets = [...seeds, ...dev];
const keys = (xs: readonly string[]): string[] => xs.map(agencyKey).sort();

/** Seeds whose every golden task (table rows and prose) must match field by field. */
const EXACT = ['000_953892a000611854.txt', '003_6bb3cc9c64edf399.txt'];

describe('extractTasks against golden files', () => {
  it('has the seed golden files', () => expect(seeds.length).toBeGreaterThanOrEqual(5));
  for (const { golden, source } of sets.filter((s) => EXACT.includes(s.golden.file))) {
    it(`${golden.file}: every table row is found with its lead, coordinating agencies and deadline`, () => {
      const { tasks } = runGolden(source, SEED_LOCALITY[golden.file] ?? null);
      const rows = golden.tasks.filter((t) => t.row !== null);
      for (const [g, t] of matchTasks(rows, tasks)) {
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
  for (const { golden, source } of sets) {
    it(`${golden.file}: at least 80% of golden tasks found with their lead`, () => {
      const { tasks } = runGolden(source, SEED_LOCALITY[golden.file] ?? null);
      const ok = matchTasks(golden.tasks, tasks).filter(
        ([g, t]) => t && keys(t.lead.map((a) => a.name)).join('|') === keys(g.lead).join('|'),
      );
      const missed = matchTasks(golden.tasks, tasks)
        .filter(([, t]) => !t)
        .map(([g]) => g.row ?? g.title);
      expect({
        file: golden.file,
        found: ok.length >= Math.floor(golden.tasks.length * 0.8),
        missed,
      }).toEqual({
        file: golden.file,
        found: true,
        missed: expect.any(Array) as unknown,
      });
    });
  }

  /** Floors over all golden files; the figures are printed by scripts/eval-extraction.ts. */
  const FLOORS: Record<Kind, { precision: number; recall: number }> = {
    tasks: { precision: 0.8, recall: 0.95 },
    lead: { precision: 0.95, recall: 0.95 },
    coordinating: { precision: 0.9, recall: 0.8 },
    deadlines: { precision: 0.95, recall: 0.95 },
    targets: { precision: 0.9, recall: 0.95 },
  };
  it('precision/recall per entity kind over all golden files stay above the floors', () => {
    const total: Record<Kind, Counts> = {
      tasks: { tp: 0, fp: 0, fn: 0 },
      lead: { tp: 0, fp: 0, fn: 0 },
      coordinating: { tp: 0, fp: 0, fn: 0 },
      deadlines: { tp: 0, fp: 0, fn: 0 },
      targets: { tp: 0, fp: 0, fn: 0 },
    };
    for (const { golden, source } of sets) {
      const { tasks, targets } = runGolden(source, SEED_LOCALITY[golden.file] ?? null);
      const c = evaluate(golden, tasks, targets);
      for (const k of Object.keys(c) as Kind[]) {
        total[k].tp += c[k].tp;
        total[k].fp += c[k].fp;
        total[k].fn += c[k].fn;
      }
    }
    for (const k of Object.keys(FLOORS) as Kind[]) {
      const { precision, recall } = prf(total[k]);
      expect(
        { kind: k, precision: precision >= FLOORS[k].precision, recall: recall >= FLOORS[k].recall },
        `${k}: P ${precision.toFixed(3)} R ${recall.toFixed(3)}`,
      ).toEqual({ kind: k, precision: true, recall: true });
    }
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
