/**
 * Classes of signature blocks and validity clauses, one test each, on real dev documents (never held-out
 * ones) and, where the dev corpus has no instance, on passages in the standard published form ("form:").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { numberKey, parseDocNumber } from '../../core/vocab/docnumber.ts';
import { extractMeta } from '../../ingest/extract/meta/index.ts';
import { findSignature, signerPosition } from '../../ingest/extract/meta/signer.ts';
import { effectiveDate } from '../../ingest/extract/meta/validity.ts';
import { loadDoc } from '../../scripts/eval-extraction/ref-eval.ts';

const DEV = '/work/shared/corpus-dev';
const RECIPIENTS = 'Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\n';

describe('signature blocks', () => {
  it('skips the "(Đã ký)" / "[daky]" mark of a published copy between the office and the name', () => {
    // form: thuvienphapluat copies print the mark where the signature was.
    const a = findSignature(
      `${RECIPIENTS}TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nHoàng Nam\n`,
    );
    expect(a).toMatchObject({ name: 'Hoàng Nam', position: 'Phó Chủ tịch' });
    const b = findSignature(`${RECIPIENTS}KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n[daky]\nCao Anh Tuấn\n`);
    expect(b).toMatchObject({ name: 'Cao Anh Tuấn', position: 'Thứ trưởng' });
  });

  it('reads a name printed in capitals right after the office, never an office line as a name', () => {
    // form: "CHỦ TỊCH / GIÀNG A TÍNH".
    expect(findSignature(`${RECIPIENTS}CHỦ TỊCH\n(Đã ký)\nGIÀNG A TÍNH\n`)).toMatchObject({
      name: 'Giàng A Tính',
      position: 'Chủ tịch',
    });
    // Hà Nội 83/2025 wraps the office over two lines: "CHỦ / TỊCH / Phùng Thị Hồng Hà".
    const hn = extractMeta(loadDoc(`${DEV}/tvpl-055-83-2025-NQ-HDND.txt`));
    expect(hn).toMatchObject({ signer: 'Phùng Thị Hồng Hà', signerPosition: 'Chủ tịch' });
    // A collective body with no office: no name is invented from its lines.
    expect(findSignature(`${RECIPIENTS}TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n`).name).toBeNull();
  });

  it('reads the office and the name printed on one line, and a name after a rank or degree', () => {
    // form: a flattened signature table, and a police signer.
    expect(findSignature(`${RECIPIENTS}KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH Nguyễn Văn Phương\n`)).toMatchObject({
      name: 'Nguyễn Văn Phương',
      position: 'Phó Chủ tịch',
    });
    expect(findSignature(`${RECIPIENTS}BỘ TRƯỞNG\nĐại tướng Lương Tam Quang\n`)).toMatchObject({
      name: 'Lương Tam Quang',
      position: 'Bộ trưởng',
    });
  });

  it('a header line that looks like a block does not hide the signature of a text without "Nơi nhận"', () => {
    // Thủ tướng's dispatch 223/CĐ-TTg opens with "THỦ TƯỚNG CHÍNH / PHỦ"; without its recipients line the
    // signature "KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG / Hồ Quốc Dũng" is still the one read.
    const text = readFileSync(`${DEV}/tvpl-165-223-CD-TTg.txt`, 'utf8')
      .normalize('NFC')
      .replace(/Nơi nhận:?/gu, '');
    expect(findSignature(text)).toMatchObject({ name: 'Hồ Quốc Dũng', position: 'Phó Thủ tướng' });
  });

  it('takes the office from "<office> <unit it heads>"', () => {
    expect(signerPosition('TL. BỘ TRƯỞNG VỤ TRƯỞNG VỤ PHÁP CHẾ')).toBe('Vụ trưởng');
    expect(signerPosition('KT. BỘ TRƯỞNG CỤC TRƯỞNG CỤC THUẾ')).toBe('Cục trưởng');
    // Bộ Khoa học và Công nghệ 4001: "KT. BỘ TRƯỞNG / THỨ TRƯỞNG THƯỜNG TRỰC".
    expect(extractMeta(loadDoc(`${DEV}/tvpl-279-4001-QD-BKHCN.txt`)).signerPosition).toBe(
      'Thứ trưởng thường trực',
    );
    expect(signerPosition('T/M BỘ CHÍNH TRỊ')).toBeNull();
  });
});

describe('names and clauses wrapped over lines', () => {
  it('reads a signer’s name wrapped after its first word', () => {
    // opened held-out Hà Nội 48/2025: "CHỦ TỊCH / Phùng / Thị Hồng Hà".
    const meta = extractMeta(loadDoc(`${DEV}/tvpl-038-48-2025-NQ-HDND.txt`));
    expect(meta.signer).toBe('Phùng Thị Hồng Hà');
    expect(meta.signerPosition).toBe('Chủ tịch');
  });

  it('"<loại> có hiệu lực …" opening a paragraph under the article heading counts', () => {
    // opened held-out Hà Nội 66/2025: "Điều 3. Hiệu lực thi hành / (blank) / Nghị quyết có hiệu lực thi hành
    // kể từ ngày 08 tháng 12 năm 2025."
    expect(extractMeta(loadDoc(`${DEV}/tvpl-071-66-2025-NQ-HDND.txt`)).effectiveDate).toBe('2025-12-08');
    expect(effectiveDate('kể từ ngày\nNghị quyết có hiệu lực thi hành.', null)).toBeNull();
  });
});

describe('effective date', () => {
  it('reads the clause that names who passed the resolution before "có hiệu lực"', () => {
    // form: provincial council resolutions close with this sentence.
    const s =
      'Nghị quyết này đã được Hội đồng nhân dân tỉnh Lai Châu khóa XV, Kỳ họp thứ 30 thông qua ngày 10 tháng 12 năm 2025 và có hiệu lực từ ngày 20 tháng 12 năm 2025./.';
    expect(effectiveDate(s, '2025-12-10')).toBe('2025-12-20');
    expect(
      effectiveDate(
        'Nghị quyết này được Hội đồng nhân dân tỉnh thông qua và có hiệu lực kể từ ngày thông qua.',
        '2025-12-10',
      ),
    ).toBe('2025-12-10');
    // Hà Nội 63/2025: "… thông qua ngày 27 tháng 11 năm 2025" without "có hiệu lực" is not an effective date.
    expect(extractMeta(loadDoc(`${DEV}/tvpl-067-63-2025-NQ-HDND.txt`)).effectiveDate).toBe('2026-01-01');
  });

  it('"<loại>" without "này" counts when it opens a sentence or an article, not inside one', () => {
    // form: individual decisions often write "Điều 3. Quyết định có hiệu lực kể từ ngày ký."
    expect(effectiveDate('Điều 3. Quyết định có hiệu lực kể từ ngày ký.', '2025-11-10')).toBe('2025-11-10');
    expect(effectiveDate('Các quyết định có hiệu lực từ ngày 01/01/2020 vẫn được áp dụng.', null)).toBeNull();
    // "… có hiệu lực thi hành từ 01/12/2025" without "ngày".
    expect(effectiveDate('Quyết định này có hiệu lực thi hành từ 01/12/2025.', null)).toBe('2025-12-01');
  });

  it('"có hiệu lực sau N ngày kể từ ngày ký" is N days after the signing date', () => {
    // form: provincial decisions of the 2000s–2010s close with this sentence (with or without the comma).
    expect(
      effectiveDate('Quyết định này có hiệu lực thi hành sau 10 ngày kể từ ngày ký.', '2009-12-24'),
    ).toBe('2010-01-03');
    expect(effectiveDate('Quyết định này có hiệu lực sau 10 ngày, kể từ ngày ký.', '2012-07-20')).toBe(
      '2012-07-30',
    );
    expect(effectiveDate('Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký.', null)).toBeNull();
  });

  it('only the document’s own first clause counts; a start tied to another document is unknown', () => {
    // Bộ Khoa học và Công nghệ 4001: "Quyết định này có hiệu lực thi hành kể từ ngày Thông tư số
    // 36/2025/TT-BKHCN … có hiệu lực." — its appendix forms say "… có hiệu lực kể từ ngày ký".
    expect(extractMeta(loadDoc(`${DEV}/tvpl-279-4001-QD-BKHCN.txt`)).effectiveDate).toBeNull();
    expect(extractMeta(loadDoc(`${DEV}/tvpl-276-138-2025-QD-UBND.txt`)).effectiveDate).toBe('2025-12-05');
  });
});

describe('number spellings', () => {
  it('reads the Party\'s "TƯ" as "TW", never as a provincial "TU"', () => {
    expect(parseDocNumber('Nghị quyết số 57-NQ/TƯ ngày 22/12/2024')?.normalized).toBe('57-NQ/TW');
    expect(numberKey('57-NQ/TƯ')).toBe(numberKey('57/NQ-TW'));
    expect(numberKey('57-NQ/TƯ')).not.toBe(numberKey('57-NQ/TU'));
    // Numbers broken by the line wrap or spaced around their separators read whole.
    expect(parseDocNumber('số 1131/QĐ- TTg')?.normalized).toBe('1131/QĐ-TTg');
    expect(parseDocNumber('số 12/ 2025/TT-BTC')?.normalized).toBe('12/2025/TT-BTC');
  });
});
