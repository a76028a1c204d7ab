import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve, extname } from 'node:path';
import iconv from 'iconv-lite';
import { readInput, writeAtomic } from '../io.js';
import { writerFor, FORMATS } from '../write/index.js';
import { csvRecords } from '../write/csv.js';
import { UsageError, reason } from '../report.js';
import { parseYear, parseMaxBytes, parseFrom } from './parse.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { VERSION } from '../version.js';
import { Notice } from '../model/schema.js';
import { collectInputs, outputStems, type InputFile } from '../batch/walk.js';
import { parseShard, inShard } from '../batch/shard.js';
import { MANIFEST_NAME, ManifestEntry, optionsHash, readManifest, reusable, summaryLines, tally, type Manifest, type OutputOptions } from '../batch/manifest.js';
import { createPool, forEachLimited, chunked } from '../batch/pool.js';
import { mergePart, type FileJob, type MergeFormat } from '../batch/worker.js';
import { ProgressBar, type Terminal } from '../batch/progress.js';

export type ConvertFlags = {
  output: string;
  to: string;
  jobs?: string;
  merge?: string;
  shard?: string;
  incremental?: boolean;
  encoding?: string;
  year?: string;
  from?: string;
  maxBytes?: string;
  timeout?: string;
  bom?: boolean;
  quiet?: boolean;
};

/** Test seams; the CLI passes none. */
export type ConvertDeps = { workerFile?: string; stderr?: Terminal };

const MANIFEST_EVERY_MS = 2000;

/** "json,csv" → canonical writer names with their extensions, in the order given, without repeats. */
async function parseFormats(value: string): Promise<{ name: string; extension: string }[]> {
  const out = new Map<string, string>();
  for (const name of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const writer = await writerFor(name);
    if (!writer) throw new UsageError(`--to takes a comma-separated list of ${FORMATS.join(', ')} (got "${name}")`);
    out.set(writer.name, writer.extension);
  }
  if (out.size === 0) throw new UsageError('--to needs at least one format');
  return [...out].map(([name, extension]) => ({ name, extension }));
}

function parsePositive(flag: string, value: string | undefined, fallback: number, integer: boolean): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!(Number.isFinite(n) && n > 0 && (!integer || Number.isInteger(n)))) throw new UsageError(`${flag} must be a positive ${integer ? 'whole ' : ''}number (got "${value}")`);
  return n;
}

function parseMerge(value: string | undefined): { path: string; format: MergeFormat } | null {
  if (value === undefined) return null;
  const ext = extname(value).toLowerCase();
  if (ext === '.csv') return { path: value, format: 'csv' };
  if (ext === '.ndjson' || ext === '.jsonl') return { path: value, format: 'ndjson' };
  throw new UsageError(`--merge writes a .csv or .ndjson file (got "${value}")`);
}

function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

