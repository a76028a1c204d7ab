import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parseNotice } from '../parse.js';
import { readFileInput, writeAtomic } from '../io.js';
import { writerFor } from '../write/index.js';
import { csvRecords, csvRows } from '../write/csv.js';
import { ndjsonLines } from '../write/ndjson.js';
import { reason, taskCount } from '../report.js';
import type { Format } from '../read/index.js';
import type { Notice } from '../model/schema.js';

export type MergeFormat = 'csv' | 'ndjson';

export type FileJob = {
  rel: string;
  /** Absolute path: the worker reads the file itself, so no bytes cross threads. */
  path: string;
  maxBytes: number;
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

/** What became of one file; sha256 and bytes are known whenever the file could be read. */
export type FileResult = { ms: number; sha256?: string; bytes?: number } & (
  | { status: 'ok' | 'no-tasks'; tasks: number; outputs: string[]; merge?: string }
  | { status: 'failed'; reason: string }
);

/**
 * What the pool hands a worker: several files, so that a message round trip is paid per
 * chunk rather than per small file; a shared cell where the worker says which file it is
 * on, so the main thread can time each file and tell which one a lost worker was on; and,
 * for tests, another implementation of a file's work.
 */
export type ChunkTask = { files: FileJob[]; current: SharedArrayBuffer; impl?: string };

/** This notice's part of a --merge file: CSV rows without the header, or NDJSON lines. */
export function mergePart(notice: Notice, format: MergeFormat): string {
  return format === 'csv' ? csvRecords(csvRows(notice), { header: false }) : ndjsonLines(notice);
}

/**
 * Reads, parses and writes the outputs of one file. Every error comes back as a result,
 * because an Error crossing the thread boundary loses its class and with it the
 * InputError/bug distinction.
 */
export async function convertFile(job: FileJob): Promise<FileResult> {
  const t0 = Date.now();
  let bytes: Uint8Array | undefined;
  try {
    bytes = readFileInput(job.path, job.maxBytes);
    const notice = await parseNotice(bytes, { path: job.rel, encoding: job.encoding, year: job.year, format: job.from });
    for (const [i, name] of job.formats.entries()) {
      const writer = await writerFor(name);
      if (!writer) throw new Error(`no writer for ${name}`);
      writeAtomic(join(job.outDir, job.outputs[i]), await writer.write([notice], { bom: job.bom }));
    }
    const tasks = taskCount(notice);
    const merge = job.merge && mergePart(notice, job.merge);
    return { status: tasks ? 'ok' : 'no-tasks', tasks, outputs: job.outputs, merge, sha256: notice.source.sha256, bytes: bytes.length, ms: Date.now() - t0 };
  } catch (e) {
    const read = bytes && { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
    return { status: 'failed', reason: reason(e), ...read, ms: Date.now() - t0 };
  }
}

/** The pool's entry point: the chunk's files in order, each announced in the shared cell before it starts. */
export default async function runChunk(task: ChunkTask): Promise<FileResult[]> {
  const current = new Int32Array(task.current);
  const run: (job: FileJob) => Promise<FileResult> = task.impl ? (await import(task.impl)).default : convertFile;
  const results: FileResult[] = [];
  for (const [i, job] of task.files.entries()) {
    Atomics.store(current, 0, i);
    results.push(await run(job));
  }
  Atomics.store(current, 0, task.files.length);
  return results;
}
