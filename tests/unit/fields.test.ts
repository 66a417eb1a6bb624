import { describe, expect, it } from 'vitest';
import { FIELDS, findField, tagFields } from '../../ingest/extract/fields.ts';

describe('fields', () => {
  it('has stable unique slugs with both labels', () => {
    expect(new Set(FIELDS.map((f) => f.slug)).size).toBe(FIELDS.length);
    for (const s of [
      'y-te',
      'nong-nghiep',
      'bien',
      'moi-truong',
      'cong-nghiep',
      'quoc-phong-an-ninh',
      'giao-duc-nhan-luc',
      'tuyen-truyen',
      'co-che-chinh-sach',
      'hop-tac-quoc-te',
      'khoa-hoc-cong-nghe',
    ]) {
      expect(findField(s)?.slug).toBe(s);
    }
  });
  it('finds a field by Vietnamese label with or without diacritics, or by English label', () => {
    expect(findField('y tế')?.slug).toBe('y-te');
    expect(findField('y te')?.slug).toBe('y-te');
    expect(findField('Health')?.slug).toBe('y-te');
    expect(findField('biển')?.slug).toBe('bien');
    expect(findField('marine')?.slug).toBe('bien');
    expect(findField('nong nghiep')?.slug).toBe('nong-nghiep');
    expect(findField('không có')).toBeNull();
  });
  it('tags from text and heading context, without confusing biển and biến', () => {
    expect(
      tagFields('Ứng dụng công nghệ sinh học xét nghiệm', [
        '4. Phát triển, ứng dụng công nghệ sinh học trong lĩnh vực y tế',
      ]),
    ).toContain('y-te');
    expect(tagFields('sinh vật biển')).toContain('bien');
    expect(tagFields('thích ứng với biến đổi khí hậu')).not.toContain('bien');
    expect(tagFields('Phát triển công nghệ sinh học biển')).toEqual(
      expect.arrayContaining(['bien', 'cong-nghe-sinh-hoc']),
    );
  });
});

describe('phrases that are not a field', () => {
  it('"công nghiệp hóa, hiện đại hóa" does not tag industry; "công nghiệp chế biến" does', () => {
    expect(tagFields('đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước')).not.toContain('cong-nghiep');
    expect(tagFields('day manh cong nghiep hoa')).not.toContain('cong-nghiep');
    expect(tagFields('phát triển công nghiệp chế biến')).toContain('cong-nghiep');
  });
});
