import { fileURLToPath } from 'node:url';
import { Tinypool } from 'tinypool';
import type { ChunkTask, FileJob, FileResult } from './worker.js';

export type PoolOptions = {
  jobs: number;
  timeoutSeconds: number;
  /** Another implementation of a file's work; tests substitute one that misbehaves on purpose. */
  workerFile?: string;
};

export type FilePool = { run: (files: FileJob[]) => Promise<FileResult[]>; destroy: () => Promise<void> };

export function createPool(opts: PoolOptions): FilePool {
  const pool = new Tinypool({
    filename: fileURLToPath(new URL('./worker.js', import.meta.url)),
    // Workers live for the whole batch: starting one loads the whole parser, which costs more
    // than parsing a typical notice.
    minThreads: opts.jobs,
    maxThreads: opts.jobs,
    // One chunk per worker: a worker's work is synchronous, so a second chunk would only wait,
    // and a time limit that stops the worker would take an innocent chunk with it.
    concurrentTasksPerWorker: 1,
    // Half of V8's default young generation: a worker's garbage is short-lived per file, so
    // collecting it sooner costs no time and keeps ~15 MB less resident per worker.
    resourceLimits: { maxYoungGenerationSizeMb: 24 },
  });
  const limitMs = opts.timeoutSeconds * 1000;
  const tickMs = Math.max(10, Math.min(250, limitMs / 10));

  // The main thread watches the chunk's shared cell and times each file from the moment it
  // first sees the worker on it, so chunks queued behind others do not eat into their time.
  // Aborting makes tinypool terminate the worker and start a fresh one: the only way to stop
  // a parse stuck in a synchronous loop.
  async function runChunk(files: FileJob[]): Promise<FileResult[]> {
    if (files.length === 0) return [];
    const current = new SharedArrayBuffer(4);
    const cell = new Int32Array(current);
    cell[0] = -1;
    const controller = new AbortController();
    let seen = -1;
    let since = Date.now();
    let stuck = false;
    const watch = setInterval(() => {
      const now = Atomics.load(cell, 0);
      if (now !== seen) {
        seen = now;
        since = Date.now();
      } else if (now >= 0 && now < files.length && Date.now() - since > limitMs) {
        stuck = true;
        controller.abort();
      }
    }, tickMs);
    const task: ChunkTask = { files, current, impl: opts.workerFile };
    try {
      return (await pool.run(task, { signal: controller.signal })) as FileResult[];
    } catch (e) {
      // The worker is gone: fail the file it was on, and run the others again (outputs are
      // written atomically, so redoing a finished file is harmless).
      const at = Atomics.load(cell, 0);
      const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
      if (at < 0 || at >= files.length) return files.map(() => ({ status: 'failed', reason: `internal error: the worker stopped: ${why}`, ms: 0 }));
      const failed: FileResult = {
        status: 'failed',
        reason: stuck ? `took longer than the limit of ${opts.timeoutSeconds}s (raise it with --timeout)` : `internal error: the worker stopped on this file: ${why}`,
        ms: Date.now() - since,
      };
      const [before, after] = await Promise.all([runChunk(files.slice(0, at)), runChunk(files.slice(at + 1))]);
      return [...before, failed, ...after];
    } finally {
      clearInterval(watch);
    }
  }

  return { run: runChunk, destroy: () => pool.destroy() };
}

/** Runs fn over items with at most `limit` calls in flight, in item order. */
export async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}

/**
 * Consecutive slices of items, small enough that the workers finish together (several
 * chunks per worker) and large enough that a message round trip per chunk is noise.
 */
export function chunked<T>(items: T[], workers: number, max = 32): T[][] {
  const size = Math.max(1, Math.min(max, Math.floor(items.length / (workers * 8))));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
