/**
 * OCR of scanned PDF pages with poppler (pdftoppm) and Tesseract (language "vie"): each page is rendered to
 * PNG at 200 dpi and recognised once with both the text and TSV outputs (TSV gives word confidences).
 * Pages run in parallel with one Tesseract thread each. Child processes are killed when `signal` aborts.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const OCR_HOWTO =
  'The PDF has no text layer (scanned). To read it with OCR install tesseract-ocr, tesseract-ocr-vie and ' +
  'poppler-utils (e.g. apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils) and set OCR=auto or OCR=on.';

let available: Promise<boolean> | null = null;

/** pdftoppm and tesseract with the Vietnamese model present? Checked once per process. */
export function ocrAvailable(): Promise<boolean> {
  available ??= (async () => {
    try {
      await run('pdftoppm', ['-v'], { timeout: 10_000 });
      const { stdout, stderr } = await run('tesseract', ['--list-langs'], { timeout: 10_000 });
      return /^vie$/mu.test(`${stdout}\n${stderr}`);
    } catch {
      return false;
    }
  })();
  return available;
}

export interface OcrPage {
  page: number;
  text: string;
  /** Mean word confidence 0..100, or null when no word was recognised. */
  confidence: number | null;
}

/** Mean confidence of recognised words in Tesseract TSV output. */
export function meanTsvConfidence(tsv: string): number | null {
  let sum = 0;
  let n = 0;
  for (const row of tsv.split('\n').slice(1)) {
    const cols = row.split('\t');
    const conf = Number(cols[10]);
    if (cols.length >= 12 && (cols[11] ?? '').trim() !== '' && conf >= 0) {
      sum += conf;
      n++;
    }
  }
  return n === 0 ? null : sum / n;
}

async function ocrPage(pdfPath: string, dir: string, page: number, signal: AbortSignal): Promise<OcrPage> {
  const prefix = join(dir, `p${page}`);
  await run(
    'pdftoppm',
    ['-r', '200', '-gray', '-png', '-singlefile', '-f', `${page}`, '-l', `${page}`, pdfPath, prefix],
    {
      signal,
      maxBuffer: 1 << 20,
    },
  );
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  await run('tesseract', [`${prefix}.png`, prefix, '-l', 'vie', 'txt', 'tsv'], {
    signal,
    env,
    maxBuffer: 1 << 24,
  });
  const [text, tsv] = await Promise.all([
    readFile(`${prefix}.txt`, 'utf8'),
    readFile(`${prefix}.tsv`, 'utf8'),
  ]);
  return { page, text, confidence: meanTsvConfidence(tsv) };
}

/** OCR the given 1-based pages of a PDF. */
export async function ocrPdf(bytes: Buffer, pages: number[], signal: AbortSignal): Promise<OcrPage[]> {
  const dir = await mkdtemp(join(tmpdir(), 'policy-kg-ocr-'));
  try {
    const pdfPath = join(dir, 'in.pdf');
    await writeFile(pdfPath, bytes);
    const results: OcrPage[] = [];
    const queue = [...pages];
    const workers = Array.from(
      { length: Math.max(1, Math.min(queue.length, Math.min(4, cpus().length))) },
      async () => {
        for (let p = queue.shift(); p !== undefined; p = queue.shift())
          results.push(await ocrPage(pdfPath, dir, p, signal));
      },
    );
    await Promise.all(workers);
    return results.sort((a, b) => a.page - b.page);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
