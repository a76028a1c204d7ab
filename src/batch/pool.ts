import { fileURLToPath } from 'node:url';
import { Tinypool } from 'tinypool';
import type { FileJob, FileResult } from './worker.js';

export type PoolOptions = {
  jobs: number;
  timeoutSeconds: number;
  /** The worker module; tests substitute one that misbehaves on purpose. */
  workerFile?: string;
};

export type FilePool = { run: (job: FileJob) => Promise<FileResult>; destroy: () => Promise<void> };

export function createPool(opts: PoolOptions): FilePool {
  const pool = new Tinypool({
    filename: opts.workerFile ?? fileURLToPath(new URL('./worker.js', import.meta.url)),
    // Workers live for the whole batch: starting one loads the whole parser, which costs more
    // than parsing a typical notice.
    minThreads: opts.jobs,
    maxThreads: opts.jobs,
  });
  return {
    async run(job) {
      // Aborting a running task makes tinypool terminate its worker and start a fresh one, which
      // is the only way to stop a parse stuck in a synchronous loop. The clock starts here, not at
      // queueing, because callers never have more jobs in flight than there are workers.
      const signal = AbortSignal.timeout(opts.timeoutSeconds * 1000);
      try {
        return (await pool.run(job, { signal })) as FileResult;
      } catch (e) {
        if (signal.aborted) return { status: 'failed', reason: `took longer than the limit of ${opts.timeoutSeconds}s (raise it with --timeout)` };
        return { status: 'failed', reason: `internal error: worker stopped: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
      }
    },
    destroy: () => pool.destroy(),
  };
}

/** Runs fn over items with at most `limit` calls in flight, in item order. */
export async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}
