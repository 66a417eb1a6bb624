/**
 * pdf-parse runs in a worker thread so that a hanging parse can really be stopped: on timeout/abort the
 * worker is terminated. The worker body is plain JavaScript evaluated by Node (no TypeScript loader needed
 * inside the worker); it imports pdf-parse from the path resolved here.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FileError } from '../../core/errors.ts';

/** A text item of pdf.js: string, x, y (viewport, downwards), width, height, ends a line. */
export type PdfItem = [string, number, number, number, number, boolean];

export interface RawPdf {
  pages: { num: number; items: PdfItem[] }[];
  tables: { num: number; tables: string[][][] }[];
  tableError?: string;
}

type WorkerReply = ({ ok: true } & RawPdf) | { ok: false; name: string; message: string };

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { PDFParse } = await import(workerData.moduleUrl);
  const parser = new PDFParse({ data: workerData.data, verbosity: 0 });
  try {
    const doc = await parser.load();
    const pages = [];
    for (let num = 1; num <= doc.numPages; num++) {
      const page = await doc.getPage(num);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const [x, y] = viewport.convertToViewportPoint(it.transform[4], it.transform[5]);
        items.push([it.str, x, y, it.width, it.height, !!it.hasEOL]);
      }
      pages.push({ num, items });
      page.cleanup();
    }
    let tables = [];
    let tableError;
    try {
      const t = await parser.getTable();
      tables = t.pages.map((p) => ({ num: p.num, tables: p.tables }));
    } catch (e) {
      tableError = String((e && e.message) || e);
    }
    parentPort.postMessage({ ok: true, pages, tables, tableError });
  } catch (e) {
    parentPort.postMessage({ ok: false, name: String((e && e.name) || 'Error'), message: String((e && e.message) || e) });
  } finally {
    try { await parser.destroy(); } catch { /* already gone */ }
  }
})().catch((e) => parentPort.postMessage({ ok: false, name: 'LoadError', message: String((e && e.message) || e) }));
`;

const moduleUrl = pathToFileURL(createRequire(import.meta.url).resolve('pdf-parse')).href;

function toFileError(reply: { name: string; message: string }, file: string): FileError {
  if (reply.name === 'PasswordException' || /password/iu.test(reply.message)) {
    return new FileError('ENCRYPTED', 'The PDF is password-protected', file, { cause: reply.message });
  }
  return new FileError('CORRUPT_FILE', 'The PDF is damaged or not a valid PDF', file, {
    cause: `${reply.name}: ${reply.message}`,
  });
}

/** Extract per-page text items and ruled tables; rejects with FileError, or PARSE_TIMEOUT when `signal` aborts. */
export function extractPdf(bytes: Buffer, file: string, signal: AbortSignal): Promise<RawPdf> {
  return new Promise((resolvePromise, reject) => {
    const data = new Uint8Array(bytes);
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { moduleUrl, data },
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = () =>
      finish(() => reject(new FileError('PARSE_TIMEOUT', 'PDF parsing took too long and was stopped', file)));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort);
    worker.on('message', (reply: WorkerReply) =>
      finish(() => (reply.ok ? resolvePromise(reply) : reject(toFileError(reply, file)))),
    );
    worker.on('error', (err) =>
      finish(() => reject(toFileError({ name: err.name, message: err.message }, file))),
    );
    worker.on('exit', (code) =>
      finish(() => reject(toFileError({ name: 'WorkerExit', message: `worker exited with ${code}` }, file))),
    );
  });
}