export async function convertCommand(inputs: string[], flags: ConvertFlags, deps: ConvertDeps = {}): Promise<ExitCode> {
  const stderr = deps.stderr ?? process.stderr;
  const formats = await parseFormats(flags.to);
  const shard = parseShard(flags.shard);
  const merge = parseMerge(flags.merge);
  const maxBytes = parseMaxBytes(flags.maxBytes);
  const timeout = parsePositive('--timeout', flags.timeout, 60, false);
  const year = parseYear(flags.year);
  const from = parseFrom(flags.from);
  if (flags.encoding && !iconv.encodingExists(flags.encoding)) throw new UsageError(`unknown encoding "${flags.encoding}"`);
  const outDir = resolve(flags.output);

  const { base, files: all } = await collectInputs(inputs, { exclude: outDir });
  if (all.length === 0) throw new UsageError(`no notice files found in ${inputs.join(' ')}`);
  if (base === outDir) throw new UsageError(`the output folder ${flags.output} is the input folder; choose another`);
  // Stems come from the whole corpus, not the shard, so every machine names outputs alike.
  const stems = outputStems(all.map((f) => f.rel));
  const files = all.filter((f) => inShard(f.rel, shard));
  const outputsOf = (f: InputFile) => formats.map((fmt) => stems.get(f.rel)! + fmt.extension);
  const inputPaths = new Set(all.map((f) => f.path));
  for (const f of files) {
    const clash = outputsOf(f).find((o) => inputPaths.has(join(outDir, o)));
    if (clash) throw new UsageError(`writing ${clash} into ${flags.output} would overwrite an input; choose another output folder`);
  }
  const jobs = Math.min(parsePositive('--jobs', flags.jobs, availableParallelism(), true), Math.max(files.length, 1));

  const options: OutputOptions = { version: VERSION, to: formats.map((f) => f.name), encoding: flags.encoding ?? null, year: year ?? null, from: from ?? null, bom: Boolean(flags.bom) };
  const hash = optionsHash(options);
  const manifestPath = join(outDir, MANIFEST_NAME);
  const previous = flags.incremental ? await readManifest(manifestPath) : new Map<string, ManifestEntry>();
  const done = new Map<string, ManifestEntry>();
  const mergeParts = new Map<string, string>();

  const manifest = (): Manifest => ({
    fengong: VERSION,
    shard: shard ? `${shard.index}/${shard.count}` : null,
    options: { to: options.to, encoding: options.encoding, year: options.year, from: options.from, bom: options.bom },
    optionsHash: hash,
    // Entries not yet redone keep their previous state, so a run interrupted between two
    // rewrites can still be resumed with --incremental.
    inputs: files.flatMap((f) => done.get(f.rel) ?? previous.get(f.rel) ?? []),
  });
  let lastWrite = Date.now();
  let writing: Promise<void> = Promise.resolve();
  const saveManifest = () => (writing = writing.catch(() => undefined).then(() => writeAtomic(manifestPath, JSON.stringify(manifest(), null, 2) + '\n')));

  // The previous JSON output stands in for a re-parse when an unchanged input must still go into --merge.
  const reuse = async (f: InputFile, sha256: string, outputs: string[]): Promise<ManifestEntry | null> => {
    const prev = previous.get(f.rel);
    if (!reusable(prev, sha256, hash, outputs)) return null;
    if (!(await Promise.all(outputs.map((o) => exists(join(outDir, o))))).every(Boolean)) return null;
    if (merge) {
      const json = formats.findIndex((fmt) => fmt.name === 'json');
      if (json < 0) return null;
      const notice = Notice.safeParse(await readFile(join(outDir, outputs[json]), 'utf8').then(JSON.parse, () => null).catch(() => null));
      if (!notice.success) return null;
      mergeParts.set(f.rel, mergePart(notice.data, merge.format));
    }
    return prev;
  };

  const tty = Boolean(stderr.isTTY) && !flags.quiet;
  const bar = tty ? new ProgressBar(stderr) : null;
  const counts = { done: 0, total: files.length, tasks: 0, failed: 0 };
  const started = Date.now();
  const pool = createPool({ jobs, timeoutSeconds: timeout, workerFile: deps.workerFile });
  bar?.update(counts, true);

  const record = (rel: string, entry: ManifestEntry) => {
    done.set(rel, entry);
    counts.done++;
    counts.tasks += entry.tasks ?? 0;
    if (entry.status === 'failed') counts.failed++;
    bar?.update(counts);
    if (Date.now() - lastWrite > MANIFEST_EVERY_MS) {
      lastWrite = Date.now();
      // A failed interim write only loses resumability; the final write reports the error.
      saveManifest().catch(() => undefined);
    }
  };

  // Under --incremental the main thread reads and hashes each input to find what is unchanged;
  // otherwise the workers read the files themselves.
  const pending: InputFile[] = [];
  for (const f of files) {
    if (!flags.incremental) {
      pending.push(f);
      continue;
    }
    const t0 = Date.now();
    try {
      const sha256 = createHash('sha256').update(await readInput(f.path, maxBytes)).digest('hex');
      const skipped = await reuse(f, sha256, outputsOf(f));
      if (skipped) record(f.rel, { ...skipped, status: 'skipped', ms: Date.now() - t0 });
      else pending.push(f);
    } catch (e) {
      record(f.rel, { input: f.rel, status: 'failed', reason: reason(e), outputs: [], optionsHash: hash, ms: Date.now() - t0 });
    }
  }

  const job = (f: InputFile): FileJob => ({
    rel: f.rel, path: f.path, maxBytes, outDir, outputs: outputsOf(f), formats: formats.map((fmt) => fmt.name),
    encoding: flags.encoding, year, from, bom: flags.bom, merge: merge?.format,
  });
  try {
    // One chunk waits behind each worker's current one, so no worker idles between chunks.
    await forEachLimited(chunked(pending, jobs), jobs * 2, async (chunk) => {
      const results = await pool.run(chunk.map(job));
      for (const [i, r] of results.entries()) {
        const f = chunk[i];
        const base = { input: f.rel, sha256: r.sha256, bytes: r.bytes, optionsHash: hash, ms: r.ms };
        if (r.status === 'failed') record(f.rel, { ...base, status: 'failed', reason: r.reason, outputs: [] });
        else {
          record(f.rel, { ...base, status: r.status, tasks: r.tasks, outputs: r.outputs });
          if (r.merge !== undefined) mergeParts.set(f.rel, r.merge);
        }
      }
    });
  } finally {
    await pool.destroy();
  }

  await saveManifest();
  if (merge) {
    const parts = files.flatMap((f) => mergeParts.get(f.rel) ?? []).join('');
    writeAtomic(merge.path, merge.format === 'csv' ? csvRecords([], { bom: flags.bom }) + parts : parts);
  }

  const entries = manifest().inputs;
  bar?.clear();
  if (flags.quiet) {
    for (const e of entries) if (e.status === 'failed') stderr.write(`fengong: ${e.input}: ${e.reason}\n`);
  } else {
    stderr.write(summaryLines(entries, (Date.now() - started) / 1000).join('\n') + '\n');
  }
  return tally(entries).failed > 0 ? EXIT.failed : EXIT.ok;
}
