import { describe, expect, it } from 'vitest';
import { evaluate, goldenFiles, runGolden } from '../../ingest/extract/task-eval.ts';

const sets = [
  ...goldenFiles('corpus/golden', 'corpus'),
  ...goldenFiles('tests/golden/dev', '/work/shared/corpus-dev'),
];

describe('extractTargets', () => {
  it('Lào Cai: biotech industry share of GRDP 7% by 2030 and 10% by 2045', () => {
    const s = sets.find((x) => x.golden.file.startsWith('003'))!;
    const { targets } = runGolden(s.source, 'Lào Cai');
    const grdp = targets
      .filter((t) => /GRDP/.test(t.text))
      .map((t) => ({ value: t.value, unit: t.unit, year: t.year }));
    expect(grdp).toEqual([
      { value: 7, unit: '%', year: 2030 },
      { value: 10, unit: '%', year: 2045 },
    ]);
  });
  it('Tam Điệp: ranges "1 - 2", "01 đến 02", "02 đến 03"', () => {
    const s = sets.find((x) => x.golden.file.startsWith('002'))!;
    const { targets } = runGolden(s.source, 'Tam Điệp');
    expect(targets.map((t) => [t.valueMin, t.valueMax, t.unit])).toEqual([
      [1, 2, 'công nghệ'],
      [1, 2, 'công nghệ'],
      [2, 3, 'doanh nghiệp'],
    ]);
  });
  for (const { golden, source } of sets.filter((x) => x.golden.targets.length > 0)) {
    it(`${golden.file}: every golden target is found`, () => {
      const { tasks, targets } = runGolden(source, null);
      const c = evaluate(golden, tasks, targets).targets;
      expect({ file: golden.file, missed: c.fn }).toEqual({ file: golden.file, missed: 0 });
    });
  }
});
