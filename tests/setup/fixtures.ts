/**
 * Parse-stage fixtures generated from the real seed documents in corpus/: each seed is written as a flat ODT
 * (real tables from its pipe/tab rows, the header row repeated on each page; a running header and page-number
 * footer) and rendered to DOCX and PDF by LibreOffice; one PDF is rasterised (pdftoppm) and rebuilt as an image-only PDF; legacy encodings come
 * from our encoders; bad files (encrypted, truncated, empty, binary) complete the set. Generation is cached:
 * a `.done` marker with the fixture version skips all work; a lock dir serialises parallel test files.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { encodeTcvn3, encodeTcvn3Mojibake, encodeVni } from '../../ingest/parse/legacy-fonts.ts';

const xml = (s: string): string =>
  s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

/** Cells of a seed table line: Markdown pipe row or tab-separated row (≥ 3 cells); null for prose. */
function seedRow(line: string): string[] | 'skip' | null {
  const t = line.trim();
  if (t.startsWith('|') && t.endsWith('|') && t.length > 1) {
    if (/^\|[\s|:-]+\|$/u.test(t)) return 'skip';
    return t
      .slice(1, -1)
      .split('|')
      .map((c) => c.trim());
  }
  const cells = line.split('\t');
  return cells.length >= 3 ? cells.map((c) => c.trim()) : null;
}

function fodtTable(rows: string[][], n: number): string {
  const width = Math.max(...rows.map((r) => r.length));
  const cell = (c: string) =>
    `<table:table-cell table:style-name="C" office:value-type="string"><text:p text:style-name="T">${xml(c)}</text:p></table:table-cell>`;
  const row = (r: string[]) =>
    `<table:table-row>${[...r, ...Array<string>(width - r.length).fill('')].map(cell).join('')}</table:table-row>`;
  // A header row (TT/STT first cell) repeats on every page, as in real appendix tables.
  const headed = /^S?TT$/iu.test(rows[0]?.[0] ?? '');
  const body = headed
    ? `<table:table-header-rows>${row(rows[0] ?? [])}</table:table-header-rows>${rows.slice(1).map(row).join('')}`
    : rows.map(row).join('');
  return `<table:table table:name="Table${n}" table:style-name="Tb"><table:table-column table:number-columns-repeated="${width}"/>${body}</table:table>`;
}

/** Seed text → flat ODT: paragraphs, real tables, running header and page-number footer. */
export function seedToFodt(text: string, header: string): string {
  const out: string[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length > 0) out.push(fodtTable(rows, out.length));
    rows = [];
  };
  for (const line of text.split('\n')) {
    const row = seedRow(line);
    if (row === 'skip') continue;
    if (row) {
      if (row.some((c) => c !== '')) rows.push(row);
      continue;
    }
    if (line.trim() === '') continue;
    flush();
    out.push(`<text:p text:style-name="P">${xml(line.trim())}</text:p>`);
  }
  flush();
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
<style:style style:name="P" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm" fo:text-align="justify"/><style:text-properties fo:font-size="12pt" style:font-name="Liberation Serif"/></style:style>
<style:style style:name="T" style:family="paragraph"><style:text-properties fo:font-size="10pt"/></style:style>
<style:style style:name="Tb" style:family="table"><style:table-properties style:width="17cm" table:align="margins"/></style:style>
<style:style style:name="C" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.08cm"/></style:style>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p>${xml(header)}</text:p></style:header>
<style:footer><text:p><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>${out.join('\n')}</office:text></office:body></office:document>`;
}

function jpegSize(jpeg: Buffer): { width: number; height: number } {
  for (let i = 2; i < jpeg.length;) {
    const marker = jpeg[i + 1] ?? 0;
    const len = jpeg.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xc2)
      return { height: jpeg.readUInt16BE(i + 5), width: jpeg.readUInt16BE(i + 7) };
    i += 2 + len;
  }
  throw new Error('No JPEG frame header');
}

/** A minimal PDF with one full-page JPEG per page and no text layer (a "scanned" document). */
export function buildImagePdf(jpegs: Buffer[]): Buffer {
  const objs: Buffer[] = [];
  const kids = jpegs.map((_, i) => `${3 + i * 3} 0 R`).join(' ');
  objs.push(Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'));
  objs.push(Buffer.from(`<< /Type /Pages /Kids [${kids}] /Count ${jpegs.length} >>`));
  jpegs.forEach((jpeg, i) => {
    const { width, height } = jpegSize(jpeg);
    const n = 3 + i * 3;
    const draw = 'q 595 0 0 842 0 0 cm /Im0 Do Q';
    objs.push(
      Buffer.from(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 ${n + 1} 0 R >> >> /Contents ${n + 2} 0 R >>`,
      ),
    );
    const head = `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`;
    objs.push(Buffer.concat([Buffer.from(head), jpeg, Buffer.from('\nendstream')]));
    objs.push(Buffer.from(`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`));
  });
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let pos = chunks[0]?.length ?? 0;
  objs.forEach((o, i) => {
    const c = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), o, Buffer.from('\nendobj\n')]);
    offsets.push(pos);
    chunks.push(c);
    pos += c.length;
  });
  const xref = [
    'xref',
    `0 ${objs.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
  ];
  chunks.push(
    Buffer.from(
      `${xref.join('\n')}\ntrailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${pos}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(chunks);
}

