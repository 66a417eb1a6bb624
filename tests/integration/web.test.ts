import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, HAS_CHROMIUM } from '../helpers/browser.ts';
import { SEEDS } from '../helpers/runtime.ts';

/**
 * The analysts' web page (src/web) in Debian's Chromium, driven by playwright-core, against the real
 * server on the test Neo4j with the seeds ingested. Screenshots go to test-output/screenshots/.
 */
const FILES = {
  haiPhong: '000_953892a000611854.txt',
  binhThuan: '001_599f766e9ac447fa.txt',
  binhPhuoc: '004_ad92fe254936541e.txt',
};

const PLAN = `ỦY BAN NHÂN DÂN
TỈNH QUẢNG NINH

Số: 77/KH-UBND

Quảng Ninh, ngày 15 tháng 3 năm 2025

KẾ HOẠCH
Thử nghiệm ứng dụng công nghệ sinh học trong nuôi trồng thủy sản

I. MỤC ĐÍCH, YÊU CẦU

Đẩy mạnh ứng dụng công nghệ sinh học trong sản xuất giống thủy sản.

II. NHIỆM VỤ

1. Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Sở Khoa học và Công nghệ xây dựng mô hình sản xuất giống thủy sản sạch bệnh, hoàn thành năm 2026.

2. Sở Y tế chủ trì ứng dụng kỹ thuật sinh học phân tử trong chẩn đoán bệnh.
`;

