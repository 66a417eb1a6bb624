import { describe, expect, it } from 'vitest';
import { resolveAgency, splitAgencies } from '../../ingest/extract/agencies/index.ts';

describe('splitAgencies', () => {
  it('splits at ; , and "và các" but keeps commas inside department names and placeholders', () => {
    expect(
      splitAgencies('Sở Khoa học và Công nghệ; Sở Y tế, Sở Công Thương và các đơn vị liên quan'),
    ).toEqual(['Sở Khoa học và Công nghệ', 'Sở Y tế', 'Sở Công Thương', 'các đơn vị liên quan']);
    expect(splitAgencies('Sở Lao động, Thương binh và Xã hội, Sở Văn hóa, Thể thao và Du lịch')).toEqual([
      'Sở Lao động, Thương binh và Xã hội',
      'Sở Văn hóa, Thể thao và Du lịch',
    ]);
    expect(splitAgencies('Các sở, ngành; UBND các quận, huyện')).toEqual([
      'Các sở, ngành',
      'Ủy ban nhân dân các quận, huyện',
    ]);
  });
});

describe('resolveAgency', () => {
  it('expands abbreviations and unifies tones to one kind', () => {
    for (const n of ['Sở KH&CN', 'Sở KHCN', 'Sở Khoa học và Công nghệ']) {
      expect(resolveAgency(n, 'Hải Phòng')).toMatchObject({
        kind: 'so-khoa-hoc-va-cong-nghe',
        key: 'so-khoa-hoc-va-cong-nghe@Hải Phòng',
      });
    }
    expect(resolveAgency('Uỷ ban nhân dân thành phố', 'Hải Phòng').kind).toBe('ubnd-tinh');
    expect(resolveAgency('BCS Đảng UBND tỉnh', 'Lào Cai').kind).toBe('ban-can-su-dang-ubnd');
    expect(resolveAgency('Sở Văn hoá Thể thao du lịch', null).name).toBe('Sở Văn hóa, Thể thao và Du lịch');
  });
  it('scopes provincial agencies by locality and central ones to TW', () => {
    const a = resolveAgency('Sở Y tế', 'Hải Phòng');
    const b = resolveAgency('Sở Y tế', 'Bình Thuận');
    expect(a.kind).toBe(b.kind);
    expect(a.key).not.toBe(b.key);
    expect(resolveAgency('Bộ Y tế', 'Hải Phòng')).toMatchObject({ key: 'bo-y-te@TW', locality: null });
  });
  it('marks placeholders as groups that never share a key with a real agency', () => {
    const g = resolveAgency('Các sở, ngành, đơn vị liên quan', 'Hải Phòng');
    expect(g.isGroup).toBe(true);
    expect(g.key.startsWith('group:')).toBe(true);
    expect(resolveAgency('UBND các quận, huyện', 'Hải Phòng').isGroup).toBe(true);
    expect(resolveAgency('các huyện ủy, thị ủy, thành ủy', 'Lào Cai').isGroup).toBe(true);
    expect(resolveAgency('Ban Quản lý các khu bảo tồn biển', 'Hải Phòng').isGroup).toBe(false);
  });
});

describe('shared "Các Sở:" heads', () => {
  it('expands "Các Sở: Nông nghiệp…, Y tế" into one department each', () => {
    expect(
      splitAgencies(
        'Các Sở: Nông nghiệp và Phát triển nông thôn, Thông tin và Truyền thông, Tài nguyên và Môi trường, Công Thương, Y tế',
      ),
    ).toEqual([
      'Sở Nông nghiệp và Phát triển nông thôn',
      'Sở Thông tin và Truyền thông',
      'Sở Tài nguyên và Môi trường',
      'Sở Công Thương',
      'Sở Y tế',
    ]);
  });
});

describe('resolveAgency: a body named by the office of its head', () => {
  it.each([
    ['Bộ trưởng Bộ Tài chính', 'bo-tai-chinh@TW'],
    ['Thống đốc Ngân hàng Nhà nước Việt Nam', 'ngan-hang-nha-nuoc@TW'],
    ['Giám đốc Sở Y tế', 'so-y-te@Hải Phòng'],
    ['Chánh Văn phòng Ủy ban nhân dân thành phố', 'van-phong-ubnd@Hải Phòng'],
  ])('"%s" is %s', (name, key) => expect(resolveAgency(name, 'Hải Phòng').key).toBe(key));
  it('a chairperson stays the office the gazetteer knows', () => {
    expect(resolveAgency('Chủ tịch Ủy ban nhân dân tỉnh', 'Hải Phòng').key).toBe(
      'chu-tich-ubnd-tinh@Hải Phòng',
    );
  });
});
