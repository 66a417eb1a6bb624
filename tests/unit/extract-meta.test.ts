import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  normalizeNumber,
  numberKey,
  numberMatches,
  parseDocNumber,
  referenceKey,
} from '../../core/vocab/docnumber.ts';
import {
  findLocality,
  PROVINCES_2025,
  PROVINCES_PRE_2025,
  successorProvince,
} from '../../core/vocab/localities.ts';
import { extractMeta } from '../../ingest/extract/meta/index.ts';
import { signerPosition } from '../../ingest/extract/meta/signer.ts';
import { effectiveDate } from '../../ingest/extract/meta/validity.ts';
import {
  devRefGoldens,
  loadDoc,
  META_FIELDS,
  metaValue,
  readManifest,
  runCase,
} from '../../scripts/eval-extraction/ref-eval.ts';

const DEV = '/work/shared/corpus-dev';
const cases = devRefGoldens();

describe('localities', () => {
  it('has 63 pre-merger and 34 post-merger units', () => {
    expect(PROVINCES_PRE_2025).toHaveLength(63);
    expect(PROVINCES_2025).toHaveLength(34);
    expect(successorProvince('Bình Thuận')).toBe('Lâm Đồng');
    expect(successorProvince('Hà Giang')).toBe('Tuyên Quang');
    expect(successorProvince('Nam Định')).toBe('Ninh Bình');
  });
  it.each([
    ['UỶ BAN NHÂN DÂN TỈNH BÌNH THUẬN', 'Bình Thuận', 'province'],
    ['UBND thành phố Hải Phòng', 'Hải Phòng', 'province'],
    ['Tỉnh ủy Lào Cai', 'Lào Cai', 'province'],
    ['THÀNH ỦY HẢI PHÒNG', 'Hải Phòng', 'province'],
    ['Ủy ban nhân dân TP. Hồ Chí Minh', 'Thành phố Hồ Chí Minh', 'province'],
    ['Thanh Hoá', 'Thanh Hóa', 'province'],
    ['Thành ủy Tam Điệp', 'Tam Điệp', 'city'],
  ])('%s → %s', (text, name, level) => {
    expect(findLocality(text)).toMatchObject({ name, level });
  });
  it('keeps a provincial city inside its province and ignores common words', () => {
    expect(findLocality('Thành ủy Tam Điệp')?.province).toBe('Ninh Bình');
    expect(findLocality('vì hòa bình và phát triển')).toBeNull();
  });
});

describe('document numbers', () => {
  it.each([
    ['Nghị quyết số 36-NQ/TW', '36-NQ/TW', 'Nghị quyết'],
    ['36/NQ-TW', '36-NQ/TW', 'Nghị quyết'],
    ['189/nq-cp', '189/NQ-CP', 'Nghị quyết'],
    ['189-NQ/CP', '189/NQ-CP', 'Nghị quyết'],
    ['Chương trình hành động số 50-CTr/TU', '50-CTr/TU', 'Chương trình'],
    ['Kế hoạch số 255/KH-UBND', '255/KH-UBND', 'Kế hoạch'],
    ['Quyết định số 429/QĐ-TTg', '429/QĐ-TTg', 'Quyết định'],
    ['Nghị quyết số 78/2025/NQ-HĐND', '78/2025/NQ-HĐND', 'Nghị quyết'],
    ['Thông tư 09/2025/TT-BKHCN', '09/2025/TT-BKHCN', 'Thông tư'],
    ['Kết luận số 06-KL/TW', '06-KL/TW', 'Kết luận'],
    ['Chỉ thị số 50-CT/TW', '50-CT/TW', 'Chỉ thị'],
    ['Tờ trình số 309/TTr-SKHCN', '309/TTr-SKHCN', 'Tờ trình'],
    ['số 10- CTr/TU', '10-CTr/TU', 'Chương trình'],
    ['Nghị định số 79/2025/NĐCP', '79/2025/NĐ-CP', 'Nghị định'],
    ['223/CĐ-TTg', '223/CĐ-TTg', 'Công điện'],
  ])('%s → %s', (raw, norm, type) => {
    expect(normalizeNumber(raw)).toBe(norm);
    expect(parseDocNumber(raw)?.type).toBe(type);
  });
  it('ignores dates', () => {
    expect(parseDocNumber('ngày 30/01/2023')).toBeNull();
  });
  it('compares spellings and short forms', () => {
    expect(numberKey('189/nq-cp')).toBe(numberKey('189/NQ-CP'));
    expect(numberKey('189-NQ/CP')).toBe(numberKey('189/NQ-CP'));
    expect(numberMatches('Nghị quyết 189', '189/NQ-CP')).toBe(true);
    expect(numberMatches('Nghị quyết 190', '189/NQ-CP')).toBe(false);
  });
  it('scopes local numbers to a locality, not central ones', () => {
    expect(referenceKey('50-CTr/TU', 'Hải Phòng')).toBe('50-CTr/TU@Hải Phòng');
    expect(referenceKey('255/KH-UBND', 'Hải Phòng')).toBe('255/KH-UBND@Hải Phòng');
    expect(referenceKey('36/NQ-TW', 'Hải Phòng')).toBe('36-NQ/TW');
    expect(referenceKey('189/NQ-CP', 'Bình Phước')).toBe('189/NQ-CP');
    expect(referenceKey('429/QĐ-TTg', 'Hải Phòng')).toBe('429/QĐ-TTg');
  });
});