/** A page saved from a legal portal: menus, login box, download links around the document body. */
export function portalHtml(): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kế hoạch 36-NQ/TW</title>
<style>.x{color:red}</style><script>var tracking = "Tải về ngay";</script></head><body>
<header><div class="logo">THƯ VIỆN PHÁP LUẬT</div><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/vb">Văn bản mới</a></li></ul></nav></header>
<div id="login-box"><form><label>Tên đăng nhập</label><input name="u"><button>Đăng nhập</button></form></div>
<div class="wrapper"><aside class="sidebar"><h3>Văn bản liên quan</h3><ul><li><a href="#">Nghị quyết 45-NQ/TW về Hải Phòng</a></li></ul></aside>
<div class="toolbar"><a href="/download">Tải về</a> <a href="/print">In văn bản</a></div>
<div class="content1"><div id="divContentDoc">
<p align="center"><b>KẾ HOẠCH</b></p>
<p>Thực hiện Nghị quyết số 36-NQ/TW, ngày 30/01/2023 của Bộ Chính trị về phát triển và ứng dụng công nghệ sinh học phục vụ phát triển bền vững đất nước trong tình hình mới.</p>
<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>
<p>1. Mục đích</p>
<p>Quán triệt sâu sắc nội dung Nghị quyết số 36-NQ/TW và Chương trình hành động số 50-CTr/TU,<br>tạo sự đồng thuận, nhất trí cao trong nhận thức và hành động.</p>
<ul><li>Công nghệ sinh học được ứng dụng rộng rãi;</li><li>Tỷ lệ doanh nghiệp đạt 10%.</li></ul>
<table border="1"><tr><th>TT</th><th>Tên đề án, nhiệm vụ</th><th>Cơ quan chủ trì</th></tr>
<tr><td>1</td><td><p>Tuyên truyền, phổ biến về phát triển</p><p>và ứng dụng công nghệ sinh học</p></td><td>Sở Thông tin và Truyền thông</td></tr></table>
</div></div></div>
<footer><p>Bản quyền © THƯ VIỆN PHÁP LUẬT</p></footer></body></html>`;
}

const run = promisify(execFile);
const VERSION = '5';

export const SEEDS = { hp: '000_953892a000611854', lc: '003_6bb3cc9c64edf399' } as const;

export interface SeedFixture {
  txt: string;
  docx: string;
  pdf: string;
}

export interface FixturePaths {
  dir: string;
  seeds: Record<keyof typeof SEEDS, SeedFixture>;
  /** Image-only PDF of the first two pages of the Lào Cai PDF; null when pdftoppm is missing. */
  scannedPdf: string | null;
  tcvn3Bytes: string;
  tcvn3Mojibake: string;
  vniMojibake: string;
  windows1258: string;
  utf16le: string;
  /** Unicode text the legacy-encoded files must decode to. */
  legacyExpected: string;
  html: string;
  encryptedPdf: string | null;
  truncatedPdf: string;
  empty: string;
  whitespace: string;
  binary: string;
}

export async function hasTool(cmd: string, args: string[] = ['--version']): Promise<boolean> {
  try {
    await run(cmd, args, { timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

function paths(dir: string): FixturePaths {
  const seed = (id: string): SeedFixture => ({
    txt: join(dir, `${id}.txt`),
    docx: join(dir, `${id}.docx`),
    pdf: join(dir, `${id}.pdf`),
  });
  return {
    dir,
    seeds: { hp: seed(SEEDS.hp), lc: seed(SEEDS.lc) },
    scannedPdf: join(dir, 'scanned.pdf'),
    tcvn3Bytes: join(dir, 'tcvn3-bytes.txt'),
    tcvn3Mojibake: join(dir, 'tcvn3-mojibake.txt'),
    vniMojibake: join(dir, 'vni-mojibake.txt'),
    windows1258: join(dir, 'windows-1258.txt'),
    utf16le: join(dir, 'utf16le.txt'),
    legacyExpected: join(dir, 'legacy-expected.txt'),
    html: join(dir, 'portal.html'),
    encryptedPdf: join(dir, 'encrypted.pdf'),
    truncatedPdf: join(dir, 'truncated.pdf'),
    empty: join(dir, 'empty.txt'),
    whitespace: join(dir, 'whitespace.txt'),
    binary: join(dir, 'random.bin'),
  };
}

/** Encode to Windows-1258, decomposing letters the code page only has as base + combining tone mark. */
export function encodeWindows1258(text: string): Buffer {
  const parts: Buffer[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = iconv.encode(ch, 'windows-1258');
    if (direct.toString('latin1') !== '?' || ch === '?') {
      parts.push(direct);
      continue;
    }
    // Base letter keeps its vowel marks (â, ê, ơ…); the tone mark becomes a combining character.
    const nfd = ch.normalize('NFD');
    const tone = nfd.match(/[\u0300\u0301\u0303\u0309\u0323]/u)?.[0] ?? '';
    const base = nfd.replace(tone, '').normalize('NFC');
    parts.push(iconv.encode(base, 'windows-1258'), iconv.encode(tone, 'windows-1258'));
  }
  return Buffer.concat(parts);
}

/** Seed lines a TCVN3 font can represent (no capital toned letter inside a mixed-case word). */
function legacySample(seedText: string): string {
  return seedText
    .normalize('NFC')
    .split('\n')
    .filter((line) => {
      try {
        encodeTcvn3(line);
        return true;
      } catch {
        return false;
      }
    })
    .join('\n');
}

async function soffice(profile: string, outDir: string, target: string, inputs: string[]): Promise<void> {
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      target,
      '--outdir',
      outDir,
      ...inputs,
    ],
    { timeout: 300_000 },
  );
}

async function renderSeeds(p: FixturePaths, root: string): Promise<void> {
  const fodts: string[] = [];
  for (const [key, id] of Object.entries(SEEDS) as [keyof typeof SEEDS, string][]) {
    const text = await readFile(join(root, 'corpus', `${id}.txt`), 'utf8');
    await writeFile(p.seeds[key].txt, text);
    const fodt = join(p.dir, `${id}.fodt`);
    await writeFile(fodt, seedToFodt(text, `Văn bản thử nghiệm ${id.slice(0, 3)}`));
    fodts.push(fodt);
  }
  const profile = join(p.dir, '.lo-profile');
  await soffice(profile, p.dir, 'pdf', fodts);
  await soffice(profile, p.dir, 'docx:MS Word 2007 XML', fodts);
}

async function renderScanned(p: FixturePaths): Promise<void> {
  if (!(await hasTool('pdftoppm', ['-v']))) {
    p.scannedPdf = null;
    return;
  }
  const prefix = join(p.dir, 'scan-page');
  await run('pdftoppm', ['-jpeg', '-r', '150', '-f', '1', '-l', '2', p.seeds.lc.pdf, prefix], {
    timeout: 120_000,
  });
  const pages = (await readdir(p.dir)).filter((f) => f.startsWith('scan-page') && f.endsWith('.jpg')).sort();
  const jpegs = await Promise.all(pages.map((f) => readFile(join(p.dir, f))));
  await writeFile(p.scannedPdf ?? '', buildImagePdf(jpegs));
}

async function writeSmallFiles(p: FixturePaths, root: string): Promise<void> {
  const lc = await readFile(join(root, 'corpus', `${SEEDS.lc}.txt`), 'utf8');
  const sample = legacySample(lc);
  await writeFile(p.legacyExpected, sample);
  await writeFile(p.tcvn3Bytes, encodeTcvn3(sample));
  await writeFile(p.tcvn3Mojibake, encodeTcvn3Mojibake(sample));
  await writeFile(p.vniMojibake, encodeVni(sample));
  await writeFile(p.windows1258, encodeWindows1258(sample));
  await writeFile(p.utf16le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]));
  await writeFile(p.html, portalHtml());
  const pdf = await readFile(p.seeds.lc.pdf);
  await writeFile(p.truncatedPdf, pdf.subarray(0, Math.floor(pdf.length / 2)));
  await writeFile(p.empty, '');
  await writeFile(p.whitespace, ' \n\t \r\n  \n');
  await writeFile(p.binary, randomBytes(4096));
  if (await hasTool('qpdf')) {
    await run(
      'qpdf',
      ['--encrypt', 'user-pw', 'owner-pw', '256', '--', p.seeds.lc.pdf, p.encryptedPdf ?? ''],
      {
        timeout: 60_000,
      },
    );
  } else p.encryptedPdf = null;
}

async function acquireLock(lock: string): Promise<boolean> {
  for (let i = 0; i < 1200; i++) {
    try {
      await mkdir(lock);
      return true;
    } catch {
      const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > 600_000) await rm(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  return false;
}

/** Build (or reuse) the parse fixtures in `dir`, e.g. `data/fixtures/parse`. */
export async function buildParseFixtures(dir: string): Promise<FixturePaths> {
  const root = resolve(import.meta.dirname, '..', '..');
  const abs = resolve(root, dir);
  const p = paths(abs);
  const done = join(abs, '.done');
  const finish = async (): Promise<FixturePaths> => {
    const flags = JSON.parse(await readFile(done, 'utf8')) as { scanned: boolean; encrypted: boolean };
    return {
      ...p,
      scannedPdf: flags.scanned ? p.scannedPdf : null,
      encryptedPdf: flags.encrypted ? p.encryptedPdf : null,
    };
  };
  const isDone = async () =>
    existsSync(done) && (await readFile(done, 'utf8')).includes(`"version":"${VERSION}"`);
  if (await isDone()) return finish();
  await mkdir(abs, { recursive: true });
  const lock = join(abs, '.lock');
  if (!(await acquireLock(lock))) throw new Error(`Could not lock ${lock}`);
  try {
    if (await isDone()) return await finish();
    await renderSeeds(p, root);
    await renderScanned(p);
    await writeSmallFiles(p, root);
    const flags = { version: VERSION, scanned: p.scannedPdf !== null, encrypted: p.encryptedPdf !== null };
    await writeFile(done, JSON.stringify(flags));
    return await finish();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
