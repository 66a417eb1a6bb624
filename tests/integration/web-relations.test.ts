import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.ts';
import { appFor, openTestRuntime } from '../helpers/runtime.ts';

/**
 * The document page's attributes (effective date, validity) and its "lược đồ" in both directions, in
 * Debian's Chromium: two Cần Thơ decisions of the corpus and the test decision that amends one and
 * replaces the other (tests/fixtures/relations/README.md), plus a resolution with legal bases.
 */
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.resolve('test-output/screenshots');
const DEV = '/work/shared/corpus-dev';
const FILES = {
  amended: path.join(DEV, 'tvpl-234-2610-QD-UBND.txt'),
  replaced: path.join(DEV, 'tvpl-238-2519-QD-UBND.txt'),
  resolution: path.join(DEV, 'tvpl-067-63-2025-NQ-HDND.txt'),
  act: path.resolve('tests/fixtures/relations/can-tho-sua-doi-thay-the.txt'),
};

describe.skipIf(!existsSync(CHROMIUM))('document attributes and lược đồ in Chromium', () => {
  let rt: Runtime;
  let server: Server;
  let base: string;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    rt = await openTestRuntime();
    await rt.ingestPaths(Object.values(FILES));
    const app = appFor(rt);
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const docs = (await (await fetch(`${base}api/documents`)).json()) as {
      items: { id: string; file: string }[];
    };
    for (const [name, file] of Object.entries(FILES))
      ids[name] = docs.items.find((d) => d.file === path.basename(file))!.id;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
  });

  afterEach(async () => {
    expect(pageErrors).toEqual([]);
    await page?.close();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await rt?.close();
  });

  async function open(id: string): Promise<void> {
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    page.setDefaultTimeout(15_000);
    pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${base}#/documents/${id}`);
    await page.locator('.schema').waitFor();
  }

  const field = (name: string) => page.locator(`.meta-grid [data-field="${name}"] dd`).textContent();

  it('shows the amending decision’s attributes and what it amends, replaces and is based on', async () => {
    await open(ids.act!);
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
    await page.screenshot({ path: path.join(SHOTS, 'document-schema.png'), fullPage: true });
  });

  it('marks the amended and the replaced decisions and links back to the act', async () => {
    await open(ids.amended!);
    await expect(field('status')).resolves.toBe('Được sửa đổi, bổ sung bởi 2999/QĐ-UBND');
    const back = page.locator('.schema [data-inverse="AMENDS"] a', { hasText: '2999/QĐ-UBND' });
    await expect(back.getAttribute('href')).resolves.toMatch(
      new RegExp(`^#/documents/${ids.act}\\?passage=`),
    );
    await page.close();
    await open(ids.replaced!);
    await expect(field('status')).resolves.toBe('Bị thay thế bởi 2999/QĐ-UBND');
    await expect(page.locator('.schema [data-inverse="REPLACES"]').textContent()).resolves.toContain(
      '2999/QĐ-UBND',
    );
  });

  it('groups a resolution’s legal bases apart from what it implements, replaces and cites', async () => {
    await open(ids.resolution!);
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
