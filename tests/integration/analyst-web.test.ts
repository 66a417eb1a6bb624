import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, HAS_CHROMIUM } from '../helpers/browser.ts';
import { SEEDS } from '../helpers/runtime.ts';

/**
 * The analyst's workflow in Debian's Chromium (playwright-core) against the real server on the test
 * Neo4j with the seeds: lineage across the 2025 reorganisation, implementation tree, alignment matrix,
 * downloads, readable answers, saved searches and layout. Screenshots go to test-output/screenshots/.
 */
const enc = encodeURIComponent;

const PLAN = `ỦY BAN NHÂN DÂN
TỈNH QUẢNG NINH

Số: 77/KH-UBND

Quảng Ninh, ngày 15 tháng 3 năm 2025

KẾ HOẠCH
Ứng dụng công nghệ sinh học trong nuôi trồng thủy sản

I. MỤC ĐÍCH, YÊU CẦU

Đẩy mạnh ứng dụng công nghệ sinh học trong nuôi trồng thủy sản và sản xuất giống thủy sản.

II. NHIỆM VỤ

1. Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Sở Khoa học và Công nghệ xây dựng mô hình nuôi trồng thủy sản ứng dụng công nghệ sinh học, hoàn thành năm 2026.
`;

describe.skipIf(!HAS_CHROMIUM)('analyst’s workflow in Chromium', () => {
  const web = browserSuite({
    ingest: [SEEDS],
    context: { acceptDownloads: true },
    timeout: 20_000,
    fullPage: true,
  });
  let page: Page;
  let base: string;
  let browser: Browser;

  beforeAll(() => {
    base = web.base;
    browser = web.browser;
  });

  async function open(hash: string, ctx?: BrowserContext): Promise<Page> {
    page = await web.open(hash, ctx);
    return page;
  }

  const shot = (name: string) => web.shot(name);

  it('shows Bình Thuận’s tasks under Sở KH&CN Lâm Đồng when the lineage toggle is on', async () => {
    await open(`#/agencies/${enc('so-khoa-hoc-va-cong-nghe@Lâm Đồng')}`);
    await page.locator('.lineage-list.predecessors').waitFor();
    expect(await page.locator('.lineage-list.predecessors').textContent()).toContain(
      'Sở Khoa học và Công nghệ Bình Thuận',
    );
    expect(await page.locator('.lineage-list.predecessors').textContent()).toContain('202/2025/QH15');
    await page.locator('#tasks-empty, .state.empty').first().waitFor();
    expect(await page.locator('#agency-tasks-table').count()).toBe(0);
    await page.getByLabel('Gồm nhiệm vụ giao cho cơ quan tiền thân').check();
    const rows = page.locator('#agency-tasks-table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(3);
    const assigned = await page.locator('#agency-tasks-table .assigned').allTextContents();
    expect(assigned).toContain(
      'Giao cho Sở Khoa học và Công nghệ Bình Thuận, nay là Sở Khoa học và Công nghệ Lâm Đồng',
    );
    const localities = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.textContent));
    expect(new Set(localities)).toEqual(new Set(['Bình Thuận']));
    await shot('agency-lineage');
  });

  it('draws the implementation tree of 36-NQ/TW over the seeds, every node opening a page', async () => {
    await open(`#/tree?of=${enc('36-NQ/TW')}`);
    const tree = page.locator('.impl-tree');
    await tree.first().waitFor();
    const links = await page
      .locator('.impl-tree a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const docs = (await (await fetch(`${base}api/documents`)).json()) as { items: { id: string }[] };
    for (const d of docs.items) expect(links).toContain(`#/documents/${d.id}`);
    expect(await page.locator('.impl-tree li').count()).toBeGreaterThanOrEqual(docs.items.length);
    const text = await tree.first().textContent();
    for (const loc of ['Hải Phòng', 'Bình Thuận', 'Lào Cai', 'Bình Phước']) expect(text).toContain(loc);
    await shot('tree');
    // the root is not in the corpus: its page is built from what the corpus says about it
    await page.locator('.tree-root a').click();
    await page.locator('h1', { hasText: '36-NQ/TW' }).waitFor();
    await page.locator('ul.mentions[data-relation="IMPLEMENTS"] li').first().waitFor();
    // every seed names 36-NQ/TW: as what it implements, or (Bình Thuận, whose plan implements 64-CTr/TU and
    // 189/NQ-CP, which in turn implement 36-NQ/TW) as a document it cites
    expect(await page.locator('ul.mentions li').count()).toBeGreaterThanOrEqual(docs.items.length);
    await shot('reference-page');
  });

  it('shows the alignment matrix of 36-NQ/TW with the seeds’ provinces, empty cells highlighted', async () => {
    await open(`#/matrix?programme=${enc('36-NQ/TW')}`);
    const table = page.locator('#matrix-table');
    await table.waitFor();
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-locality')));
    expect(rows.sort()).toEqual(['Bình Phước', 'Bình Thuận', 'Hải Phòng', 'Lào Cai', 'Ninh Bình'].sort());
    expect(await table.locator('td.empty-cell').count()).toBeGreaterThan(0);
    const bg = await table
      .locator('td.empty-cell')
      .first()
      .evaluate((td) => getComputedStyle(td).backgroundColor);
    expect(bg).not.toBe('rgba(0, 0, 0, 0)');
    expect(await page.locator('ul.missing li').count()).toBe(29);
    await shot('matrix');
    // a cell lists its tasks with links to their sources
    await table.locator('tr[data-locality="Hải Phòng"] td[data-field="bien"] a').click();
    await page.locator('#cell-detail .cell-tasks li').first().waitFor();
    expect(await page.locator('#cell-detail .cell-tasks li').count()).toBe(
      Number(await table.locator('tr[data-locality="Hải Phòng"] td[data-field="bien"] a').textContent()),
    );
    expect(await page.locator('#cell-detail .cell-tasks a').first().getAttribute('href')).toMatch(
      /^#\/documents\/.+\?passage=/,
    );
  });

  it('downloads the tasks of an agency as CSV and XLSX with headers, Vietnamese text and citations', async () => {
    await open(`#/agencies/${enc('so-y-te@Hải Phòng')}`);
    await page.locator('#agency-tasks-table').waitFor();
    const [csvDl] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a.download.csv').click(),
    ]);
    const csv = readFileSync(await csvDl.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    const header = text.slice(1, text.indexOf('\r\n'));
    expect(header.split(',')).toEqual(
      expect.arrayContaining(['Nhiệm vụ / Task', 'Chủ trì / Lead', 'Trích dẫn / Citation']),
    );
    expect(text).toContain('Sở Y tế');
    expect(text).toContain('Hải Phòng');
    expect(text).toMatch(/255\/KH-UBND/);

    const [xlsxDl] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a.download.xlsx').click(),
    ]);
    expect(xlsxDl.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await xlsxDl.path());
    const sheet = book.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).filter(Boolean);
    expect(headers).toEqual(
      expect.arrayContaining(['Nhiệm vụ / Task', 'Trích dẫn / Citation', 'Liên kết / Link']),
    );
    const citeCol = headers.indexOf('Trích dẫn / Citation') + 1;
    const linkCol = headers.indexOf('Liên kết / Link') + 1;
    expect(sheet.rowCount).toBeGreaterThan(1);
    expect(sheet.getRow(2).getCell(citeCol).text).toMatch(/255\/KH-UBND/);
    const link = sheet.getRow(2).getCell(linkCol).value as { hyperlink?: string };
    expect(link.hyperlink).toMatch(/#\/documents\/.+\?passage=/);
    const all = JSON.stringify(sheet.getSheetValues());
    expect(all).toContain('Sở Y tế');
  });

  it('answers "Nhiem vu cua So Y te Hai Phong" without diacritics with the agency’s tasks and sources', async () => {
    await open(`#/search?q=${enc('Nhiem vu cua So Y te Hai Phong')}`);
    const table = page.locator('#answer-table');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('Sở Y tế');
    expect(text).toContain('Hải Phòng');
    expect(await table.locator('tbody tr td a[title]').count()).toBeGreaterThan(0);
    const href = await rows.first().locator('a').last().getAttribute('href');
    expect(href).toMatch(/^#\/documents\/.+\?passage=/);
    // no internal ids or intent names on screen
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toMatch(/tasks_by_agency|:t\d+\b|:p\d+\b/);
    expect(body).not.toContain('**');
    await shot('ask-agency');
  });

  it('says why there is no answer, in the page’s language', async () => {
    await open(`#/search?q=${enc('Nhiệm vụ của Sở Y tế Cà Mau')}`);
    const notice = page.locator('.notice');
    await notice.waitFor();
    expect(await notice.getAttribute('data-code')).toBe('NO_LOCALITY_DOCS');
    expect(await notice.textContent()).toContain('Cà Mau');
  });

  it('says so when no passage matches a query meaningfully, instead of listing weak passages as answers', async () => {
    await open(`#/search?q=${enc('zqxv blorfnik wumpus')}`);
    const notice = page.locator('.no-match-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Không có đoạn văn nào khớp rõ');
    await open(`#/search?q=${enc('công nghệ sinh học biển')}`);
    await page.locator('ol.results li').first().waitFor();
    expect(await page.locator('.no-match-notice').count()).toBe(0);
  });

  it('saves a search whose Atom feed gains an entry after an upload', async () => {
    await open(`#/search?q=${enc('nuôi trồng thủy sản công nghệ sinh học')}`);
    await page.locator('#save-search').click();
    const feedLink = page.locator('.save-search a.feed');
    await feedLink.waitFor();
    const feedUrl = new URL((await feedLink.getAttribute('href'))!, base).toString();
    const entries = async () => {
      const res = await fetch(feedUrl);
      expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
      const xml = await res.text();
      expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
      return xml.match(/<entry>/g)?.length ?? 0;
    };
    expect(await entries()).toBe(0);
    await page.goto(`${base}#/ingest`);
    await page.getByLabel('Tệp', { exact: true }).setInputFiles({
      name: 'ke-hoach-thuy-san.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(PLAN, 'utf8'),
    });
    await page.locator('#upload-button').click();
    await page.locator('.upload[data-file="ke-hoach-thuy-san.txt"] .ok').waitFor({ timeout: 120_000 });
    expect(await entries()).toBe(1);
    const xml = await (await fetch(feedUrl)).text();
    expect(xml).toContain('77/KH-UBND');
    expect(xml).toMatch(/<link href="http:\/\/127\.0\.0\.1:\d+\/#\/documents\/[0-9a-f]+"/);
    await page.goto(`${base}#/saved`);
    await page.locator('.saved-list li').first().waitFor();
  });

  it('fits a phone (390 px) without sideways scrolling and prints without navigation', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const docs = (await (await fetch(`${base}api/documents`)).json()) as {
      items: { id: string; file: string }[];
    };
    const hp = docs.items.find((d) => d.file === '000_953892a000611854.txt')!;
    for (const [name, hash, ready] of [
      ['phone-document', `#/documents/${hp.id}`, '#tasks-table'],
      ['phone-matrix', `#/matrix?programme=${enc('36-NQ/TW')}`, '#matrix-table'],
      ['phone-search', `#/search?q=${enc('Nhiệm vụ của Sở Y tế Hải Phòng')}`, '#answer-table'],
    ] as const) {
      await open(hash, phone);
      await page.locator(ready).waitFor();
      const [scroll, width] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        window.innerWidth,
      ]);
      expect(scroll, name).toBeLessThanOrEqual(width);
      await shot(name);
      // the header is two short rows (brand and language, then the sections), not a third of the screen
      const header = await page.locator('header.top').boundingBox();
      expect(header!.height, name).toBeLessThanOrEqual(110);
      await page.close();
    }
    await open(`#/documents/${hp.id}`);
    await page.locator('#tasks-table').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    // the tasks' downloads are on the page, and hidden in print
    expect(await page.locator('.downloads').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.downloads').first().isVisible()).toBe(false);
    const overflow = await page.evaluate(() =>
      Array.from(document.querySelectorAll('table')).some(
        (t) => t.scrollWidth > document.documentElement.clientWidth + 1,
      ),
    );
    expect(overflow).toBe(false);
    await shot('print-document');
    await phone.close();
  });
});
