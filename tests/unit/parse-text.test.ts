import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBytes, fixLegacyFonts } from '../../ingest/parse/encoding.ts';
import { parse, type ParseOptions } from '../../ingest/parse/index.ts';
import {
  decodeTcvn3Bytes,
  decodeVni,
  encodeTcvn3,
  encodeTcvn3Mojibake,
  encodeVni,
} from '../../ingest/parse/legacy-fonts.ts';
import { normalizePageText, removeRunningLines } from '../../ingest/parse/pdf-layout.ts';
import { reflow } from '../../ingest/parse/reflow.ts';
import { codeOf, parseFile as parseWith } from '../helpers/parse.ts';
import { buildParseFixtures, type FixturePaths } from '../setup/fixtures.ts';

const OPTS: ParseOptions = { maxBytes: 10_000_000, timeoutMs: 30_000, ocr: 'off' };

const parseFile = (path: string) => parseWith(path, OPTS);

let fx: FixturePaths;
let expected: string;
beforeAll(async () => {
  fx = await buildParseFixtures('data/fixtures/parse');
  expected = (await readFile(fx.legacyExpected, 'utf8')).normalize('NFC');
}, 600_000);

describe('legacy font tables', () => {
  const sentences = [
    'Cộng hoà xã hội chủ nghĩa Việt Nam',
    'Độc lập - Tự do - Hạnh phúc',
    'Phấn đấu công nghiệp sinh học đóng góp 10% vào GRDP của tỉnh; ưu tiên nghiên cứu, ứng dụng.',
    'KẾ HOẠCH thực hiện Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị',
  ];

  it('decodes the classic mojibake samples', () => {
    expect(fixLegacyFonts('Céng hoµ x· héi chñ nghÜa ViÖt Nam, §éc lËp - Tù do - H¹nh phóc').text).toBe(
      'Cộng hoà xã hội chủ nghĩa Việt Nam, Độc lập - Tự do - Hạnh phúc',
    );
    expect(decodeVni('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam')).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
  });

  it('round-trips real sentences through TCVN3 and VNI', () => {
    for (const s of sentences) {
      expect(decodeTcvn3Bytes(encodeTcvn3(s))).toBe(s);
      expect(fixLegacyFonts(Array(3).fill(encodeTcvn3Mojibake(s)).join('\n')).text).toBe(
        Array(3).fill(s).join('\n'),
      );
      expect(decodeVni(encodeVni(s))).toBe(s);
    }
  });

  it('agrees with the TCVN 5712 table of iconv-lite for every TCVN3 letter', () => {
    const bytes = Buffer.from(Array.from({ length: 0x5f }, (_, i) => 0xa1 + i));
    const ours = decodeTcvn3Bytes(bytes);
    const ref = iconv.decode(bytes, 'tcvn');
    for (let i = 0; i < bytes.length; i++) {
      const r = ref.charAt(i);
      if (/\p{Ll}/u.test(r) || 'ĂÂÊÔƠƯĐ'.includes(r)) expect(ours.charAt(i)).toBe(r);
    }
  });

  it('leaves ordinary Vietnamese Unicode alone', () => {
    for (const s of sentences) expect(fixLegacyFonts(s.repeat(5)).warning).toBeUndefined();
  });
});