describe.skipIf(!HAS_CHROMIUM)('web page in Chromium', () => {
  const web = browserSuite({ ingest: [SEEDS] });
  let page: Page;
  let base: string;
  let ids: Record<keyof typeof FILES, string>;

  beforeAll(async () => {
    base = web.base;
    ids = await web.idsOf(FILES);
  });

  async function open(hash: string): Promise<Page> {
    page = await web.open(hash);
    return page;
  }

  const shot = (name: string) => web.shot(name);

  it('searches without diacritics and highlights the matched words in Hải Phòng’s passages', async () => {
    await open('#/search');
    await page.getByLabel('Câu hỏi hoặc từ khoá').fill('cong nghe sinh hoc bien');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const hp = page.locator(`.result[data-document="${ids.haiPhong}"]`);
    await hp.first().waitFor();
    await expect(hp.first().locator('.locality').textContent()).resolves.toBe('Hải Phòng');
    expect(await page.locator('.result mark').count()).toBeGreaterThan(3);
    const marks = await hp.first().locator('mark').allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['biển']));
    const goto = await hp.first().locator('a.goto').getAttribute('href');
    expect(goto).toMatch(new RegExp(`^#/documents/${ids.haiPhong}\\?passage=`));
    await shot('search');

    await page.locator('#lang').click();
    await expect(page.locator('#nav a[data-route="search"]').textContent()).resolves.toBe('Search');
    await page.locator('#lang').click();
    await expect(page.locator('#nav a[data-route="search"]').textContent()).resolves.toBe('Tìm kiếm');
  });

  it('answers "which plans implement 189/NQ-CP" with a table of the two plans above the passages', async () => {
    await open(`#/search?q=${encodeURIComponent('Kế hoạch nào thực hiện Nghị quyết 189/NQ-CP?')}`);
    await page.locator('#answer-table').waitFor();
    const links = await page
      .locator('#answer-table a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const docs = new Set(links.map((h) => /^#\/documents\/([^?]+)/.exec(h ?? '')?.[1]));
    expect(docs).toContain(ids.binhThuan);
    expect(docs).toContain(ids.binhPhuoc);
    await shot('ask');
  });

  it('shows Hải Phòng’s document page with its appendix tasks, sortable, and jumps to a passage', async () => {
    await open(`#/documents/${ids.haiPhong}`);
    const table = page.locator('#tasks-table');
    await table.waitFor();
    await expect(table.locator('tbody tr', { hasText: 'Sở Y tế' }).count()).resolves.toBeGreaterThan(0);
    const lead = table.locator('th', { hasText: 'Chủ trì' });
    await lead.locator('button').click();
    await expect(lead.getAttribute('aria-sort')).resolves.toBe('ascending');
    await expect(page.locator('.ref-group [data-relation="IMPLEMENTS"]').textContent()).resolves.toContain(
      '36-NQ/TW',
    );
    await page.locator('.chain').waitFor();
    await shot('document');

    const passage = await page.locator('.passage').nth(20).getAttribute('id');
    await page.goto(`${base}#/documents/${ids.haiPhong}?passage=${encodeURIComponent(passage!.slice(2))}`);
    await page.locator('.passage.hit').waitFor();
    await expect(page.locator('.passage.hit').getAttribute('id')).resolves.toBe(passage);
    await expect(page.locator('.passage.hit').isVisible()).resolves.toBe(true);
  });

  it('draws the Bình Thuận implementation chain 36-NQ/TW → 189/NQ-CP → 64-CTr/TU → this plan', async () => {
    await open(`#/documents/${ids.binhThuan}`);
    await page.locator('.chain').waitFor();
    const boxes = (await page.locator('.chain .chain-box strong').allTextContents()).map((s) => s.trim());
    expect(boxes.indexOf('36-NQ/TW')).toBeLessThan(boxes.indexOf('189/NQ-CP'));
    expect(boxes.indexOf('189/NQ-CP')).toBeLessThan(boxes.indexOf('64-CTr/TU'));
    expect(boxes.indexOf('36-NQ/TW')).toBeGreaterThanOrEqual(0);
    await shot('document-chain');
  });

  it('expands an agency in the graph from the keyboard and shows its tasks', async () => {
    await open(`#/graph?locality=${encodeURIComponent('Hải Phòng')}`);
    const list = page.getByRole('listbox');
    await list.locator('li[data-kind="Agency"]').first().waitFor();
    expect(await list.locator('li[data-kind="Task"]').count()).toBe(0);
    const options = await list.locator('li').allTextContents();
    const index = options.findIndex((o) => o.includes('Sở Y tế'));
    expect(index).toBeGreaterThanOrEqual(0);
    await list.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await expect(list.locator('li[aria-selected="true"]').textContent()).resolves.toContain('Sở Y tế');
    await page.keyboard.press('Enter');
    await list.locator('li[data-kind="Task"]').first().waitFor();
    expect(await list.locator('li[data-kind="Task"]').count()).toBeGreaterThan(0);
    await list.locator('li[data-kind="Task"]').first().click();
    await page.locator('#node-details a.goto').waitFor();
    expect(await page.locator('#node-details a.goto').getAttribute('href')).toMatch(
      /^#\/documents\/.+\?passage=/,
    );
    await expect(page.locator('#cy canvas').count()).resolves.toBeGreaterThan(0);
    await shot('graph');
  });

  it('lists Lào Cai’s 7% and 10% targets and charts like indicators', async () => {
    await open('#/targets');
    const table = page.locator('#targets-table');
    await table.waitFor();
    const values = await table
      .locator('tbody tr', { hasText: 'Lào Cai' })
      .evaluateAll((rows) => rows.map((r) => r.querySelector('td.num')?.textContent ?? ''));
    expect(values.some((v) => /(^|[^\d.,])7\s*%/.test(v))).toBe(true);
    expect(values.some((v) => /(^|[^\d.,])10\s*%/.test(v))).toBe(true);
    await expect(page.locator('svg.bar-chart rect').count()).resolves.toBeGreaterThan(0);
    await shot('targets');
  });

  it('uploads a Vietnamese plan with a progress bar and then lists it among the documents', async () => {
    await open('#/ingest');
    await page.getByLabel('Tệp', { exact: true }).setInputFiles({
      name: 'ke-hoach-thu-nghiem.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(PLAN, 'utf8'),
    });
    await page.locator('#upload-button').click();
    const item = page.locator('.upload[data-file="ke-hoach-thu-nghiem.txt"]');
    await item.locator('.ok').waitFor({ timeout: 60_000 });
    await expect(item.locator('progress').getAttribute('value')).resolves.toBe('100');
    await shot('ingest');
    await item.locator('.ok a').click();
    await page.locator('.doc-title').waitFor();
    await page.goto(`${base}#/documents`);
    await page.locator('#documents-table tr[data-file="ke-hoach-thu-nghiem.txt"]').waitFor();
    await shot('documents');
  });

  it('shows the error code and message for an empty upload', async () => {
    await open('#/ingest');
    await page
      .getByLabel('Tệp', { exact: true })
      .setInputFiles({ name: 'rong.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
    await page.locator('#upload-button').click();
    const error = page.locator('.upload[data-file="rong.txt"] .error');
    await error.waitFor();
    await expect(error.locator('.error-code').textContent()).resolves.toBe('EMPTY_FILE');
    expect((await error.locator('.error-message').textContent())?.length).toBeGreaterThan(3);
    await shot('ingest-error');
  });
});
