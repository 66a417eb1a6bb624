import { describe, expect, it } from 'vitest';
import { PROVINCES_2025, PROVINCES_PRE_2025, successorProvince } from '../../core/vocab/localities.ts';
import {
  AGENCY_MERGERS,
  currentProvince,
  nextAgencyStep,
  PROVINCE_MERGERS,
  PROVINCES_UNCHANGED,
  provinceSuccessions,
} from '../../core/vocab/reorg-2025.ts';
import { GAZETTEER } from '../../core/vocab/agency-gazetteer.ts';
import { agencySuccessions, districtSuccessions } from '../../graph/lineage.ts';

describe('the 2025 reorganisation table', () => {
  it('merges the 63 provinces into 34, each old unit exactly once, with its legal source', () => {
    const olds = PROVINCE_MERGERS.flatMap((m) => m.from);
    expect(new Set(olds).size).toBe(olds.length);
    expect(PROVINCE_MERGERS).toHaveLength(23);
    expect(olds).toHaveLength(52);
    expect(olds.length + PROVINCES_UNCHANGED.length).toBe(63); // Huế stands for Thừa Thiên Huế
    expect(new Set([...PROVINCE_MERGERS.map((m) => m.to), ...PROVINCES_UNCHANGED]).size).toBe(34);
    for (const m of PROVINCE_MERGERS) {
      expect(m.instrument.number).toBe('202/2025/QH15');
      expect(m.date).toBe('2025-07-01');
      expect(m.from).toContain(m.to);
    }
    expect(PROVINCES_2025).toHaveLength(34);
    expect(PROVINCES_PRE_2025).toHaveLength(63);
  });

  it('agrees with the locality gazetteer on every pre-2025 province', () => {
    for (const p of PROVINCES_PRE_2025) expect(currentProvince(p)).toBe(successorProvince(p));
    expect(currentProvince('Bình Thuận')).toBe('Lâm Đồng');
    expect(currentProvince('Hải Dương')).toBe('Hải Phòng');
    expect(currentProvince('Nam Định')).toBe('Ninh Bình');
    expect(provinceSuccessions().find((s) => s.from === 'Bình Phước')?.to).toBe('Đồng Nai');
  });

  it('names departments the agency gazetteer knows, with Nghị định 45/2025/NĐ-CP as source', () => {
    const kinds = new Set(GAZETTEER.map((g) => g.kind));
    for (const m of AGENCY_MERGERS) {
      expect(kinds.has(m.fromKind), m.fromKind).toBe(true);
      expect(kinds.has(m.toKind), m.toKind).toBe(true);
      expect(m.instrument.number).toMatch(m.central ? /176\/2025\/QH15/ : /45\/2025\/NĐ-CP/);
    }
  });

  it('takes a department through its merger, then its province’s merger', () => {
    const s1 = nextAgencyStep('so-ke-hoach-va-dau-tu', 'Bình Thuận');
    expect(s1).toMatchObject({ kind: 'so-tai-chinh', locality: 'Bình Thuận', date: '2025-03-01' });
    const s2 = nextAgencyStep(s1!.kind, s1!.locality);
    expect(s2).toMatchObject({ kind: 'so-tai-chinh', locality: 'Lâm Đồng', date: '2025-07-01' });
    expect(nextAgencyStep('so-tai-chinh', 'Lâm Đồng')).toBeNull();
    expect(nextAgencyStep('so-y-te', 'Hải Phòng')).toBeNull();
    expect(nextAgencyStep('bo-ke-hoach-va-dau-tu', null)).toMatchObject({ kind: 'bo-tai-chinh' });
    // a provincial department never takes a ministry's succession, nor the reverse
    expect(nextAgencyStep('so-ke-hoach-va-dau-tu', null)).toBeNull();
  });

  it('writes agency successions step by step, creating successors with the city wording', () => {
    const steps = agencySuccessions([
      {
        key: 'so-giao-thong-van-tai@Hải Dương',
        kind: 'so-giao-thong-van-tai',
        locality: 'Hải Dương',
        name: 'Sở Giao thông vận tải',
      },
      { key: 'ubnd-tinh@Hải Dương', kind: 'ubnd-tinh', locality: 'Hải Dương', name: 'Ủy ban nhân dân tỉnh' },
      { key: 'so-y-te@Hải Phòng', kind: 'so-y-te', locality: 'Hải Phòng', name: 'Sở Y tế' },
    ]);
    expect(steps[0]!.map((r) => [r.from, r.to])).toEqual([
      ['so-giao-thong-van-tai@Hải Dương', 'so-xay-dung@Hải Dương'],
      ['ubnd-tinh@Hải Dương', 'ubnd-tinh@Hải Phòng'],
    ]);
    expect(steps[0]![1]!.name).toBe('Ủy ban nhân dân thành phố');
    expect(steps[1]!.map((r) => [r.from, r.to])).toEqual([
      ['so-xay-dung@Hải Dương', 'so-xay-dung@Hải Phòng'],
    ]);
    expect(steps).toHaveLength(2);
  });

  it('ends provincial cities with the district level (1/7/2025), in their post-merger province', () => {
    const rows = districtSuccessions([
      { name: 'Tam Điệp', province: 'Ninh Bình' },
      { name: 'Phan Thiết', province: 'Bình Thuận' },
      { name: 'Bình Thuận', province: 'Bình Thuận' },
      { name: 'Nowhere', province: null },
    ]);
    expect(rows.map((r) => [r.from, r.to, r.date])).toEqual([
      ['Tam Điệp', 'Ninh Bình', '2025-07-01'],
      ['Phan Thiết', 'Lâm Đồng', '2025-07-01'],
    ]);
    expect(rows[0]!.instrument).toContain('72/2025/QH15');
  });
});
