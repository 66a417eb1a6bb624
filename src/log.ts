export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  (line: string): void;
  debug: (line: string) => void;
  warn: (line: string) => void;
  error: (line: string) => void;
}

/** A tiny stderr logger: one line per event, prefixed with the time, filtered by level. */
export function createLogger(level: LogLevel = 'info'): Logger {
  const at = ORDER[level];
  const emit = (lvl: LogLevel) => (line: string) => {
    if (ORDER[lvl] >= at)
      process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${lvl.padEnd(5)} ${line}\n`);
  };
  const info = emit('info') as Logger;
  info.debug = emit('debug');
  info.warn = emit('warn');
  info.error = emit('error');
  return info;
}
