/**
 * Analysis worker body: runs `analyse` for each job posted by the host and posts the result back. Loaded
 * through tsx by the host's bootstrap; its heap is capped by the host's `resourceLimits`.
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { toAppError } from '../../core/errors.ts';
import { analyse } from '../analyse.ts';
import type { Job, Reply } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('ingest/isolate/worker.ts runs only as a worker thread');

/**
 * Analysis yields the CPU to search: on Linux the nice value is per thread, so this lowers this worker
 * thread (and the parser processes it starts: pdftotext, tesseract, LibreOffice), not the server's
 * event loop. Elsewhere the call would lower the whole process, so it is made on Linux only.
 */
const ANALYSIS_NICE = 10;
if (process.platform === 'linux') {
  try {
    setPriority(0, ANALYSIS_NICE);
  } catch {
    // not permitted here: analysis runs at the server's priority
  }
}

port.on('message', (job: Job) => {
  const post = (reply: Reply) => port.postMessage(reply);
  const bytes = Buffer.from(job.file.bytes.buffer, job.file.bytes.byteOffset, job.file.bytes.byteLength);
  analyse(
    { path: job.file.path, name: job.file.name, bytes },
    {
      parse: { ...job.parse, log: (line) => post({ id: job.id, kind: 'log', line }) },
      manifest: job.manifest,
    },
  ).then(
    (analysis) => post({ id: job.id, kind: 'done', analysis }),
    (err: unknown) => {
      const e = toAppError(err);
      post({ id: job.id, kind: 'failed', code: e.code, message: e.message, details: e.details });
    },
  );
});
