import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParseOptions } from '../../ingest/parse/index.ts';
import { ocrAvailable } from '../../ingest/parse/ocr.ts';
import type { ParsedDocument } from '../../core/types.ts';
import { codeOf, parseFile as parseWith } from '../helpers/parse.ts';
import { buildParseFixtures, type FixturePaths } from '../setup/fixtures.ts';

const run = promisify(execFile);
const OPTS: ParseOptions = { maxBytes: 50_000_000, timeoutMs: 120_000, ocr: 'auto' };
const norm = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

const parseFile = (path: string, opts: Partial<ParseOptions> = {}): Promise<ParsedDocument> =>
  parseWith(path, { ...OPTS, ...opts });

let fx: FixturePaths;
const docs: Record<string, ParsedDocument> = {};

beforeAll(async () => {
  fx = await buildParseFixtures('data/fixtures/parse');
  docs.lc = await parseFile(fx.seeds.lc.pdf);
  docs.hp = await parseFile(fx.seeds.hp.pdf);
}, 600_000);

describe('parse: PDF text layer', () => {
  it('keeps the key sentences and targets of the Lào Cai seed', async () => {
    const txt = norm(await readFile(fx.seeds.lc.txt, 'utf8'));
    const pdf = norm(docs.lc?.text ?? '');
    for (const phrase of [
      'phần đầu đóng góp vào GRDP khoảng 7%, bảo đảm các nhu cầu thiết yếu của xã hội.',
      'phần đầu công nghiệp sinh học đóng góp 10% vào GRDP của tỉnh.',
      'Chương trình hành động số 152-CTr/TU ngày 10/08/2017 của Tỉnh ủy Lào Cai',
    ]) {
      expect(txt).toContain(phrase);
      expect(pdf).toContain(phrase);
    }
    expect(docs.lc?.text).toBe(docs.lc?.text.normalize('NFC'));
  });

  it('renders ruled tables as pipe rows matching the seed rows', () => {
    const hp = docs.hp as ParsedDocument;
    const rows = (hp.tables ?? []).flatMap((t) => t.rows.map((r) => r.map(norm).join(' | ')));
    expect(rows).toContain(
      '1 | Tuyên truyền, phổ biến về phát triển và ứng dụng công nghệ sinh học | Sở Thông tin và Truyền thông | Các sở, ngành; UBND các quận, huyện | Các chương trình, sản phẩm truyền thông | Hàng năm',
    );
    expect(rows).toContain(
      '5 | Ứng dụng công nghệ sinh học xét nghiệm phòng chống dịch bệnh | Sở Y tế | Các đơn vị liên quan | - | 2024-2030',
    );
    for (const t of hp.tables ?? []) expect(hp.text.slice(t.start, t.end).startsWith('| ')).toBe(true);
    const lc = docs.lc as ParsedDocument;
    expect(lc.text).toContain(
      '| 1 | Tổ chức học tập, quán triệt, tuyên truyền Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ chính trị',
    );
    expect(norm(hp.text)).toContain('Quyết định số 429/QĐ-TTg ngày 24/3/2021');
  });

  it('removes running headers and page numbers and re-flows lines', () => {
    const lc = docs.lc as ParsedDocument;
    expect(lc.text).not.toContain('Văn bản thử nghiệm');
    expect(lc.text.split('\n').filter((l) => /^\d{1,2}$/u.test(l.trim()))).toEqual([]);
    expect(lc.text).toContain('\n\nI. TÌNH HÌNH\n\n');
    expect(lc.text).toContain('\n\n2.1. Đến năm 2030\n\n');
  });

  it('has exact page spans: a phrase on page N (pdftotext) falls in page N', async () => {
    for (const [key, path] of [
      ['lc', fx.seeds.lc.pdf],
      ['hp', fx.seeds.hp.pdf],
    ] as const) {
      const doc = docs[key] as ParsedDocument;
      const pages = doc.pages ?? [];
      expect(pages.length).toBeGreaterThan(5);
      let checked = 0;
      for (let n = 1; n <= pages.length; n++) {
        const { stdout } = await run('pdftotext', ['-f', `${n}`, '-l', `${n}`, path, '-']);
        const phrase = stdout
          .split('\n')
          .map((l) => l.trim().normalize('NFC'))
          .find(
            (l) =>
              l.length >= 30 && doc.text.indexOf(l) >= 0 && doc.text.indexOf(l) === doc.text.lastIndexOf(l),
          );
        if (phrase === undefined) continue; // pages holding only narrow table cells
        const at = doc.text.indexOf(phrase);
        const span = pages.find((p) => p.page === n);
        expect(span && at >= span.start && at < span.end, `${key} page ${n}: ${phrase}`).toBe(true);
        checked++;
      }
      expect(checked).toBeGreaterThanOrEqual(pages.length * 0.5);
    }
  });
});

describe('parse: bad PDFs', () => {
  it('rejects encrypted, truncated and hanging PDFs with stable codes', async () => {
    if (fx.encryptedPdf) expect(await codeOf(parseFile(fx.encryptedPdf))).toBe('ENCRYPTED');
    expect(await codeOf(parseFile(fx.truncatedPdf))).toBe('CORRUPT_FILE');
    expect(await codeOf(parseFile(fx.seeds.hp.pdf, { timeoutMs: 5 }))).toBe('PARSE_TIMEOUT');
    expect(await codeOf(parseFile(fx.seeds.hp.pdf, { maxBytes: 1000 }))).toBe('TOO_LARGE');
  });

  it('reports NO_TEXT for a scanned PDF when OCR is off', async () => {
    if (!fx.scannedPdf) return;
    expect(await codeOf(parseFile(fx.scannedPdf, { ocr: 'off' }))).toBe('NO_TEXT');
  });
});

describe('parse: scanned PDF with OCR', () => {
  it('finds key phrases and reports a confidence', async (ctx) => {
    if (!fx.scannedPdf || !(await ocrAvailable())) {
      ctx.skip('tesseract with the vie model or pdftoppm is not installed');
      return;
    }
    const doc = await parseFile(fx.scannedPdf, { ocr: 'auto' });
    const text = norm(doc.text);
    expect(text).toContain('CHƯƠNG TRÌNH');
    expect(text).toContain('36-NQ/TW');
    expect(text).toContain('công nghệ sinh học');
    expect(doc.ocrConfidence).toBeGreaterThan(60);
    expect(doc.pages?.map((p) => p.page)).toEqual([1, 2]);
  });
});
