import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, HAS_CHROMIUM } from '../helpers/browser.ts';

/**
 * The document page's attributes (effective date, validity) and its "lược đồ" in both directions, in
 * Debian's Chromium: two Cần Thơ decisions of the corpus and the test decision that amends one and
 * replaces the other (tests/fixtures/relations/README.md), plus a resolution with legal bases.
 */
const DEV = '/work/shared/corpus-dev';
const FILES = {
  amended: path.join(DEV, 'tvpl-234-2610-QD-UBND.txt'),
  replaced: path.join(DEV, 'tvpl-238-2519-QD-UBND.txt'),
  resolution: path.join(DEV, 'tvpl-067-63-2025-NQ-HDND.txt'),
  act: path.resolve('tests/fixtures/relations/can-tho-sua-doi-thay-the.txt'),
};

describe.skipIf(!HAS_CHROMIUM)('document attributes and lược đồ in Chromium', () => {
  const web = browserSuite({
    ingest: Object.values(FILES),
    context: { viewport: { width: 1366, height: 900 } },
    fullPage: true,
  });
  let page: Page;
  let ids: Record<keyof typeof FILES, string>;

  beforeAll(async () => {
    ids = await web.idsOf(FILES);
  });

  async function open(id: string): Promise<void> {
    page = await web.open(`#/documents/${id}`);
    await page.locator('.schema').waitFor();
  }

  const field = (name: string) => page.locator(`.meta-grid [data-field="${name}"] dd`).textContent();

  it('shows the amending decision’s attributes and what it amends, replaces and is based on', async () => {
    await open(ids.act);
    await expect(field('effectiveDate')).resolves.toBe('2026-01-01');
    await expect(field('signer')).resolves.toBe('Nguyễn Văn Khởi (Phó Chủ tịch)');
    await expect(field('status')).resolves.toBe('Chưa có thông tin trong kho');
    const amends = page.locator('.schema [data-relation="AMENDS"] a', { hasText: '2610/QĐ-UBND' });
    await expect(amends.getAttribute('href')).resolves.toBe(`#/documents/${ids.amended}`);
    await expect(page.locator('.schema [data-relation="REPLACES"]').textContent()).resolves.toContain(
      '2519/QĐ-UBND',
    );
    await expect(page.locator('.schema [data-relation="BASED_ON"]').textContent()).resolves.toContain(
      '72/2025/QH15',
    );
    await expect(page.locator('.schema [data-relation="AMENDS"] q.evidence').textContent()).resolves.toMatch(
      /SỬA ĐỔI, BỔ SUNG/u,
    );
    await web.shot('document-schema');
  });

  it('marks the amended and the replaced decisions and links back to the act', async () => {
    await open(ids.amended);
    await expect(field('status')).resolves.toBe('Được sửa đổi, bổ sung bởi 2999/QĐ-UBND');
    const back = page.locator('.schema [data-inverse="AMENDS"] a', { hasText: '2999/QĐ-UBND' });
    await expect(back.getAttribute('href')).resolves.toMatch(
      new RegExp(`^#/documents/${ids.act}\\?passage=`),
    );
    await page.close();
    await open(ids.replaced);
    await expect(field('status')).resolves.toBe('Bị thay thế bởi 2999/QĐ-UBND');
    await expect(page.locator('.schema [data-inverse="REPLACES"]').textContent()).resolves.toContain(
      '2999/QĐ-UBND',
    );
  });

  it('groups a resolution’s legal bases apart from what it implements, replaces and cites', async () => {
    await open(ids.resolution);
    const bases = await page.locator('.schema [data-relation="BASED_ON"] li').count();
    expect(bases).toBe(6);
    await expect(page.locator('.schema [data-relation="IMPLEMENTS"]').count()).resolves.toBe(0);
    await expect(page.locator('.schema [data-relation="REPLACES"]').textContent()).resolves.toContain(
      '09/2021/NQ-HĐND',
    );
    await expect(page.locator('.schema [data-relation="CITES"] li').count()).resolves.toBeGreaterThan(2);
    await expect(field('effectiveDate')).resolves.toBe('2026-01-01');
  });
});
