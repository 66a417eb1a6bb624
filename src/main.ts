import type { Server } from 'node:http';
import { createApp } from './api/app.ts';
import { loadConfig, type Config } from './config.ts';
import { isAppError } from '../core/errors.ts';
import { createLogger, type Logger } from './log.ts';
import { startProgress } from './progress.ts';
import { appContext, openRuntime, type Runtime } from './runtime.ts';
import { VERSION } from './version.ts';
import { warmUp } from './warm-up.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  log(`policy-kg ${VERSION} starting (data ${config.dataDir})`);
  const rt = await openRuntime(config, log);
  installShutdown(rt, null, log);
  log(
    `Neo4j: ${rt.conn.uri}${rt.local ? (rt.local.owned ? ' (local, started here)' : ' (local, reused)') : ''}`,
  );
  await startupIngest(rt, log);
  log(`warm-up: ${Math.round(await warmUp(rt, log))} ms`);
  const app = createApp(appContext(rt, log));
  const server = app.listen(config.PORT, config.HOST, () => {
    log(`API and web page on http://${config.HOST}:${config.PORT}/`);
    warnOpenWrites(config, log);
  });
  installShutdown(rt, server, log);
}

async function startupIngest(rt: Runtime, log: Logger): Promise<void> {
  const mode = rt.config.INGEST_ON_START;
  if (mode === 'never') return;
  const { documents } = await rt.reader.counts();
  if (mode === 'auto' && documents > 0) {
    log(`graph holds ${documents} documents: start-up ingest skipped (INGEST_ON_START=always to force)`);
    return;
  }
  log(`ingesting ${rt.config.corpusDir}`);
  const progress = startProgress('ingest');
  const results = await rt.ingestPaths([rt.config.corpusDir], (done, total, r) =>
    progress.update(done, total, r.file),
  );
  progress.stop();
  for (const r of results) {
    if (r.status === 'failed') log.warn(`  ${r.file}: ${r.error?.code} ${r.error?.message}`);
  }
  const ok = results.filter((r) => r.status !== 'failed').length;
  log(
    `ingest done: ${ok}/${results.length} files, ${(await rt.reader.counts()).passages} passages searchable`,
  );
}

/** Uploads without API_TOKEN are accepted from the page's own origin only; say so loudly. */
function warnOpenWrites(config: Config, log: Logger): void {
  if (config.API_TOKEN) return;
  const hosts = ['loopback', ...config.allowedHosts].join(', ');
  log.warn('*****************************************************************************************');
  log.warn(`* WRITES ARE OPEN: API_TOKEN is unset, so anyone who can load the page (host ${hosts})`);
  log.warn('* can upload and replace documents. Set API_TOKEN to require Authorization: Bearer <token>.');
  log.warn('*****************************************************************************************');
}

let stopping = false;
let current: { rt: Runtime; server: Server | null } | null = null;

function installShutdown(rt: Runtime, server: Server | null, log: (s: string) => void): void {
  const first = current === null;
  current = { rt, server };
  if (!first) return;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    const { server: srv } = current!;
    srv?.close();
    rt.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  const message = isAppError(err) ? `${err.code}: ${err.message}` : String((err as Error)?.stack ?? err);
  process.stderr.write(`policy-kg could not start: ${message}\n`);
  process.exit(1);
});
