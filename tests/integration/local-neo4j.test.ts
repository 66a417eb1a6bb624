import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { neo4jHome, startLocalNeo4j, type LocalNeo4j, type LauncherRecord } from '../../graph/local-neo4j.ts';

/**
 * The local Neo4j launcher on its own data folder (not the one the global setup uses), so that this file owns
 * the JVMs it checks: start, query, reuse, stop, and no orphan JVM when the owning node process is killed.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA_DIR = path.resolve(ROOT, process.env.DATA_DIR ?? 'data', 'test-launcher');
const HOME = neo4jHome(DATA_DIR);
const RECORD = path.join(HOME, 'launcher.json');
const log = (line: string) => process.stderr.write(`[local-neo4j test] ${line}\n`);

/** Pids of launcher JVMs running on HOME (pgrep -f on the data folder path). */
function launcherPids(): number[] {
  const r = spawnSync('pgrep', ['-f', `launcher.jar --data ${HOME}`], { encoding: 'utf8' });
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map(Number)
    .filter((pid) => pid !== process.pid);
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return check();
}

const started: LocalNeo4j[] = [];

afterAll(async () => {
  for (const l of started) await l.stop();
  for (const pid of launcherPids()) process.kill(pid, 'SIGKILL');
});

describe('local Neo4j launcher', () => {
  it('exits on its own when the owning node process is killed (stdin EOF), leaving a stale record', async () => {
    const script = path.join(os.tmpdir(), `local-neo4j-owner-${process.pid}.mts`);
    const moduleUrl = new URL('../../graph/local-neo4j.ts', import.meta.url).href;
    fs.writeFileSync(
      script,
      [
        `import { startLocalNeo4j } from ${JSON.stringify(moduleUrl)};`,
        `const l = await startLocalNeo4j({ dataDir: ${JSON.stringify(DATA_DIR)}, log: (s) => console.error(s) });`,
        `console.log('URI ' + l.uri + ' ' + l.owned);`,
        `setInterval(() => {}, 1000);`,
      ].join('\n'),
    );
    const owner = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        readline.createInterface({ input: owner.stdout }).on('line', (l) => {
          if (l.startsWith('URI ')) resolve(l);
        });
        owner.once('exit', (code) => reject(new Error(`owner process exited early (${code})`)));
      });
      expect(line).toMatch(/^URI bolt:\/\/127\.0\.0\.1:\d+ true$/);
      const rec = JSON.parse(fs.readFileSync(RECORD, 'utf8')) as LauncherRecord;
      expect(launcherPids()).toContain(rec.pid);

      owner.kill('SIGKILL'); // no exit handlers run: only the launcher's stdin watchdog can notice
      expect(await waitUntil(() => launcherPids().length === 0, 60_000)).toBe(true);
      expect(fs.existsSync(RECORD)).toBe(true); // stale record, cleaned up by the next start
    } finally {
      owner.kill('SIGKILL');
      fs.rmSync(script, { force: true });
    }
  }, 300_000);

  it('starts (replacing a stale record), answers RETURN 1, is reused, and stops without leaving a JVM', async () => {
    const a = await startLocalNeo4j({ dataDir: DATA_DIR, log });
    started.push(a);
    expect(a.owned).toBe(true);
    expect(a.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    const rec = JSON.parse(fs.readFileSync(RECORD, 'utf8')) as LauncherRecord;
    expect(rec.uri).toBe(a.uri);
    expect(rec.dataDir).toBe(HOME);
    expect(launcherPids()).toEqual([rec.pid]);

    const driver = neo4j.driver(a.uri);
    try {
      const res = await driver.executeQuery('RETURN 1 AS x');
      expect(res.records[0]?.get('x')).toEqual(neo4j.int(1));
    } finally {
      await driver.close();
    }

    const b = await startLocalNeo4j({ dataDir: DATA_DIR, log });
    expect(b.owned).toBe(false);
    expect(b.uri).toBe(a.uri);
    await b.stop(); // reused: does nothing
    expect(launcherPids()).toEqual([rec.pid]);

    await a.stop();
    expect(launcherPids()).toEqual([]);
    expect(fs.existsSync(RECORD)).toBe(false);
    await a.stop(); // idempotent
  }, 300_000);
});
