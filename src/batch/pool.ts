import { fileURLToPath } from 'node:url';
import { Tinypool } from 'tinypool';
import { MessageChannel } from 'node:worker_threads';
import type { FileJob, FileResult, PoolTask } from './worker.js';

export type PoolOptions = {
  jobs: number;
  timeoutSeconds: number;
  /** Another implementation of a file's work; tests substitute one that misbehaves on purpose. */
  workerFile?: string;
};

export type FilePool = { run: (job: FileJob) => Promise<FileResult>; destroy: () => Promise<void> };

export function createPool(opts: PoolOptions): FilePool {
  const pool = new Tinypool({
    filename: fileURLToPath(new URL('./worker.js', import.meta.url)),
    // Workers live for the whole batch: starting one loads the whole parser, which costs more
    // than parsing a typical notice.
    minThreads: opts.jobs,
    maxThreads: opts.jobs,
    // A second file starts parsing while the first one's outputs are being written.
    concurrentTasksPerWorker: 2,
  });

  // Aborting a running task makes tinypool terminate its worker and start a fresh one, which
  // is the only way to stop a parse stuck in a synchronous loop. The clock starts when a
  // worker takes the file up (it says so on the port), so files may queue ahead of the
  // workers without eating into their own time.
  async function attempt(job: FileJob): Promise<FileResult | 'worker-lost'> {
    const controller = new AbortController();
    const { port1, port2 } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    port1.once('message', () => {
      timer = setTimeout(() => controller.abort(), opts.timeoutSeconds * 1000);
    });
    const task: PoolTask = { ...job, started: port2, impl: opts.workerFile };
    try {
      return (await pool.run(task, { signal: controller.signal, transferList: [port2] })) as FileResult;
    } catch {
      return controller.signal.aborted ? { status: 'failed', reason: `took longer than the limit of ${opts.timeoutSeconds}s (raise it with --timeout)` } : 'worker-lost';
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }

  return {
    // A file whose worker was stopped for another file's time limit is simply run again.
    async run(job) {
      const first = await attempt(job);
      if (first !== 'worker-lost') return first;
      const second = await attempt(job);
      return second !== 'worker-lost' ? second : { status: 'failed', reason: 'internal error: the worker stopped twice on this file' };
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
