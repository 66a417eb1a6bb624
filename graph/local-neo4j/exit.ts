/** The launchers this process started, and stopping them when node exits or gets SIGINT/SIGTERM. */
import type { ChildProcess } from 'node:child_process';
import { removeRecordIfPid } from './files.ts';

// ---------------------------------------------------------------------------------------------------------------
// Owned launchers and exit handling

export interface OwnedLauncher {
  child: ChildProcess;
  recordFile: string;
  stop: () => Promise<void>;
}

export const owned = new Set<OwnedLauncher>();
let exitHandlersEnabled = true;
let exitHandlersInstalled = false;

/**
 * Whether this module stops the JVMs it started when node exits (`exit`) or gets SIGINT/SIGTERM (default on).
 * Turn off when the application stops them itself; the JVM still exits when this process dies (stdin EOF).
 */
export function setStopOnExit(enabled: boolean): void {
  exitHandlersEnabled = enabled;
}

function killNowSync(l: OwnedLauncher): void {
  l.child.stdin?.destroy();
  if (l.child.exitCode === null && l.child.signalCode === null) l.child.kill('SIGTERM');
  removeRecordIfPid(l.recordFile, l.child.pid);
}

function onExit(): void {
  if (!exitHandlersEnabled) return;
  // Synchronous only: close stdin and SIGTERM; each JVM then checkpoints and exits on its own.
  for (const l of owned) killNowSync(l);
  owned.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  if (!exitHandlersEnabled || owned.size === 0) {
    reraise(signal);
    return;
  }
  const stops = [...owned].map((l) => l.stop());
  void Promise.allSettled(stops).then(() => reraise(signal));
}

/** Keeps node's default signal behaviour (exit) unless the application installed its own handlers. */
function reraise(signal: NodeJS.Signals): void {
  const others = process.listeners(signal).filter((l) => l !== onSigint && l !== onSigterm);
  if (others.length > 0) return;
  process.off('SIGINT', onSigint);
  process.off('SIGTERM', onSigterm);
  process.kill(process.pid, signal);
}

const onSigint = (): void => onSignal('SIGINT');
const onSigterm = (): void => onSignal('SIGTERM');

export function installExitHandlers(): void {
  if (exitHandlersInstalled) return;
  exitHandlersInstalled = true;
  process.on('exit', onExit);
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
}