describe('parse: text encodings', () => {
  it('converts TCVN3 bytes, TCVN3 and VNI mojibake, Windows-1258 and UTF-16 to the exact text', async () => {
    for (const path of [fx.tcvn3Bytes, fx.tcvn3Mojibake, fx.vniMojibake, fx.windows1258, fx.utf16le]) {
      const doc = await parseFile(path);
      expect(doc.text, path).toBe(expected);
      expect(doc.warnings.length, path).toBeGreaterThan(0);
    }
  });

  it('reads the UTF-8 seed unchanged (NFC) and records its pipe table', async () => {
    const doc = await parseFile(fx.seeds.hp.txt);
    expect(doc.format).toBe('text');
    expect(doc.text).toBe((await readFile(fx.seeds.hp.txt, 'utf8')).normalize('NFC'));
    expect(doc.warnings).toEqual([]);
    expect(doc.tables?.[0]?.rows[0]?.[0]).toBe('TT');
  });

  it('rejects undecodable and bad files with stable codes', async () => {
    const latin = iconv.encode(
      'Ceci est un texte français très ordinaire, déjà écrit en Latin-1. '.repeat(5),
      'latin1',
    );
    const file = (name: string, bytes: Buffer) => parse({ path: name, name, bytes }, OPTS);
    expect(await codeOf(file('fr.txt', latin))).toBe('UNKNOWN_ENCODING');
    expect(await codeOf(parseFile(fx.empty))).toBe('EMPTY_FILE');
    expect(await codeOf(parseFile(fx.whitespace))).toBe('EMPTY_FILE');
    expect(await codeOf(parseFile(fx.binary))).toBe('BINARY_FILE');
    expect(
      await codeOf(file('a.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]))),
    ).toBe('UNSUPPORTED_FORMAT');
    expect(await codeOf(file('a.xlsx', Buffer.from('PK\x03\x04....xl/workbook.xml', 'latin1')))).toBe(
      'UNSUPPORTED_FORMAT',
    );
    expect(await codeOf(file('a.pdf', Buffer.from('not a pdf at all')))).toBe('CORRUPT_FILE');
    expect(await codeOf(file('big.txt', Buffer.alloc(OPTS.maxBytes + 1, 0x61)))).toBe('TOO_LARGE');
  });
});

describe('layout helpers', () => {
  it('joins a letter split from its combining mark across a line break', () => {
    expect(normalizePageText('Vie\u0323\n\u0302t Nam')).toBe('Việt Nam');
    expect(normalizePageText('ngươ\n\u0300i')).toBe('người');
  });

  it('removes running headers and page numbers but keeps body lines', () => {
    const pages = [1, 2, 3].map((n) => [
      'UBND TỈNH LÀO CAI',
      `Nội dung trang ${n} khác nhau hẳn ${'x'.repeat(n)}`,
      `- ${n} -`,
    ]);
    const { pages: out } = removeRunningLines(pages);
    expect(out).toEqual([1, 2, 3].map((n) => [`Nội dung trang ${n} khác nhau hẳn ${'x'.repeat(n)}`]));
  });

  it('re-flows sentences but keeps headings and list items apart', () => {
    const long =
      'Quán triệt sâu sắc nội dung Nghị quyết số 36-NQ/TW và Chương trình hành động số 50-CTr/TU, tạo';
    const lines = [
      'I. MỤC ĐÍCH, YÊU CẦU',
      long,
      'sự đồng thuận cao.',
      '- Ý một;',
      '- Ý hai',
      'tiếp tục.',
    ].map((text, i) => ({
      text,
      page: i < 2 ? 1 : 2,
    }));
    const blocks = reflow(lines);
    expect(blocks.map((b) => b.text)).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      `${long} sự đồng thuận cao.`,
      '- Ý một;',
      '- Ý hai tiếp tục.',
    ]);
    expect(blocks[1]?.pageBreaks).toEqual([{ offset: long.length + 1, page: 2 }]);
  });
});

describe('UTF-8 cut inside its last character', () => {
  it('reads a seed whose last character was cut short as UTF-8, dropping only those bytes', async () => {
    const seed = await readFile('corpus/000_953892a000611854.txt');
    const text = seed.toString('utf8');
    // end the file inside the first multi-byte character after byte 3000 (a truncated copy)
    let at = 3000;
    while (seed[at]! < 0xc0) at++;
    const cut = seed.subarray(0, at + 1);
    const decoded = decodeBytes(cut, 'cut.txt');
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.warnings.join(' ')).toMatch(/cut short/);
    expect(text.startsWith(decoded.text)).toBe(true);
    expect(decoded.text.length).toBeGreaterThan(900);
  });
});
