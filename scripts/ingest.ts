/**
 * `npm run ingest -- <files|dirs>`: ingests files into the configured Neo4j (local one when NEO4J_URI is
 * unset), with a progress bar and a per-file report. Exits 1 when any file failed.
 */
import { loadConfig } from '../src/config.ts';
import { isAppError } from '../core/errors.ts';
import { createLogger } from '../src/log.ts';
import { startProgress } from '../src/progress.ts';
import { openRuntime } from '../src/runtime.ts';

async function main(): Promise<number> {
  const inputs = process.argv.slice(2).filter((a) => a !== '--');
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  if (inputs.length === 0) inputs.push(config.corpusDir);
  // vectors are the running server's (or the next start's) work: it sees this ingest by the graph's change marker
  const rt = await openRuntime(config, log, { vectors: false });
  try {
    const progress = startProgress('ingest');
    const results = await rt.ingestPaths(inputs, (done, total, r) => progress.update(done, total, r.file));
    progress.stop();
    for (const r of results) {
      const what =
        r.status === 'failed'
          ? `${r.error?.code}: ${r.error?.message}`
          : `${r.documentId} ${JSON.stringify(r.counts)}`;
      process.stdout.write(`${r.status.padEnd(9)} ${r.file}  ${what}\n`);
    }
    const failed = results.filter((r) => r.status === 'failed').length;
    process.stdout.write(`${results.length - failed} ok, ${failed} failed\n`);
    return failed > 0 ? 1 : 0;
  } finally {
    await rt.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`ingest failed: ${isAppError(err) ? `${err.code}: ${err.message}` : String(err)}\n`);
    process.exit(1);
  },
);
