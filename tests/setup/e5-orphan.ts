/**
 * Test fixture process: starts a local e5 server, prints `READY <server pid>` and waits to be killed. The
 * watchdog test kills this process with SIGKILL (no exit handlers run) and checks the server goes too.
 */
import { startLocalEmbeddingServer } from '../../src/search/embedder/local-server/index.ts';

const server = await startLocalEmbeddingServer({ threads: 1 }, () => {});
process.stdout.write(`READY ${server.pid}\n`);
setInterval(() => {}, 60_000);