describe('signer position and effective date', () => {
  it.each([
    ['TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH', 'Phó Chủ tịch'],
    ['TM. CHÍNH PHỦ KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG', 'Phó Thủ tướng'],
    ['KT. BỘ TRƯỞNG THỨ TRƯỞNG', 'Thứ trưởng'],
    ['TL. CỤC TRƯỞNG KT. TRƯỞNG BAN NGHIỆP VỤ THUẾ HQ PHÓ TRƯỞNG BAN', 'Phó Trưởng ban'],
    ['**T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ**', 'Phó Bí thư'],
    ['CHỦ TỊCH', 'Chủ tịch'],
    ['T/M BỘ CHÍNH TRỊ', null],
  ])('%s → %s', (block, position) => {
    expect(signerPosition(block)).toBe(position);
  });

  it('reads the date after "<loại> này có hiệu lực … từ ngày", the signing date for "kể từ ngày ký"', () => {
    expect(
      effectiveDate('Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 05/12/2025 và thay thế', null),
    ).toBe('2025-12-05');
    expect(
      effectiveDate('1. Nghị quyết này có hiệu lực thi hành\nkể từ ngày 01 tháng 01 năm 2026,', null),
    ).toBe('2026-01-01');
    expect(effectiveDate('Quyết định này có hiệu lực kể từ ngày ký.', '2025-11-18')).toBe('2025-11-18');
    expect(effectiveDate('Quyết định này có hiệu lực kể từ ngày ký.', '2024-04')).toBeNull();
    // Another document's end of validity says nothing of this one's start.
    expect(
      effectiveDate(
        '3. Nghị quyết số 01/2024/NQ-HĐND … hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực thi hành.',
        null,
      ),
    ).toBeNull();
  });
});

describe('metadata against golden files', () => {
  it.each(cases.map((c) => [c.golden.file, c] as const))('%s', (_file, c) => {
    const { meta } = runCase(c);
    const diffs: string[] = [];
    for (const f of META_FIELDS) {
      const want = c.golden.meta[f];
      const got = meta[f];
      if (metaValue(f, want) !== metaValue(f, got))
        diffs.push(`${f}: expected ${String(want)}, got ${String(got)}`);
    }
    expect(diffs).toEqual([]);
  });
});

describe('metadata of every corpus-dev document against its manifest', () => {
  const manifest = readManifest(DEV);
  const files = readdirSync(DEV).filter((f) => f.endsWith('.txt'));
  it('covers every document of the manifest', () => expect(files).toHaveLength(manifest.length));
  it.each(files)('%s', (file) => {
    const entry = manifest.find((m) => m.file === file);
    const meta = extractMeta(loadDoc(join(DEV, file)));
    const want = {
      type: entry?.type as string,
      number: numberKey(entry?.number as string),
      date: entry?.date as string,
      locality: findLocality(entry?.issuer as string)?.name ?? null,
    };
    const got = {
      type: meta.type,
      number: meta.number === null ? null : numberKey(meta.number),
      date: meta.date,
      locality: meta.locality,
    };
    expect(got).toEqual(want);
  });
});
