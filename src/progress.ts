import cliProgress from 'cli-progress';

export interface Progress {
  update: (done: number, total: number, label: string) => void;
  stop: () => void;
}

/** A terminal progress bar when stderr is a TTY, one line per step otherwise. */
export function startProgress(title: string): Progress {
  if (!process.stderr.isTTY) {
    return {
      update: (done, total, label) => process.stderr.write(`${title} ${done}/${total} ${label}\n`),
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${title} [{bar}] {value}/{total} {label}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (done, total, label) => {
      if (!started) {
        bar.start(total, 0, { label });
        started = true;
      }
      bar.update(done, { label });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
