import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, goldenFiles, runGolden } from '../../scripts/eval-extraction/task-eval.ts';

const sets = [
  ...goldenFiles('corpus/golden', 'corpus'),
  ...goldenFiles('tests/golden/dev', path.resolve('..', 'shared', 'corpus-dev')),
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
  it('Đồng Tháp 008: "top 03 vùng" is a ranking, "Quy mô kinh tế số đạt 40% GRDP" a target', () => {
    const s = sets.find((x) => x.golden.file.startsWith('tvpl-008'));
    if (!s) return;
    const { targets } = runGolden(s.source, null);
    expect(targets.filter((t) => t.unit === 'vùng').map((t) => t.value)).toEqual([2]);
    const grdp = targets.find((t) => /GRDP/.test(t.indicator));
    expect({ indicator: grdp?.indicator, value: grdp?.value, year: grdp?.year }).toEqual({
      indicator: 'Quy mô kinh tế số trong GRDP',
      value: 40,
      year: 2035,
    });
  });
  it('indicators are short labels, the sentence stays in text', () => {
    const s = sets.find((x) => x.golden.file.startsWith('003'))!;
    const t = runGolden(s.source, 'Lào Cai').targets.find((x) => x.value === 10)!;
    expect(t.indicator).toBe('công nghiệp sinh học đóng góp vào GRDP');
    expect(t.text.length).toBeGreaterThan(t.indicator.length);
  });
  for (const { golden, source } of sets.filter((x) => x.golden.targets.length > 0)) {
    it(`${golden.file}: every golden target is found`, () => {
      const { tasks, targets } = runGolden(source, null);
      const c = evaluate(golden, tasks, targets).targets;
      expect({ file: golden.file, missed: c.fn }).toEqual({ file: golden.file, missed: 0 });
    });
  }
});
