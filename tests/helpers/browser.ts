import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Runtime } from '../../src/runtime.ts';
import { appFor, openTestRuntime } from './runtime.ts';

/**
 * The web page in Debian's Chromium, driven by playwright-core, against the real server on the test
 * Neo4j: one setup for the browser test files (runtime with documents ingested, server on a free port,
 * Chromium, a page per test that fails the test on any uncaught page error, screenshots).
 */
export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
/** Where screenshots go. */
export const SHOTS = path.resolve('test-output/screenshots');

if (!HAS_CHROMIUM) {
  console.warn(`web tests skipped: ${CHROMIUM} is missing (install Debian's chromium package to run them)`);
}

export interface BrowserSuiteOptions {
  /** Files or folders ingested before the tests. */
  ingest: string[];
  /** Options of the context pages open in (default 1366×768, Vietnamese). */
  context?: BrowserContextOptions;
  /** Timeout of page actions in ms (default 15 s). */
  timeout?: number;
  /** Screenshots of the whole page rather than the viewport. */
  fullPage?: boolean;
}

export interface BrowserSuite {
  /** The server's address, ending in `/`. */
  readonly base: string;
  readonly browser: Browser;
  readonly context: BrowserContext;
  /** The page of the running test (the last one `open` returned). */
  readonly page: Page;
  /** Opens `base + hash` in a new page of `ctx` (the suite's context by default). */
  open(hash: string, ctx?: BrowserContext): Promise<Page>;
  /** Saves a screenshot of the current page to test-output/screenshots/<name>.png. */
  shot(name: string): Promise<void>;
  /** Ids of the ingested documents, by the base name of their file. */
  idsOf<K extends string>(files: Record<K, string>): Promise<Record<K, string>>;
}

/**
 * Registers the suite's hooks (call it inside `describe`): before all, a runtime with `ingest`, the
 * server and Chromium; after each test, no page error and the page closed; after all, everything closed.
 */
export function browserSuite(opts: BrowserSuiteOptions): BrowserSuite {
  let rt: Runtime | undefined;
  let server: Server | undefined;
  let base = '';
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let pageErrors: string[] = [];
  const must = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`browser suite: no ${what} (is the test inside the suite?)`);
    return v;
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    rt = await openTestRuntime();
    await rt.ingestPaths(opts.ingest);
    const app = appFor(rt);
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'vi-VN',
      ...opts.context,
    });
    context.setDefaultTimeout(opts.timeout ?? 15_000);
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

  return {
    get base() {
      return base;
    },
    get browser() {
      return must(browser, 'browser');
    },
    get context() {
      return must(context, 'browser context');
    },
    get page() {
      return must(page, 'page');
    },
    async open(hash, ctx) {
      const p = await (ctx ?? must(context, 'browser context')).newPage();
      page = p;
      pageErrors = [];
      p.on('pageerror', (e) => pageErrors.push(e.message));
      await p.goto(`${base}${hash}`);
      return p;
    },
    async shot(name) {
      await must(page, 'page').screenshot({
        path: path.join(SHOTS, `${name}.png`),
        fullPage: opts.fullPage ?? false,
      });
    },
    async idsOf(files) {
      const res = await fetch(`${base}api/documents`);
      const docs = (await res.json()) as { items: { id: string; file: string }[] };
      const ids = {} as Record<keyof typeof files, string>;
      for (const [name, file] of Object.entries(files) as [keyof typeof files, string][]) {
        const doc = docs.items.find((d) => d.file === path.basename(file));
        if (!doc) throw new Error(`${file} was not ingested`);
        ids[name] = doc.id;
      }
      return ids;
    },
  };
}
