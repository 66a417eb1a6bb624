import { describe, expect, it } from 'vitest';
import { devGoldens } from '../../scripts/eval-extraction/goldens.ts';
import { evaluateTargets, runTargets } from '../../scripts/eval-extraction/target-eval.ts';

/** Targets of the seeds and dev documents against their goldens (held-out goldens are not read here). */
const sets = devGoldens();
const source = (prefix: string): string => sets.find((x) => x.golden.file.startsWith(prefix))!.source;
const pick = <T extends object, K extends keyof T>(o: T, keys: K[]): Pick<T, K> =>
  Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;

describe('extractTargets', () => {
  it('Lào Cai: bio-industry share of GRDP about 7% by 2030 and 10% by 2045', () => {
    const grdp = runTargets(source('003'))
      .filter((t) => t.metric === 'tỷ trọng trong GRDP')
      .map((t) => pick(t, ['subject', 'value', 'comparator', 'unit', 'year']));
    expect(grdp).toEqual([
      { subject: 'công nghiệp sinh học', value: 7, comparator: '~', unit: '%', year: 2030 },
      { subject: 'công nghiệp sinh học', value: 10, comparator: '=', unit: '%', year: 2045 },
    ]);
  });

  it('Lào Cai: "phần đầu đóng góp vào GRDP khoảng 7%" takes its subject from the clause before it', () => {
    const t = runTargets(source('003')).find((x) => x.value === 7)!;
    expect(t.text).toContain('Công nghiệp sinh học trở thành ngành kinh tế');
    expect(t.subject).toBe('công nghiệp sinh học');
  });

  it('Tam Điệp: ranges "01 đến 02", "02 đến 03" are counts with valueMin/valueMax', () => {
    const targets = runTargets(source('002'));
    expect(targets.map((t) => [t.valueMin, t.valueMax, t.unit, t.metric])).toEqual([
      [1, 2, 'công nghệ', 'số lượng'],
      [1, 2, 'công nghệ', 'số lượng'],
      [2, 3, 'doanh nghiệp', 'số lượng'],
    ]);
  });

  it('Đồng Tháp 008: digital economy 40% of GRDP, a top-3 ranking and an annual count by 2035', () => {
    const targets = runTargets(source('tvpl-008'));
    const grdp = targets.find((t) => t.metric === 'tỷ trọng trong GRDP')!;
    expect(pick(grdp, ['subject', 'indicator', 'value', 'year', 'national'])).toEqual({
      subject: 'kinh tế số',
      indicator: 'Quy mô kinh tế số trong GRDP',
      value: 40,
      year: 2035,
      national: false,
    });
    const rank = targets.find((t) => t.metric === 'xếp hạng')!;
    expect(pick(rank, ['value', 'comparator', 'unit'])).toEqual({ value: 3, comparator: '<=', unit: 'hạng' });
    expect(targets.filter((t) => t.unit === 'vùng').map((t) => t.value)).toEqual([2]);
    const annual = targets.find((t) => t.period === 'hằng năm')!;
    expect(pick(annual, ['value', 'unit', 'year'])).toEqual({ value: 150, unit: 'sản phẩm', year: 2035 });
  });

  it('Nghệ An 022: "Lắp đặt mới trạm 3G/4G: 58 trạm" is counted by its label; the plan heading gives the period', () => {
    const t = runTargets(source('tvpl-022')).find((x) => x.value === 58)!;
    expect(pick(t, ['subject', 'metric', 'year', 'period'])).toEqual({
      subject: 'lắp đặt mới trạm 3G/4G',
      metric: 'số lượng',
      year: null,
      period: '2026-2030',
    });
  });

  it('the Government notice 163: growth above 8% in 2025 is a national target, not a 2050 one', () => {
    const [t] = runTargets(source('tvpl-163'));
    expect(pick(t!, ['subject', 'metric', 'value', 'comparator', 'year', 'national'])).toEqual({
      subject: 'tăng trưởng kinh tế',
      metric: 'tốc độ tăng trưởng',
      value: 8,
      comparator: '>=',
      year: 2025,
      national: true,
    });
  });

  for (const { golden, source: file } of sets) {
    if (golden.targets.length === 0) {
      it(`${golden.file}: sets no targets and none are extracted`, () => {
        const got = runTargets(file);
        expect(got.map((t) => t.text.slice(0, 80))).toEqual([]);
      });
      continue;
    }
    it(`${golden.file}: every golden target is found (value, unit, year/period)`, () => {
      const c = evaluateTargets(golden.targets, runTargets(file));
      expect({ file: golden.file, missed: c.found.fn, spurious: c.found.fp }).toEqual({
        file: golden.file,
        missed: 0,
        spurious: 0,
      });
    });
  }

  it('names subject and metric right for at least 85% of the dev targets', () => {
    let tp = 0;
    let n = 0;
    for (const { golden, source: file } of sets) {
      const c = evaluateTargets(golden.targets, runTargets(file));
      tp += c.full.tp;
      n += golden.targets.length;
    }
    expect(tp / n).toBeGreaterThanOrEqual(0.85);
  });
});
