import chalk from 'chalk';

/** Where progress and the summary go: standard error, or a stand-in in tests. */
export type Terminal = { write: (s: string) => unknown; isTTY?: boolean };

export type ProgressState = { done: number; total: number; tasks: number; failed: number; elapsedMs: number };

const BAR = 24;

export function progressLine(s: ProgressState): string {
  const filled = s.total ? Math.round((s.done / s.total) * BAR) : BAR;
  const rate = s.elapsedMs > 0 ? (s.done / s.elapsedMs) * 1000 : 0;
  const failed = s.failed ? chalk.red(`${s.failed} failed`) : chalk.dim('0 failed');
  return [
    chalk.cyan('█'.repeat(filled)) + chalk.dim('░'.repeat(BAR - filled)),
    `${s.done}/${s.total} files`,
    `${s.tasks} tasks`,
    failed,
    `${rate.toFixed(1)} files/s`,
  ].join('  ');
}

/** One self-overwriting line on a terminal, redrawn at most ten times a second. */
export class ProgressBar {
  private last = 0;
  private readonly start = Date.now();

  constructor(private readonly stream: Terminal) {}

  update(s: Omit<ProgressState, 'elapsedMs'>, force = false): void {
    const now = Date.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    this.stream.write(`\r${progressLine({ ...s, elapsedMs: now - this.start })}\x1b[K`);
  }

  clear(): void {
    this.stream.write('\r\x1b[K');
  }
}
