/**
 * Parsers run isolated: zip bombs and paragraph bombs are refused or stopped without touching the event
 * loop or the server's heap; too little text is NO_TEXT; the same text in any encoding is one identity.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../ingest/analyse.ts';
import { AnalysisHost } from '../../ingest/isolate/host.ts';
import type { SourceFile } from '../../core/types.ts';
import { encodeTcvn3 } from '../../ingest/parse/legacy-fonts.ts';
import { encodeWindows1258 } from '../setup/fixtures.ts';
import { codeOf, TEST_PARSE_OPTIONS } from '../helpers/parse.ts';
import { paragraphDocx, repeated } from '../helpers/zip.ts';

const src = (name: string, bytes: Buffer): SourceFile => ({ path: name, name, bytes });

/** Runs `work` and returns its outcome with the longest event-loop stall seen meanwhile (ms). */
async function withLoopDelay<T>(work: () => Promise<T>): Promise<{ result: T; maxDelayMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  try {
    const result = await work();
    return { result, maxDelayMs: h.max / 1e6 };
  } finally {
    h.disable();
  }
}

describe('isolated analysis', () => {
  let host: AnalysisHost;
  beforeAll(() => {
    host = new AnalysisHost({ maxMemoryMb: 192, idleMs: 5_000 });
  });
  afterAll(async () => {
    await host.close();
  });

  it('refuses a zip bomb (1 GiB of compressed whitespace) from its central directory', async () => {
    const docx = await paragraphDocx('x', 1, [
      { name: 'word/bomb.xml', chunks: () => repeated(' ', 1 << 30) },
    ]);
    expect(docx.length).toBeLessThan(4 << 20);
    const before = process.memoryUsage().rss;
    const { result, maxDelayMs } = await withLoopDelay(() =>
      codeOf(host.run(src('bomb.docx', docx), TEST_PARSE_OPTIONS)),
    );
    expect(result).toBe('TOO_LARGE');
    expect(maxDelayMs).toBeLessThan(1000);
    expect(process.memoryUsage().rss - before).toBeLessThan(256 << 20);
  });

  it('refuses a paragraph bomb (3 million paragraphs, ~100 MB of XML) before unzipping it', async () => {
    const docx = await paragraphDocx('a', 3_000_000);
    const { result, maxDelayMs } = await withLoopDelay(() =>
      codeOf(host.run(src('paragraphs.docx', docx), TEST_PARSE_OPTIONS)),
    );
    expect(result).toBe('TOO_LARGE');
    expect(maxDelayMs).toBeLessThan(1000);
  });

  it('stops a paragraph bomb under the zip limits by the deadline or the heap limit; the loop stays free', async () => {
    const docx = await paragraphDocx('Điều khoản', 1_000_000);
    const { result, maxDelayMs } = await withLoopDelay(() =>
      codeOf(host.run(src('slow.docx', docx), { ...TEST_PARSE_OPTIONS, timeoutMs: 4_000 })),
    );
    expect(['PARSE_TIMEOUT', 'TOO_LARGE']).toContain(result);
    expect(maxDelayMs).toBeLessThan(1000);
    // The host recovers: the next file gets a fresh worker.
    const ok = await host.run(
      src(
        'ok.txt',
        Buffer.from('KẾ HOẠCH\nTriển khai ứng dụng công nghệ sinh học trong nông nghiệp năm 2025.\n'),
      ),
      TEST_PARSE_OPTIONS,
    );
    expect(ok.doc.passages.length).toBeGreaterThan(0);
  });

  it.runIf(process.platform === 'linux')(
    'analyses at a lower CPU priority than the event loop (the worker thread alone is niced)',
    async () => {
      const seed = await readFile('corpus/000_953892a000611854.txt');
      await host.run(src('seed.txt', seed), TEST_PARSE_OPTIONS);
      // the worker stays alive until idle: its thread is the one with a positive nice value
      const niceOf = (tid: string) =>
        Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
      const threads = readdirSync('/proc/self/task').map((tid) => ({ tid, nice: niceOf(tid) }));
      expect(niceOf(String(process.pid))).toBe(0);
      expect(threads.filter((t) => t.nice === 10)).toHaveLength(1);
    },
  );

  it('keeps the event loop free while a 10 MB text is analysed', async () => {
    const seed = await readFile('corpus/000_953892a000611854.txt');
    const big = Buffer.concat([...repeated(seed.toString('utf8'), 10 << 20)]);
    const { result, maxDelayMs } = await withLoopDelay(() =>
      codeOf(host.run(src('big.txt', big), { ...TEST_PARSE_OPTIONS, timeoutMs: 6_000 })),
    );
    // analysed, or refused by the worker's deadline or heap limit (which comes first depends on the
    // machine's load); never by blocking the server's loop
    expect(['PARSE_TIMEOUT', 'TOO_LARGE', undefined]).toContain(result);
    expect(maxDelayMs).toBeLessThan(1000);
  });
});

/** TCVN3 has no capitals with tone marks: only such lines are used for the five-encoding comparison. */
function tcvn3Encodable(line: string): boolean {
  try {
    encodeTcvn3(line);
    return true;
  } catch {
    return false;
  }
}

describe('meaningless input and identity', () => {
  const opts = { parse: TEST_PARSE_OPTIONS };

  it('refuses a 1-byte file and a few stray letters with NO_TEXT', async () => {
    expect(await codeOf(analyse(src('one.txt', Buffer.from('a')), opts))).toBe('NO_TEXT');
    expect(await codeOf(analyse(src('few.txt', Buffer.from('ab 12 cd\n-- 3 ef')), opts))).toBe('NO_TEXT');
    expect(await codeOf(analyse(src('empty.txt', Buffer.alloc(0)), opts))).toBe('EMPTY_FILE');
  });

  it('gives the same text in UTF-8, UTF-16, Windows-1258, TCVN3 and CRLF one identity', async () => {
    const lines = (await readFile('corpus/003_6bb3cc9c64edf399.txt', 'utf8')).normalize('NFC').split('\n');
    const text = lines.filter(tcvn3Encodable).slice(0, 60).join('\n');
    expect(text.length).toBeGreaterThan(1000);
    const encodings = [
      Buffer.from(text, 'utf8'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      encodeWindows1258(text),
      encodeTcvn3(text),
      Buffer.from(text.replace(/\n/gu, '\r\n'), 'utf8'),
    ];
    const ids = await Promise.all(
      encodings.map(async (b, i) => (await analyse(src(`v${i}.txt`, b), opts)).doc.id),
    );
    expect(new Set(ids).size).toBe(1);
    const other = await analyse(src('other.txt', Buffer.from(`${text}\nThêm một dòng.`, 'utf8')), opts);
    expect(other.doc.id).not.toBe(ids[0]);
  });
});
