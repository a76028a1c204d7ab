import { join } from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { parseNotice } from '../parse.js';
import { writeAtomic } from '../io.js';
import { writerFor } from '../write/index.js';
import { csvRecords, csvRows } from '../write/csv.js';
import { ndjsonLines } from '../write/ndjson.js';
import { reason, taskCount } from '../report.js';
import type { Format } from '../read/index.js';
import type { Notice } from '../model/schema.js';

export type MergeFormat = 'csv' | 'ndjson';

export type FileJob = {
  rel: string;
  bytes: Uint8Array;
  outDir: string;
  /** Output paths relative to outDir, one per format, in the order of `formats`. */
  outputs: string[];
  formats: string[];
  encoding?: string;
  year?: number;
  from?: Format;
  bom?: boolean;
  merge?: MergeFormat;
};

/** What the pool hands a worker: the job, a port to say it has started, and (for tests) another implementation. */
export type PoolTask = FileJob & { started?: MessagePort; impl?: string };

export type FileResult =
  | { status: 'ok' | 'no-tasks'; tasks: number; outputs: string[]; merge?: string }
  | { status: 'failed'; reason: string };

/** This notice's part of a --merge file: CSV rows without the header, or NDJSON lines. */
export function mergePart(notice: Notice, format: MergeFormat): string {
  return format === 'csv' ? csvRecords(csvRows(notice), { header: false }) : ndjsonLines(notice);
}

/**
 * Parses one file and writes its outputs. Every error comes back as a result, because an Error
 * crossing the thread boundary loses its class and with it the InputError/bug distinction.
 */
export async function convertFile(job: FileJob): Promise<FileResult> {
  try {
    const notice = await parseNotice(job.bytes, { path: job.rel, encoding: job.encoding, year: job.year, format: job.from });
    for (const [i, name] of job.formats.entries()) {
      const writer = await writerFor(name);
      if (!writer) throw new Error(`no writer for ${name}`);
      await writeAtomic(join(job.outDir, job.outputs[i]), await writer.write([notice], { bom: job.bom }));
    }
    const tasks = taskCount(notice);
    return { status: tasks ? 'ok' : 'no-tasks', tasks, outputs: job.outputs, merge: job.merge && mergePart(notice, job.merge) };
  } catch (e) {
    return { status: 'failed', reason: reason(e) };
  }
}

/**
 * The pool's entry point. It says "started" before any work, so the pool times a file
 * from the moment a worker takes it up, not from when it was queued behind others.
 */
export default async function runTask(task: PoolTask): Promise<FileResult> {
  const { started, impl, ...job } = task;
  started?.postMessage(0);
  started?.close();
  const run: (job: FileJob) => Promise<FileResult> = impl ? (await import(impl)).default : convertFile;
  return run(job);
}
