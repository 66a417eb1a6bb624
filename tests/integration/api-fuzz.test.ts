import { execFile } from 'node:child_process';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.ts';
import { appFor, openTestRuntime, SEEDS } from '../helpers/runtime.ts';

interface Run {
  code: number;
  output: string;
}

/** `.ci/schemathesis` against a URL (it provisions its pinned venv once in the cache folder). */
function schemathesis(url: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['.ci/schemathesis'],
      { env: { ...process.env, SCHEMATHESIS_URL: url }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, output: `${stdout}\n${stderr}` });
      },
    );
  });
}

/**
 * Schemathesis generates requests for every operation of the service's own OpenAPI document (every check on:
 * response schemas, status codes, content types, no 5xx) against the real service on the real Neo4j with the
 * seeds stored. Its report is kept out of the test log unless it fails.
 */
describe('the API holds its OpenAPI document under generated requests (Schemathesis)', () => {
  let rt: Runtime;
  let server: Server;

  beforeAll(async () => {
    rt = await openTestRuntime({ RATE_LIMIT_PER_MIN: '0' });
    await rt.ingestPaths([SEEDS]);
    server = appFor(rt).listen(0, '127.0.0.1');
    await once(server, 'listening');
  });

  afterAll(async () => {
    server?.close();
    await rt?.close();
  });

  it('passes every check on every operation', async () => {
    const { port } = server.address() as AddressInfo;
    const run = await schemathesis(`http://127.0.0.1:${port}`);
    expect(run.code, run.output).toBe(0);
    // The run must have generated requests, not stopped early: "Test cases: N generated, N passed".
    const generated = /(\d+) generated/.exec(run.output);
    expect(generated, run.output).not.toBeNull();
    expect(Number(generated![1])).toBeGreaterThan(200);
  }, 1_500_000);
});
